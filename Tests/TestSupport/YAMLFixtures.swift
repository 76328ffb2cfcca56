import YAML

// Fixtures every test target shares: YAML text in, trees out.

/// Parses one YAML document.
public func node(_ text: String, file: String = "test.yaml") throws -> Node {
    let docs = try YAMLParser().parse(text, file: file)
    guard let first = docs.first else { throw Diagnostic(file: file, message: "no document") }
    return first
}

public func mapping(_ text: String, file: String = "test.yaml") throws -> Mapping {
    guard let m = try node(text, file: file).asMapping else { throw Diagnostic(file: file, message: "not a mapping") }
    return m
}

public func emit(_ m: Mapping) throws -> String {
    try YAMLEmitter().emitString(.mapping(m))
}

/// Strips the common leading indentation of a multi-line literal so cases read naturally.
public func y(_ s: String) -> String {
    let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
    let indents = lines.filter { !$0.allSatisfy { $0 == " " } }.map { $0.prefix { $0 == " " }.count }
    let strip = indents.min() ?? 0
    var out = lines.map { $0.count >= strip ? String($0.dropFirst(strip)) : "" }.joined(separator: "\n")
    while out.hasPrefix("\n") { out.removeFirst() }
    while out.hasSuffix("\n\n") { out.removeLast() }
    if !out.hasSuffix("\n") { out += "\n" }
    return out
}
