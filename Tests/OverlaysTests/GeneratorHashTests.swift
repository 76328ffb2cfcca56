@testable import Overlays
import XCTest
import YAML

/// The name hash. Expected suffixes come from kustomize: its own hasher tests
/// (api/hasher/hasher_test.go) and `kubectl kustomize` (v5.5.0) on the inputs shown.
final class GeneratorHashTests: XCTestCase {
    private func object(_ text: String) throws -> Mapping {
        let docs = try YAMLParser().parse(text, file: "in.yaml")
        return try XCTUnwrap(docs.first?.asMapping)
    }

    private func suffix(_ text: String) throws -> String {
        try ContentHash.suffix(for: object(text))
    }

    func testConfigMapHashesMatchKustomizesHasherTests() throws {
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: ConfigMap"), "6ct58987ht")
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: ConfigMap\ndata:\n  one: \"\""), "9g67k2htb6")
        // Numbers hash as JSON numbers, keys in byte order.
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: ConfigMap\ndata:\n  two: 2\n  one: \"\"\n  three: 3"), "7757f9kkct")
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: ConfigMap\nbinaryData:\n  one: \"\""), "6mtk2m274t")
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: ConfigMap\nbinaryData:\n  two: 2\n  one: \"\"\n  three: 3"), "9th7kc28dg")
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: ConfigMap\ndata:\n  one: \"\"\nbinaryData:\n  two: \"\""), "698h7c7t9m")
    }

    func testSecretHashesMatchKustomizesHasherTests() throws {
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: Secret\ntype: my-type"), "5gmgkf8578")
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  one: \"\""), "74bd68bm66")
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  two: 2\n  one: \"\"\n  three: 3"), "4gf75c7476")
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: Secret\ntype: my-type\ndata:\n  one: \"\"\nstringData:\n  two: 2"), "c4h4264gdb")
    }

    func testNameLabelsAndImmutableDoNotChangeTheHash() throws {
        // kubectl kustomize: configMapGenerator `x` with literal a=1 → x-h29d89cmmt, with or
        // without labels, annotations or immutable.
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: \"1\"}"), "h29d89cmmt")
        XCTAssertEqual(try suffix("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: other, labels: {l: "2"}, annotations: {n: "3"}}
            immutable: true
            data: {a: "1"}
            """), "h29d89cmmt")
        // secretGenerator `sec`, literal a=1, type kubernetes.io/tls → sec-hm5f724df9.
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: Secret\nmetadata: {name: sec}\ntype: kubernetes.io/tls\ndata: {a: MQ==}"), "hm5f724df9")
    }

    func testStringsAreEscapedLikeGoJSON() throws {
        // Literal "a=\b\f\x01<>&\u2028\t\"\\é" → x-th7h2tgb8m (\b and \f short forms, HTML
        // characters and U+2028 as \u escapes).
        XCTAssertEqual(try suffix("apiVersion: v1\nkind: ConfigMap\ndata:\n  a: \"\\b\\f\\x01<>&\\u2028\\t\\\"\\\\é\""), "th7h2tgb8m")
        var out: [UInt8] = []
        GoJSON.appendString("<a&b>\u{1}\u{7f}", to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #""\u003ca\u0026b\u003e\u0001\#u{7f}""#)
    }

    /// The byte-run encoder against Go's rules applied one code point at a time.
    func testStringEncodingAgreesWithThePerCodePointRules() {
        func reference(_ s: String) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for u in s.unicodeScalars {
                switch u.value {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x08: out += Array("\\b".utf8)
                case 0x0C: out += Array("\\f".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029:
                    let hex = String(u.value, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default: out += Array(String(u).utf8)
                }
            }
            return out + [0x22]
        }
        let pieces = ["a", "\"", "\\", "\n", "\t", "\r", "\u{8}", "\u{c}", "\u{1}", "\u{1f}", "<", ">", "&", "\u{2028}", "\u{2029}",
                      "\u{2027}", "é", "日本", "😀", "\u{7f}", " ", "xyz"]
        var state: UInt64 = 7
        for _ in 0..<3000 {
            var s = ""
            state = state &* 6364136223846793005 &+ 1
            for k in 0..<Int(state >> 60) { s += pieces[Int((state >> UInt64(4 * k)) & 0xFF) % pieces.count] }
            var out: [UInt8] = []
            GoJSON.appendString(s, to: &out)
            XCTAssertEqual(out, reference(s), s.debugDescription)
        }
    }

    func testObjectKeysSortByBytes() throws {
        // "Z" (0x5A) sorts before "a"; "é" (0xC3…) after "z".
        let value = GoJSONValue.object([("é", .null), ("a", .bool(true)), ("Z", .number(1)), ("z", .string(""))])
        XCTAssertEqual(String(decoding: value.encoded(), as: UTF8.self), #"{"Z":1,"a":true,"z":"","é":null}"#)
    }

    func testFloatsUseGoFormatting() {
        XCTAssertEqual(GoNumber.formatJSON(1), "1")
        XCTAssertEqual(GoNumber.formatJSON(-2.5), "-2.5")
        XCTAssertEqual(GoNumber.formatJSON(0.000001), "0.000001")
        XCTAssertEqual(GoNumber.formatJSON(0.0000001), "1e-7")
        XCTAssertEqual(GoNumber.formatJSON(1.5e-10), "1.5e-10")
        XCTAssertEqual(GoNumber.formatJSON(123456789), "123456789")
        XCTAssertEqual(GoNumber.formatJSON(12345678901234567890), "12345678901234567000")
        XCTAssertEqual(GoNumber.formatJSON(1e21), "1e+21")
        XCTAssertEqual(GoNumber.formatJSON(0.1), "0.1")
    }

    func testOnlyConfigMapsAndSecretsAreHashed() throws {
        XCTAssertThrowsError(try suffix("apiVersion: v1\nkind: Service\nmetadata: {name: s}"))
    }
}
