#!/usr/bin/env bash
# Times dipgraph against native Graphviz on the same DOT and prints a
# Markdown table (docs/performance.md shows the latest). Usage:
#
#   scripts/bench-compare.sh [-runs N] [-only CASE]
#
# Installs Debian's graphviz when its commands are missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v sfdp >/dev/null; then
  echo "installing native Graphviz (apt-get install graphviz)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends graphviz >/dev/null
fi
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/dipgraph" .
go run ./internal/benchcompare -bin "$bin/dipgraph" "$@"
