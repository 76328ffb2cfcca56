import ArgumentParser
import FoundationEssentials
import Glibc
import StsKustomize

/// `edit`: changes the kustomization in the current directory as kustomize v5.5.0's `edit`
/// does (same file layout, comments kept), atomically; our `storage:` is kept by every verb.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit the kustomization file in the current directory, as kustomize edit does.",
        subcommands: [EditSetCommand.self, EditAddCommand.self, EditRemoveCommand.self, EditFixCommand.self])

    /// Applies `edit` to the kustomization in the working directory and writes the result.
    static func perform(_ edit: KustomizationEdit) throws {
        let result = try Console.failing(status: 1) { try Edit().run(edit, in: ".") }
        for message in result.messages { Console.error(goLogPrefix() + message) }
        for (path, bytes) in result.otherFiles {
            try Console.failing(status: 1) { try OutputFile.write(path, bytes) }
        }
        if let bytes = result.bytes {
            try Console.failing(status: 1) { try OutputFile.write(result.path, bytes) }
        }
    }

    /// Go's standard logger prefix (`2024/05/01 12:34:56 `), which kustomize's notices carry.
    private static func goLogPrefix() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let n = strftime(&buffer, buffer.count, "%Y/%m/%d %H:%M:%S ", &parts)
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

struct EditSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set a value in the kustomization file.",
        subcommands: [SetImage.self, SetReplicas.self, SetNamespace.self, SetNamePrefix.self, SetNameSuffix.self, SetLabel.self,
                      SetAnnotation.self, SetBuildMetadata.self, SetConfigMap.self, SetSecret.self, SetStorage.self])

    struct SetImage: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "image", abstract: "Set images and their new names, tags or digests.")
        @Argument(help: "name=newName:tag@digest and its shorter forms; * keeps the file's part.") var images: [String] = []
        func run() throws { try EditCommand.perform(.setImage(images)) }
    }

    struct SetReplicas: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "replicas", abstract: "Set replica counts: NAME=COUNT.")
        @Argument var replicas: [String] = []
        func run() throws { try EditCommand.perform(.setReplicas(replicas)) }
    }

    struct SetNamespace: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "namespace", abstract: "Set the namespace.")
        @Argument var values: [String] = []
        func run() throws {
            guard values.count == 1 else { try Console.failing(status: 1) { throw EditError("must specify exactly one namespace value") }; return }
            try EditCommand.perform(.setNamespace(values[0]))
        }
    }

    struct SetNamePrefix: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "nameprefix", abstract: "Set the name prefix (a value starting with - goes after --).")
        @Argument var values: [String] = []
        func run() throws {
            guard values.count == 1 else { try Console.failing(status: 1) { throw EditError("must specify exactly one prefix value") }; return }
            try EditCommand.perform(.setNamePrefix(values[0]))
        }
    }

    struct SetNameSuffix: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "namesuffix", abstract: "Set the name suffix (a value starting with - goes after --).")
        @Argument var values: [String] = []
        func run() throws {
            guard values.count == 1 else { try Console.failing(status: 1) { throw EditError("must specify exactly one suffix value") }; return }
            try EditCommand.perform(.setNameSuffix(values[0]))
        }
    }

    struct SetStorage: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "storage", abstract: "Set a claim template's size (and class) through storage: (sts-kustomize extension).")
        @Argument(help: "NAME[/CLAIM]=SIZE, e.g. postgres/data=100Gi.") var entries: [String] = []
        @Option(name: .customLong("storage-class"), help: "Also set the storage class.") var storageClass: String?
        func run() throws { try EditCommand.perform(.setStorage(entries, storageClass: storageClass)) }
    }
}

struct EditAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an item to the kustomization file.",
        subcommands: [AddResource.self, AddComponent.self, AddBase.self, AddPatch.self, AddLabel.self, AddAnnotation.self,
                      AddTransformer.self, AddGenerator.self, AddBuildMetadata.self, AddConfigMap.self, AddSecret.self])

    struct AddResource: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resource", abstract: "Add resources (globs are expanded now).")
        @Argument var paths: [String] = []
        @Flag(name: .customLong("no-verify"), help: "Add the arguments as written, without expanding or checking them.") var noVerify = false
        func run() throws { try EditCommand.perform(.addResource(paths, noVerify: noVerify)) }
    }

    struct AddComponent: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "component", abstract: "Add components.")
        @Argument var paths: [String] = []
        func run() throws { try EditCommand.perform(.addComponent(paths)) }
    }

    struct AddLabel: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "label", abstract: "Add labels: KEY:VALUE (commonLabels, or labels: with --without-selector).")
        @Argument var pairs: [String] = []
        @Flag(name: [.customShort("f"), .customLong("force")], help: "Overwrite a label that is already set.") var force = false
        @Flag(name: .customLong("without-selector"), help: "Add to labels: without selectors.") var withoutSelector = false
        @Flag(name: .customLong("include-templates"), help: "With --without-selector: also label pod templates.") var includeTemplates = false
        func run() throws {
            try EditCommand.perform(.addLabel(pairs, force: force, withoutSelector: withoutSelector, includeTemplates: includeTemplates))
        }
    }

    struct AddAnnotation: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "annotation", abstract: "Add annotations: KEY:VALUE (commonAnnotations).")
        @Argument var pairs: [String] = []
        @Flag(name: [.customShort("f"), .customLong("force")], help: "Overwrite an annotation that is already set.") var force = false
        func run() throws { try EditCommand.perform(.addAnnotation(pairs, force: force)) }
    }
}

struct EditRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove items from the kustomization file.",
        subcommands: [RemoveResource.self, RemovePatch.self, RemoveLabel.self, RemoveAnnotation.self, RemoveTransformer.self,
                      RemoveBuildMetadata.self, RemoveConfigMap.self, RemoveSecret.self])

    struct RemoveResource: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resource", abstract: "Remove resources matching the patterns.")
        @Argument var patterns: [String] = []
        func run() throws { try EditCommand.perform(.removeResource(patterns)) }
    }
}
