import Editing
import Manifests
import XCTest
import YAML

/// `add configmap|secret`, `fix` and `create` against kustomize v5.5.0's tests (addconfigmap,
/// addsecret, fix_test.go, create_test.go).
final class GeneratorFixCreateTests: XCTestCase {
    private func edit(_ e: KustomizationEdit, _ kustomization: String, files: [String: String] = [:]) throws -> String {
        var tree = MemoryFileSystem(files.reduce(into: [:]) { $0["/k/" + $1.key] = $1.value })
        tree.write("/k/kustomization.yaml", kustomization)
        try e.validate()
        var file = try KustomizationFile(in: "/k", fileSystem: tree)
        _ = try e.apply(to: &file, directory: "/k", fileSystem: tree)
        return String(decoding: try file.serialized(), as: UTF8.self)
    }

    private func error(_ e: KustomizationEdit, _ kustomization: String = "resources: []\n", files: [String: String] = [:]) -> String {
        do { _ = try edit(e, kustomization, files: files); return "no error" } catch { return "\(error)" }
    }

    func testAddConfigMapAndSecretEntries() throws {
        let out = try edit(.addConfigMap(GeneratorFlags(name: ["my-configmap"], literals: ["my-literal=12345"], files: ["my-key=file/path"],
                                                        behavior: "merge", namespace: "test-ns", disableNameSuffixHash: true)),
                           "resources: []\n", files: ["file/path": "x"])
        XCTAssertTrue(out.contains("""
            configMapGenerator:
            - behavior: merge
              files:
              - my-key=file/path
              literals:
              - my-literal=12345
              name: my-configmap
              namespace: test-ns
              options:
                disableNameSuffixHash: true

            """), out)
        XCTAssertTrue(try edit(.addSecret(GeneratorFlags(name: ["my-secret"], literals: ["k=v"])), "resources: []\n")
            .contains("secretGenerator:\n- literals:\n  - k=v\n  name: my-secret\n  type: Opaque\n"))
    }

    /// TestEditAddConfigMapNamespaced: "" and "default" are one namespace; the file's spelling stays.
    func testAddToAnExistingEntry() throws {
        let k = "configMapGenerator:\n- literals: [key=value]\n  name: test-cm\n"
        XCTAssertTrue(try edit(.addConfigMap(GeneratorFlags(name: ["test-cm"], literals: ["key1=value1"], namespace: "default")), k)
            .hasPrefix("configMapGenerator:\n- literals:\n  - key=value\n  - key1=value1\n  name: test-cm\n"))
        let other = try edit(.addConfigMap(GeneratorFlags(name: ["test-cm"], literals: ["key1=value1"])), "configMapGenerator:\n- {name: test-cm, namespace: ns1, literals: [a=b]}\n")
        XCTAssertTrue(other.contains("- literals:\n  - key1=value1\n  name: test-cm\n"), other)
        // Top-level generatorOptions are copied into the entry written (kustomize's quirk).
        XCTAssertTrue(try edit(.addConfigMap(GeneratorFlags(name: ["c"], literals: ["a=b"])), "generatorOptions:\n  disableNameSuffixHash: true\n")
            .contains("- literals:\n  - a=b\n  name: c\n  options:\n    disableNameSuffixHash: true\n"))
    }

    func testGeneratorErrors() {
        XCTAssertEqual(error(.addConfigMap(GeneratorFlags(name: []))), "failed to validate flags: name must be specified once")
        XCTAssertEqual(error(.addConfigMap(GeneratorFlags(name: ["a"]))), "failed to validate flags: at least from-env-file, or from-file or from-literal must be set")
        XCTAssertEqual(error(.addConfigMap(GeneratorFlags(name: ["a"], literals: ["x=y"], envFile: "e.env"))),
                       "failed to validate flags: from-env-file cannot be combined with from-file or from-literal")
        XCTAssertEqual(error(.addConfigMap(GeneratorFlags(name: ["a"], literals: ["x=y"], behavior: "bogus"))),
                       "failed to validate flags: invalid behavior: must be one of \"create\", \"merge\", or \"replace\"")
        XCTAssertEqual(error(.addConfigMap(GeneratorFlags(name: ["a"], literals: ["novalue"]))), "failed to create configmap: invalid literal source novalue, expected key=value")
        XCTAssertEqual(error(.addSecret(GeneratorFlags(name: ["a"], literals: ["k=1", "k=2"]))), "failed to create secret: secret a illegally repeats the key `k`")
    }

