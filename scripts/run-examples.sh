#!/bin/sh
# The main job: installs what is missing, builds, and curates the bundled
# examples/ into the default store ./dossier.db, then shows what it holds.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
dossier=build/bin/dossier
rm -f dossier.db dossier.db-wal dossier.db-shm
$dossier init
# Until the importers exist, the examples are curated by hand.
$dossier add document "Tacoma trade mission heads to Chengdu as tariffs bite" --kind news_article \
  --text-file examples/news/tacoma-delegation-herald.txt --id doc:tacoma-herald
$dossier add document "Mayor takes farm pitch to Sichuan" --kind news_article \
  --text-file examples/news/tacoma-delegation-ledger.txt --id doc:tacoma-ledger
$dossier add person "Elena Vasquez" --alias "Mrs. Vasquez" --doc doc:tacoma-ledger --quote "Mrs. Vasquez"
$dossier add person "Li Wenbo"
$dossier add person "Li Wen-po" --doc doc:tacoma-ledger --quote "Li Wen-po"
$dossier add place "Washington" --prop kind=subdivision --prop subdivision=US-WA
$dossier add organization "Sichuan Council for International Trade" --alias SCIT
$dossier claim add Washington china_exports --value 1200000000 --unit USD --qualifier nearly --time 2023 \
  --doc doc:tacoma-herald --quote 'nearly $1.2 billion of Washington cherries, apples and hay last year'
$dossier claim add Washington china_exports --value 1500000000 --unit USD \
  --doc doc:tacoma-ledger --quote 'sales that state officials put at $1.5 billion a year'
$dossier judge "Li Wenbo" "Li Wen-po" same --reason "Wade-Giles and pinyin renderings of one name"
$dossier stats
$dossier search "cherries"
$dossier show "Li Wenbo"
