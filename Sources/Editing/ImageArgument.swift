/// An image argument of `edit set image`, read as kustomize reads it (setimage.go `parse`,
/// api/internal/image `Split`): `name=newName:tag@digest` and its shorter forms; `*` in a part
/// keeps what the file has.
struct ImageArgument: Equatable {
    var name: String
    var newName = ""
    var newTag = ""
    var digest = ""

    static let invalid = """
        invalid format of image, use one of the following options:
        - <image>=<newimage>:<newtag>
        - <image>=<newimage>@<digest>
        - <image>=<newimage>:<newtag>@<digest>
        - <image>=<newimage>
        - <image>:<newtag>
        - <image>:<newtag>@<digest>
        - <image>@<digest>
        """

    init(name: String, newName: String = "", newTag: String = "", digest: String = "") {
        self.name = name
        self.newName = newName
        self.newTag = newTag
        self.digest = digest
    }

    init(parsing arg: String) throws {
        let key: String, value: String
        if let eq = arg.firstIndex(of: "=") {
            key = String(arg[..<eq])
            value = String(arg[arg.index(after: eq)...])
        } else {
            key = ""
            value = arg
        }
        let (name, tag, digest) = Self.split(value)
        if name == arg { throw EditError(Self.invalid) }
        self.init(name: key.isEmpty ? name : key, newName: key.isEmpty ? "" : name, newTag: tag, digest: digest)
    }

    /// `registry:5000/app:tag@sha256:…` into name, tag and digest (a port before the first `/`
    /// is part of the name).
    static func split(_ image: String) -> (name: String, tag: String, digest: String) {
        let chars = Array(image)
        var offset = 0
        if let slash = chars.firstIndex(of: "/"), slash > 0 { offset = slash }
        let search = chars[offset...]
        let at = search.firstIndex(of: "@")
        let colon = search.firstIndex(of: ":")
        if at == nil && colon == nil { return (image, "", "") }
        if let at, colon == nil || at < colon! {
            return (String(chars[..<at]), "", String(chars[(at + 1)...]))
        }
        let c = colon!
        if let at {
            return (String(chars[..<c]), String(chars[(c + 1)..<at]), String(chars[(at + 1)...]))
        }
        return (String(chars[..<c]), String(chars[(c + 1)...]), "")
    }
}
