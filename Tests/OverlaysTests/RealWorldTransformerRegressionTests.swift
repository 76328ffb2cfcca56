import XCTest

/// Real-world regressions in transformers and field paths: replacement and field-spec paths,
/// ValueAddTransformer, images, cluster scope and label nodes shared between fields.
///
/// Divergences found on real repositories (`../shared/realworld`) and by the differential
/// tester (`scripts/difftest`). Every expected output was printed by `kubectl kustomize`
/// (kustomize v5.5.0) for the same tree.
final class RealWorldTransformerRegressionTests: RealWorldRegressionTestCase {
    /// A leading `.` in a replacement's source or target field path addresses the same field as without it (cluster-api's cert-manager annotation).
    func testReplacementPathsMayStartWithADot() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - resources.yaml
            replacements:
            - source:
                kind: Certificate
                fieldPath: .metadata.name
              targets:
              - select:
                  kind: CustomResourceDefinition
                fieldPaths:
                - .metadata.annotations.[cert-manager.io/inject-ca-from]
                - .spec.names.singular
                options:
                  create: true

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: serving-cert
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: things.example.com
            spec:
              names:
                singular: thing

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              annotations:
                cert-manager.io/inject-ca-from: serving-cert
              name: things.example.com
            spec:
              names:
                singular: serving-cert
            ---
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: serving-cert

            """#)
    }

    /// Which kinds are cluster-scoped comes from the v1.21.2 schema by apiVersion and kind: FlowSchema is cluster-scoped only at v1beta1; kinds and versions the schema does not list as cluster-scoped (TokenReview, later flowcontrol versions) get the namespace.
    func testClusterScopeDependsOnTheAPIVersion() throws {
        try tree.write("kustomization.yaml", #"""
            namespace: apps
            resources:
            - resources.yaml

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
            kind: FlowSchema
            metadata:
              name: fs-v1beta1
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1alpha1
            kind: FlowSchema
            metadata:
              name: fs-v1alpha1
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
            kind: PriorityLevelConfiguration
            metadata:
              name: plc-v1beta3
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata:
              name: fs-v1
            ---
            apiVersion: authentication.k8s.io/v1
            kind: TokenReview
            metadata:
              name: review
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata:
              name: high
            ---
            apiVersion: policy/v1beta1
            kind: PodSecurityPolicy
            metadata:
              name: psp

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: policy/v1beta1
            kind: PodSecurityPolicy
            metadata:
              name: psp
            ---
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata:
              name: high
            ---
            apiVersion: authentication.k8s.io/v1
            kind: TokenReview
            metadata:
              name: review
              namespace: apps
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1
            kind: FlowSchema
            metadata:
              name: fs-v1
              namespace: apps
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1alpha1
            kind: FlowSchema
            metadata:
              name: fs-v1alpha1
              namespace: apps
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta1
            kind: FlowSchema
            metadata:
              name: fs-v1beta1
            ---
            apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
            kind: PriorityLevelConfiguration
            metadata:
              name: plc-v1beta3
              namespace: apps

            """#)
    }

    /// ValueAddTransformer without `value` uses the name of the kustomization directory that lists it; `metadata/namespace` is set as the namespace transformer sets it (not on cluster-scoped kinds), other paths are created, and `filePathPosition` inserts into a path.
    func testValueAddTransformerDefaultsToTheDirectoryName() throws {
        try tree.write("cat-111/kustomization.yaml", #"""
            resources:
            - ../base
            transformers:
            - ../transformers

            """#)
        try tree.write("base/kustomization.yaml", #"""
            resources:
            - resources.yaml

            """#)
        try tree.write("base/resources.yaml", #"""
            apiVersion: iam.cnrm.cloud.google.com/v1beta1
            kind: IAMPolicyMember
            metadata:
              name: member
            spec:
              resourceRef:
                external: projects
            ---
            apiVersion: iam.cnrm.cloud.google.com/v1beta1
            kind: IAMPolicyMember
            metadata:
              name: member-abs
            spec:
              resourceRef:
                external: /a/nice/warm/pie
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: global
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm

            """#)
        try tree.write("transformers/kustomization.yaml", #"""
            resources:
            - add.yaml

            """#)
        try tree.write("transformers/add.yaml", #"""
            apiVersion: builtin
            kind: ValueAddTransformer
            metadata:
              name: add
            targets:
            - fieldPath: metadata/namespace
            - selector:
                kind: IAMPolicyMember
              fieldPath: spec/resourceRef/external
              filePathPosition: 2
            - selector:
                kind: ConfigMap
              fieldPath: data/project

