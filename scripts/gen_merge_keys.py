#!/usr/bin/env python3
"""Generate Sources/Patching/KubernetesSchema.generated.swift from the Kubernetes OpenAPI schema.

Usage: scripts/gen_merge_keys.py [SCHEMA.json.gz] [OUTPUT.swift] [SCOPE-OUTPUT.swift]
Defaults: ../shared/k8s-openapi/kubernetes-v1.21.2.json.gz,
Sources/Patching/KubernetesSchema.generated.swift and
Sources/KubeModel/ClusterScope.generated.swift (paths relative to the package root).

The output is a compact line table, parsed once on first use by MergeSchema. It keeps only
what a strategic merge needs: definitions that carry patch metadata somewhere below them, the
fields that lead to such definitions or carry patch metadata themselves, the GVKs that name
each kept definition. The second output is the one table of built-in cluster-scoped kinds, by
apiVersion and kind, as kustomize's `IsCertainlyClusterScoped` knows them from the same schema.

Table format, one record per line, fields separated by single spaces:
  D <definition>                  starts a definition
  G <apiVersion> <Kind>           the current definition is the schema of this GVK
  F <field> <shape> <target> <strategy> <mergeKey> <listType> <listMapKeys>
        shape: o (object, $ref), a (array), m (map: additionalProperties)
        target: a definition name, or '-' when the items/values are not objects
        strategy, mergeKey, listType: the x-kubernetes-* value or '-'
        listMapKeys: comma-separated x-kubernetes-list-map-keys or '-'
"""

import gzip
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SCHEMA = os.path.join(ROOT, "..", "shared", "k8s-openapi", "kubernetes-v1.21.2.json.gz")
DEFAULT_OUTPUT = os.path.join(ROOT, "Sources", "Patching", "KubernetesSchema.generated.swift")
DEFAULT_SCOPE_OUTPUT = os.path.join(ROOT, "Sources", "KubeModel", "ClusterScope.generated.swift")

PATCH_KEYS = (
    "x-kubernetes-patch-strategy",
    "x-kubernetes-patch-merge-key",
    "x-kubernetes-list-type",
    "x-kubernetes-list-map-keys",
)


def ref_name(ref):
    prefix = "#/definitions/"
    if not ref.startswith(prefix):
        raise SystemExit("unsupported $ref %r" % ref)
    return ref[len(prefix):]


def is_object_definition(defs, name):
    d = defs.get(name)
    if d is None:
        return False
    return d.get("type") == "object" or "properties" in d or "additionalProperties" in d


def classify(defs, prop):
    """(shape, target) of a property, or None for plain scalar fields."""
    if "$ref" in prop:
        name = ref_name(prop["$ref"])
        return ("o", name) if is_object_definition(defs, name) else None
    t = prop.get("type")
    if t == "array":
        items = prop.get("items", {})
        if "$ref" in items and is_object_definition(defs, ref_name(items["$ref"])):
            return ("a", ref_name(items["$ref"]))
        if items.get("type") in ("object", "array") or "properties" in items:
            raise SystemExit("inline array items are not supported: %r" % prop)
        return ("a", "-")
    if t == "object" and "additionalProperties" in prop:
        ap = prop["additionalProperties"]
        if isinstance(ap, dict) and "$ref" in ap and is_object_definition(defs, ref_name(ap["$ref"])):
            return ("m", ref_name(ap["$ref"]))
        return ("m", "-")
    if t == "object" and "properties" in prop:
        raise SystemExit("inline object properties are not supported: %r" % prop)
    return None


def has_patch_metadata(prop):
    return any(k in prop for k in PATCH_KEYS)


def token(value):
    if value is None or value == "":
        return "-"
    s = str(value)
    if any(c.isspace() for c in s) or s == "-":
        raise SystemExit("value %r cannot be written in the table" % s)
    return s


