import XCTest

/// Real-world regressions in strategic merge patches: nulls, labels, scalar styles and tags,
/// inline patch text, and `patches:` entries of neither kind.
///
/// Divergences found on real repositories (`../shared/realworld`) and by the differential
/// tester (`scripts/difftest`). Every expected output was printed by `kubectl kustomize`
/// (kustomize v5.5.0) for the same tree.
final class RealWorldStrategicMergeRegressionTests: RealWorldRegressionTestCase {
    /// A strategic merge keeps the nulls a resource writes out (`null`, `~`) in fields the patch does not set, and drops the ones with empty text (`key:`); a null in the patch deletes.
    func testNullsTheResourceWritesSurviveAStrategicMerge() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - resources.yaml
            patches:
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                      - name: app
                        image: app:2
                status:
                  gone: null

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              creationTimestamp: null
            spec:
              selector:
                matchLabels:
                  app: app
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    app: app
                spec:
                  containers:
                  - name: app
                    image: app:1
                    resources: {}
                    env:
                    - name: A
                      value: ~
                    - name: B
                      value:
            status:
              x: null
              empty:
              gone: 1

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              creationTimestamp: null
              name: app
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: app
              strategy: {}
              template:
                metadata:
                  creationTimestamp: null
                  labels:
                    app: app
                spec:
                  containers:
                  - env:
                    - name: A
                      value: null
                    - name: B
                    image: app:2
                    name: app
                    resources: {}
            status:
              x: null

            """#)
    }

    /// A `patches:` entry that is neither a strategic merge patch (no kind) nor a JSON patch (a map) is an error, not a merge.
    func testPatchesEntryThatIsNeitherKindIsAnError() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            patches:
            - target:
                kind: ConfigMap
              patch: '{"op": "add", "path": "/data/x", "value": 1}'

            """#)
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm

            """#)
        XCTAssertTrue(tree.buildError(".").contains("unable to parse SM or JSON patch"), tree.buildError("."))
    }

    /// A strategic merge patch that sets a shared label sets it everywhere the label transformer put it.
    func testStrategicMergeOnASharedLabelChangesEveryPlace() throws {
        try tree.write("base/kustomization.yaml", #"""
            resources:
            - deploy.yaml
            commonLabels:
              app: x
            commonAnnotations:
              note: base

            """#)
        try tree.write("base/deploy.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: d
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    image: nginx

            """#)
        try tree.write("overlay/kustomization.yaml", #"""
            resources:
            - ../base
            patches:
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                  labels:
                    app: z1

            """#)
        XCTAssertEqual(try tree.build("overlay"), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                note: base
              labels:
                app: z1
              name: d
            spec:
              selector:
                matchLabels:
                  app: z1
              template:
                metadata:
                  annotations:
                    note: base
                  labels:
                    app: z1
                spec:
                  containers:
                  - image: nginx
                    name: c

            """#)
    }

    /// `patchesStrategicMerge` (and `patches` with a target) first give the patch the target's labels and annotations: a null there deletes nothing, and values become text.
    func testPatchesStrategicMergeUnitesLabels() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - svc.yaml
            patchesStrategicMerge:
            - patch.yaml
            patches:
            - target:
                kind: Service
              patch: |
                apiVersion: v1
                kind: Service
                metadata:
                  name: s
                  annotations:
                    b: null

            """#)
        try tree.write("svc.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s
              labels:
                team: web
                n: 5
              annotations:
                a: b
                b: c

            """#)
        try tree.write("patch.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s
              labels: null

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                a: b
                b: "null"
              labels:
                "n": 5
                team: web
              name: s

            """#)
    }

    /// A strategic merge gives the patch's scalar the target's style, so a quoted target stays a string holding the patch's text; a plain one takes the patch's type.
    func testPatchValueTakesAQuotedTargetsStyle() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - r.yaml
            patches:
            - path: p.yaml

            """#)
        try tree.write("r.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              mode: "a-b"
              flag: 'yes'
              plain: abc
              num: 5

            """#)
        try tree.write("p.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              mode: 1.5e-3
              flag: false
              plain: 7
              num: "9"
              new: 7

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              flag: "false"
              mode: "1.5e-3"
              new: 7
              num: "9"
              plain: 7
            kind: ConfigMap
            metadata:
              name: cm

            """#)
    }

    /// kustomize trims inline `patches:` text: a strategic merge patch's last block scalar loses its final line break (`|-`), as a JSON patch's does (see DifftestRegressionTests).
    func testStrategicMergePatchTextEndsWithoutItsLastBreak() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - pvc.yaml
            patches:
            - patch: |
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                spec:
                  count: |
                    line one
                    line two
              target: {}

            """#)
        try tree.write("pvc.yaml", #"""
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: data
            spec:
              count: |-
                line one
                line two

            """#)
    }

    /// A quoted patch value merged onto a plain `replicas: 2` takes the plain style, so the `replicas` transformer's count is a number again; a prefixed name is untagged, so a replacement's number lands as a number.
    func testMergedScalarTakesThePlainTargetsStyleAndPrefixedNamesAreUntagged() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - res.yaml
            namePrefix: left-
            replicas:
            - name: backend
              count: 4
            patches:
            - path: smp.yaml

            """#)
        try tree.write("res.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: backend
            spec:
              replicas: 2

            """#)
        try tree.write("smp.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: backend
            spec:
              replicas: "7"

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: left-backend
            spec:
              replicas: 4

            """#)
    }
}