            """#)
        XCTAssertEqual(try tree.build("cat-111"), #"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: global
            ---
            apiVersion: v1
            data:
              project: cat-111
            kind: ConfigMap
            metadata:
              name: cm
              namespace: cat-111
            ---
            apiVersion: iam.cnrm.cloud.google.com/v1beta1
            kind: IAMPolicyMember
            metadata:
              name: member
              namespace: cat-111
            spec:
              resourceRef:
                external: projects/cat-111
            ---
            apiVersion: iam.cnrm.cloud.google.com/v1beta1
            kind: IAMPolicyMember
            metadata:
              name: member-abs
              namespace: cat-111
            spec:
              resourceRef:
                external: /a/cat-111/nice/warm/pie

            """#)
    }

    /// ValueAddTransformer with an explicit `value` (trimmed), selectors by name, a prefix position and a position past the end.
    func testValueAddTransformerWithAValueAndPositions() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - resources.yaml
            transformers:
            - add.yaml

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
            data:
              path: x/y
              other: "/"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: b
            data:
              path: x/y

            """#)
        try tree.write("add.yaml", #"""
            apiVersion: builtin
            kind: ValueAddTransformer
            metadata:
              name: add
            value: '  PEACH '
            targets:
            - selector:
                name: a
              fieldPath: data/path
              filePathPosition: 1
            - selector:
                name: a
              fieldPath: data/other
              filePathPosition: 1
            - selector:
                name: b
              fieldPath: data/path
              filePathPosition: 9999

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              other: /PEACH
              path: PEACH/x/y
            kind: ConfigMap
            metadata:
              name: a
            ---
            apiVersion: v1
            data:
              path: x/y/PEACH
            kind: ConfigMap
            metadata:
              name: b

            """#)
    }

    /// `images` entries match references that carry both a tag and a digest; a tag suffix applies only without newTag/digest, and drops the digest.
    func testImagesWithTagAndDigest() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - pod.yaml
            images:
            - name: nginx
              newTag: v9
            - name: localhost:5000/app
              newName: reg:6000/other
            - name: redis
              digest: sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee
            - name: busybox
              tagSuffix: -debug
            - name: alpine
              newTag: "3"
              tagSuffix: -ignored

            """#)
        try tree.write("pod.yaml", #"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - name: a
                image: nginx:1.2@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
              - name: b
                image: localhost:5000/app:1.0@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
              - name: c
                image: redis:7@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
              - name: d
                image: busybox@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
              - name: e
                image: alpine:3.19
              - name: f
                image: nginx@sha512:abc

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
              - image: nginx:v9
                name: a
              - image: reg:6000/other:1.0@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
                name: b
              - image: redis@sha256:eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee
                name: c
              - image: busybox:-debug-debug
                name: d
              - image: alpine:3
                name: e
              - image: nginx@sha512:abc
                name: f

            """#)
    }

    /// ValueAddTransformer paths address list elements as kyaml's PathGetter does: `[name=x]` picks or appends an element, an index picks one (past the end: nothing), `-` the last.
    func testValueAddTransformerPathsThroughLists() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - deploy.yaml
            transformers:
            - add.yaml

            """#)
        try tree.write("deploy.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: dep
            spec:
              template:
                spec:
                  containers:
                  - name: c
                    image: nginx
                    args: [x1, x2]
                  - name: d
                    image: redis

            """#)
        try tree.write("add.yaml", #"""
            apiVersion: builtin
            kind: ValueAddTransformer
            metadata:
              name: add
            value: "123"
            targets:
            - fieldPath: spec/template/spec/containers/[name=c]/image
            - fieldPath: spec/template/spec/containers/[name=zz]/image
            - fieldPath: spec/template/spec/containers/[name=c]/args/-
            - fieldPath: spec/template/spec/containers/[name=c]/args/[=nope]
            - fieldPath: spec/template/spec/containers/1/image
            - fieldPath: spec/template/spec/containers/9/image
            - fieldPath: spec/newlist/[name=a]/v

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: dep
            spec:
              newlist:
              - name: a
                v: 123
              template:
                spec:
                  containers:
                  - args:
                    - x1
                    - 123
                    - 123
                    image: 123
                    name: c
                  - image: 123
                    name: d
                  - image: 123
                    name: zz

            """#)
    }

    /// A field spec path that runs into a scalar before its end is an error in kustomize: `commonLabels` meets `spec.selector: x` on the way to a Deployment's `spec/selector/matchLabels`.
    func testFieldSpecPathThroughAScalarIsAnError() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - deploy.yaml
            commonLabels:
              app: a

            """#)
        try tree.write("deploy.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: dep
            spec:
              selector: x

            """#)
        XCTAssertTrue(tree.buildError(".").contains("expected sequence or mapping node"), tree.buildError("."))
    }

    /// A key a label transformer creates in several places is one node in kustomize: an overlay's `labels` of the same key, without selectors, changes the base's selector and template too.
    func testLabelsNewInSeveralPlacesShareOneValue() throws {
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
            labels:
            - pairs:
                app: y1
            commonAnnotations:
              note: overlay

            """#)
        XCTAssertEqual(try tree.build("overlay"), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                note: overlay
              labels:
                app: y1
              name: d
            spec:
              selector:
                matchLabels:
                  app: y1
              template:
                metadata:
                  annotations:
                    note: overlay
                  labels:
                    app: y1
                spec:
                  containers:
                  - image: nginx
                    name: c

            """#)
    }

    /// kustomize keeps build annotations (earlier names, generator options) in `metadata.annotations` while it builds, so a field spec that does not create still writes there for renamed and generated resources; `replicas` keeps a quoted count quoted; a `local-config` annotation with any value but `false` drops the resource.
    func testBuildAnnotationsMapExistsForFieldSpecsThatDoNotCreate() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - res.yaml
            namePrefix: p-
            configMapGenerator:
            - name: g
              literals:
              - a=b
            replicas:
            - name: web
              count: 3
            labels:
            - pairs:
                zone: a
              fields:
              - path: metadata/annotations

            """#)
        try tree.write("res.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: "1"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: local
              annotations:
                config.kubernetes.io/local-config: ""

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              a: b
            kind: ConfigMap
            metadata:
              annotations:
                zone: a
              labels:
                zone: a
              name: p-g-4h2mbtbbt6
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                zone: a
              labels:
                zone: a
              name: p-web
            spec:
              replicas: "3"

            """#)
    }

    /// A replacement whose first target is its own source field changes the value later targets get, as kyaml's shared source node does.
    func testReplacementIntoItsOwnSourceFeedsLaterTargets() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            replacements:
            - source:
                fieldPath: data.b
              targets:
              - select: {}
                fieldPaths:
                - data.b
                - data.c
                options:
                  create: true
                  delimiter: /
                  index: -1

            """#)
        try tree.write("cm.yaml", #"""
            kind: ConfigMap
            metadata:
              name: conf
            data:
              b: x

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            data:
              b: x/x
              c: x/x/
            kind: ConfigMap
            metadata:
              name: conf

            """#)
    }

    /// A target field path ending in `.` addresses the field before it when it may be created.
    func testReplacementPathEndingInADotCreatesTheField() throws {
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              v: val

            """#)
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            replacements:
            - source:
                kind: ConfigMap
                fieldPath: data.v
              targets:
              - select:
                  kind: ConfigMap
                fieldPaths:
                - metadata.labels.y.
                options:
                  create: true

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              v: val
            kind: ConfigMap
            metadata:
              labels:
                "y": val
              name: cm

            """#)
    }

    /// Without `create`, a target path ending in `.` finds nothing.
    func testReplacementPathEndingInADotWithoutCreateIsAnError() throws {
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              v: val

            """#)
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            replacements:
            - source:
                kind: ConfigMap
                fieldPath: data.v
              targets:
              - select:
                  kind: ConfigMap
                fieldPaths:
                - metadata.labels.y.

            """#)
        XCTAssertTrue(tree.buildError(".").contains("unable to find field"), tree.buildError("."))
    }

    /// An empty segment inside a target path is an error, even with `create`.
    func testReplacementPathWithAnEmptySegmentIsAnError() throws {
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              v: val

            """#)
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            replacements:
            - source:
                kind: ConfigMap
                fieldPath: data.v
              targets:
              - select:
                  kind: ConfigMap
                fieldPaths:
                - metadata..labels.y
                options:
                  create: true

            """#)
        XCTAssertTrue(tree.buildError(".").contains("unable to find or create field"), tree.buildError("."))
    }
}
