// Search means the same on both backends (docs/design.md, "Backends"): the
// same query finds the same documents, names and quotes on an SQLite file
// and on a PostgreSQL database holding the same imports; only the order of
// the hits may differ. On the SQLite run both stores are files.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "examples_store.h"
#include "support/test_support.h"

using namespace dossier::testing;
using Json = nlohmann::json;

namespace {

std::vector<std::string> HitIds(const std::string& db, const std::string& query) {
  RunResult r = Dossier(db, {"--json", "search", query, "--limit", "1000"});
  INFO(query << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> ids;
  for (const auto& line : Lines(r.out)) ids.push_back(Json::parse(line).at("id").get<std::string>());
  return ids;
}

}  // namespace

TEST_CASE("a query finds the same hits on either backend", "[cli][search][backends]") {
  TempDir dir;
  // A note written for this test, with diacritics, a hyphenated name and
  // a quote, beside the bundled examples.
  WriteFile(dir / "note.txt",
            "Harbour pilots meet in São Paulo\n\n"
            "Captain Zé Müller-Lund told the pilots' meeting in São Paulo that \"the dredging will not wait\".\n");
  const std::string file = dir / "file.db";
  const std::string other = StoreAt(dir, "other.db");
  for (const auto& db : {file, other}) {
    RunResult r = Dossier(db, {"import", kExamples + "/news", kExamples + "/cables", dir / "note.txt"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
  }
  const std::vector<std::string> queries = {
      "harbour", "Marlow", "dredg*", "\"Harbour Board\"", "Okonkwo OR Chengdu", "container -Tacoma",
      "Sao Paulo", "\"São Paulo\"", "Muller", "Müller-Lund", "pilots NOT Tacoma", "(harbour OR port) AND cost",
      "wait*", "soy*", "AND", "consulate"};
  for (const auto& q : queries) {
    const auto a = HitIds(file, q), b = HitIds(other, q);
    INFO(q);
    CHECK(std::set<std::string>(a.begin(), a.end()) == std::set<std::string>(b.begin(), b.end()));
    CHECK(a.size() == b.size());  // no hit twice on either
  }
  CHECK(HitIds(other, "Sao Paulo").size() >= 1);
  CHECK(HitIds(other, "muller").size() >= 1);
}
