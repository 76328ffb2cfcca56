import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

/// Patch directives: `$patch: replace|delete|merge` on items, lists and maps, and the
/// directives kustomize copies literally (`$setElementOrder`, `$retainKeys`,
/// `$deleteFromPrimitiveList`).
///
/// Strategic merge patch cases whose expected output is what `kubectl kustomize` (kustomize
/// v5.5.0) printed for `resources: [resource]` + `patches: [{path: patch}]`, each recorded with
/// the oracle (case name in brackets, from the Patching session's oracle runs).
final class StrategicMergeDirectiveTests: XCTestCase {
    /// `$patch: delete` removes an item; `$patch: replace` on an item the target has is ignored by kustomize. [d1]
    func testDeleteItemAndIgnoredReplaceOnExistingItem() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: b
                    $patch: delete
                  - name: a
                    $patch: replace
                    image: a2
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    env:
                    - name: E1
                      value: "1"
                    - name: E2
                      value: "2"
                    image: a
                    name: a
                  - image: c
                    name: c

            """)
    }

    /// `- $patch: replace` as a list element replaces the whole list with the other elements. [d2]
    func testReplaceWholeListWithDirectiveElement() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - $patch: replace
                  - name: z
                    image: z
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - image: z
                    name: z

            """)
    }

    /// `$patch: replace` on a map replaces it; `$patch: delete` removes it. [d3]
    func testReplaceAndDeleteOnMaps() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
              labels:
                $patch: replace
                c: "3"
            spec:
              selector:
                $patch: delete
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                c: "3"
              name: d
            spec:
              replicas: 1
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    env:
                    - name: E1
                      value: "1"
                    - name: E2
                      value: "2"
                    image: a
                    name: a
                  - image: b
                    name: b
                  - image: c
                    name: c

            """)
    }

    /// kustomize does not apply `$setElementOrder`: it is copied into the output. [d5]
    func testSetElementOrderIsCopiedLiterally() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  $setElementOrder/containers:
                  - name: c
                  - name: a
                  - name: b
                  containers:
                  - name: a
                    image: a3
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  $setElementOrder/containers:
                  - name: c
                  - name: a
                  - name: b
                  containers:
                  - args:
                    - x
                    - "y"
                    env:
                    - name: E1
                      value: "1"
                    - name: E2
                      value: "2"
                    image: a3
                    name: a
                  - image: b
                    name: b
                  - image: c
                    name: c

            """)
    }

    /// kustomize does not apply `$retainKeys`: it is copied into the output. [d6]
    func testRetainKeysIsCopiedLiterally() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              strategy:
                $retainKeys: [type]
                type: Recreate
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              strategy:
                $retainKeys:
                - type
                type: Recreate
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    env:
                    - name: E1
                      value: "1"
                    - name: E2
                      value: "2"
                    image: a
                    name: a
                  - image: b
                    name: b
                  - image: c
                    name: c

            """)
    }

    /// kustomize does not apply `$deleteFromPrimitiveList`: it is copied into the output. [d7]
    func testDeleteFromPrimitiveListIsCopiedLiterally() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
              $deleteFromPrimitiveList/finalizers: [f1]
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              $deleteFromPrimitiveList/finalizers:
              - f1
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    env:
                    - name: E1
                      value: "1"
                    - name: E2
                      value: "2"
                    image: a
                    name: a
                  - image: b
                    name: b
                  - image: c
                    name: c

            """)
    }

    /// `- $patch: delete` removes the list; its parent map stays as `{}`. [d8]
    func testDeleteWholeListLeavesEmptyParent() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - $patch: delete
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec: {}

            """)
    }

    /// `- $patch: merge` changes nothing but is removed. [d9]
    func testMergeDirectiveElementIsDropped() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - $patch: merge
                  - name: q
                    image: q
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - image: q
                    name: q
                  - args:
                    - x
                    - "y"
                    env:
                    - name: E1
                      value: "1"
                    - name: E2
                      value: "2"
                    image: a
                    name: a
                  - image: b
                    name: b
                  - image: c
                    name: c

            """)
    }

    /// In a list without merge key, a `$patch` element is ordinary data. [d10]
    func testDirectiveElementInReplacedListIsKept() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    args:
                    - $patch: replace
                    - q
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - args:
                    - $patch: replace
                    - q
                    env:
                    - name: E1
                      value: "1"
                    - name: E2
                      value: "2"
                    image: a
                    name: a
                  - image: b
                    name: b
                  - image: c
                    name: c

            """)
    }

    /// A top-level `$patch: replace` leaves the resource as it was. [e2]
    func testTopLevelReplaceChangesNothing() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            $patch: replace
            spec:
              replicas: 5
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    env:
                    - name: E1
                      value: "1"
                    - name: E2
                      value: "2"
                    image: a
                    name: a
                  - image: b
                    name: b
                  - image: c
                    name: c

            """)
    }

    /// `$patch: merge` on a map merges; `$patch: replace` replaces; `spec: null` deletes. [m2]
    func testMapDirectivesAndNullSubtree() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              selector:
                $patch: merge
                matchLabels:
                  extra: "1"
              template:
                metadata:
                  labels:
                    $patch: replace
                    fresh: "1"
                spec: null
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
                  extra: "1"
              template:
                metadata:
                  labels:
                    fresh: "1"

            """)
    }

    /// `- $patch: replace` works in a list of scalars with a merge strategy. [m3]
    func testReplaceDirectiveInPrimitiveList() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
              finalizers:
              - $patch: replace
              - x
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - x
              labels:
                a: "1"
                b: "2"
              name: d
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - args:
                    - x
                    - "y"
                    env:
                    - name: E1
                      value: "1"
                    - name: E2
                      value: "2"
                    image: a
                    name: a
                  - image: b
                    name: b
                  - image: c
                    name: c

            """)
    }

    /// `$patch: replace` on ConfigMap data. [m6]
    func testReplaceConfigMapData() throws {
        let resource = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              a: "1"
              b: "2"
            """
        let patch = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              $patch: replace
              c: "3"
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: v1
            data:
              c: "3"
            kind: ConfigMap
            metadata:
              name: cm

            """)
    }
}
