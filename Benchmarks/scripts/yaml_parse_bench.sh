#!/usr/bin/env bash
# Parse throughput of the YAML layer on a 20 MB multi-document file of the bench generator's
# StatefulSets and Services, beside libyaml's bare event loop on the same bytes.
# usage: Benchmarks/scripts/yaml_parse_bench.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-7}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 ../shared/bench/gen_gitops.py --big-resources 4600 "$work/repo" > /dev/null
for f in "$work"/repo/big/resources/*.yaml; do cat "$f"; echo "---"; done > "$work/k8s20.yaml"

swift build -c release --package-path Benchmarks --product yaml-bench 2>&1 | tail -1
bench=Benchmarks/.build/release/yaml-bench
"$bench" "$work/k8s20.yaml" --rounds "$rounds" --libyaml --serial
"$bench" "$work/k8s20.yaml" --rounds "$rounds"
