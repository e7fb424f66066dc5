#!/bin/sh
# Builds the example plugin in examples/plugin/ out of tree, against dossier
# installed into a temporary prefix with `cmake --install` (find_package(dossier)),
# then loads it with --plugin and imports a file with it.
#   out_of_tree_test.sh BUILD_DIR SOURCE_DIR
set -eu
build_dir=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "out-of-tree plugin test: $*" >&2; exit 1; }

cmake --install "$build_dir" --prefix "$work/prefix" >"$work/install.log" 2>&1 || fail "install failed: $(tail -3 "$work/install.log")"
cmake -S "$source_dir/examples/plugin" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure.log" 2>&1 \
  || fail "configure failed: $(tail -5 "$work/configure.log")"
cmake --build "$work/build" >"$work/build.log" 2>&1 || fail "build failed: $(tail -5 "$work/build.log")"
[ -f "$work/build/memo.so" ] || fail "no memo.so was built"

dossier="$work/prefix/bin/dossier --db $work/store.db --plugin $work/build/memo.so"
$dossier plugins >"$work/plugins.txt" 2>&1 || fail "dossier plugins failed: $(cat "$work/plugins.txt")"
grep -q "^memo 0.1.0" "$work/plugins.txt" || fail "memo plugin not listed: $(cat "$work/plugins.txt")"
grep -q "importer  memo" "$work/plugins.txt" || fail "memo importer not listed"

$dossier import -v "$source_dir/examples/plugin/sample.memo" >"$work/import.txt" 2>&1 || fail "import failed: $(cat "$work/import.txt")"
grep -q "(memo, 1 document)" "$work/import.txt" || fail "the memo importer did not take the file: $(cat "$work/import.txt")"
$dossier show "Budget for the Lisbon office" >"$work/show.txt" 2>&1 || fail "show failed: $(cat "$work/show.txt")"
grep -q "kind: memo" "$work/show.txt" || fail "document is not a memo: $(cat "$work/show.txt")"
$dossier claims --predicate sent_by >"$work/claims.txt" || fail "claims failed"
grep -q "sent_by person:alice-marsh" "$work/claims.txt" || fail "no sent_by claim: $(cat "$work/claims.txt")"
echo "out-of-tree plugin built, loaded and used"
