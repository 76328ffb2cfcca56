#!/usr/bin/env python3
"""`sts-kustomize render` of a whole GitOps repository against a loop of `kubectl kustomize` over
the same directories, in the same run: wall time, the ratio, peak memory, and a byte-for-byte
check of every manifest.yaml against kubectl's output. A benchmark, not a test.

usage: Benchmarks/scripts/render_bench.py BIN [--apps 40] [--rounds 3] [--keep DIR]

Run it on a quiet file system: about a third of render's time is the kernel creating its
output files and directories, and ext4 makes that slower for a minute after many files were
deleted (a test run, an earlier bench without --keep).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "..", "..", "shared", "bench", "gen_gitops.py")


def peak_rss_mb(cmd, cwd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--apps", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--keep")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    work = args.keep or tempfile.mkdtemp(prefix="render-bench-")
    repo = os.path.join(work, "repo")
    shutil.rmtree(repo, ignore_errors=True)
    subprocess.run([sys.executable, GEN, "--apps", str(args.apps), repo], check=True, stdout=subprocess.DEVNULL)
    listing = subprocess.run([binary, "render", ".", "--format", "json"], cwd=repo, capture_output=True, text=True)
    dirs = [json.loads(line)["path"] for line in listing.stdout.splitlines()]
    print(f"{len(dirs)} kustomizations in a {args.apps}-app repository")

    # Each round renders into a new, empty directory, as a CI job does in a fresh workspace.
    # (Deleting the previous round's output just before the timed render would also time the
    # file system: ext4 skips inodes freed in the last minute when it allocates new ones.)
    ours, theirs = [], []
    for n in range(args.rounds):
        out = os.path.join(work, f"out-{n}")
        t = time.perf_counter()
        r = subprocess.run([binary, "render", ".", "-o", out], cwd=repo, stdout=subprocess.DEVNULL)
        ours.append(time.perf_counter() - t)
        if r.returncode != 0:
            sys.exit("render failed")
        t = time.perf_counter()
        expected = {}
        for d in dirs:
            expected[d] = subprocess.run(["kubectl", "kustomize", d], cwd=repo, capture_output=True).stdout
        theirs.append(time.perf_counter() - t)
    mismatches = [d for d in dirs if open(os.path.join(out, d, "manifest.yaml"), "rb").read() != expected[d]]
    best_ours, best_theirs = min(ours), min(theirs)
    print(f"render: {best_ours:.3f} s   kubectl loop: {best_theirs:.2f} s   speed-up {best_theirs / best_ours:.0f}x (best of {args.rounds})")
    # The same after `rm -rf OUTDIR` of a full previous render, as a Makefile might do.
    again = []
    for n in range(args.rounds):
        out = os.path.join(work, f"out-{n}")
        shutil.rmtree(out)
        t = time.perf_counter()
        subprocess.run([binary, "render", ".", "-o", out], cwd=repo, stdout=subprocess.DEVNULL, check=True)
        again.append(time.perf_counter() - t)
    print(f"render after rm -rf of the previous output: {min(again):.3f} s   speed-up {best_theirs / min(again):.0f}x")
    print(f"peak memory: render {peak_rss_mb([binary, 'render', '.', '-o', os.path.join(work, 'out2')], repo):.0f} MiB")
    print("output: " + ("every manifest.yaml byte-identical to kubectl kustomize" if not mismatches
                        else f"{len(mismatches)} differ: {mismatches[:5]}"))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
