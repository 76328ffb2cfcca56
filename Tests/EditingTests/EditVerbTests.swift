import Editing
import Manifests
import XCTest
import YAML

/// The edit verbs against expectations ported from kustomize v5.5.0's tests
/// (kustomize/commands/edit/**/*_test.go): the file after the edit, or the error.
final class EditVerbTests: XCTestCase {
    /// internal/testutils `WriteTestKustomization`.
    static let standard = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namePrefix: some-prefix
        nameSuffix: some-suffix
        # Labels to add to all objects and selectors.
        # These labels would also be used to form the selector for apply --prune
        # Named differently than “labels” to avoid confusion with metadata for this object
        commonLabels:
          app: helloworld
        commonAnnotations:
          note: This is an example annotation
        resources: []
        #- service.yaml
        #- ../some-dir/
        # There could also be configmaps in Base, which would make these overlays
        configMapGenerator: []
        # There could be secrets in Base, if just using a fork/rebase workflow
        secretGenerator: []
        replacements:
          - path: replacement.yaml

        """

    private func edit(_ e: KustomizationEdit, _ kustomization: String = standard, files: [String: String] = [:]) throws -> String {
        var tree = MemoryFileSystem(files.reduce(into: [:]) { $0["/k/" + $1.key] = $1.value })
        tree.write("/k/kustomization.yaml", kustomization)
        try e.validate()
        var file = try KustomizationFile(in: "/k", fileSystem: tree)
        _ = try e.apply(to: &file, directory: "/k", fileSystem: tree)
        return String(decoding: try file.serialized(), as: UTF8.self)
    }

    private func error(_ e: KustomizationEdit, _ kustomization: String = standard) -> String {
        do { _ = try edit(e, kustomization); return "no error" } catch { return "\(error)" }
    }

    private let digest = "sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3"

    /// setimage_test.go: each argument form.
    func testSetImageForms() throws {
        let cases: [(String, String)] = [
            ("image1=my-image1:my-tag", "images:\n- name: image1\n  newName: my-image1\n  newTag: my-tag"),
            ("image1=my-image1:1234", "images:\n- name: image1\n  newName: my-image1\n  newTag: \"1234\""),
            ("image1=my-image1:3.2e2", "images:\n- name: image1\n  newName: my-image1\n  newTag: \"3.2e2\""),
            ("image1=my-image1@\(digest)", "images:\n- digest: \(digest)\n  name: image1\n  newName: my-image1"),
            ("image1:my-tag", "images:\n- name: image1\n  newTag: my-tag"),
            ("image1@\(digest)", "images:\n- digest: \(digest)\n  name: image1"),
            ("my-image1:my-tag@\(digest)", "images:\n- digest: \(digest)\n  name: my-image1\n  newTag: my-tag"),
            ("image1=my-image1:my-tag@\(digest)", "images:\n- digest: \(digest)\n  name: image1\n  newName: my-image1\n  newTag: my-tag"),
            ("ngnix=localhost:5000/my-project/ngnix", "images:\n- name: ngnix\n  newName: localhost:5000/my-project/ngnix"),
            ("ngnix=localhost:5000/my-project/ngnix:dev-01", "images:\n- name: ngnix\n  newName: localhost:5000/my-project/ngnix\n  newTag: dev-01"),
            ("image1=*:v1", "images:\n- name: image1\n  newTag: v1"),
            ("image1=my-image1:*", "images:\n- name: image1\n  newName: my-image1"),
        ]
        for (arg, snippet) in cases {
            let out = try edit(.setImage([arg]))
            XCTAssertTrue(out.contains(snippet + "\n"), "\(arg):\n\(out)")
        }
    }

    /// An argument replaces the file's entry (`*` keeps a part); other entries stay; the list is
    /// sorted by name.
    func testSetImageOverExistingEntries() throws {
        let k = "images:\n- name: image2\n  newName: my-image2\n  newTag: my-tag2\n- name: image1\n  newName: my-image1\n  newTag: my-tag1\n- name: image3\n  newTag: my-tag\n"
        XCTAssertEqual(try edit(.setImage(["image1=foo.bar.foo:8800/foo/image1:foo-bar", "image2=my-image2@\(digest)"]), k), """
            images:
            - name: image1
              newName: foo.bar.foo:8800/foo/image1
              newTag: foo-bar
            - digest: \(digest)
              name: image2
              newName: my-image2
            - name: image3
              newTag: my-tag
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization

