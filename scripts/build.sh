#!/bin/sh
# Configures and builds dossier into build/ (Release with debug info).
#   build.sh          everything: the binary, the plugins, tests and benches
#   build.sh --main   what the main job runs: the binary and its plugins
#                     (a build tree that has the tests already keeps them)
set -eu
cd "$(dirname "$0")/.."
case "${1:-}" in
  --main)
    if [ ! -f build/build.ninja ]; then
      cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_BUILD_TESTS=OFF -DDOSSIER_BUILD_BENCH=OFF
    fi ;;
  "")
    # A tree the main job configured without tests gets them now.
    if [ ! -f build/build.ninja ] || grep -q "^DOSSIER_BUILD_TESTS:BOOL=OFF" build/CMakeCache.txt ||
       grep -q "^DOSSIER_BUILD_BENCH:BOOL=OFF" build/CMakeCache.txt; then
      cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDOSSIER_BUILD_TESTS=ON -DDOSSIER_BUILD_BENCH=ON
    fi ;;
  *) echo "usage: build.sh [--main]" >&2; exit 2 ;;
esac
cmake --build build
