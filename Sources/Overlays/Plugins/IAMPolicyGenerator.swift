import KubeModel
import Manifests
import YAML

/// The builtin IAMPolicyGenerator: for `cloud: gke`, a ServiceAccount annotated with the
/// Google service account it acts as (GKE workload identity). Pure data, no cloud access.
struct IAMPolicyGenerator {
    let cloud: String
    let serviceName: String
    let serviceNamespace: String
    let accountName: String
    let projectId: String
    let file: String
    let mark: Mark

    init(_ config: PluginConfig) throws {
        let f = try PluginConfigFields(.mapping(config.resource.object), file: config.file, context: "IAMPolicyGenerator config")
        cloud = try f.string("cloud") ?? ""
        let service = try f.object("kubernetesService")
        serviceName = try service?.string("name") ?? ""
        serviceNamespace = try service?.string("namespace") ?? ""
        let account = try f.object("serviceAccount")
        accountName = try account?.string("name") ?? ""
        projectId = try account?.string("projectId") ?? ""
        file = config.file
        mark = config.resource.object.mark
    }

    func generate() throws -> Resource {
        guard cloud == "gke" else {
            throw Diagnostic("cloud provider \(cloud) not supported yet", file: file, mark: mark)
        }
        // kustomize fills a YAML template with the values as written, then parses it.
        let text = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              annotations:
                iam.gke.io/gcp-service-account: \(accountName)@\(projectId).iam.gserviceaccount.com
              name: \(serviceName)

            """
        let docs: [Node]
        do {
            docs = try YAMLParser().parse(text, file: file)
        } catch let e as Diagnostic {
            throw Diagnostic("IAMPolicyGenerator: the generated ServiceAccount is not valid YAML: \(e.message)", file: file, mark: mark)
        }
        guard let object = docs.first?.asMapping else {
            throw Diagnostic("IAMPolicyGenerator: the generated ServiceAccount is not an object", file: file, mark: mark)
        }
        guard let sa = try ManifestLoader.resources(from: [.mapping(object)], file: file).first else {
            throw Diagnostic("IAMPolicyGenerator generated nothing", file: file, mark: mark)
        }
        if !serviceNamespace.isEmpty {
            // Set as an untyped scalar, so `123` prints unquoted as in kustomize.
            sa.object.ensureMapping("metadata")["namespace"] = .scalar(Scalar.resolving(serviceNamespace))
        }
        return sa
    }
}