def main():
    schema_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SCHEMA
    output_path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUTPUT
    scope_output_path = sys.argv[3] if len(sys.argv) > 3 else DEFAULT_SCOPE_OUTPUT
    raw = open(schema_path, "rb").read()
    doc = json.loads(gzip.decompress(raw))
    defs = doc["definitions"]

    # Fields worth keeping before pruning: object-typed ones and those with patch metadata.
    fields = {}
    for name, d in defs.items():
        kept = {}
        for fname, prop in d.get("properties", {}).items():
            shape = classify(defs, prop)
            if shape is None and not has_patch_metadata(prop):
                continue
            kept[fname] = (shape or ("a", "-"), prop)
        fields[name] = kept

    # A definition matters when it carries patch metadata or leads to one that does.
    relevant = {n for n, fs in fields.items() if any(has_patch_metadata(p) for _, p in fs.values())}
    changed = True
    while changed:
        changed = False
        for n, fs in fields.items():
            if n in relevant:
                continue
            if any(target in relevant for (shape, target), _ in fs.values()):
                relevant.add(n)
                changed = True

    lines = []
    metadata_fields = 0
    for name in sorted(relevant):
        lines.append("D " + name)
        for g in sorted(defs[name].get("x-kubernetes-group-version-kind", []),
                        key=lambda g: (g.get("group", ""), g["version"], g["kind"])):
            api_version = g["version"] if not g.get("group") else g["group"] + "/" + g["version"]
            lines.append("G %s %s" % (api_version, g["kind"]))
        for fname in sorted(fields[name]):
            (shape, target), prop = fields[name][fname]
            if not has_patch_metadata(prop) and target not in relevant:
                continue
            if has_patch_metadata(prop):
                metadata_fields += 1
            keys = prop.get("x-kubernetes-list-map-keys")
            lines.append("F %s %s %s %s %s %s %s" % (
                token(fname), shape, target if target in relevant else "-",
                token(prop.get("x-kubernetes-patch-strategy")),
                token(prop.get("x-kubernetes-patch-merge-key")),
                token(prop.get("x-kubernetes-list-type")),
                token(",".join(keys) if keys else None)))

    cluster = []
    for r in sorted(doc.get("resources", []), key=lambda r: (r["apiVersion"], r["kind"])):
        if r.get("scope") == "Cluster":
            group, _, ver = r["apiVersion"].rpartition("/")
            cluster.append('        GVK(group: "%s", version: "%s", kind: "%s"),' % (group, ver, r["kind"]))

    all_metadata = sum(1 for d in defs.values() for p in d.get("properties", {}).values()
                       if has_patch_metadata(p))
    if metadata_fields != all_metadata:
        raise SystemExit("kept %d of %d fields with patch metadata" % (metadata_fields, all_metadata))

    version = os.path.basename(schema_path).replace(".json.gz", "")
    digest = hashlib.sha256(raw).hexdigest()
    body = "\n".join("    " + l for l in lines)
    out = (
        "// Generated by scripts/gen_merge_keys.py from %s.json.gz (sha256 %s).\n"
        "// Do not edit: rerun the script. Format: see the script's docstring.\n"
        "// %d definitions, %d fields with patch metadata.\n\n"
        "enum KubernetesSchemaTable {\n"
        "    static let source = \"%s\"\n\n"
        "    static let text = \"\"\"\n%s\n    \"\"\"\n}\n"
    ) % (version, digest, len(relevant), metadata_fields, version, body)
    with open(output_path, "w") as f:
        f.write(out)
    print("wrote %s: %d definitions, %d lines, %d bytes" % (output_path, len(relevant), len(lines), len(out)))

    scope = (
        "// Generated by scripts/gen_merge_keys.py from %s.json.gz (sha256 %s).\n"
        "// Do not edit: rerun the script.\n\n"
        "extension GVK {\n"
        "    /// The built-in kinds the schema lists as cluster-scoped, by group, version and kind\n"
        "    /// (%d). Scope depends on the version: a kind at an apiVersion the schema does not\n"
        "    /// know counts as namespaced, as kustomize's `IsCertainlyClusterScoped` has it.\n"
        "    static let clusterScopedKinds: Set<GVK> = [\n%s\n    ]\n}\n"
    ) % (version, digest, len(cluster), "\n".join(cluster))
    with open(scope_output_path, "w") as f:
        f.write(scope)
    print("wrote %s: %d cluster-scoped kinds" % (scope_output_path, len(cluster)))


if __name__ == "__main__":
    main()
