import Foundation
import StsKustomize
import XCTest

/// Whole builds: which `buildMetadata:` list counts, `--enable-managedby-label`, unknown values,
/// and the annotation cleanup kustomize runs at the end of every build.
/// Every expected output and error here was produced by `kubectl kustomize` (kustomize v5.5.0)
/// on the same tree.
final class BuildMetadataOptionsAndCleanupTests: BuildMetadataBuildTestCase {
    /// A base's `buildMetadata` is replaced by its parent's (here: none).
    func testOnlyTheBuiltKustomizationsListCounts() throws {
        try write("b/kustomization.yaml", #"""
            resources: [s.yaml]
            namePrefix: p-
            buildMetadata: [originAnnotations, transformerAnnotations, managedByLabel]

            """#)
        try write("b/s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s

            """#)
        try write("o/kustomization.yaml", #"""
            resources: [../b]

            """#)
        XCTAssertEqual(try build("o", BuildOptions()), #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: p-s

            """#)
    }

    /// `--enable-managedby-label` without `buildMetadata`.
    func testManagedByLabelFlag() throws {
        try write("kustomization.yaml", #"""
            resources: [s.yaml]

            """#)
        try write("s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s
              labels:
                j: 2
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: t
              labels: null

            """#)
        XCTAssertEqual(try build(".", BuildOptions(enableManagedByLabel: true)), #"""
            apiVersion: v1
            kind: Service
            metadata:
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
                j: 2
              name: s
            ---
            apiVersion: v1
            kind: Service
            metadata:
              labels:
                app.kubernetes.io/managed-by: kustomize-(devel)
              name: t

            """#)
    }

    /// kustomize v5.5.0 accepts any value; a non-empty list still turns tracking on, and what was
    /// not asked for is stripped.
    func testUnknownValueTracksButWritesNothing() throws {
        try write("kustomization.yaml", #"""
            resources: [s.yaml]
            namePrefix: p-
            configMapGenerator:
            - name: g
              literals: [a=b]
            buildMetadata: [bogus]

            """#)
        try write("s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: s

            """#)
        XCTAssertEqual(try build(".", BuildOptions()), #"""
            apiVersion: v1
            data:
              a: b
            kind: ConfigMap
            metadata:
              name: p-g-4h2mbtbbt6
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: p-s

            """#)
    }

    /// Every build: user-written origin and transformations annotations go, annotation values
    /// become strings, an empty, null or non-map `annotations` goes.
    func testEndOfBuildCleanupWithoutBuildMetadata() throws {
        try write("kustomization.yaml", #"""
            resources: [s.yaml]

            """#)
        try write("s.yaml", #"""
            apiVersion: v1
            kind: Service
            metadata:
              name: a
              annotations:
                config.kubernetes.io/origin: hello
                alpha.config.kubernetes.io/transformations: xx
                x: y
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: b
              annotations: {}
              labels: {}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: c
              annotations: null
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: d
              annotations:
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: e
              annotations: foo
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: f
              annotations: []
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: g
              annotations:
                a: null
                b: ~
                c:
                d: Null
                e: [x]
                g: yes
                i: !!str 3
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: h
              annotations:
                config.kubernetes.io/origin: hello

            """#)
        XCTAssertEqual(try build(".", BuildOptions()), #"""
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                x: "y"
              name: a
            ---
            apiVersion: v1
            kind: Service
            metadata:
              labels: {}
              name: b
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: c
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: d
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: e
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: f
            ---
            apiVersion: v1
            kind: Service
            metadata:
              annotations:
                a: "null"
                b: "~"
                c: ""
                d: "Null"
                e: ""
                g: "yes"
                i: "3"
              name: g
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: h

            """#)
    }
}
