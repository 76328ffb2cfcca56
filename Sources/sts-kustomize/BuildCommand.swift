import YAML
import ArgumentParser
import Foundation
import StsKustomize

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Print the resources a kustomization directory renders to."
    )

    @Argument(help: "The kustomization directory.")
    var directory: String = "."

    @Option(name: [.short, .customLong("output")], help: "Write to this file, or one file per resource into this existing directory.")
    var output: String?

    @Option(name: .customLong("load-restrictor"), help: "LoadRestrictionsRootOnly (default) or LoadRestrictionsNone.")
    var loadRestrictor: String = LoadRestrictor.rootOnly.rawValue

    @Flag(name: .customLong("enable-managedby-label"), help: "Add app.kubernetes.io/managed-by to every resource.")
    var enableManagedByLabel = false

    @Flag(name: .customLong("check"), help: "Run the StatefulSet checks after rendering; fail on errors (sts-kustomize extension).")
    var check = false

    func run() throws {
        guard let restrictor = LoadRestrictor(rawValue: loadRestrictor) else {
            throw ValidationError("--load-restrictor must be one of \(LoadRestrictor.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let options = BuildOptions(loadRestrictor: restrictor, enableManagedByLabel: enableManagedByLabel)
        do {
            let result = try Build(options: options).run(directory)
            for w in result.warnings { Console.error("warning: \(w)") }
            if check { try BuildCheck.run(on: result) }
            try write(result)
            // Freeing every node of a large build costs more than the build's transforms; the OS reclaims it at once.
            Foundation.exit(0)
        } catch let e as Diagnostic {
            Console.error("Error: \(e)")
            throw ExitCode(1)
        } catch let e as OutputError {
            Console.error("Error: \(e.message)")
            throw ExitCode(1)
        }
    }

    private func write(_ result: Build.Result) throws {
        guard let output else {
            try Console.writeStdout(result.yaml())
            return
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDir), isDir.boolValue {
            // Render every file before writing any, so a failure leaves nothing half-written.
            var files: [(String, [UInt8])] = []
            for (name, r) in try ResourceEmitter.fileNames(for: result.resources.resources) {
                files.append((output + "/" + name, try ResourceEmitter.document(r)))
            }
            for (path, bytes) in files { try OutputFile.write(path, bytes) }
        } else {
            try OutputFile.write(output, result.yaml())
        }
    }
}
