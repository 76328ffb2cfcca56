import Foundation
import XCTest

/// Every kustomization file `edit` and `create` write builds under `kubectl kustomize` to the
/// same bytes as under `sts-kustomize build` (skipped without kubectl).
final class EditOracleTests: XCTestCase {
    func testEditedFilesBuildTheSameUnderKubectl() throws {
        let probe = try BinaryRunner.run(["-c", "kubectl version --client"], shell: true)
        guard probe.status == 0 else { throw XCTSkip("kubectl is not available") }
        let tree = try BinaryRunner.makeTree([
            "deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, labels: {app: web}}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - {name: web, image: nginx:1.25}\n",
            "service.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n",
            "patch.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n",
            "app.properties": "color=blue\n",
            "extra.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {a: b}\n",
            "base/kustomization.yaml": "resources: [cm.yaml]\n",
            "base/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-base}\n",
            "component/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations: {component: \"yes\"}\n",
            "prefixer.yaml": "apiVersion: builtin\nkind: PrefixSuffixTransformer\nmetadata: {name: p}\nsuffix: -v2\nfieldSpecs: [{path: metadata/name, kind: ConfigMap}]\n",
        ])
        addTeardownBlock { try? FileManager.default.removeItem(at: tree) }
        let steps: [[String]] = [
            ["create", "--resources", "deployment.yaml", "--namespace", "shop", "--labels", "team:web"],
            ["edit", "add", "resource", "service.yaml"],
            ["edit", "set", "image", "nginx=registry.example.com/nginx:1.27"],
            ["edit", "set", "replicas", "web=3"],
            ["edit", "add", "patch", "--path", "patch.yaml", "--kind", "Deployment", "--name", "web"],
            ["edit", "add", "configmap", "web-config", "--from-literal", "mode=prod", "--from-file", "app.properties"],
            ["edit", "add", "secret", "web-secret", "--from-literal", "token=abc"],
            ["edit", "add", "annotation", "owner:web-team"],
            ["edit", "set", "nameprefix", "--", "prod-"],
            ["edit", "add", "buildmetadata", "originAnnotations"],
            ["edit", "fix"],
            ["edit", "add", "resource", "extra.yaml"],
            ["edit", "add", "base", "base"],
            ["edit", "add", "component", "component"],
            ["edit", "set", "label", "tier:frontend"],
            ["edit", "add", "label", "--without-selector", "--include-templates", "release:r1"],
            ["edit", "set", "configmap", "web-config", "--from-literal", "mode=staging"],
            ["edit", "remove", "secret", "web-secret"],
            ["edit", "add", "transformer", "prefixer.yaml"],
            ["edit", "remove", "resource", "extra.yaml"],
            ["edit", "remove", "annotation", "owner"],
            ["edit", "set", "buildmetadata", "managedByLabel"],
            ["edit", "remove", "patch", "--path", "patch.yaml", "--kind", "Deployment", "--name", "web"],
            ["edit", "set", "namesuffix", "--", "-eu"],
            ["edit", "set", "namespace", "shop-eu"],
        ]
        for step in steps {
            let r = try BinaryRunner.run(step, cwd: tree)
            XCTAssertEqual(r.status, 0, "\(step.joined(separator: " ")): \(r.stderr)")
            let ours = try BinaryRunner.run(["build", tree.path])
            let kubectl = try BinaryRunner.run(["-c", "kubectl kustomize '\(tree.path)'"], shell: true)
            XCTAssertEqual(ours.status, 0, ours.stderr)
            XCTAssertEqual(kubectl.status, 0, kubectl.stderr)
            XCTAssertEqual(ours.stdout, kubectl.stdout, "after \(step.joined(separator: " "))")
        }
        let final = try String(contentsOf: tree.appendingPathComponent("kustomization.yaml"), encoding: .utf8)
        XCTAssertTrue(final.contains("labels:\n- includeSelectors: true\n  pairs:\n    team: web\n"), final)
    }
}
