#!/bin/sh
# Builds the fuzz targets with clang, AddressSanitizer and UBSan (build-fuzz/),
# replays every seed and saved regression input under the sanitizers, then runs
# each libFuzzer target for SECONDS (default 60). A crash is saved to
# fuzz/crashes/<target>/ (copy it to fuzz/regressions/<target>/ once fixed) and
# makes the script fail.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"search_query quantity text news jsonl cable"}
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDOSSIER_FUZZ=ON -DDOSSIER_BUILD_BENCH=OFF >/dev/null
fi
build_targets=""
for t in $targets; do build_targets="$build_targets ${t}_fuzz ${t}_replay"; done
# shellcheck disable=SC2086
cmake --build build-fuzz --target $build_targets
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for t in $targets; do
  echo "== $t: replaying seeds and regressions under the sanitizers"
  build-fuzz/bin/${t}_replay fuzz/seeds/$t fuzz/regressions/$t || status=1
  echo "== $t: fuzzing for ${seconds}s"
  mkdir -p build-fuzz/corpus/$t fuzz/crashes/$t
  if ! build-fuzz/bin/${t}_fuzz -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix=fuzz/crashes/$t/ build-fuzz/corpus/$t fuzz/seeds/$t 2>build-fuzz/$t.log; then
    status=1
    tail -30 build-fuzz/$t.log
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build-fuzz/$t.log | tr '\n' ' '
  echo
done
exit $status
