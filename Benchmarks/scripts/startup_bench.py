#!/usr/bin/env python3
"""Start-up cost of a binary: median CPU time (user + system) of `version` and of building a
small overlay, over many runs, with the binary's size. A benchmark, not a test.

usage: Benchmarks/scripts/startup_bench.py BIN [BIN...] [--runs 200] [--overlay overlays/dev]
"""
import argparse
import os
import resource
import statistics
import subprocess


def cpu_ms(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bins", nargs="+")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--overlay", default="overlays/dev")
    args = ap.parse_args()
    print(f"{'binary':48} {'size MB':>8} {'version ms':>11} {'overlay ms':>11}   (median CPU of {args.runs} runs)")
    for b in args.bins:
        version, overlay = [], []
        for _ in range(args.runs):  # interleaved, so drift affects both alike
            version.append(cpu_ms([b, "version"]))
            overlay.append(cpu_ms([b, "build", args.overlay]))
        size = os.path.getsize(b) / 1e6
        print(f"{b:48} {size:8.1f} {statistics.median(version):11.2f} {statistics.median(overlay):11.2f}")


if __name__ == "__main__":
    main()
