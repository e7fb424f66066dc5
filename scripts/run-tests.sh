#!/bin/sh
# Installs what is missing, builds, and runs the whole test suite: on SQLite,
# and the store's tests again on a throwaway PostgreSQL server
# (pg-test-server), stopped at the end even when tests fail.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
scripts/build.sh
pgdir=$(mktemp -d)
trap 'scripts/pg-test-server stop "$pgdir"; rm -rf "$pgdir"' EXIT
if uri=$(scripts/pg-test-server start "$pgdir"); then
  export DOSSIER_TEST_POSTGRES="$uri"
else
  echo "run-tests: no PostgreSQL server could start; the PostgreSQL tests will be skipped" >&2
fi
log="$pgdir/ctest.log"
{ status=0; ctest --test-dir build --output-on-failure -j "$(nproc)" || status=$?; echo "$status" >"$pgdir/status"; } 2>&1 |
  tee "$log"
status=$(cat "$pgdir/status")
ran=$(grep -c 'postgresql:.*Passed\|postgresql:.*Failed' "$log" || true)
skipped=$(grep -c 'postgresql:.*Skipped' "$log" || true)
echo "run-tests: $ran tests ran on PostgreSQL${DOSSIER_TEST_POSTGRES:+ ($DOSSIER_TEST_POSTGRES)}, $skipped skipped"
exit "$status"
