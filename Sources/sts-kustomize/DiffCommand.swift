import ArgumentParser
import Foundation
import StatefulSetChecks
import StsKustomize

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two renders and which StatefulSet changes Kubernetes forbids (sts-kustomize extension).",
        discussion: "Exit status: 0 when no forbidden StatefulSet field changed, 1 when one did, 2 when an input cannot be read or rendered."
    )

    @Argument(help: "The old render: a kustomization directory, a rendered YAML file, or - for stdin.")
    var old: String

    @Argument(help: "The new render: a kustomization directory, a rendered YAML file, or - for stdin.")
    var new: String

    @Option(name: .customLong("load-restrictor"), help: "For directories: LoadRestrictionsRootOnly or LoadRestrictionsNone.")
    var loadRestrictor: String = LoadRestrictor.rootOnly.rawValue

    func run() throws {
        if old == "-" && new == "-" {
            Console.error("Error: only one of OLD and NEW can be - (stdin)")
            throw ExitCode(2)
        }
        let before = try RenderInput.loadOrExit(old, loadRestrictor: loadRestrictor)
        let after = try RenderInput.loadOrExit(new, loadRestrictor: loadRestrictor)
        let diff: ManifestDiff
        do {
            diff = try ManifestDiff(old: before.resources, new: after.resources)
        } catch let e as ManifestDiff.DuplicateResource {
            Console.error("Error: \(e)")
            throw ExitCode(2)
        }
        do {
            try Console.writeStdout(Array(DiffRenderer.text(diff).utf8))
        } catch let e as OutputError {
            Console.error("Error: \(e.message)")
            throw ExitCode(2)
        }
        if diff.forbiddenCount > 0 { throw ExitCode(1) }
    }
}
