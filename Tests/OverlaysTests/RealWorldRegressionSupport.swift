import XCTest

/// The shared setup of the `RealWorld…RegressionTests` classes: each test builds in its own
/// throwaway tree (`PluginTestTree`), removed after the test.
class RealWorldRegressionTestCase: XCTestCase {
    let tree = PluginTestTree("realworld")

    override func tearDown() {
        tree.remove(testName: name)
    }
}