            """)
        let star = "images:\n- name: image1\n  newName: foo.bar.foo:8800/foo/image1\n  newTag: my-tag\n"
        XCTAssertTrue(try edit(.setImage(["image1=*:v1"]), star).hasPrefix("images:\n- name: image1\n  newName: foo.bar.foo:8800/foo/image1\n  newTag: v1\n"))
        XCTAssertTrue(try edit(.setImage(["image1=*:*"]), star).hasPrefix(star))
        let tagged = "images:\n- name: image2\n  newName: my-image2\n  newTag: my-tag\n"
        XCTAssertTrue(try edit(.setImage(["image2=*@\(digest)"]), tagged).hasPrefix("images:\n- digest: \(digest)\n  name: image2\n  newName: my-image2\n"))
        XCTAssertTrue(try edit(.setImage(["image1:v1"]), "images:\n- name: image1\n  newTag: my-tag\n").hasPrefix("images:\n- name: image1\n  newTag: v1\n"))
    }

    func testSetImageErrors() {
        XCTAssertEqual(error(.setImage([])), "no image specified")
        XCTAssertTrue(error(.setImage(["bad"])).hasPrefix("invalid format of image, use one of the following options:\n- <image>=<newimage>:<newtag>\n"))
    }

    /// setreplicas_test.go.
    func testSetReplicas() throws {
        XCTAssertTrue(try edit(.setReplicas(["app=5"])).contains("replicas:\n- count: 5\n  name: app\n"))
        let k = "replicas:\n- name: app\n  count: 1\n- name: other-app\n  count: 2\n"
        XCTAssertTrue(try edit(.setReplicas(["app=5"]), k).hasPrefix("replicas:\n- count: 5\n  name: app\n- count: 2\n  name: other-app\n"))
        XCTAssertTrue(try edit(.setReplicas(["app=100", "other-app=200"]), k).hasPrefix("replicas:\n- count: 100\n  name: app\n- count: 200\n  name: other-app\n"))
        XCTAssertEqual(error(.setReplicas([])), "no replicas specified")
        XCTAssertEqual(error(.setReplicas(["app=bad"])), "invalid format of replica, use the following format: <name>=<count>")
        XCTAssertEqual(error(.setReplicas(["bad args"])), "invalid format of replica, use the following format: <name>=<count>")
    }

    func testSetNamespacePrefixSuffix() throws {
        XCTAssertTrue(try edit(.setNamespace("staging")).contains("\nnamespace: staging\n"))
        let suffixed = try edit(.setNameSuffix("-acme"))
        XCTAssertTrue(suffixed.contains("\nnameSuffix: -acme\n"), suffixed)
        XCTAssertTrue(try edit(.setNamePrefix("acme-")).contains("namePrefix: acme-\n"))
        XCTAssertFalse(try edit(.setNamePrefix("")).contains("namePrefix"), "an empty value removes the field")
    }

    /// addresource_test.go TestAddResourceHappyPath, exactly.
    func testAddResourceExpandsGlobsAndKeepsComments() throws {
        let out = try edit(.addResource(["myWonderfulResource.yaml*"], noVerify: false),
                           files: ["myWonderfulResource.yaml": "", "myWonderfulResource.yamlanother": ""])
        XCTAssertEqual(out, """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namePrefix: some-prefix
            nameSuffix: some-suffix
            # Labels to add to all objects and selectors.
            # These labels would also be used to form the selector for apply --prune
            # Named differently than “labels” to avoid confusion with metadata for this object
            commonLabels:
              app: helloworld
            commonAnnotations:
              note: This is an example annotation
            resources:
            - myWonderfulResource.yaml
            - myWonderfulResource.yamlanother
            #- service.yaml
            #- ../some-dir/
            # There could also be configmaps in Base, which would make these overlays
            # There could be secrets in Base, if just using a fork/rebase workflow
            replacements:
            - path: replacement.yaml

