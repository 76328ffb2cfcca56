import XCTest

/// Builds with builtin plugin configs under `generators:`.
/// Every expected output and error was produced by `kubectl kustomize` (kustomize v5.5.0)
/// on the same tree.
final class PluginGeneratorTests: XCTestCase {
    private let tree = PluginTestTree("generators")

    override func tearDown() {
        tree.remove(testName: name)
    }

    /// A ServiceAccount annotated with its Google service account, namespace when given.
    func testIAMPolicyGeneratorInlineAndFromFile() throws {
        try tree.write("kustomization.yaml", """
            generators:
            - gke.yaml
            - |-
              apiVersion: builtin
              kind: IAMPolicyGenerator
              metadata:
                name: inline
              cloud: gke
              kubernetesService:
                name: reader
              serviceAccount:
                name: reader-gsa
                projectId: my-project

            """)
        try tree.write("gke.yaml", """
            apiVersion: builtin
            kind: IAMPolicyGenerator
            metadata:
              name: from-file
            cloud: gke
            kubernetesService:
              namespace: apps
              name: writer
            serviceAccount:
              name: writer-gsa
              projectId: my-project

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              annotations:
                iam.gke.io/gcp-service-account: writer-gsa@my-project.iam.gserviceaccount.com
              name: writer
              namespace: apps
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              annotations:
                iam.gke.io/gcp-service-account: reader-gsa@my-project.iam.gserviceaccount.com
              name: reader

            """)
    }

    func testIAMPolicyGeneratorNeedsGKE() throws {
        try tree.write("kustomization.yaml", """
            generators:
            - iam.yaml

            """)
        try tree.write("iam.yaml", """
            apiVersion: builtin
            kind: IAMPolicyGenerator
            metadata:
              name: iam
            cloud: aws
            kubernetesService:
              name: sa

            """)
        // kubectl kustomize: cloud provider aws not supported yet
        XCTAssertTrue(tree.buildError(".").contains("cloud provider aws not supported yet"), tree.buildError("."))
    }

    /// Plugin generators run after configMapGenerator and may merge into its output.
    func testConfigMapGeneratorFromDirectoryReadsFilesBesideTheKustomization() throws {
        try tree.write("app/kustomization.yaml", """
            configMapGenerator:
            - name: first
              literals:
              - a=b
            generators:
            - ../generators

            """)
        try tree.write("app/settings.txt", """
            from the app directory

            """)
        try tree.write("generators/kustomization.yaml", """
            resources:
            - settings.yaml

            """)
        try tree.write("generators/settings.yaml", """
            apiVersion: builtin
            kind: ConfigMapGenerator
            metadata:
              name: settings
            name: settings
            files:
            - settings.txt
            ---
            apiVersion: builtin
            kind: ConfigMapGenerator
            metadata:
              name: merge
            name: first
            behavior: merge
            literals:
            - c=d

            """)
        XCTAssertEqual(try tree.build("app"), """
            apiVersion: v1
            data:
              a: b
              c: d
            kind: ConfigMap
            metadata:
              name: first-fh478f99mk
            ---
            apiVersion: v1
            data:
              settings.txt: |
                from the app directory
            kind: ConfigMap
            metadata:
              name: settings-d4fk778272

            """)
    }

    func testTransformerKindUnderGeneratorsIsAnError() throws {
        try tree.write("kustomization.yaml", """
            generators:
            - labels.yaml

            """)
        try tree.write("labels.yaml", """
            apiVersion: builtin
            kind: LabelTransformer
            metadata:
              name: labels

            """)
        // kubectl kustomize: loading generator plugins: failed to load generator: plugin LabelTransformer.builtin.[noGrp]/labels.[noNs] not a generator
        XCTAssertTrue(tree.buildError(".").contains("not a generator"), tree.buildError("."))
    }

    func testExternalGeneratorIsRefused() throws {
        try tree.write("kustomization.yaml", """
            generators:
            - gen.yaml

            """)
        try tree.write("gen.yaml", """
            apiVersion: example.com/v1
            kind: SecretsFromVault
            metadata:
              name: gen

            """)
        // kubectl kustomize: loading generator plugins: failed to load generator: external plugins disabled; unable to load external plugin 'SecretsFromVault'
        XCTAssertTrue(tree.buildError(".").contains("needs plugins, which sts-kustomize does not run"), tree.buildError("."))
    }
}
