// The bundled examples (news and a cable) imported into a new store, for the
// CLI tests that curate a real store.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "support/test_support.h"

namespace dossier::testing {

inline const std::string kExamples = DOSSIER_EXAMPLES_DIR;

// dir/store.db holding examples/news and examples/cables; its path.
inline std::string ImportedStore(const TempDir& dir) {
  const std::string db = dossier::testing::StoreAt(dir, "store.db");
  RunResult r = Dossier(db, {"import", kExamples + "/news", kExamples + "/cables"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  return db;
}

}  // namespace dossier::testing
