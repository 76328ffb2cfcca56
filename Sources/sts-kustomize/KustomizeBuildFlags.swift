import ArgumentParser
import FoundationEssentials
import Glibc
import StsKustomize

extension BuildOptions.Reorder: ExpressibleByArgument {}

/// The rest of `kustomize build`'s flags, accepted so that tools which pass them (Argo CD's
/// build options, Makefiles) run unchanged. Each matters only when the tree uses what it
/// enables: Helm charts and plugins are refused with a clear error either way, so a tree
/// without them builds the same with or without these flags.
struct KustomizeBuildFlags: ParsableArguments {
    @Flag(name: .customLong("enable-helm"), help: "Accepted for kustomize compatibility; helmCharts are refused either way.")
    var enableHelm = false

    @Option(name: .customLong("helm-command"), help: "Accepted for kustomize compatibility (helm is never run).")
    var helmCommand = "helm"

    @Option(name: .customLong("helm-api-versions"), help: "Accepted for kustomize compatibility.")
    var helmAPIVersions: [String] = []

    @Option(name: .customLong("helm-kube-version"), help: "Accepted for kustomize compatibility.")
    var helmKubeVersion = ""

    @Flag(name: .customLong("helm-debug"), help: "Accepted for kustomize compatibility.")
    var helmDebug = false

    @Flag(name: .customLong("enable-alpha-plugins"), help: "Accepted for kustomize compatibility; exec, container and Go plugins are refused either way.")
    var enableAlphaPlugins = false

    @Flag(name: .customLong("enable-exec"), help: "Accepted for kustomize compatibility; exec functions are refused either way.")
    var enableExec = false

    @Option(name: [.customShort("e"), .customLong("env")], help: "Accepted for kustomize compatibility (environment for functions).")
    var env: [String] = []

    @Option(name: .customLong("mount"), help: "Accepted for kustomize compatibility (storage for functions).")
    var mount: [String] = []

    @Flag(name: .customLong("network"), help: "Accepted for kustomize compatibility (network for functions).")
    var network = false

    @Option(name: .customLong("network-name"), help: "Accepted for kustomize compatibility.")
    var networkName = "bridge"

    @Flag(name: .customLong("as-current-user"), help: "Accepted for kustomize compatibility.")
    var asCurrentUser = false

    @Option(name: .customLong("reorder"), help: ArgumentHelp("Deprecated: use sortOptions in kustomization.yaml. legacy or none.", visibility: .hidden))
    var reorder: BuildOptions.Reorder?

    @Flag(name: .customLong("enable-managedby-label"), help: ArgumentHelp("Deprecated: use buildMetadata: [managedByLabel]. Adds app.kubernetes.io/managed-by.", visibility: .hidden))
    var enableManagedByLabel = false

    func validate() throws {
        if reorder == .unspecified {
            throw ValidationError("illegal flag value --reorder unspecified; legal values: [legacy none]")
        }
    }

    /// Sets what the flags change and prints kustomize's deprecation notices.
    func apply(to options: inout BuildOptions) {
        if let reorder {
            Console.error("Flag --reorder has been deprecated, use the new 'sortOptions' field in kustomization.yaml instead.")
            options.reorder = reorder
        }
        if enableManagedByLabel {
            Console.error("Flag --enable-managedby-label has been deprecated, The flag `enable-managedby-label` has been deprecated. "
                + "Use the `managedByLabel` option in the `buildMetadata` field instead.")
        }
        options.enableManagedByLabel = enableManagedByLabel
        Self.applyEnvironment(to: &options)
    }

    /// kustomize also reads KUSTOMIZE_ENABLE_MANAGEDBY_LABEL=on.
    static func applyEnvironment(to options: inout BuildOptions) {
        if getenv("KUSTOMIZE_ENABLE_MANAGEDBY_LABEL").map({ String(cString: $0) }) == "on" { options.enableManagedByLabel = true }
    }
}
