import ArgumentParser
import StsKustomize

/// `--path`/`--patch` and the target flags of `edit add patch` and `edit remove patch`.
struct PatchOptions: ParsableArguments {
    @Option(name: .customLong("path"), help: "A patch file.") var path = ""
    @Option(name: .customLong("patch"), help: "Patch content.") var patch = ""
    @Option(name: .customLong("group")) var group = ""
    @Option(name: .customLong("version")) var version = ""
    @Option(name: .customLong("kind")) var kind = ""
    @Option(name: .customLong("name")) var name = ""
    @Option(name: .customLong("namespace")) var namespace = ""
    @Option(name: .customLong("label-selector")) var labelSelector = ""
    @Option(name: .customLong("annotation-selector")) var annotationSelector = ""

    var entry: PatchEntry {
        PatchEntry(path: path, patch: patch, group: group, version: version, kind: kind, name: name,
                   namespace: namespace, labelSelector: labelSelector, annotationSelector: annotationSelector)
    }
}

/// The positional arguments every list-taking verb has.
struct EditArguments: ParsableArguments {
    @Argument var values: [String] = []
}

extension EditSetCommand {
    struct SetLabel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "label", abstract: "Set commonLabels: KEY:VALUE (overwrites).")
        @OptionGroup var arguments: EditArguments
        func run() throws { try EditCommand.perform(.setLabel(arguments.values)) }
    }

    struct SetAnnotation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "annotation", abstract: "Set commonAnnotations: KEY:VALUE (overwrites).")
        @OptionGroup var arguments: EditArguments
        func run() throws { try EditCommand.perform(.setAnnotation(arguments.values)) }
    }

    struct SetBuildMetadata: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "buildmetadata", abstract: "Set buildMetadata options (comma-separated).")
        @OptionGroup var arguments: EditArguments
        func run() throws { try EditCommand.perform(.setBuildMetadata(arguments.values)) }
    }
}

extension EditAddCommand {
    struct AddPatch: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "patch", abstract: "Add a patch (--path or --patch) with an optional target.")
        @OptionGroup var options: PatchOptions
        func run() throws { try EditCommand.perform(.addPatch(options.entry)) }
    }

    struct AddBase: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "base", abstract: "Add bases (comma-separated) to resources.")
        @OptionGroup var arguments: EditArguments
        func run() throws { try EditCommand.perform(.addBase(arguments.values)) }
    }

    struct AddTransformer: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "transformer", abstract: "Add transformer configs (globs expanded now).")
        @OptionGroup var arguments: EditArguments
        func run() throws { try EditCommand.perform(.addTransformer(arguments.values)) }
    }

    struct AddGenerator: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "generator", abstract: "Add generator configs (globs expanded now).")
        @OptionGroup var arguments: EditArguments
        func run() throws { try EditCommand.perform(.addGenerator(arguments.values)) }
    }

    struct AddBuildMetadata: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "buildmetadata", abstract: "Add buildMetadata options (comma-separated).")
        @OptionGroup var arguments: EditArguments
        func run() throws { try EditCommand.perform(.addBuildMetadata(arguments.values)) }
    }
}

extension EditRemoveCommand {
    struct RemovePatch: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "patch", abstract: "Remove the patches equal to the one described.")
        @OptionGroup var options: PatchOptions
        func run() throws { try EditCommand.perform(.removePatch(options.entry)) }
    }

    struct RemoveLabel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "label", abstract: "Remove commonLabels keys (comma-separated).")
        @OptionGroup var arguments: EditArguments
        @Flag(name: [.customShort("i"), .customLong("ignore-non-existence")], help: "No error for keys that are not there.") var ignore = false
        func run() throws { try EditCommand.perform(.removeLabel(arguments.values, ignoreMissing: ignore)) }
    }

    struct RemoveAnnotation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "annotation", abstract: "Remove commonAnnotations keys (comma-separated).")
        @OptionGroup var arguments: EditArguments
        @Flag(name: [.customShort("i"), .customLong("ignore-non-existence")], help: "No error for keys that are not there.") var ignore = false
        func run() throws { try EditCommand.perform(.removeAnnotation(arguments.values, ignoreMissing: ignore)) }
    }

    struct RemoveTransformer: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "transformer", abstract: "Remove transformers matching the patterns.")
        @OptionGroup var arguments: EditArguments
        func run() throws { try EditCommand.perform(.removeTransformer(arguments.values)) }
    }

    struct RemoveBuildMetadata: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "buildmetadata", abstract: "Remove buildMetadata options (comma-separated).")
        @OptionGroup var arguments: EditArguments
        func run() throws { try EditCommand.perform(.removeBuildMetadata(arguments.values)) }
    }
}

/// `--from-literal`, `--from-file`, `--from-env-file` and the options of `edit add configmap|secret`.
struct GeneratorOptionsGroup: ParsableArguments {
    @Argument(help: "The generator's name.") var name: [String] = []
    @Option(name: .customLong("from-literal"), help: "KEY=VALUE (repeatable).") var literals: [String] = []
    @Option(name: .customLong("from-file"), help: "[KEY=]PATH, comma-separated (repeatable).") var files: [String] = []
    @Option(name: .customLong("from-env-file"), help: "An env file.") var envFile = ""
    @Flag(name: .customLong("disableNameSuffixHash"), help: "No hash suffix on the generated name.") var disableNameSuffixHash = false
    @Option(name: .customLong("namespace")) var namespace = ""

