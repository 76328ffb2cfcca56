import Foundation
import XCTest

/// What tools that call kustomize need from us: its `version` answers, every `build` flag,
/// its argument errors, and shell completion. Expected strings are kustomize v5.5.0's
/// (kustomize/commands/version, api/provenance, kustomize/commands/build) or kubectl's output.
final class DropInCLITests: XCTestCase {
    /// Argo CD's parse of `kustomize version --short` (util/kustomize/kustomize.go): trim the
    /// braces and double spaces, drop `kustomize/`, take the first semantic version.
    static func argoVersion(_ stdout: String) -> String? {
        var v = stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        if v.hasPrefix("{") { v.removeFirst() }
        if v.hasSuffix("}") { v.removeLast() }
        v = v.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "  ", with: " ")
        if v.hasPrefix("kustomize/") { v.removeFirst("kustomize/".count) }
        let pattern = #"v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"#
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: v, range: NSRange(v.startIndex..., in: v)),
              let r = Range(m.range, in: v) else { return nil }
        return String(v[r])
    }

    func testVersionForms() throws {
        let plain = try BinaryRunner.run(["version"])
        XCTAssertEqual(plain.status, 0)
        XCTAssertTrue(plain.stdout.hasPrefix("v5.5.0+sts-kustomize."), plain.stdout)

        let short = try BinaryRunner.run(["version", "--short"])
        XCTAssertEqual(short.status, 0)
        XCTAssertEqual(short.stderr, "Flag --short has been deprecated, and will be removed in the future.\n")
        XCTAssertTrue(short.stdout.hasPrefix("{v5.5.0+sts-kustomize.") && short.stdout.hasSuffix("  unknown   }\n"), short.stdout)
        let parsed = try XCTUnwrap(Self.argoVersion(short.stdout))
        XCTAssertTrue(parsed.hasPrefix("v5.5.0+sts-kustomize."), parsed)

        let json = try BinaryRunner.run(["version", "-o", "json"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: String])
        XCTAssertEqual(object["version"], plain.stdout.trimmingCharacters(in: .newlines))
        XCTAssertEqual(object["gitCommit"], "unknown")
        XCTAssertTrue(json.stdout.hasPrefix("{\n  \"version\": \"v5.5.0+sts-kustomize."), json.stdout)

        let yaml = try BinaryRunner.run(["version", "-o", "yaml"])
        XCTAssertTrue(yaml.stdout.hasPrefix("version: v5.5.0+sts-kustomize.") && yaml.stdout.hasSuffix("\n\n"), yaml.stdout)

        let both = try BinaryRunner.run(["version", "--short", "-o", "json"])
        XCTAssertEqual(both.status, 1)
        XCTAssertEqual(both.stdout, "")
        XCTAssertTrue(both.stderr.contains("--short and --output are mutually exclusive"), both.stderr)
    }

    /// Every kustomize build flag is accepted and changes nothing for a tree without Helm
    /// charts or plugins.
    func testEveryBuildFlagIsAcceptedAndInertWithoutHelmOrPlugins() throws {
        let plain = try BinaryRunner.run(["build", "overlays/prod"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let flagged = try BinaryRunner.run([
            "build", "overlays/prod", "--enable-helm", "--helm-command", "/usr/bin/helm3",
            "--helm-api-versions", "monitoring.coreos.com/v1", "--helm-api-versions", "batch/v1",
            "--helm-kube-version", "1.29.0", "--helm-debug", "--enable-alpha-plugins", "--enable-exec",
            "-e", "A=1", "--env", "B=2", "--mount", "type=bind,src=/tmp,dst=/x", "--network", "--network-name", "host",
            "--as-current-user", "--load-restrictor", "LoadRestrictionsRootOnly",
        ])
        XCTAssertEqual(flagged.status, 0, flagged.stderr)
        XCTAssertEqual(flagged.stdout, plain.stdout)
        XCTAssertEqual(flagged.stderr, "")
    }

    func testHelmChartsAreStillRefusedWithEnableHelm() throws {
        let tree = try BinaryRunner.makeTree(["kustomization.yaml": "helmCharts:\n- name: x\n"])
        let result = try BinaryRunner.run(["build", "--enable-helm", tree.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("helmCharts"), result.stderr)
    }

    /// kubectl kustomize --reorder none keeps input order (Service before Namespace), with
    /// the deprecation notice; sortOptions in the kustomization win, with kustomize's warning.
    func testReorderFlag() throws {
        let resources = "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n"
        let tree = try BinaryRunner.makeTree(["kustomization.yaml": "resources: [r.yaml]\n", "r.yaml": resources])
        let none = try BinaryRunner.run(["build", "--reorder", "none", tree.path])
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertEqual(none.stdout, "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: \"n\"\n")
        XCTAssertEqual(none.stderr, "Flag --reorder has been deprecated, use the new 'sortOptions' field in kustomization.yaml instead.\n")
        let legacy = try BinaryRunner.run(["build", "--reorder", "legacy", tree.path])
        XCTAssertTrue(legacy.stdout.hasPrefix("apiVersion: v1\nkind: Namespace\n"), legacy.stdout)
        let bogus = try BinaryRunner.run(["build", "--reorder", "bogus", tree.path])
        XCTAssertEqual(bogus.status, 1)

        let sorted = try BinaryRunner.makeTree(["kustomization.yaml": "resources: [r.yaml]\nsortOptions: {order: fifo}\n", "r.yaml": resources])
        let both = try BinaryRunner.run(["build", "--reorder", "legacy", sorted.path])
        XCTAssertTrue(both.stdout.hasPrefix("apiVersion: v1\nkind: Service\n"), both.stdout)
        XCTAssertTrue(both.stderr.contains("Using the kustomization file over the CLI flag."), both.stderr)
    }

    func testOnePathOnly() throws {
        let result = try BinaryRunner.run(["build", "overlays/dev", "overlays/prod"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "Error: specify one path to kustomization.yaml\n")
    }

    func testCompletionScripts() throws {
        for (shell, marker) in [("bash", "-F _sts-kustomize sts-kustomize"), ("zsh", "#compdef sts-kustomize"), ("fish", "complete -c 'sts-kustomize'")] {
            let result = try BinaryRunner.run(["completion", shell])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains(marker), "\(shell): \(result.stdout.prefix(200))")
            XCTAssertTrue(result.stdout.contains("build"), shell)
        }
        XCTAssertEqual(try BinaryRunner.run(["completion", "tcsh"]).status, 1)
    }
}
