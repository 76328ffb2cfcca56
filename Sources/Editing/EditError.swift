/// A refused edit, in kustomize's words; the CLI prints it as `Error: …` and exits 1.
public struct EditError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
