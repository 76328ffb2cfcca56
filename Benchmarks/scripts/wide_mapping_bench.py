#!/usr/bin/env python3
"""Wide-mapping benchmark: one ConfigMap whose `data` holds N keys, and one mapping of N keys
built with YAML merge keys (`<<: *base`), rendered at N and 8·N keys.

usage: Benchmarks/scripts/wide_mapping_bench.py BIN [--keys 10000] [--rounds 3] [--kubectl]

The duplicate-key check and merge-key handling must be linear: the 8·N time should be about
8× the N time (a quadratic scan gives ~64×). Prints the median times, the growth factor for
each shape and, with --kubectl, kubectl's time at 8·N (minutes at 80,000 keys) and whether the
outputs are byte-identical. Exit status 1 when growth exceeds 20× or an output differs.
"""
import argparse, os, statistics, subprocess, sys, tempfile, time


def configmap(n):
    lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: big", "data:"]
    lines += [f"  k{i}: v{i}" for i in range(n)]
    return "\n".join(lines) + "\n"


def merge_keys(n):
    half = n // 2
    lines = ["base: &b"] + [f"  b{i}: v{i}" for i in range(half)]
    lines += ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: merged", "data:", "  <<: *b"]
    lines += [f"  k{i}: v{i}" for i in range(half)]
    return "\n".join(lines) + "\n"


def tree(root, shape, n):
    d = os.path.join(root, f"{shape}-{n}")
    os.makedirs(d)
    with open(os.path.join(d, "m.yaml"), "w") as f:
        f.write(configmap(n) if shape == "configmap" else merge_keys(n))
    with open(os.path.join(d, "kustomization.yaml"), "w") as f:
        f.write("resources: [m.yaml]\n")
    return d


def run(cmd, rounds):
    times, out = [], None
    for _ in range(rounds):
        t = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - t)
        if p.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed: {p.stderr.decode()[:400]}")
        out = p.stdout
    return statistics.median(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--keys", type=int, default=10000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--kubectl", action="store_true")
    a = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as root:
        for shape in ("configmap", "merge-keys"):
            small, big = tree(root, shape, a.keys), tree(root, shape, 8 * a.keys)
            t1, _ = run([a.bin, "build", small], a.rounds)
            t8, out = run([a.bin, "build", big], a.rounds)
            growth = t8 / t1 if t1 > 0 else float("inf")
            line = f"{shape:11} {a.keys:>7} keys {t1:7.3f} s   {8 * a.keys:>7} keys {t8:7.3f} s   growth {growth:5.1f}×"
            if growth > 20:
                ok = False
                line += "  (not linear)"
            if a.kubectl:
                tk, kout = run(["kubectl", "kustomize", big], 1)
                same = kout == out
                ok &= same
                line += f"   kubectl {tk:7.1f} s ({tk / t8:.0f}×), {'byte-identical' if same else 'OUTPUT DIFFERS'}"
            print(line, flush=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
