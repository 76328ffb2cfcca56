import XCTest

/// The shared setup of the builtin-plugin `transformers:`/`validators:` test classes
/// (`PluginNamespaceAndPrefixTransformerTests`, `PluginValueTransformerTests`,
/// `PluginConfigLoadingTests`): each test builds in its own throwaway tree, removed after the test.
class PluginTransformerTestCase: XCTestCase {
    let tree = PluginTestTree("transformers")

    override func tearDown() {
        tree.remove(testName: name)
    }
}
