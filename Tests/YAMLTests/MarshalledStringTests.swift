import XCTest
@testable import YAML

/// `Scalar.marshalledString` predicts the style go-yaml writes a string in; go-yaml's emitter
/// makes that choice as libyaml's does, so libyaml is the reference.
final class MarshalledStringTests: XCTestCase {
    func testPlainOrQuotedAsLibyamlWritesIt() throws {
        for text in BlockWriterTests.texts + ["😀", "x😀y", "a\u{10000}", "\u{FEFF}bom", "ok é"] 
            // the emitter first does what kustomize's JSON-to-YAML step does to a NEL (reads it
            // as a folded line break), so libyaml never sees those texts as given
            where !text.contains("\n") && !text.unicodeScalars.contains("\u{85}") {
            let written = try YAMLEmitter(libyamlOnly: true).emit(.mapping(Mapping([MapEntry(key: .string("k"), value: .string(text))])))
            let value = String(decoding: written, as: UTF8.self).dropFirst(3)
            let libyamlQuotes = value.hasPrefix("'") || value.hasPrefix("\"")
            let style = Scalar.marshalledString(text).style
            XCTAssertEqual(style != .plain, libyamlQuotes, "\(text.debugDescription): \(style), libyaml wrote \(value.debugDescription)")
            if libyamlQuotes {
                XCTAssertEqual(style == .singleQuoted, value.hasPrefix("'"), text.debugDescription)
            }
        }
    }
}
