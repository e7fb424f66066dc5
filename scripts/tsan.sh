#!/bin/sh
# Builds dossier and its tests with clang under ThreadSanitizer (build-tsan/)
# and runs the test suite there: the import's reader and writer threads, and
# every test that runs processes side by side, with data races reported as
# failures. Left to the ordinary build: the corpus tests, and the long
# single-threaded reads of damaged and hostile input (they take minutes under
# the sanitizer and start no thread the tests kept here do not).
#   scripts/tsan.sh [ctest arguments...]
set -eu
cd "$(dirname "$0")/.."
if [ ! -f build-tsan/build.ninja ]; then
  CC=clang CXX=clang++ cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDOSSIER_TSAN=ON -DDOSSIER_BUILD_BENCH=OFF >/dev/null
fi
cmake --build build-tsan
# halt_on_error: a race fails its test instead of scrolling by.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 history_size=4"
ctest --test-dir build-tsan --output-on-failure -j "$(nproc)" -E 'corpus|gold|fuzz_replay|out_of_tree|by hand|killed twenty|endless line|million one-line|cut short at every byte|changed at random|offsets past|JSON columns|not UTF-8' "$@"
