#!/bin/sh
# Opens every export of the 1,044-cable sample store (../shared/corpus/
# cablegate-sample) in its real consumer and prints what each read and how
# long the export and the reading took: the figures of docs/exports.md
# ("Opened in their consumers"). Needs a built tree and the test
# dependencies (scripts/install-deps.sh --tests).
#   export-consumers.sh [CORPUS_DIR]
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
corpus=${1:-$root/../shared/corpus/cablegate-sample}
[ -d "$corpus" ] || { echo "export-consumers: no corpus at $corpus" >&2; exit 1; }
dossier=$root/build/bin/dossier
[ -x "$dossier" ] || { echo "export-consumers: build first (scripts/build.sh)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CONSUMER_STORE="$work/sample.db"
DOSSIER_DB=$CONSUMER_STORE "$dossier" init >/dev/null
start=$(date +%s.%N)
DOSSIER_DB=$CONSUMER_STORE "$dossier" import "$corpus" | tail -1
DOSSIER_DB=$CONSUMER_STORE "$dossier" check >/dev/null
echo "store built and checked in $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s"
DOSSIER_DB=$CONSUMER_STORE "$dossier" stats | head -12
for consumer in networkx igraph rdflib ftm graphviz csv site; do
  start=$(date +%s.%N)
  sh tests/export/consumers/run.sh "$consumer" "$dossier" examples "$root/build/consumers" || echo "$consumer: FAILED"
  echo "  $consumer: exported and read in $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }") s"
done
