import KubeModel
import YAML

/// One problem a check found in a resource.
public struct Finding: Equatable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// The check's stable identifier (`service-name`, `claim-template-labels`, …).
    public var check: String
    public var resource: ResourceRef
    public var path: FieldPath
    public var message: String
    /// Position in `resource.file`, when the input's positions can be trusted (rendered YAML
    /// read directly; a directory's render mixes nodes from bases and patches).
    public var mark: Mark?

    public init(_ severity: Severity, check: String, resource: ResourceRef, path: FieldPath, message: String, mark: Mark? = nil) {
        self.severity = severity
        self.check = check
        self.resource = resource
        self.path = path
        self.message = message
        self.mark = mark
    }

    /// `FILE[:LINE:COL]`, the location compilers and editors understand.
    public var location: String {
        guard let mark, mark != .none else { return resource.file }
        return "\(resource.file):\(mark.line):\(mark.column)"
    }
}
