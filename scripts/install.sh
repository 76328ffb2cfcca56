#!/usr/bin/env bash
# Builds the self-contained release binary (a static executable: Swift runtime, libyaml and
# glibc linked in, no Foundation with ICU) and installs it as PREFIX/bin/sts-kustomize
# (default /usr/local).
# Needs Swift 6 and libyaml-dev at build time only; the binary needs nothing at run time.
# usage: scripts/install.sh [PREFIX]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
scratch=.build-static
STS_KUSTOMIZE_STATIC_LIBYAML=1 STS_KUSTOMIZE_SHIPPED_BINARY=1 swift build -c release --product sts-kustomize \
  --scratch-path "$scratch" --static-swift-stdlib -Xswiftc -static-executable 2>&1 | grep -v "the use of \`mktemp' is dangerous" | tail -1
bin="$scratch/release/sts-kustomize"
mkdir -p "$prefix/bin"
tmp="$prefix/bin/.sts-kustomize.install.$$"
cp "$bin" "$tmp"
strip "$tmp" 2>/dev/null || true
chmod 755 "$tmp"
mv -f "$tmp" "$prefix/bin/sts-kustomize"
echo "installed $prefix/bin/sts-kustomize ($(wc -c < "$prefix/bin/sts-kustomize") bytes): $("$prefix/bin/sts-kustomize" version)"
