import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

/// How lists merge: merge-key lists (patch items first), primitive lists by strategy, nulls,
/// items without the merge key, duplicates, and lists the target lacks.
///
/// Strategic merge patch cases whose expected output is what `kubectl kustomize` (kustomize
/// v5.5.0) printed for `resources: [resource]` + `patches: [{path: patch}]`, each recorded with
/// the oracle (case name in brackets, from the Patching session's oracle runs).
final class StrategicMergeListTests: XCTestCase {
    /// Containers merge by name: patch items first in patch order, then the target's others; volumes (`merge,retainKeys`) merge too and keep both volume sources. [t1]
    func testMergeKeyListPutsPatchItemsFirstThenTheRest() throws {
        let resource = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    image: a
                  - name: b
                    image: b
                  - name: c
                    image: c
                  volumes:
                  - name: v1
                    emptyDir: {}
                  - name: v2
                    configMap:
                      name: cm
                  finalizers: [x]
            """
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    image: c2
                  - name: z
                    image: z
                  - name: a
                    image: a2
                  volumes:
                  - name: v3
                    emptyDir: {}
                  - name: v1
                    hostPath:
                      path: /x
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - image: c2
                    name: c
                  - image: z
                    name: z
                  - image: a2
                    name: a
                  - image: b
                    name: b
                  finalizers:
                  - x
                  volumes:
                  - emptyDir: {}
                    name: v3
                  - emptyDir: {}
                    hostPath:
                      path: /x
                    name: v1
                  - configMap:
                      name: cm
                    name: v2

            """)
    }

    /// `finalizers` (strategy merge, no key) is a union with patch values first; `args` is replaced. [d4]
    func testPrimitiveListsMergeOrReplacePerStrategy() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
              finalizers: [f3, f1]
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    args: [z]
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f3
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
                    - z
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

    /// Nulls delete; `{}`/`[]` are added; a patch item without the merge key removes every keyed item of the target. [e3]
    func testNullsAndAnItemWithoutMergeKey() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
              labels:
                a: null
                zz: null
              annotations: {}
            spec:
              replicas: null
              newmap: {}
              newlist: []
              template:
                spec:
                  containers:
                  - name: b
                    image: null
                  - image: nokey
                  - name: a
                    env:
                    - name: E2
                      value: null
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
              labels:
                b: "2"
              name: d
            spec:
              newlist: []
              newmap: {}
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - name: b
                  - env:
                    - name: E2
                    name: a

            """)
    }

    /// Lists the patch does not touch are still rebuilt: duplicate names collapse, empty items vanish; multi-key lists survive. [f1]
    func testUntouchedMergedListsAreNormalised() throws {
        let resource = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    image: a
                    env:
                    - name: A
                      value: "1"
                    - name: A
                      value: "2"
                    - {}
                    - name: B
                  - name: b
                    image: b
                    ports:
                    - containerPort: 53
                      protocol: TCP
                    - containerPort: 53
                      protocol: UDP
                    - containerPort: 80
            """
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
              labels:
                x: y
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              labels:
                x: "y"
              name: d
            spec:
              template:
                spec:
                  containers:
                  - env:
                    - name: A
                      value: "1"
                    image: a
                    name: a
                  - image: b
                    name: b
                    ports:
                    - containerPort: 53
                      protocol: TCP
                    - containerPort: 53
                      protocol: UDP
                    - containerPort: 80

            """)
    }

    /// A list the target lacks is taken as written, `$patch` element included. [f4]
    func testNewListKeepsItsDirectiveElement() throws {
        let resource = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    image: a
            """
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  initContainers:
                  - $patch: replace
                  - name: i
                    image: i
                  - name: i
                    image: i2
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - image: a
                    name: a
                  initContainers:
                  - $patch: replace

            """)
    }

    /// A target item without the merge key makes kustomize keep only that item. [h1]
    func testTargetItemWithoutMergeKeyWipesTheList() throws {
        let resource = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    image: a
                  - image: nokey
                  - name: c
                    image: c
            """
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
                    image: a2
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - image: nokey

            """)
    }

    /// Finalizers: patch values first, then the target's others, duplicates dropped; `containers: null` deletes. [h3]
    func testFinalizersUnionAndNullList() throws {
        let resource = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              finalizers: [a, b, a, c]
            spec:
              containers:
              - name: x
                image: x
            """
        let patch = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              finalizers: [c, d]
            spec:
              containers: null
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: v1
            kind: Pod
            metadata:
              finalizers:
              - c
              - d
              - a
              - b
              name: p
            spec: {}

            """)
    }

    /// An empty list in the patch leaves a merged list as it is. [h4]
    func testEmptyPatchListChangesNothing() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers: []
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

    /// Duplicate items in the patch: the first wins; `$patch: delete` on an env var. [h5]
    func testDuplicateKeysInPatchAndNestedDelete() throws {
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
                  - name: c
                    image: c1
                  - name: c
                    image: c2
                    args: [q]
                  - name: a
                    env:
                    - name: E1
                      $patch: delete
                    - name: E3
                      valueFrom:
                        fieldRef: {fieldPath: metadata.name}
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
                  - image: c1
                    name: c
                  - args:
                    - x
                    - "y"
                    env:
                    - name: E3
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.name
                    - name: E2
                      value: "2"
                    image: a
                    name: a
                  - image: b
                    name: b

            """)
    }

    /// A new list walked against itself (duplicates collapse, nulls vanish); delete of a missing item is a no-op; replace of a missing item adds it. [m1]
    func testNewListsAndDirectivesOnMissingItems() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
              labels: null
            spec:
              template:
                spec:
                  initContainers:
                  - name: i1
                    image: x
                    env:
                    - name: A
                      value: null
                    - name: A
                      value: "2"
                  - name: i2
                    $patch: replace
                    image: y
                  - name: i1
                    image: z
                  containers:
                  - name: zz
                    $patch: delete
                  - name: q
                    $patch: replace
                    image: q
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              finalizers:
              - f1
              - f2
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
                  initContainers:
                  - image: z
                    name: i1
                  - image: "y"
                    name: i2

            """)
    }
}
