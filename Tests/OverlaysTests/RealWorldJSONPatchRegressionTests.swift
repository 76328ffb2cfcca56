import XCTest

/// Real-world regressions in JSON patches: YAML 1.1 values and keys, the round trip through
/// JSON, empty patch files and the build annotations a JSON patch sees.
///
/// Divergences found on real repositories (`../shared/realworld`) and by the differential
/// tester (`scripts/difftest`). Every expected output was printed by `kubectl kustomize`
/// (kustomize v5.5.0) for the same tree.
final class RealWorldJSONPatchRegressionTests: RealWorldRegressionTestCase {
    /// A YAML-form JSON patch reads its values as YAML 1.1 (`on` is true, `0x1F` is 31); after a JSON patch the resource has been through JSON, so annotation values take JSON's text and integers beyond 2^53 lose precision.
    func testJSONPatchValuesAndTheJSONRoundTrip() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - resources.yaml
            patches:
            - target:
                kind: ConfigMap
                name: cm
              patch: |-
                - op: add
                  path: /metadata/annotations/flag
                  value: on
                - op: add
                  path: /metadata/labels/flag
                  value: on
                - op: add
                  path: /data/hex
                  value: 0x1F
                - op: add
                  path: /data/date
                  value: 2024-01-01
            - target:
                kind: Foo
              patch: '[{"op": "add", "path": "/spec/x", "value": 1.0}]'

            """#)
        try tree.write("resources.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
              labels:
                k: v
              annotations:
                octal: 0777
                million: 1000000
                small: 0.00001
                quoted: "0777"
            data:
              k: v
            ---
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              name: foo
              annotations:
                big: 123456789012
            spec:
              big: 12345678901234567
              huge: 9223372036854775808

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            data:
              date: "2024-01-01"
              hex: 31
              k: v
            kind: ConfigMap
            metadata:
              annotations:
                flag: "true"
                million: "1e+06"
                octal: "511"
                quoted: "0777"
                small: "1e-05"
              labels:
                flag: true
                k: v
              name: cm
            ---
            apiVersion: example.com/v1
            kind: Foo
            metadata:
              annotations:
                big: "1.23456789012e+11"
              name: foo
            spec:
              big: 12345678901234568
              huge: 9223372036854776000
              x: 1

            """#)
    }

    /// Without a JSON patch, unquoted annotation values keep the text they were written with.
    func testAnnotationsWithoutAJSONPatchKeepTheirText() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - cm.yaml
            commonLabels:
              a: b

            """#)
        try tree.write("cm.yaml", #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
              annotations:
                octal: 0777
                million: 1000000
                date: 2024-01-01
                flag: yes

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                date: "2024-01-01"
                flag: "yes"
                million: "1000000"
                octal: "0777"
              labels:
                a: b
              name: cm

            """#)
    }

    /// A JSON patch works on a copy of the resource: it changes only the label it names.
    func testJSONPatchOnASharedLabelChangesOnePlace() throws {
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
            - target:
                kind: Deployment
              patch: |-
                - op: replace
                  path: /metadata/labels/app
                  value: j1

            """#)
        XCTAssertEqual(try tree.build("overlay"), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                note: base
              labels:
                app: j1
              name: d
            spec:
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  annotations:
                    note: base
                  labels:
                    app: x
                spec:
                  containers:
                  - image: nginx
                    name: c

            """#)
    }

    /// An empty patch file with a target is an empty JSON patch that kustomize still applies: its targets go through JSON, so an empty-text null becomes a null a later merge keeps.
    func testEmptyPatchFileRoundTripsItsTargetsThroughJSON() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - app.yaml
            patches:
            - path: empty.yaml
              target:
                kind: Deployment
            - patch: |
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: q

            """#)
        try tree.write("empty.yaml", "")
        try tree.write("app.yaml", #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: q
            spec:
              template:
                spec:
                  containers:
                  - name: s
                    env:
                    - name: A
                      value:

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: q
            spec:
              template:
                spec:
                  containers:
                  - env:
                    - name: A
                      value: null
                    name: s

            """#)
    }

    /// A YAML-form JSON patch's keys are read as YAML 1.1: `on` and `Y` are the key `true`, `0x1F` is `31`.
    func testJSONPatchKeysAreYAML11() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - svc.yaml
            patchesJson6902:
            - target:
                name: web
              path: ops.yaml

            """#)
        try tree.write("svc.yaml", #"""
            kind: Service
            metadata:
              name: web

            """#)
        try tree.write("ops.yaml", #"""
            - op: add
              path: /spec
              value:
                on: []
                0x1F: a
                plain: b

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            kind: Service
            metadata:
              name: web
            spec:
              "31": a
              plain: b
              "true": []

            """#)
    }

    /// A JSON patch sees kustomize's build annotations, so `/metadata/annotations/x` can be added to a resource without annotations; afterwards annotations are set again from their string map (a non-map value is gone); images pass CustomResourceDefinitions by.
    func testJSONPatchSeesTheBuildAnnotationsMap() throws {
        try tree.write("kustomization.yaml", #"""
            resources:
            - res.yaml
            images:
            - name: nginx
              newTag: "2"
            patches:
            - target:
                kind: Service
              patch: |-
                - op: copy
                  from: /metadata/name
                  path: /metadata/annotations/copied
            - target:
                kind: ServiceAccount
              patch: |-
                - op: copy
                  from: /metadata/name
                  path: /metadata/annotations
            - target:
                kind: CustomResourceDefinition
              patch: |-
                - op: add
                  path: /spec
                  value: "0o17"

            """#)
        try tree.write("res.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: sa
            ---
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com

            """#)
        XCTAssertEqual(try tree.build("."), #"""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec: "0o17"
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: sa
            ---
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                copied: db
              name: db

            """#)
    }
}
