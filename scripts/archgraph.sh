#!/usr/bin/env bash
# Redraws docs/architecture.svg, the import graph of dipgraph's packages,
# from "go list -deps -json ./..." (internal/archgraph writes it as DOT and
# lays it out with dipgraph's own Graphviz). Run it when a package or an
# import between packages changes. Usage:
#
#   scripts/archgraph.sh          # rewrites docs/architecture.svg
#   scripts/archgraph.sh -dot     # prints the DOT text instead
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ${1:-} == -dot ]]; then
  exec go run ./internal/archgraph -dot
fi
go run ./internal/archgraph -o docs/architecture.svg
echo "wrote docs/architecture.svg" >&2
