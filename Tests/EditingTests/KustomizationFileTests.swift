import Editing
import Manifests
import XCTest
import YAML

/// kustomize v5.5.0's kustfile tests (kustomize/commands/internal/kustfile/kustomizationfile_test.go),
/// ported as facts: what a read-and-write does to comments, field order and layout.
final class KustomizationFileTests: XCTestCase {
    private func roundTrip(_ text: String) throws -> String {
        String(decoding: try KustomizationFile(path: "kustomization.yaml", bytes: Array(text.utf8)).serialized(), as: UTF8.self)
    }

    /// TestPreserveComments: the file comes back byte for byte.
    func testCommentsAboveFieldsArePreserved() throws {
        let text = """
            # shem qing some comments
            # This is some comment we should preserve
            # don't delete it
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
            - ../namespaces
            - pod.yaml
            - service.yaml
            # something you may want to keep
            vars:
            - fieldref:
                fieldPath: metadata.name
              name: MY_SERVICE_NAME
              objref:
                apiVersion: v1
                kind: Service
                name: my-service
            # some descriptions for the patches
            patchesStrategicMerge:
            - service.yaml
            - pod.yaml

            """
        XCTAssertEqual(try roundTrip(text), text)
    }

    /// TestPreserveCommentsWithAdjust: a key in capitals is found and written canonically, a
    /// comment inside a list moves above its field, the kind's value is left as written.
    func testCommentsInsideAFieldMoveAboveIt() throws {
        let input = "\n\n\n\n" + """
            # Some comments
            # This is some comment we should preserve
            # don't delete it
            RESOURCES:
            - ../namespaces
            - pod.yaml
              # See which field this comment goes into
            - service.yaml

            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: kustomization

            # something you may want to keep
            vars:
            - fieldref:
                fieldPath: metadata.name
              name: MY_SERVICE_NAME
              objref:
                apiVersion: v1
                kind: Service
                name: my-service

            # some descriptions for the patches

            patchesStrategicMerge:
            - service.yaml
            - pod.yaml
            # generator options
            generatorOptions:
              disableNameSuffixHash: true

            """
        let expected = "\n\n\n\n" + """
            # Some comments
            # This is some comment we should preserve
            # don't delete it
              # See which field this comment goes into
            resources:
            - ../namespaces
            - pod.yaml
            - service.yaml

            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: kustomization

            # something you may want to keep
            vars:
            - fieldref:
                fieldPath: metadata.name
              name: MY_SERVICE_NAME
              objref:
                apiVersion: v1
                kind: Service
                name: my-service

            # some descriptions for the patches

            patchesStrategicMerge:
            - service.yaml
            - pod.yaml
            # generator options
            generatorOptions:
              disableNameSuffixHash: true

            """
        XCTAssertEqual(try roundTrip(input), expected)
    }

    /// TestCommentsWithDocumentSeperatorAtBeginning: the `---` goes, the comments stay.
    func testLeadingDocumentMarkerIsDropped() throws {
        let body = """
            # Some comments
            # This is some comment we should preserve
            # don't delete it

            """
        let rest = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization

            namespace: mynamespace

            """
        XCTAssertEqual(try roundTrip("\n\n\n" + body + "---\n" + rest), "\n\n\n" + body + rest)
    }

    /// TestFixPatchesFieldForExtendedPatch: defaults for apiVersion and kind come last.
    func testMissingApiVersionAndKindAreAppended() throws {
        let input = "\npatches:\n- path: patch1.yaml\n  target:\n    kind: Deployment\n- path: patch2.yaml\n  target:\n    kind: Service\n"
        XCTAssertEqual(try roundTrip(input), input + "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n")
    }

    /// TestReadAndWrite (excerpt): nested keys come out sorted as Go's JSON round trip leaves them.
    func testNestedKeysAreSorted() throws {
        let input = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            images:
            - name: name
              newTag: newTag
              newName: newName
              digest: digest
            replicas:
            - name: name
              count: 1
            labels:
            - pairs:
                label: label
              includeTemplates: true
              includeSelectors: true
              fields:
              - path: metadata.labels.label
            sortOptions:
              order: legacy
              legacySortOptions:
                orderLast: [orderLast]
                orderFirst: [orderFirst]

            """
        XCTAssertEqual(try roundTrip(input), """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            images:
            - digest: digest
              name: name
              newName: newName
              newTag: newTag
            replicas:
            - count: 1
              name: name
            labels:
            - fields:
              - path: metadata.labels.label
              includeSelectors: true
              includeTemplates: true
              pairs:
                label: label
            sortOptions:
              legacySortOptions:
                orderFirst:
                - orderFirst
                orderLast:
                - orderLast
              order: legacy

            """)
    }

    /// FixKustomization on every read: bases join resources, imageTags join images.
    func testDeprecatedFieldsAreMovedOnRead() throws {
        XCTAssertEqual(try roundTrip("resources: [a.yaml]\nbases: [../base]\nimageTags:\n- name: x\n  newTag: v1\n"), """
            resources:
            - a.yaml
            - ../base
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            images:
            - name: x
              newTag: v1

            """)
    }

    /// Our storage: field is kept where it was, with its comment (kustomize refuses it).
    func testStorageIsKept() throws {
        let text = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n# sizes\nstorage:\n- claim: data\n  name: db\n  size: 5Gi\nnamespace: x\n"
        XCTAssertEqual(try roundTrip(text), text)
    }

    /// An unreadable kustomization is refused with its position; an unknown field too.
    func testBadFilesAreRefusedWithPositions() {
        XCTAssertThrowsError(try roundTrip("resources: [a\n")) { XCTAssertTrue("\($0)".hasPrefix("kustomization.yaml:"), "\($0)") }
        XCTAssertThrowsError(try roundTrip("namespace: x\nfoo:\n  bar\n")) {
            XCTAssertTrue("\($0)".contains("kustomization.yaml:2:1"), "\($0)")
            XCTAssertTrue("\($0)".contains("foo"), "\($0)")
        }
    }

    func testLocatingTheFile() throws {
        let none = MemoryFileSystem(["/d/x.yaml": ""])
        XCTAssertThrowsError(try KustomizationFile.locate(in: "/d", fileSystem: none)) {
            XCTAssertEqual(($0 as? Diagnostic)?.message, "Missing kustomization file 'kustomization.yaml'.")
        }
        let two = MemoryFileSystem(["/d/kustomization.yaml": "", "/d/kustomization.yml": ""])
        XCTAssertThrowsError(try KustomizationFile.locate(in: "/d", fileSystem: two)) {
            XCTAssertEqual(($0 as? Diagnostic)?.message, "Found multiple kustomization file: [kustomization.yaml kustomization.yml]")
        }
        XCTAssertEqual(try KustomizationFile.locate(in: "/d", fileSystem: MemoryFileSystem(["/d/Kustomization": ""])), "/d/Kustomization")
    }
}
