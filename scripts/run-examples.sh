#!/bin/sh
# The main job: installs what is missing, builds, imports the bundled example
# documents (news stories and a cable) into the default store ./dossier.db,
# runs the checkers and exports the store as JSON Lines (dossier.jsonl) and
# as a browsable HTML dossier (dossier-site/index.html).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh --main
dossier=build/bin/dossier
rm -f dossier.db dossier.db-wal dossier.db-shm
$dossier init
$dossier import examples/news examples/cables
$dossier check
$dossier export jsonl -o dossier.jsonl
rm -rf dossier-site
$dossier export html -o dossier-site
$dossier findings
$dossier stats
