// retype: a person made an organization (and back), with what was merged
// into it; every mention, claim and judgement follows the new id, the JSONL
// backup of the retyped store restores, and retyping back gives the store
// it was.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "examples_store.h"

using dossier::testing::Dossier;
using dossier::testing::ImportedStore;
using dossier::testing::kExamples;
using dossier::testing::Lines;
using dossier::testing::RunResult;
using dossier::testing::TempDir;
using Json = nlohmann::json;

namespace {

// The store's records without the audit log and update times (what a retype
// and its undo leave behind).
std::vector<std::string> Records(const std::string& db) {
  std::vector<std::string> out;
  for (const auto& line : Lines(Dossier(db, {"export", "jsonl", "-o", "-"}).out)) {
    Json j = Json::parse(line);
    if (j["type"] == "audit") continue;
    j.erase("updated_at");
    out.push_back(j.dump());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("retype makes a person an organization with what was merged into it, and back", "[cli][retype][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "store.db");
  REQUIRE(Dossier(db, {"import", kExamples + "/news", kExamples + "/cables"}).exit_code == 0);
  REQUIRE(Dossier(db, {"merge", "Li Wenbo", "Li Wen-po", "--reason", "one man"}).exit_code == 0);
  const auto before = Records(db);
  const Json li = Json::parse(Dossier(db, {"show", "Li Wenbo", "--json"}).out);

  RunResult r = Dossier(db, {"retype", "Li Wenbo", "organization", "--reason", "test"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("person:li-wenbo is now org:li-wenbo") != std::string::npos);
  const Json org = Json::parse(Dossier(db, {"show", "org:li-wenbo", "--json"}).out);
  CHECK(org["type"] == "organization");
  CHECK(org["mention_count"] == li["mention_count"]);  // its own and Li Wen-po's
  CHECK(org["claim_count"] == li["claim_count"]);
  CHECK(org["absorbed"] == Json::array({"org:li-wen-po"}));
  CHECK(Dossier(db, {"show", "person:li-wenbo"}).exit_code == 1);
  // Its mentions read as an organization's.
  for (const auto& m : org["mentions"]) CHECK(m["entity_type"] == "organization");

  // The backup of the retyped store restores.
  REQUIRE(Dossier(db, {"export", "jsonl", "-o", dir / "retyped.jsonl"}).exit_code == 0);
  RunResult restored = Dossier(dir / "restored.db", {"import", dir / "retyped.jsonl"});
  INFO(restored.err);
  CHECK(restored.exit_code == 0);

  REQUIRE(Dossier(db, {"retype", "org:li-wenbo", "person", "--reason", "undo"}).exit_code == 0);
  CHECK(Records(db) == before);
  const auto log = Lines(Dossier(db, {"log", "--json"}).out);
  CHECK(Json::parse(log.back())["action"] == "retype");
  CHECK(Json::parse(log.back())["detail"]["ids"]["org:li-wen-po"] == "person:li-wen-po");
}

TEST_CASE("retype refuses a document, the same type and a type that is none", "[cli][retype][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "store.db");
  REQUIRE(Dossier(db, {"import", kExamples + "/news"}).exit_code == 0);
  CHECK(Dossier(db, {"retype", "doc:mayor-takes-farm-pitch-to-sichuan", "person", "--reason", "x"}).exit_code == 1);
  RunResult same = Dossier(db, {"retype", "Elena Vasquez", "person", "--reason", "x"});
  CHECK(same.exit_code == 1);
  CHECK(same.err.find("already") != std::string::npos);
  CHECK(Dossier(db, {"retype", "Elena Vasquez", "document", "--reason", "x"}).exit_code == 2);
  CHECK(Dossier(db, {"retype", "Elena Vasquez", "organization"}).exit_code == 2);  // no reason
}