    func flags(behavior: String, type: String) -> GeneratorFlags {
        GeneratorFlags(name: name, literals: literals, files: files.flatMap { $0.split(separator: ",").map(String.init) },
                       envFile: envFile, behavior: behavior, namespace: namespace, disableNameSuffixHash: disableNameSuffixHash, type: type)
    }
}

extension EditAddCommand {
    struct AddConfigMap: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "configmap", abstract: "Add or extend a configMapGenerator entry.")
        @OptionGroup var options: GeneratorOptionsGroup
        @Option(name: .customLong("behavior"), help: "create, merge or replace.") var behavior = ""
        func run() throws { try EditCommand.perform(.addConfigMap(options.flags(behavior: behavior, type: "Opaque"))) }
    }

    struct AddSecret: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "secret", abstract: "Add or extend a secretGenerator entry.")
        @OptionGroup var options: GeneratorOptionsGroup
        @Option(name: .customLong("type"), help: "The type of a new secret.") var type = "Opaque"
        func run() throws { try EditCommand.perform(.addSecret(options.flags(behavior: "", type: type))) }
    }
}

struct EditFixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix", abstract: "Move deprecated fields to their successors (patchesJson6902, patchesStrategicMerge, commonLabels).")
    @Flag(name: .customLong("vars"), help: "Also convert vars to replacements, putting VAR_PLACEHOLDER into the files that use them.") var vars = false
    func run() throws {
        // As kustomize: build before and after, and say so when the fix changed the output.
        let before = (try? Build().run(".").yaml()) ?? []
        try EditCommand.perform(.fix(vars: vars))
        var report = vars ? KustomizationFile.fixVarsReport : KustomizationFile.fixReport
        do {
            let after = try Build().run(".").yaml()
            if after != before {
                report += "Warning: 'Fixed' kustomization now produces different output when running `kustomize build`:\n..."
                    + String(decoding: after, as: UTF8.self) + "...\n"
            }
        } catch {
            report += "Warning: 'Fixed' kustomization now produces the error when running `kustomize build`: \(error)\n"
        }
        try Console.failing(status: 1) { try Console.writeStdout(Array(report.utf8)) }
    }
}

/// `create`: a new kustomization.yaml in the current directory, as `kustomize create` writes it.
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a kustomization.yaml in the current directory.", aliases: ["init"])
    @Option(name: .customLong("resources"), help: "Comma-separated resources (globs expanded).") var resources = ""
    @Option(name: .customLong("namespace")) var namespace = ""
    @Option(name: .customLong("nameprefix")) var namePrefix = ""
    @Option(name: .customLong("namesuffix")) var nameSuffix = ""
    @Option(name: .customLong("labels"), help: "k:v,k2:v2") var labels = ""
    @Option(name: .customLong("annotations"), help: "k:v,k2:v2") var annotations = ""
    @Flag(name: .customLong("autodetect"), help: "Add the Kubernetes resource files found here.") var autodetect = false
    @Flag(name: .customLong("recursive"), help: "With --autodetect: look in subdirectories too.") var recursive = false
    @Argument(help: ArgumentHelp(visibility: .hidden)) var ignored: [String] = []

    func run() throws {
        var c = KustomizationCreation()
        c.resources = resources.isEmpty ? [] : [resources]
        c.namespace = namespace
        c.namePrefix = namePrefix
        c.nameSuffix = nameSuffix
        c.labels = labels
        c.annotations = annotations
        c.autodetect = autodetect
        c.recursive = recursive
        let created = try Console.failing(status: 1) { try c.create(in: ".", fileSystem: DiskFileSystem()) }
        try Console.failing(status: 1) { try OutputFile.write(created.path, created.bytes) }
    }
}

extension EditSetCommand {
    struct SetConfigMap: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "configmap", abstract: "Change existing literal keys or the namespace of a configMapGenerator entry.")
        @OptionGroup var arguments: EditArguments
        @Option(name: .customLong("from-literal")) var literals: [String] = []
        @Option(name: .customLong("namespace")) var namespace = ""
        @Option(name: .customLong("new-namespace")) var newNamespace = ""
        func run() throws {
            try EditCommand.perform(.setConfigMap(GeneratorFlags(name: arguments.values, literals: literals, namespace: namespace), newNamespace: newNamespace))
        }
    }

    struct SetSecret: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "secret", abstract: "Change existing literal keys or the namespace of a secretGenerator entry.")
        @OptionGroup var arguments: EditArguments
        @Option(name: .customLong("from-literal")) var literals: [String] = []
        @Option(name: .customLong("namespace")) var namespace = ""
        @Option(name: .customLong("new-namespace")) var newNamespace = ""
        func run() throws {
            try EditCommand.perform(.setSecret(GeneratorFlags(name: arguments.values, literals: literals, namespace: namespace), newNamespace: newNamespace))
        }
    }
}

extension EditRemoveCommand {
    struct RemoveConfigMap: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "configmap", abstract: "Remove configMapGenerator entries (comma-separated names).")
        @OptionGroup var arguments: EditArguments
        @Option(name: .customLong("namespace")) var namespace = ""
        func run() throws { try EditCommand.perform(.removeConfigMap(arguments.values, namespace: namespace)) }
    }

    struct RemoveSecret: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "secret", abstract: "Remove secretGenerator entries (comma-separated names).")
        @OptionGroup var arguments: EditArguments
        @Option(name: .customLong("namespace")) var namespace = ""
        func run() throws { try EditCommand.perform(.removeSecret(arguments.values, namespace: namespace)) }
    }
}
