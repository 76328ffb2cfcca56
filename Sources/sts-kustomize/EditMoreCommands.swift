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