    /// fix_test.go cases.
    func testFix() throws {
        let json = "\npatchesJson6902:\n- path: patch1.yaml\n  target:\n    kind: Service\n- path: patch2.yaml\n  target:\n    group: apps\n    kind: Deployment\n    version: v1\n"
        XCTAssertEqual(try edit(.fix(vars: false), json), "\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n- path: patch1.yaml\n  target:\n    kind: Service\n- path: patch2.yaml\n  target:\n    group: apps\n    kind: Deployment\n    version: v1\n")
        let mixed = "\npatchesJson6902:\n- path: patch1.yaml\n  target:\n    kind: Deployment\npatches:\n- path: patch2.yaml\n  target:\n    kind: Deployment\n- path: patch3.yaml\n  target:\n    kind: Service\n"
        XCTAssertEqual(try edit(.fix(vars: false), mixed), "\npatches:\n- path: patch2.yaml\n  target:\n    kind: Deployment\n- path: patch3.yaml\n  target:\n    kind: Service\n- path: patch1.yaml\n  target:\n    kind: Deployment\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n")
        XCTAssertTrue(try edit(.fix(vars: false), "patchesStrategicMerge:\n- deploy.yaml\npatchesJson6902:\n- path: patch1.yaml\n  target:\n    kind: Deployment\n", files: ["deploy.yaml": "x"])
            .contains("patches:\n- path: patch1.yaml\n  target:\n    kind: Deployment\n- path: deploy.yaml\n"))
        XCTAssertEqual(try edit(.fix(vars: false), "\ncommonLabels:\n  foo: bar\nlabels:\n- pairs:\n    a: b\n"),
                       "\nlabels:\n- pairs:\n    a: b\n- includeSelectors: true\n  pairs:\n    foo: bar\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n")
        XCTAssertEqual(error(.fix(vars: false), "commonLabels:\n  foo: bar\nlabels:\n- pairs:\n    foo: baz\n"), "label name 'foo' exists in both commonLabels and labels")
    }

    /// create.go / create_test.go.
    func testCreate() throws {
        var tree = MemoryFileSystem(["/d/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n",
                                     "/d/service.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n",
                                     "/d/README.md": "Some *markdown*: [not yaml\n",
                                     "/d/other.yaml": "other: yaml\n",
                                     "/d/sub/test.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n",
                                     "/d/overlay/kustomization.yaml": "resources: []\n"])
        var c = KustomizationCreation()
        c.resources = ["service.yaml,deployment.yaml"]
        c.namespace = "staging"
        c.namePrefix = "acme-"
        c.labels = "app:foo,tier:web"
        c.annotations = "note:bar"
        XCTAssertEqual(String(decoding: try c.create(in: "/d", fileSystem: tree).bytes, as: UTF8.self), """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - service.yaml
            - deployment.yaml
            namePrefix: acme-
            namespace: staging
            commonLabels:
              app: foo
              tier: web
            commonAnnotations:
              note: bar

            """)
        var detect = KustomizationCreation()
        detect.autodetect = true
        let detected = String(decoding: try detect.create(in: "/d", fileSystem: tree).bytes, as: UTF8.self)
        XCTAssertTrue(detected.contains("resources:\n- deployment.yaml\n- service.yaml\n"), detected)
        detect.recursive = true
        XCTAssertTrue(String(decoding: try detect.create(in: "/d", fileSystem: tree).bytes, as: UTF8.self)
            .contains("resources:\n- deployment.yaml\n- overlay\n- service.yaml\n- sub/test.yaml\n"))
        tree.write("/d/kustomization.yaml", "")
        XCTAssertThrowsError(try c.create(in: "/d", fileSystem: tree)) { XCTAssertEqual("\($0)", "kustomization file already exists") }
    }
}

extension GeneratorFixCreateTests {
    /// setconfigmap/setsecret and removeconfigmap/removesecret tests.
    func testSetAndRemoveGeneratorEntries() throws {
        let k = "configMapGenerator:\n- name: test-cm\n  literals: [key1=value1, key2=value2]\n- name: other\n  namespace: test-ns\n  literals: [a=b]\n"
        XCTAssertTrue(try edit(.setConfigMap(GeneratorFlags(name: ["test-cm"], literals: ["key1=changed"], namespace: "default"), newNamespace: ""), k)
            .hasPrefix("configMapGenerator:\n- literals:\n  - key1=changed\n  - key2=value2\n  name: test-cm\n"))
        XCTAssertTrue(try edit(.setConfigMap(GeneratorFlags(name: ["other"], namespace: "test-ns"), newNamespace: "new-ns"), k)
            .contains("  name: other\n  namespace: new-ns\n"))
        XCTAssertEqual(error(.setConfigMap(GeneratorFlags(name: ["test-cm"], literals: ["nokey=x"]), newNamespace: ""), k),
                       "failed to create configmap: failed to update literal sources: key 'nokey' not found in resource")
        XCTAssertEqual(error(.setConfigMap(GeneratorFlags(name: ["missing"], literals: ["a=b"]), newNamespace: ""), k),
                       "failed to create configmap: could not set new ConfigMap value: unable to find ConfigMap with name \"missing\"")
        XCTAssertEqual(error(.setConfigMap(GeneratorFlags(name: ["test-cm"]), newNamespace: ""), k),
                       "failed to validate flags: at least one of [--from-literal, --new-namespace] must be specified")
        XCTAssertTrue(try edit(.removeConfigMap(["test-cm"], namespace: "default"), k).hasPrefix("configMapGenerator:\n- literals:\n  - a=b\n  name: other\n"))
        XCTAssertEqual(error(.removeConfigMap(["other"], namespace: ""), k), "no specified configmap(s) were found in the kustomization.yaml file")
        XCTAssertEqual(error(.removeSecret(["a", "b"], namespace: ""), k),
                       "too many arguments: [a b]; to provide multiple secrets to remove, please separate secret names by commas")
        XCTAssertEqual(error(.removeSecret([], namespace: ""), k), "at least one secret name must be specified")
    }
}
