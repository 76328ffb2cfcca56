import XCTest

/// Builds with `crds:` (OpenAPI definitions of custom types).
/// Every expected output and error was produced by `kubectl kustomize` (kustomize v5.5.0)
/// on the same tree.
final class CRDFieldSpecsTests: XCTestCase {
    private let tree = PluginTestTree("crds")

    override func tearDown() {
        tree.remove(testName: name)
    }

    /// Only string-valued extensions count, and only $ref is followed, not inline properties.
    func testJSONDefinitionsAddNameReferencesLabelsAndAnnotations() throws {
        try tree.write("kustomization.yaml", """
            crds:
            - widget.json
            resources:
            - resources.yaml
            namePrefix: p-
            commonLabels:
              team: web
            commonAnnotations:
              owner: me

            """)
        try tree.write("resources.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              configRef:
                name: settings
              secretName:
                secret: creds
              selector:
                app: widget
              notes: {}
              boolFlag:
                name: settings
              inline:
                nested:
                  name: settings

            """)
        try tree.write("widget.json", """
            {
              "example.com/apis/v1.Widget": {
                "Schema": {
                  "properties": {
                    "apiVersion": {
                      "type": "string"
                    },
                    "kind": {
                      "type": "string"
                    },
                    "metadata": {
                      "$ref": "meta.ObjectMeta"
                    },
                    "spec": {
                      "$ref": "example.com/apis/v1.WidgetSpec"
                    }
                  }
                }
              },
              "example.com/apis/v1.WidgetSpec": {
                "Schema": {
                  "properties": {
                    "configRef": {
                      "x-kubernetes-object-ref-api-version": "v1",
                      "x-kubernetes-object-ref-kind": "ConfigMap",
                      "$ref": "example.com/apis/v1.Ref"
                    },
                    "secretName": {
                      "x-kubernetes-object-ref-api-version": "v1",
                      "x-kubernetes-object-ref-kind": "Secret",
                      "x-kubernetes-object-ref-name-key": "secret"
                    },
                    "selector": {
                      "x-kubernetes-label-selector": ""
                    },
                    "notes": {
                      "x-kubernetes-annotation": ""
                    },
                    "boolFlag": {
                      "x-kubernetes-object-ref-api-version": true,
                      "x-kubernetes-object-ref-kind": "ConfigMap"
                    },
                    "inline": {
                      "type": "object",
                      "properties": {
                        "nested": {
                          "x-kubernetes-object-ref-api-version": "v1",
                          "x-kubernetes-object-ref-kind": "ConfigMap"
                        }
                      }
                    }
                  }
                }
              },
              "example.com/apis/v1.Ref": {
                "Schema": {
                  "properties": {
                    "name": {
                      "type": "string"
                    }
                  }
                }
              }
            }

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                owner: me
              labels:
                team: web
              name: p-settings
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              annotations:
                owner: me
              labels:
                team: web
              name: p-creds
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              annotations:
                owner: me
              labels:
                team: web
              name: p-widget
            spec:
              boolFlag:
                name: settings
              configRef:
                name: p-settings
              inline:
                nested:
                  name: settings
              notes:
                owner: me
              secretName:
                secret: p-creds
              selector:
                app: widget
                team: web

            """)
    }

    func testYAMLDefinitionsWorkToo() throws {
        try tree.write("kustomization.yaml", """
            crds:
            - widget.yaml
            resources:
            - resources.yaml
            namePrefix: p-
            commonLabels:
              team: web
            commonAnnotations:
              owner: me

            """)
        try tree.write("resources.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              configRef:
                name: settings
              secretName:
                secret: creds
              selector:
                app: widget
              notes: {}
              boolFlag:
                name: settings
              inline:
                nested:
                  name: settings

            """)
        try tree.write("widget.yaml", """
            example.com/apis/v1.Widget:
              Schema:
                properties:
                  apiVersion:
                    type: string
                  kind:
                    type: string
                  metadata:
                    $ref: meta.ObjectMeta
                  spec:
                    $ref: example.com/apis/v1.WidgetSpec
            example.com/apis/v1.WidgetSpec:
              Schema:
                properties:
                  configRef:
                    x-kubernetes-object-ref-api-version: v1
                    x-kubernetes-object-ref-kind: ConfigMap
                    $ref: example.com/apis/v1.Ref
                  secretName:
                    x-kubernetes-object-ref-api-version: v1
                    x-kubernetes-object-ref-kind: Secret
                    x-kubernetes-object-ref-name-key: secret
                  selector:
                    x-kubernetes-label-selector: ''
                  notes:
                    x-kubernetes-annotation: ''
                  boolFlag:
                    x-kubernetes-object-ref-api-version: true
                    x-kubernetes-object-ref-kind: ConfigMap
                  inline:
                    type: object
                    properties:
                      nested:
                        x-kubernetes-object-ref-api-version: v1
                        x-kubernetes-object-ref-kind: ConfigMap
            example.com/apis/v1.Ref:
              Schema:
                properties:
                  name:
                    type: string

            """)
        XCTAssertEqual(try tree.build("."), """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                owner: me
              labels:
                team: web
              name: p-settings
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              annotations:
                owner: me
              labels:
                team: web
              name: p-creds
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              annotations:
                owner: me
              labels:
                team: web
              name: p-widget
            spec:
              boolFlag:
                name: settings
              configRef:
                name: p-settings
              inline:
                nested:
                  name: settings
              notes:
                owner: me
              secretName:
                secret: p-creds
              selector:
                app: widget
                team: web

            """)
    }

    /// kustomize v5.5.0 reads OpenAPI definitions here, not CRD objects.
    func testCustomResourceDefinitionObjectIsNotReadable() throws {
        try tree.write("kustomization.yaml", """
            crds:
            - crd.yaml
            resources:
            - resources.yaml

            """)
        try tree.write("resources.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: widget
            spec:
              configRef:
                name: settings
              secretName:
                secret: creds
              selector:
                app: widget
              notes: {}
              boolFlag:
                name: settings
              inline:
                nested:
                  name: settings

            """)
        try tree.write("crd.yaml", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              names:
                kind: Widget

            """)
        // kubectl kustomize: loading CRDs [crd.yaml]: unable to parse open API definition from 'crd.yaml': error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into G
        XCTAssertTrue(tree.buildError(".").contains("unable to parse open API definition"), tree.buildError("."))
    }
}
