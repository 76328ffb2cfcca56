import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

/// Strategic merge patch cases whose expected output is what `kubectl kustomize` (kustomize
/// v5.5.0) printed for `resources: [resource]` + `patches: [{path: patch}]`, each recorded with
/// the oracle (case name in brackets, from the Patching session's oracle runs).
final class StrategicMergePatchTests: XCTestCase {

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

    /// A kind with no schema (a CRD) gets its lists replaced, even lists of named items: kustomize infers no merge key. [crdlist]
    func testKindsWithoutSchemaReplaceLists() throws {
        let resource = """
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              name: f
            spec:
              items:
              - name: a
                v: 1
              - name: b
                v: 2
              ports:
              - containerPort: 80
                x: 1
              - containerPort: 81
              template:
                spec:
                  containers:
                  - name: a
                    image: a
                  - name: b
                    image: b
            """
        let patch = """
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              name: f
            spec:
              items:
              - name: b
                v: 3
              ports:
              - containerPort: 80
                y: 1
              template:
                spec:
                  containers:
                  - name: b
                    image: b2
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              name: f
            spec:
              items:
              - name: b
                v: 3
              ports:
              - containerPort: 80
                "y": 1
              template:
                spec:
                  containers:
                  - image: b2
                    name: b

            """)
    }

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

    /// Service ports merge by `port`+`protocol`; 53/TCP and 53/UDP stay distinct. [f2]
    func testServicePortsMergeByPortAndProtocol() throws {
        let resource = """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
              - port: 53
                protocol: TCP
                name: dns-tcp
              - port: 53
                protocol: UDP
                name: dns-udp
              - port: 80
                name: http
            """
        let patch = """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
              - port: 53
                protocol: UDP
                targetPort: 5353
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
              - name: dns-tcp
                port: 53
                protocol: TCP
              - name: dns-udp
                port: 53
                protocol: UDP
                targetPort: 5353
              - name: http
                port: 80

            """)
    }

    /// A port without protocol matches by port; with several keys the target keeps its order. [f3]
    func testServicePortWithoutProtocolMergesByPort() throws {
        let resource = """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
              - port: 53
                protocol: TCP
                name: dns-tcp
              - port: 53
                protocol: UDP
                name: dns-udp
              - port: 80
                name: http
            """
        let patch = """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
              - port: 80
                targetPort: 8080
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
              - name: dns-tcp
                port: 53
                protocol: TCP
              - name: dns-udp
                port: 53
                protocol: UDP
              - name: http
                port: 80
                targetPort: 8080

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

    /// A map with apiVersion/kind inside a CRD merges with that kind's schema. [g4]
    func testEmbeddedObjectUsesItsOwnKindSchema() throws {
        let resource = """
            apiVersion: example.com/v1
            kind: Wrapper
            metadata:
              name: w
            spec:
              inner:
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                      - name: a
                        image: a
                      - name: b
                        image: b
            """
        let patch = """
            apiVersion: example.com/v1
            kind: Wrapper
            metadata:
              name: w
            spec:
              inner:
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                      - name: b
                        image: b2
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: example.com/v1
            kind: Wrapper
            metadata:
              name: w
            spec:
              inner:
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                      - image: b2
                        name: b
                      - image: a
                        name: a

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

    /// New ports come first, then the target's in their order. [h2]
    func testNewServicePortsComeFirst() throws {
        let resource = """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
              - port: 80
                name: http
              - port: 443
                protocol: TCP
                name: https
            """
        let patch = """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
              - port: 80
                protocol: TCP
                targetPort: 8080
              - port: 9090
                name: metrics
              - port: 443
                protocol: UDP
                name: quic
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: v1
            kind: Service
            metadata:
              name: s
            spec:
              ports:
              - name: metrics
                port: 9090
              - name: quic
                port: 443
                protocol: UDP
              - name: http
                port: 80
              - name: https
                port: 443
                protocol: TCP

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

    /// Scalars take the patch's value and type; container ports merge by containerPort. [m4]
    func testScalarTypesComeFromThePatch() throws {
        let resource = baseDeployment
        let patch = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              replicas: "3"
              paused: yes
              minReadySeconds: 0x10
              progressDeadlineSeconds: 1.50
              template:
                spec:
                  containers:
                  - name: b
                    ports:
                    - containerPort: 8080
                    - containerPort: 8081
                      protocol: UDP
                  - name: a
                    ports:
                    - containerPort: 9
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
              minReadySeconds: 16
              paused: "yes"
              progressDeadlineSeconds: 1.5
              replicas: "3"
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                  - image: b
                    name: b
                    ports:
                    - containerPort: 8080
                    - containerPort: 8081
                      protocol: UDP
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
                    ports:
                    - containerPort: 9
                  - image: c
                    name: c

            """)
    }

    /// The target's embedded apiVersion/kind select the schema; a new embedded Pod merges its duplicate containers. [m5]
    func testEmbeddedKindWithoutApiVersionInPatch() throws {
        let resource = """
            apiVersion: example.com/v1
            kind: Wrapper
            metadata:
              name: w
            spec:
              inner:
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                      - name: a
                        image: a
                      - name: b
                        image: b
            """
        let patch = """
            apiVersion: example.com/v1
            kind: Wrapper
            metadata:
              name: w
            spec:
              inner:
                spec:
                  template:
                    spec:
                      containers:
                      - name: b
                        image: b2
              extra:
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                  - name: x
                  - name: x
                    image: dup
            """
        XCTAssertEqual(try mergedYAML(resource, patch), """
            apiVersion: example.com/v1
            kind: Wrapper
            metadata:
              name: w
            spec:
              extra:
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                  - image: dup
                    name: x
              inner:
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                      - image: b2
                        name: b
                      - image: a
                        name: a

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

    /// volumeMounts merge by mountPath; deleting by mountPath; a volume source replaced by null + new source. [m7]
    func testVolumeMountsAndVolumes() throws {
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
                    volumeMounts:
                    - name: v
                      mountPath: /a
                    - name: w
                      mountPath: /b
                  volumes:
                  - name: v
                    emptyDir: {}
                  - name: w
                    configMap: {name: x}
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
                    volumeMounts:
                    - name: v2
                      mountPath: /a
                    - mountPath: /b
                      $patch: delete
                  volumes:
                  - name: v
                    emptyDir: null
                    persistentVolumeClaim:
                      claimName: data
                  - name: w
                    $patch: delete
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
                    volumeMounts:
                    - mountPath: /a
                      name: v2
                  volumes:
                  - name: v
                    persistentVolumeClaim:
                      claimName: data

            """)
    }

}

/// The Deployment most cases patch.
let baseDeployment = """
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  labels:
    a: "1"
    b: "2"
  finalizers: [f1, f2]
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
      - name: a
        image: a
        args: [x, y]
        env:
        - name: E1
          value: "1"
        - name: E2
          value: "2"
      - name: b
        image: b
      - name: c
        image: c
"""
