import KubeModel
import Manifests
import YAML

/// The text a scalar of a plugin config becomes in a string field. kustomize hands the
/// config to the plugin as JSON (numbers canonical, timestamps RFC 3339), then:
///   - JSON-decoding plugins (`sigs.k8s.io/yaml`) turn a number into text with Go's
///     `FormatFloat(f, 'g', -1, 32)` (float32 precision!) unless it is integral;
///   - YAML-decoding plugins (prefix/suffix) read the text go-yaml v2 printed for it.
enum PluginScalarText {
    static func text(_ s: Scalar, keys: PluginConfigFields.KeyMatching, file: String) throws -> String {
        switch s.tag {
        case .string:
            return s.value
        case .null:
            return ""
        case .bool:
            return s.boolValue == true ? "true" : "false"
        case .timestamp:
            return Timestamp.parse(s.value)?.rfc3339 ?? s.value
        case .int:
            if let i = GoNumber.parseInt(s.value) { return GoNumber.format(i) }
            // Too big for 64 bits: go-yaml reads it as a float.
            return try float(s, keys: keys, file: file)
        case .float:
            return try float(s, keys: keys, file: file)
        }
    }

    private static func float(_ s: Scalar, keys: PluginConfigFields.KeyMatching, file: String) throws -> String {
        guard let d = GoNumber.parseFloat(s.value) else { return s.value }
        guard d.isFinite else {
            throw Diagnostic("json: unsupported value: \(s.value) (a plugin config cannot hold it)", file: file, mark: s.mark)
        }
        switch keys {
        case .exact:
            return GoNumber.formatFloatForOutput(d)
        case .ignoringCase:
            // JSON writes an integral value without a fraction, and go-yaml reads an integer.
            if d == d.rounded(), abs(d) < 1e21 {
                if d >= -9223372036854775808.0, d < 9223372036854775808.0 { return String(Int64(d)) }
                if d >= 0, d < 18446744073709551616.0 { return String(UInt64(d)) }
            }
            return formatG32(d)
        }
    }

    /// Go's `strconv.FormatFloat(d, 'g', -1, 32)` (beyond float32's range: `+Inf`).
    static func formatG32(_ d: Double) -> String {
        let f = Float(d)
        if f.isInfinite { return f < 0 ? "-Inf" : "+Inf" }
        if f == 0 { return f.sign == .minus ? "-0" : "0" }
        let (digits, decimalPoint) = GoNumber.shortestDigits(description: f.magnitude.description)
        return GoNumber.formatG(digits: digits, decimalPoint: decimalPoint, negative: f < 0)
    }
}
