// libFuzzer target: a whole build from a tree in memory. The input is cut into files at lines
// "#== PATH" (the first part, before any such line, is /app/kustomization.yaml); the build of
// /app never crashes and fails only with a Diagnostic; what it builds emits and parses.
import StsKustomize

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var tree = MemoryFileSystem()
    var path = "/app/kustomization.yaml"
    var body: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("#== ") {
            tree.write(path, body.joined(separator: "\n"))
            let name = String(line.dropFirst(4).filter { $0 != " " && $0 != "\r" })
            path = name.hasPrefix("/") ? name : "/app/" + name
            body = []
        } else {
            body.append(line)
        }
    }
    tree.write(path, body.joined(separator: "\n"))
    let options = BuildOptions(limits: FuzzInput.limits, fileSystem: tree)
    do {
        let result = try Build(options: options).run("/app")
        _ = try result.yaml()
    } catch is Diagnostic {
    } catch {
        fatalError("a build error that is not a Diagnostic: \(type(of: error)): \(error)")
    }
    return 0
}
