// Taking things out of the store: `remove` a document with its mentions and
// claims (and what only it named or cited), `delete` an entity that is no
// thing at all; each audited with its reason, each refusing the other's kind.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "examples_store.h"

using dossier::testing::Dossier;
using dossier::testing::ImportedStore;
using dossier::testing::kExamples;
using dossier::testing::Lines;
using dossier::testing::RunResult;
using dossier::testing::TempDir;
using Json = nlohmann::json;

namespace {

Json Stats(const std::string& db) { return Json::parse(Dossier(db, {"stats", "--json"}).out); }

bool Exists(const std::string& db, const std::string& id) { return Dossier(db, {"show", id}).exit_code == 0; }

Json LastAudit(const std::string& db) {
  const auto lines = Lines(Dossier(db, {"log", "--json"}).out);
  REQUIRE_FALSE(lines.empty());
  return Json::parse(lines.back());
}

}  // namespace

TEST_CASE("remove takes a document out with its mentions, claims and what only it named", "[cli][removal][backends]") {
  TempDir dir;
  const std::string db = ImportedStore(dir);
  const Json before = Stats(db);
  int64_t in_cable = -1;
  for (const auto& line : Lines(Dossier(db, {"list", "document", "--json"}).out)) {
    const Json d = Json::parse(line);
    if (d["id"] == "doc:24CHENGDU455") in_cable = d["mentions"].get<int64_t>();
  }
  REQUIRE(in_cable > 0);

  RunResult r = Dossier(db, {"remove", "doc:24CHENGDU455", "--reason", "imported by mistake", "--json"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const Json out = Json::parse(r.out);
  CHECK(out["mentions"] == in_cable);
  const Json after = Stats(db);
  CHECK(after["document"] == before["document"].get<int>() - 1);
  CHECK(after["mention"] == before["mention"].get<int>() - out["mentions"].get<int>());
  CHECK(after["claim"] == before["claim"].get<int>() - out["claims"].get<int>());
  CHECK(after["cited_only"] == 0);  // the two cables only it cited
  CHECK_FALSE(Exists(db, "doc:24CHENGDU455"));
  CHECK_FALSE(Exists(db, "doc:23CHENGDU1872"));
  CHECK_FALSE(Exists(db, "org:us-consulate-seattle"));  // named only in the cable
  CHECK(Exists(db, "person:elena-vasquez"));            // named in the news too
  CHECK(Dossier(db, {"search", "Shuangliu"}).out.find("24CHENGDU455") == std::string::npos);
  const Json audit = LastAudit(db);
  CHECK(audit["action"] == "remove");
  CHECK(audit["target"] == "doc:24CHENGDU455");
  CHECK(audit["detail"]["reason"] == "imported by mistake");

  // Importing the file again brings back what was there.
  REQUIRE(Dossier(db, {"import", kExamples + "/cables"}).exit_code == 0);
  const Json again = Stats(db);
  for (const char* key : {"person", "organization", "place", "document", "cited_only", "claim", "mention"}) {
    INFO(key);
    CHECK(again[key] == before[key]);
  }
}

TEST_CASE("delete takes an entity out: its claims go, its mentions stay unresolved", "[cli][removal][backends]") {
  TempDir dir;
  const std::string db = ImportedStore(dir);
  const Json before = Stats(db);
  const Json li = Json::parse(Dossier(db, {"show", "person:li-wen-po", "--json"}).out);
  REQUIRE(li["mention_count"].get<int>() > 0);

  RunResult r = Dossier(db, {"delete", "Li Wen-po", "--reason", "the same man as Li Wenbo, misspelt"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("deleted person:li-wen-po") != std::string::npos);
  CHECK_FALSE(Exists(db, "person:li-wen-po"));
  const Json after = Stats(db);
  CHECK(after["person"] == before["person"].get<int>() - 1);
  CHECK(after["mention"] == before["mention"]);  // still in the text, unresolved
  const Json audit = LastAudit(db)["detail"];
  CHECK(audit["mentions_unresolved"] == li["mention_count"]);
  CHECK(audit["claims_deleted"].get<int>() > 0);
  CHECK(after["claim"] == before["claim"].get<int>() - audit["claims_deleted"].get<int>());
  CHECK(Dossier(db, {"search", "Wen-po"}).out.find("person:li-wen-po") == std::string::npos);
}

TEST_CASE("delete and remove refuse each other's kind, a cited-only document, and a missing reason", "[cli][removal][backends]") {
  TempDir dir;
  const std::string db = ImportedStore(dir);
  RunResult doc = Dossier(db, {"delete", "doc:24CHENGDU455", "--reason", "x"});
  CHECK(doc.exit_code == 1);
  CHECK(doc.err.find("dossier remove") != std::string::npos);
  CHECK(Dossier(db, {"remove", "person:elena-vasquez", "--reason", "x"}).exit_code == 1);
  RunResult stub = Dossier(db, {"remove", "doc:23CHENGDU1872", "--reason", "x"});
  CHECK(stub.exit_code == 1);
  CHECK(stub.err.find("only cited") != std::string::npos);
  CHECK(Dossier(db, {"delete", "person:elena-vasquez"}).exit_code == 2);
  CHECK(Exists(db, "person:elena-vasquez"));
  CHECK(Exists(db, "doc:24CHENGDU455"));
}
