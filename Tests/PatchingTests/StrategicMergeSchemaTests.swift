import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

/// Which schema a merge uses: kinds without one, multi-key Service ports, embedded objects
/// with their own kind, the merge keys of container ports, volumeMounts and volumes, and
/// scalar types taken from the patch.
///
/// Strategic merge patch cases whose expected output is what `kubectl kustomize` (kustomize
/// v5.5.0) printed for `resources: [resource]` + `patches: [{path: patch}]`, each recorded with
/// the oracle (case name in brackets, from the Patching session's oracle runs).
final class StrategicMergeSchemaTests: XCTestCase {
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
