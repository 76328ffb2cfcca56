import Foundation
import KubeModel
import Manifests
@testable import Overlays
import StsKustomize
import XCTest
import YAML

/// Whole builds with generators. Every expected output and error here was produced by
/// `kubectl kustomize` (kustomize v5.5.0) on the same tree.
final class GeneratorBuildTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "generator-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        // GENERATOR_TESTS_KEEP=1 keeps the trees, to re-check them against kubectl kustomize.
        if ProcessInfo.processInfo.environment["GENERATOR_TESTS_KEEP"] != nil {
            print("kept \(name): \(root)")
            return
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    private func write(_ path: String, _ bytes: [UInt8]) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    private func write(_ path: String, _ text: String) throws {
        try write(path, Array(text.utf8))
    }

    private func build(_ dir: String = ".") throws -> String {
        let result = try Build().run(root + "/" + dir)
        return String(decoding: try result.yaml(), as: UTF8.self)
    }

    private func buildError(_ dir: String = ".") -> String {
        do {
            _ = try build(dir)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testLiteralsFilesAndEnvs() throws {
        try write("kustomization.yaml", """
            configMapGenerator:
            - name: cm
              literals:
              - a=1
              - b="quoted"
              - d="mismatch'
              - f=x=y
              - g=<&>
              files:
              - file.txt
              - other=file.txt
              envs:
              - env.txt
            secretGenerator:
            - name: sec
              literals:
              - a=1
              type: kubernetes.io/tls
            """)
        try write("file.txt", "hello\nworld\n")
        try write("env.txt", "# c\n\n  X=1\nY\nZ=a=b\n")
        XCTAssertEqual(try build(), """
            apiVersion: v1
            data:
              X: "1"
              "Y": ""
              Z: a=b
              a: "1"
              b: quoted
              d: '"mismatch'''
              f: x=y
              file.txt: |
                hello
                world
              g: <&>
              other: |
                hello
                world
            kind: ConfigMap
            metadata:
              name: cm-ddd6596bff
            ---
            apiVersion: v1
            data:
              a: MQ==
            kind: Secret
            metadata:
              name: sec-hm5f724df9
            type: kubernetes.io/tls

            """)
    }

    func testBinaryFilesGoToBinaryDataAndLongBase64Wraps() throws {
        try write("kustomization.yaml", """
            configMapGenerator:
            - name: cm
              files: [a.txt, b.bin, big.bin]
            secretGenerator:
            - name: s
              files: [big.bin]
            """)
        try write("a.txt", "A")
        try write("b.bin", [0xFF, 0xFE, 0x00, 0x62, 0x69, 0x6E])
        try write("big.bin", (0..<60).map { UInt8($0 * 4 + 3) })
        XCTAssertEqual(try build(), """
            apiVersion: v1
            binaryData:
              b.bin: //4AYmlu
              big.bin: |
                AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9
                PX29/j5+vv
            data:
              a.txt: A
            kind: ConfigMap
            metadata:
              name: cm-df8788hc54
            ---
            apiVersion: v1
            data:
              big.bin: |
                AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9
                PX29/j5+vv
            kind: Secret
            metadata:
              name: s-2d4kdm8dfd
            type: Opaque

            """)
    }

    func testOptionsAndGlobalGeneratorOptions() throws {
        try write("kustomization.yaml", """
            generatorOptions:
              labels: {g: "1", both: global}
              annotations: {ga: x}
              immutable: true
            configMapGenerator:
            - name: x
              literals: [a=1]
              options:
                labels: {l: "2", both: local}
                annotations: {la: z}
            - name: w
              literals: [a=1]
              options:
                disableNameSuffixHash: true
            secretGenerator:
            - name: s
              literals: [a=1]
            """)
        XCTAssertEqual(try build(), """
            apiVersion: v1
            data:
              a: "1"
            immutable: true
            kind: ConfigMap
            metadata:
              annotations:
                ga: x
              labels:
                both: global
                g: "1"
              name: w
            ---
            apiVersion: v1
            data:
              a: "1"
            immutable: true
            kind: ConfigMap
            metadata:
              annotations:
                ga: x
                la: z
              labels:
                both: local
                g: "1"
                l: "2"
              name: x-h29d89cmmt
            ---
            apiVersion: v1
            data:
              a: MQ==
            immutable: true
            kind: Secret
            metadata:
              annotations:
                ga: x
              labels:
                both: global
                g: "1"
              name: s-25khgmg44c
            type: Opaque

            """)
    }

    /// A merged or replaced resource gets a hash only when both layers asked for one.
    func testMergeAndReplaceAcrossThreeLayers() throws {
        try write("base/kustomization.yaml", """
            configMapGenerator:
            - name: "on"
              literals: [a=1]
            - name: "off"
              literals: [a=1]
              options: {disableNameSuffixHash: true}
            - name: both
              literals: [a=1]
            """)
        try write("mid/kustomization.yaml", """
            resources: [../base]
            configMapGenerator:
            - name: "on"
              behavior: merge
              literals: [b=1]
              options: {disableNameSuffixHash: true}
            - name: "off"
              behavior: merge
              literals: [b=1]
            - name: both
              behavior: replace
              literals: [z=1]
            """)
        try write("top/kustomization.yaml", """
            resources: [../mid]
            configMapGenerator:
            - name: "on"
              behavior: merge
              literals: [c=1]
            - name: "off"
              behavior: replace
              literals: [c=1]
            """)
        XCTAssertEqual(try build("top"), """
            apiVersion: v1
            data:
              z: "1"
            kind: ConfigMap
            metadata:
              name: both-527hd2cc4c
            ---
            apiVersion: v1
            data:
              c: "1"
            kind: ConfigMap
            metadata:
              name: "off"
            ---
            apiVersion: v1
            data:
              a: "1"
              b: "1"
              c: "1"
            kind: ConfigMap
            metadata:
              name: "on"

            """)
    }

    /// Merging finds the base's object by its name before prefixes and namespace changes,
    /// keeps the base's labels, name and namespace, turns data values into strings, and
    /// takes everything else (immutable, Secret type) from the new object.
    func testMergeIntoPlainResourcesOfABase() throws {
        try write("base/cm.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: plain
              labels: {x: "1"}
            data:
              n: "1"
              num: 5
            immutable: false
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: tls
            type: kubernetes.io/tls
            data:
              a: YQ==
            """)
        try write("base/kustomization.yaml", "resources: [cm.yaml]\nnamespace: nsb\n")
        try write("ov/kustomization.yaml", """
            resources: [../base]
            configMapGenerator:
            - name: plain
              behavior: merge
              literals: [m=2]
            secretGenerator:
            - name: tls
              behavior: merge
              literals: [b=2]
            """)
        XCTAssertEqual(try build("ov"), """
            apiVersion: v1
            data:
              m: "2"
              "n": "1"
              num: "5"
            kind: ConfigMap
            metadata:
              labels:
                x: "1"
              name: plain
              namespace: nsb
            ---
            apiVersion: v1
            data:
              a: YQ==
              b: Mg==
            kind: Secret
            metadata:
              name: tls
              namespace: nsb
            type: Opaque

            """)
    }

    /// The hash is computed last, over the final object, and references follow the new name.
    func testHashAfterOverlayTransformsAndReferencesFollow() throws {
        try write("base/dep.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    envFrom:
                    - configMapRef: {name: cm}
                    - secretRef: {name: sec}
            """)
        try write("base/kustomization.yaml", """
            namespace: team
            namePrefix: b-
            resources: [dep.yaml]
            configMapGenerator:
            - name: cm
              files: [b.bin]
              literals: [a=1]
            secretGenerator:
            - name: sec
              literals: [p=1]
            """)
        try write("base/b.bin", [0x62, 0x69, 0x6E, 0xFF, 0xFE])
        try write("ov/c.bin", [0x78, 0xFF])
        try write("ov/e.env", "K=V\r\nJ=W")
        try write("ov/kustomization.yaml", """
            namespace: prod
            nameSuffix: -s
            resources: [../base]
            generatorOptions:
              labels: {gen: "true"}
            configMapGenerator:
            - name: cm
              behavior: merge
              files: [c.bin]
              envs: [e.env]
            secretGenerator:
            - name: sec
              behavior: merge
              literals: [q=2]
            """)
        XCTAssertEqual(try build("ov"), """
            apiVersion: v1
            binaryData:
              b.bin: Ymlu//4=
              c.bin: eP8=
            data:
              J: W
              K: V
              a: "1"
            kind: ConfigMap
            metadata:
              labels:
                gen: "true"
              name: b-cm-s-642k7mth5b
              namespace: prod
            ---
            apiVersion: v1
            data:
              p: MQ==
              q: Mg==
            kind: Secret
            metadata:
              labels:
                gen: "true"
              name: b-sec-s-4m2fc26d4b
              namespace: prod
            type: Opaque
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: b-web-s
              namespace: prod
            spec:
              template:
                spec:
                  containers:
                  - envFrom:
                    - configMapRef:
                        name: b-cm-s-642k7mth5b
                    - secretRef:
                        name: b-sec-s-4m2fc26d4b
                    name: c

            """)
    }

    func testErrorsNameTheKustomizationAndEntry() throws {
        func expectError(_ kustomization: String, containing needle: String, file: StaticString = #filePath, line: UInt = #line) throws {
            try write("kustomization.yaml", kustomization)
            let message = buildError()
            XCTAssertTrue(message.contains(root + "/kustomization.yaml"), message, file: file, line: line)
            XCTAssertTrue(message.contains(needle), message, file: file, line: line)
        }
        try write("dir/a.txt", "A")
        try expectError("configMapGenerator:\n- literals: [a=1]\n", containing: "must have a name")
        try expectError("configMapGenerator:\n- name: x\n  literals: [a=1, a=2]\n", containing: "illegally repeats the key `a`")
        try expectError("configMapGenerator:\n- name: x\n  literals: [noequals]\n", containing: "invalid literal source noequals")
        try expectError("configMapGenerator:\n- name: x\n  literals: [5]\n", containing: "must be a string")
        try expectError("configMapGenerator:\n- name: x\n  files: [dir]\n", containing: "must resolve to a file")
        try expectError("configMapGenerator:\n- name: x\n  files: [missing.txt]\n", containing: "missing.txt")
        try expectError("configMapGenerator:\n- name: x\n  files: [k=a=b]\n", containing: "contains '='")
        try expectError("configMapGenerator:\n- name: x\n  bogus: 1\n", containing: ":3:3: configMapGenerator entry: unknown field 'bogus'")
        try expectError("configMapGenerator:\n- name: x\n  type: Opaque\n", containing: "unknown field 'type'")
        try expectError("configMapGenerator:\n- name: x\n  behavior: merge\n", containing: "merge")
        try expectError("generatorOptions:\n  foo: 1\n", containing: "unknown field 'foo'")
        try expectError("configMapGenerator:\n- name: x\n  options: {immutable: \"true\"}\n", containing: "immutable")
        try expectError("configMapGenerator:\n- name: t\n  namespace: default\n- name: t\n", containing: ":4:3: configMapGenerator 't': id ConfigMap.v1/t exists; behavior must be merge or replace")
        try expectError("configMapGenerator:\n- name: x\n  literals: [\"a=\\x7f\"]\n", containing: "control characters are not allowed")
        // kustomize writes generated keys unquoted and its output step then fails on keys
        // that read back as numbers, booleans, nulls or timestamps.
        for key in ["0", "1_0", "0x1F", ".5", "08", "True", "~", "2001-12-14"] {
            try expectError("configMapGenerator:\n- name: x\n  literals: [\"\(key)=1\"]\n", containing: "key '\(key)' in data")
        }
        try expectError("configMapGenerator:\n- name: x\n  literals: [a=1]\n  options: {labels: {\"0\": x}}\n", containing: "key '0' in metadata.labels")
    }

    /// YAML 1.1 words and sexagesimal numbers are strings to kustomize's reader.
    func testKeysThatStayStrings() throws {
        try write("kustomization.yaml", "configMapGenerator:\n- name: x\n  literals: [\"yes=1\", \"12:30=2\", \"1e=3\"]\n")
        XCTAssertTrue(try build().contains("name: x-"))
    }

    func testFilesOutsideTheRootAreRefused() throws {
        try write("outside.txt", "x")
        try write("k/kustomization.yaml", "configMapGenerator:\n- name: x\n  files: [../outside.txt]\n")
        XCTAssertTrue(buildError("k").contains("security"))
    }

    /// A generator may not create a name some earlier resource ever had.
    func testCreateCollidesWithAnEarlierName() throws {
        try write("base/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n")
        try write("base/kustomization.yaml", "resources: [cm.yaml]\nnamePrefix: p-\n")
        try write("ov/kustomization.yaml", "resources: [../base]\nconfigMapGenerator:\n- name: plain\n  literals: [m=2]\n")
        XCTAssertTrue(buildError("ov").contains("exists; behavior must be merge or replace"))
    }
}

/// Builtin generator plugin configs (`generators:` entries); expected output from
/// `kubectl kustomize` on a kustomization listing the same file in `generators:`.
final class GeneratorPluginTests: XCTestCase {
    func testBuiltinPluginConfigsAreReadLenientlyWithoutGlobalOptions() throws {
        let root = NSTemporaryDirectory() + "generator-plugin-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("E=1\n".utf8).write(to: URL(fileURLWithPath: root + "/e.env"))
        try Data("F=2\n".utf8).write(to: URL(fileURLWithPath: root + "/f.env"))
        let configText = """
            apiVersion: builtin
            kind: ConfigMapGenerator
            metadata:
              name: meta-name
              namespace: meta-ns
              labels: {ml: "1"}
            bogus: field
            env: e.env
            envs: [f.env]
            literals: [a=1]
            ---
            apiVersion: builtin
            kind: SecretGenerator
            metadata:
              name: s-meta
            name: s-args
            type: foo
            literals: [b=2]
            options:
              labels: {ol: "1"}
            """
        let configs = try ManifestLoader.resources(from: YAMLParser().parse(configText, file: root + "/gen.yaml"), file: root + "/gen.yaml")
        XCTAssertTrue(configs.allSatisfy(BuiltinGeneratorPlugin.handles))
        let loader = ManifestLoader()
        let resources = ResourceMap()
        for config in configs {
            try BuiltinGeneratorPlugin(loader: loader).run(config, root: root, kustomizationFile: root + "/kustomization.yaml", into: resources)
        }
        try NameHashTransformer().transform(resources)
        XCTAssertEqual(String(decoding: try ResourceEmitter.stream(resources.resources), as: UTF8.self), """
            apiVersion: v1
            data:
              F: "2"
              a: "1"
            kind: ConfigMap
            metadata:
              name: meta-name-8b7c62kbbd
              namespace: meta-ns
            ---
            apiVersion: v1
            data:
              b: Mg==
            kind: Secret
            metadata:
              labels:
                ol: "1"
              name: s-args-fc2b9f557k
            type: foo

            """)
    }

    func testWronglyTypedPluginFieldsAreErrors() throws {
        let text = "apiVersion: builtin\nkind: ConfigMapGenerator\nmetadata: {name: m}\nname: 123\nliterals: [a=1]\n"
        let configs = try ManifestLoader.resources(from: YAMLParser().parse(text, file: "/gen.yaml"), file: "/gen.yaml")
        XCTAssertThrowsError(try BuiltinGeneratorPlugin(loader: ManifestLoader()).run(configs[0], root: "/", kustomizationFile: "/kustomization.yaml", into: ResourceMap()))
    }
}
