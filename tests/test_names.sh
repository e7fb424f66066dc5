#!/bin/sh
# ctest reads the test names catch_discover_tests lists as a CMake list, so a
# ';' in a TEST_CASE name cuts it in two: ctest then asks Catch for a test of
# half the name, Catch runs nothing and reports success. No name may hold one.
#   test_names.sh TESTS_DIR
found=$(grep -rn --include='*.cc' 'TEST_CASE("[^"]*;' "$1")
if [ -n "$found" ]; then
  echo "test names with ';' (ctest would run nothing for them):"
  echo "$found"
  exit 1
fi
echo "no test name holds a ';' ($(grep -rh --include='*.cc' -c 'TEST_CASE(' "$1" | awk '{s += $1} END {print s}') test cases)"
