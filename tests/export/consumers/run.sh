#!/bin/sh
# Opens dossier's exports in the programs they are made for: builds a store
# of the bundled examples, exports it, and hands each file to its real
# consumer (docs/exports.md). One consumer per run, so that each is a test of
# its own:
#   run.sh CONSUMER DOSSIER EXAMPLES CACHE
# CONSUMER: networkx | igraph | rdflib | ftm | graphviz | csv | site (the html
# site's links, walked from index.html; its browser is tests/export/browser_test.cc). CACHE keeps
# the npm package between runs. With $CONSUMER_STORE set to a store, that
# store is exported instead (scripts/export-consumers.sh: the cable sample). Exits 77 (a skip for ctest) with the reason
# when the consumer cannot be had: the test scripts install them
# (scripts/install-deps.sh --tests), so CI runs every one.
set -eu
consumer=$1 dossier=$2 examples=$3 cache=$4
here=$(cd "$(dirname "$0")" && pwd)
python=/usr/bin/python3
[ -x "$python" ] || python=python3

skip() { echo "SKIP: $*"; exit 77; }
need_python() { "$python" -c "import $1" 2>/dev/null || skip "python3 module $1 is missing (apt-get install $2)"; }
case $consumer in
  networkx) need_python networkx python3-networkx ;;
  igraph) need_python igraph python3-igraph ;;
  rdflib) need_python rdflib python3-rdflib ;;
  graphviz) command -v dot >/dev/null || skip "Graphviz's dot is missing (apt-get install graphviz)" ;;
  ftm)
    command -v node >/dev/null || skip "node is missing (apt-get install nodejs npm)"
    if [ ! -f "$cache/node_modules/@alephdata/followthemoney/package.json" ]; then
      command -v npm >/dev/null || skip "npm is missing (apt-get install npm)"
      mkdir -p "$cache"
      npm install --prefix "$cache" --no-audit --no-fund --silent "@alephdata/followthemoney@3" >"$cache/npm.log" 2>&1 ||
        skip "npm could not install @alephdata/followthemoney: $(tail -1 "$cache/npm.log")"
    fi ;;
  csv | site) ;;
  *) echo "run.sh: unknown consumer $consumer" >&2; exit 2 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
if [ -n "${CONSUMER_STORE:-}" ]; then
  export DOSSIER_DB="$CONSUMER_STORE"
else
  export DOSSIER_DB="$work/store.db"
  "$dossier" init >/dev/null
  "$dossier" import "$examples/news" "$examples/cables" >/dev/null
  "$dossier" check >/dev/null
fi
"$dossier" export jsonl -o expected.jsonl >/dev/null

case $consumer in
  networkx)
    "$dossier" export gexf -o g.gexf >/dev/null
    "$dossier" export graphml -o g.graphml >/dev/null
    "$python" "$here/check.py" networkx expected.jsonl g.gexf g.graphml ;;
  igraph)
    "$dossier" export graphml -o g.graphml >/dev/null
    "$python" "$here/check.py" igraph expected.jsonl g.graphml ;;
  rdflib)
    "$dossier" export jsonld -o g.jsonld >/dev/null
    "$python" "$here/check.py" rdflib expected.jsonl g.jsonld ;;
  csv)
    "$dossier" export csv -o sheets >/dev/null
    "$python" "$here/check.py" csv expected.jsonl sheets ;;
  site)
    "$dossier" export html -o site >/dev/null
    "$python" "$here/check.py" site expected.jsonl site ;;
  graphviz)
    "$dossier" export dot -o g.dot >/dev/null
    dot -Tsvg g.dot -o g.svg
    "$python" "$here/check.py" graphviz expected.jsonl g.dot g.svg ;;
  ftm)
    "$dossier" export ftm -o g.ftm.json >/dev/null
    NODE_PATH="$cache/node_modules" node "$here/ftm_validate.js" g.ftm.json expected.jsonl ;;
esac
