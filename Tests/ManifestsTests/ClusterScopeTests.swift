import KubeModel
import Manifests
import XCTest

/// The one cluster-scope table, generated from the v1.21.2 schema kustomize v5.5.0 uses.
final class ClusterScopeTests: XCTestCase {
    func testScopeIsByGroupVersionAndKind() {
        XCTAssertTrue(GVK(version: "v1", kind: "Namespace").isClusterScoped)
        XCTAssertTrue(GVK(group: "rbac.authorization.k8s.io", version: "v1", kind: "ClusterRole").isClusterScoped)
        XCTAssertFalse(GVK(version: "v1", kind: "ConfigMap").isClusterScoped)
        XCTAssertFalse(GVK(group: "example.com", version: "v1", kind: "Foo").isClusterScoped)
        // FlowSchema is cluster-scoped only at the version the schema knows (oracle: the others get a namespace).
        XCTAssertTrue(GVK(group: "flowcontrol.apiserver.k8s.io", version: "v1beta1", kind: "FlowSchema").isClusterScoped)
        XCTAssertFalse(GVK(group: "flowcontrol.apiserver.k8s.io", version: "v1alpha1", kind: "FlowSchema").isClusterScoped)
        XCTAssertFalse(GVK(group: "flowcontrol.apiserver.k8s.io", version: "v1", kind: "FlowSchema").isClusterScoped)
        // Review kinds have no scope in the schema, so kustomize namespaces them.
        XCTAssertFalse(GVK(group: "authentication.k8s.io", version: "v1", kind: "TokenReview").isClusterScoped)
    }
}