            """)
    }

    func testAddResourceRules() throws {
        XCTAssertEqual(error(.addResource([], noVerify: false)), "must specify a resource file")
        XCTAssertTrue(error(.addResource(["myWonderfulResource.yaml"], noVerify: false)).hasPrefix("myWonderfulResource.yaml has no match: must build at directory: not a valid directory"))
        XCTAssertFalse(try edit(.addResource(["kustomization.yaml"], noVerify: false)).contains("- kustomization.yaml"))
        XCTAssertTrue(try edit(.addResource(["later/x.yaml"], noVerify: true)).contains("resources:\n- later/x.yaml\n"))
        // Adding twice is not an error: the file keeps one entry and kustomize logs it.
        var file = try KustomizationFile(path: "/k/kustomization.yaml", bytes: Array("resources: [a.yaml]\n".utf8))
        let outcome = try KustomizationEdit.addResource(["a.yaml"], noVerify: true).apply(to: &file, directory: "/k", fileSystem: MemoryFileSystem())
        XCTAssertEqual(outcome.messages, ["resource a.yaml already in kustomization file"])
        XCTAssertEqual(file.sequence("resources").count, 1)
    }

    /// removeresource_test.go: patterns match entries, not files; no match changes nothing.
    func testRemoveResource() throws {
        let k = "resources:\n  - foo/resource1.yaml\n  - foo/resource2.yaml\n  - foo/resource3.yaml\n  - do/not/deleteme/please.yaml\n"
        XCTAssertTrue(try edit(.removeResource(["foo/resource*.yaml"]), k).hasPrefix("resources:\n- do/not/deleteme/please.yaml\n"))
        let multi = "resources:\n- foo/foo.yaml\n- bar/bar.yaml\n- resource3.yaml\n- keep.yaml\n"
        XCTAssertTrue(try edit(.removeResource(["foo/*.*", "bar/*.*", "res*.yaml"]), multi).hasPrefix("resources:\n- keep.yaml\n"))
        var file = try KustomizationFile(path: "/k/kustomization.yaml", bytes: Array(k.utf8))
        XCTAssertFalse(try KustomizationEdit.removeResource(["foo"]).apply(to: &file, directory: "/k", fileSystem: MemoryFileSystem()).write)
    }

    /// addmetadata_test.go: one pair per argument, quotes dropped, duplicates refused unless forced.
    func testAddLabelAndAnnotation() throws {
        XCTAssertTrue(try edit(.addLabel(["owner:alice", "k1:\"v1:v2\""], force: false, withoutSelector: false, includeTemplates: false))
            .contains("commonLabels:\n  app: helloworld\n  k1: v1:v2\n  owner: alice\n"))
        XCTAssertTrue(try edit(.addAnnotation(["k1:v1,k2:v2"], force: false)).contains("commonAnnotations:\n  k1: v1,k2:v2\n  note: This is an example annotation\n"))
        XCTAssertTrue(try edit(.addAnnotation(["test:{\"k1\":\"v1\",\"k2\":\"v2\"}"], force: false)).contains("test: '{\"k1\":\"v1\",\"k2\":\"v2\"}'\n"))
        XCTAssertEqual(error(.addLabel(["app:other"], force: false, withoutSelector: false, includeTemplates: false)), "label app already in kustomization file")
        XCTAssertTrue(try edit(.addLabel(["app:other"], force: true, withoutSelector: false, includeTemplates: false)).contains("  app: other\n"))
        XCTAssertTrue(try edit(.addLabel(["new:label"], force: false, withoutSelector: true, includeTemplates: true))
            .contains("labels:\n- includeTemplates: true\n  pairs:\n    new: label\n"))
        XCTAssertTrue(try edit(.addLabel(["new:label"], force: false, withoutSelector: true, includeTemplates: false)).contains("labels:\n- pairs:\n    new: label\n"))
        XCTAssertEqual(error(.addLabel([], force: false, withoutSelector: false, includeTemplates: false)), "must specify label")
        XCTAssertEqual(error(.addAnnotation([":nokey"], force: false)), "invalid annotation: ':nokey' (need k:v pair where v may be quoted)")
        XCTAssertEqual(error(.addLabel(["a:b"], force: false, withoutSelector: false, includeTemplates: true)),
                       "--without-selector flag must be specified for --include-templates to work")
    }

    /// Our `set storage`: adds or updates the entry; every other edit keeps storage: as it is.
    func testSetStorageAndStorageSurvivesOtherEdits() throws {
        let k = "resources: [db.yaml]\nstorage:\n- name: db\n  claim: data\n  size: 1Gi\n"
        XCTAssertTrue(try edit(.setStorage(["db/data=50Gi"], storageClass: "fast"), k).contains("storage:\n- claim: data\n  name: db\n  size: 50Gi\n  storageClassName: fast\n"))
        XCTAssertTrue(try edit(.setStorage(["cache=5Gi"], storageClass: nil), k).contains("storage:\n- claim: data\n  name: db\n  size: 1Gi\n- name: cache\n  size: 5Gi\n"))
        XCTAssertTrue(try edit(.setNamespace("prod"), k).contains("storage:\n- claim: data\n  name: db\n  size: 1Gi\n"))
        XCTAssertTrue(error(.setStorage(["db=0Gi"], storageClass: nil), k).contains("not a positive Kubernetes quantity"))
    }

    /// go-yaml v2 folds plain values past column 80 at a space, as kustomize's edit writes them.
    func testLongValuesFoldAtEightyColumns() throws {
        let out = try edit(.addAnnotation(["note:this is a rather long annotation value that goes on and on well past the eightieth column of the line"], force: true))
        XCTAssertTrue(out.contains("  note: this is a rather long annotation value that goes on and on well past the eightieth\n    column of the line\n"), out)
    }
}
