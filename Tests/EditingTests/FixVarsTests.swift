import Editing
import Manifests
import XCTest
import YAML

/// `edit fix --vars` against kustomize v5.5.0's convert_test.go (TestFixVarsSimple,
/// TestFixVarsDelimiter, TestFixVarsNotDelimited, TestFixVarsWithPatchBasic).
final class FixVarsTests: XCTestCase {
    private static let kustomization = """

        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization

        resources:
        - pod.yaml

        vars:
        - name: SOME_SECRET_NAME
          objref:
            kind: Secret
            name: my-secret
            apiVersion: v1

        """

    private static func pod(_ value: String) -> String {
        "\napiVersion: v1\nkind: Pod\nmetadata:\n  name: my-pod\nspec:\n  containers:\n  - image: myimage\n    name: hello\n    env:\n    - name: SECRET_TOKEN\n      value: \(value)\n"
    }

    private func fix(_ kustomization: String, files: [String: String]) throws -> (String, [String: String]) {
        var tree = MemoryFileSystem(files.reduce(into: [:]) { $0["/k/" + $1.key] = $1.value })
        tree.write("/k/kustomization.yaml", kustomization)
        var file = try KustomizationFile(in: "/k", fileSystem: tree)
        let outcome = try KustomizationEdit.fix(vars: true).apply(to: &file, directory: "/k", fileSystem: tree)
        let others = Dictionary(uniqueKeysWithValues: outcome.otherFiles.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        return (String(decoding: try file.serialized(), as: UTF8.self), others)
    }

    func testSimple() throws {
        let (k, files) = try fix(Self.kustomization, files: ["pod.yaml": Self.pod("$(SOME_SECRET_NAME)")])
        XCTAssertEqual(k, """

            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization

            resources:
            - pod.yaml

            replacements:
            - source:
                kind: Secret
                name: my-secret
                version: v1
              targets:
              - fieldPaths:
                - spec.containers.0.env.0.value
                select:
                  kind: Pod
                  name: my-pod
                  version: v1

            """)
        XCTAssertEqual(files["pod.yaml"], Self.pod("SOME_SECRET_NAME_PLACEHOLDER"))
    }

    func testDelimitedValue() throws {
        let (k, files) = try fix(Self.kustomization, files: ["pod.yaml": Self.pod("my/path/$(SOME_SECRET_NAME)/secret/path")])
        XCTAssertTrue(k.contains("""
              - fieldPaths:
                - spec.containers.0.env.0.value
                options:
                  delimiter: /
                  index: 2
                select:
                  kind: Pod
                  name: my-pod
                  version: v1

            """), k)
        XCTAssertEqual(files["pod.yaml"], Self.pod("my/path/SOME_SECRET_NAME_PLACEHOLDER/secret/path"))
        XCTAssertThrowsError(try fix(Self.kustomization, files: ["pod.yaml": Self.pod("my/path/$(SOME_SECRET_NAME)-secret")])) {
            XCTAssertEqual("\($0)", "cannot convert all vars to replacements; $(SOME_SECRET_NAME) is not delimited")
        }
    }

    /// A var in a patch targets what the patch targets.
    func testVarInAPatch() throws {
        let k = Self.kustomization.replacingOccurrences(of: "\nvars:", with: "patches:\n- path: patch.yaml\n  target:\n    kind: Pod\n    name: my-pod\n\nvars:")
        let pod = "\napiVersion: v1\nkind: Pod\nmetadata:\n  name: my-pod\n  labels:\n    foo: $(SOME_SECRET_NAME)\nspec:\n  containers:\n  - image: myimage\n    name: hello\n"
        let (out, files) = try fix(k, files: ["pod.yaml": pod, "patch.yaml": Self.pod("$(SOME_SECRET_NAME)")])
        XCTAssertTrue(out.hasSuffix("""
            replacements:
            - source:
                kind: Secret
                name: my-secret
                version: v1
              targets:
              - fieldPaths:
                - metadata.labels.foo
                select:
                  kind: Pod
                  name: my-pod
                  version: v1
              - fieldPaths:
                - spec.containers.0.env.0.value
                select:
                  kind: Pod
                  name: my-pod

            """), out)
        XCTAssertEqual(files["patch.yaml"], Self.pod("SOME_SECRET_NAME_PLACEHOLDER"))
        XCTAssertEqual(files["pod.yaml"], pod.replacingOccurrences(of: "$(SOME_SECRET_NAME)", with: "SOME_SECRET_NAME_PLACEHOLDER"))
    }
}
