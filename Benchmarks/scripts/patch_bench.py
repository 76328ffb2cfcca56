#!/usr/bin/env python3
"""Patch-engine benchmark: N StatefulSets and N targeted strategic-merge patches in one
kustomization, rendered by sts-kustomize and by `kubectl kustomize` in the same run.

usage: Benchmarks/scripts/patch_bench.py BIN [--count 200] [--rounds 5] [--keep DIR]

Prints both medians, the speed ratio (kubectl / BIN) and whether the two outputs hold the same
documents (parsed with PyYAML). Exit status 1 when they differ or either side fails.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

import yaml

STS = """apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db-{i}
  labels: {{app: db-{i}, tier: data}}
spec:
  serviceName: db-{i}-headless
  replicas: 1
  selector:
    matchLabels: {{app: db-{i}}}
  template:
    metadata:
      labels: {{app: db-{i}}}
    spec:
      containers:
      - name: main
        image: postgres:16.{m}
        env:
        - {{name: PGDATA, value: /var/lib/postgresql/data/pgdata}}
        - {{name: POD_NAME, valueFrom: {{fieldRef: {{fieldPath: metadata.name}}}}}}
        ports:
        - {{name: pg, containerPort: 5432}}
        resources:
          requests: {{cpu: 250m, memory: 512Mi}}
        volumeMounts:
        - {{name: data, mountPath: /var/lib/postgresql/data}}
      - name: exporter
        image: quay.io/prometheuscommunity/postgres-exporter:v0.15.0
        ports:
        - {{name: metrics, containerPort: 9187}}
  volumeClaimTemplates:
  - metadata: {{name: data}}
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests: {{storage: 10Gi}}
"""

PATCH = """apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: placeholder
spec:
  replicas: {r}
  template:
    metadata:
      annotations: {{bench.example.com/patched: "{i}"}}
    spec:
      containers:
      - name: main
        env:
        - {{name: SHARED_BUFFERS, value: "{b}MB"}}
        - {{name: PGDATA, value: /data/pg-{i}}}
        resources:
          requests: {{cpu: "1", memory: 2Gi}}
          limits: {{memory: 2Gi}}
      - name: backup
        image: backup:1.{m}
"""


def generate(root, n):
    os.makedirs(os.path.join(root, "sts"))
    os.makedirs(os.path.join(root, "patches"))
    lines = ["apiVersion: kustomize.config.k8s.io/v1beta1", "kind: Kustomization", "resources:"]
    for i in range(n):
        with open(os.path.join(root, "sts", f"db-{i}.yaml"), "w") as f:
            f.write(STS.format(i=i, m=i % 10))
        lines.append(f"- sts/db-{i}.yaml")
    lines.append("patches:")
    for i in range(n):
        with open(os.path.join(root, "patches", f"db-{i}.yaml"), "w") as f:
            f.write(PATCH.format(i=i, r=1 + i % 5, b=128 * (1 + i % 8), m=i % 7))
        lines += [f"- path: patches/db-{i}.yaml", "  target:", "    kind: StatefulSet", f"    name: db-{i}"]
    with open(os.path.join(root, "kustomization.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def run(cmd, cwd):
    start = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr.decode()[:500]}")
    return elapsed, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--keep")
    args = ap.parse_args()
    root = args.keep or tempfile.mkdtemp(prefix="patch-bench-")
    if args.keep and os.path.exists(root):
        shutil.rmtree(root)
    generate(root, args.count)
    ours_cmd = [os.path.abspath(args.bin), "build", "."]
    kubectl_cmd = ["kubectl", "kustomize", "."]
    # Check round (untimed): same documents?
    _, ours_out = run(ours_cmd, root)
    _, kubectl_out = run(kubectl_cmd, root)
    same = list(yaml.safe_load_all(ours_out)) == list(yaml.safe_load_all(kubectl_out))
    identical = ours_out == kubectl_out
    ours_t, kubectl_t, ratios = [], [], []
    for i in range(args.rounds):
        # Alternate the order so drifts on a shared machine hit both sides.
        pair = [(ours_cmd, ours_t), (kubectl_cmd, kubectl_t)]
        if i % 2:
            pair.reverse()
        for cmd, sink in pair:
            sink.append(run(cmd, root)[0])
        ratios.append(kubectl_t[-1] / ours_t[-1])
    print(f"patch bench: {args.count} StatefulSets, {args.count} targeted strategic-merge patches, {args.rounds} rounds")
    print(f"  sts-kustomize median {statistics.median(ours_t):.3f} s, kubectl kustomize median {statistics.median(kubectl_t):.3f} s")
    print(f"  speed ratio (kubectl / sts-kustomize, median of paired rounds): {statistics.median(ratios):.1f}x")
    print(f"  output: {'byte-identical' if identical else ('same documents' if same else 'DIFFERENT')}")
    if not args.keep:
        shutil.rmtree(root)
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
