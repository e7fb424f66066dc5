// Tests over the real documents in ../shared/corpus (next to the project).
//
// A user's clone has no ../shared, so such tests must skip cleanly: call
// SkipWithoutCorpus() first; where the corpus is absent it prints why and
// exits with status 77, which ctest reports as "skipped" (the test's
// SKIP_RETURN_CODE). Put corpus tests in their own executable, registered
// with catch_discover_tests(... PROPERTIES SKIP_RETURN_CODE 77).
#pragma once

#include <string>

namespace dossier::testing {

// The corpus folder (../shared/corpus from the project root).
std::string CorpusDir();

// Exits the test process with 77 when CorpusDir() does not exist.
void SkipWithoutCorpus();

}  // namespace dossier::testing
