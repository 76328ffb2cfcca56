import KubeModel
import TestSupport
import XCTest

/// Kubernetes' quantity grammar, with cases from `resource.ParseQuantity`'s own tests.
final class QuantityTests: XCTestCase {
    func testValidQuantities() {
        for text in ["0", "1", "10Gi", "500Mi", "1.5Gi", "100m", "2k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Ti", "1Pi", "1Ei",
                     "1e3", "1E3", "1e+3", "1e-3", "1.", ".5", "+5", "-5", "0.5Gi", "007", "1.0e9", "12345678901234567890"] {
            XCTAssertNotNil(Quantity(text), text)
        }
    }

    func testInvalidQuantities() {
        for text in ["", "Gi", ".", "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ",
                     "10GB", "10gi", "1e", "1e1.5", "1K", "1Mb", "--1", "1e99999999999", "Mi"] {
            XCTAssertNil(Quantity(text), text)
        }
    }

    func testParts() throws {
        let q = try XCTUnwrap(Quantity("-1.25Gi"))
        XCTAssertTrue(q.isNegative)
        XCTAssertEqual(q.integerDigits, "1")
        XCTAssertEqual(q.fractionDigits, "25")
        XCTAssertEqual(q.suffix, .binary(power: 3))
        XCTAssertEqual(Quantity("3e-2")?.suffix, .exponent(-2))
        XCTAssertEqual(Quantity("3m")?.suffix, .decimal(exponent: -3))
    }

    func testPositivity() {
        XCTAssertTrue(Quantity("1Gi")?.isPositive == true)
        XCTAssertTrue(Quantity(".5")?.isPositive == true)
        XCTAssertFalse(Quantity("0Gi")?.isPositive == true)
        XCTAssertFalse(Quantity("0.000")?.isPositive == true)
        XCTAssertFalse(Quantity("-1Gi")?.isPositive == true)
    }

    func testAmountsCompareAcrossSuffixes() {
        XCTAssertTrue(Quantity.sameAmount("1Gi", "1024Mi"))
        XCTAssertTrue(Quantity.sameAmount("1G", "1e9"))
        XCTAssertTrue(Quantity.sameAmount("1.5Gi", "1536Mi"))
        XCTAssertTrue(Quantity.sameAmount("500m", "0.5"))
        XCTAssertFalse(Quantity.sameAmount("1Gi", "1G"))
        XCTAssertFalse(Quantity.sameAmount("1Gi", "2Gi"))
        XCTAssertFalse(Quantity.sameAmount("x", "y"))
        XCTAssertTrue(Quantity.sameAmount("x", "x"))
    }

    /// Exact decimal arithmetic without Foundation: huge and tiny amounts compare exactly.
    func testExactDecimal() {
        XCTAssertEqual(Quantity("1Gi")?.exactDecimal, "1073741824")
        XCTAssertEqual(Quantity("1.5Ki")?.exactDecimal, "1536")
        XCTAssertEqual(Quantity("-250m")?.exactDecimal, "-0.25")
        XCTAssertEqual(Quantity("0.000Ei")?.exactDecimal, "0")
        XCTAssertEqual(Quantity("12e-3")?.exactDecimal, "0.012")
        XCTAssertEqual(Quantity("1Ei")?.exactDecimal, "1152921504606846976")
        XCTAssertTrue(Quantity.sameAmount("1e40", "10000000000000000000000000000000000000000"))
        XCTAssertFalse(Quantity.sameAmount("1e40", "1e40001"))
        XCTAssertNil(Quantity("1e1001")?.exactDecimal)
    }
}
