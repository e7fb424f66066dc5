// `dossier check`, `findings` and `finding` with the check-facts plugin, run
// as a user runs them: exit statuses, --fail-on, --since, re-runs that do not
// duplicate, and a resolved finding that stays resolved until its evidence
// changes.
#include <catch2/catch.hpp>

#include "fixture.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::DocBuilder;
using dossier::testing::Dossier;
using dossier::testing::Lines;
using dossier::testing::RunResult;
using dossier::testing::TempDir;

namespace {

void WriteDoc(const std::string& db, const std::string& id, const std::string& publisher, const std::string& sentence,
              const std::string& figure, const std::string& predicate) {
  StoreOptions options;
  options.create_if_missing = true;
  auto store = Store::Open(db, options);
  REQUIRE(store.ok());
  DocBuilder d(id, sentence, Json{{"publisher", publisher}});
  const std::string valley = d.Entity(EntityType::kPlace, "Marrow Valley");
  d.Mention(valley, "Marrow Valley", 0, EntityType::kPlace).Figure(valley, predicate, figure);
  auto written = (*store)->WriteDocument(d.batch, Actor{"test"});
  INFO(written.status().message());
  REQUIRE(written.ok());
}

std::vector<Json> Records(const RunResult& r) {
  std::vector<Json> out;
  for (const auto& line : Lines(r.out)) out.push_back(Json::parse(line));
  return out;
}

Json OnlyConflict(const std::string& db, const std::string& status = "all") {
  auto rows = Records(Dossier(db, {"findings", "--code", "value-conflict", "--status", status, "--json"}));
  REQUIRE(rows.size() == 1);
  return rows[0];
}

}  // namespace

TEST_CASE("check stores findings once, fails only on request, and keeps the curator's decisions", "[cli][check][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "s.db");
  WriteDoc(db, "doc:flood-a", "Ridge Gazette", "More than 3,000 people were killed in Marrow Valley.",
           "More than 3,000 people", "people_killed");
  WriteDoc(db, "doc:flood-b", "Coastline Post", "Marrow Valley buried 2,000 dead.", "2,000 dead", "deaths");

  RunResult r = Dossier(db, {"check"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);  // findings are not failures
  CHECK(r.out.find("numbers: 1 finding") != std::string::npos);
  CHECK(r.out.find("identity:") != std::string::npos);
  CHECK(r.out.find("corroboration:") != std::string::npos);
  CHECK(r.out.find("integrity:") != std::string::npos);

  const Json conflict = OnlyConflict(db, "open");
  CHECK(conflict["severity"] == "warning");
  CHECK(conflict["checker"] == "numbers");

  // --fail-on: exit 1 with one line when open findings reach the level.
  RunResult failing = Dossier(db, {"check", "--fail-on", "warning"});
  CHECK(failing.exit_code == 1);
  REQUIRE(Lines(failing.err).size() == 1);
  CHECK(failing.err.find("open finding") != std::string::npos);
  CHECK(Dossier(db, {"check", "--fail-on", "error"}).exit_code == 0);

  // Re-running changes nothing: same findings, same ids.
  const auto before = Records(Dossier(db, {"findings", "--status", "all", "--json"}));
  REQUIRE(Dossier(db, {"check"}).exit_code == 0);
  const auto after = Records(Dossier(db, {"findings", "--status", "all", "--json"}));
  REQUIRE(before.size() == after.size());
  for (size_t i = 0; i < before.size(); ++i) CHECK(before[i]["id"] == after[i]["id"]);

  // Resolved stays resolved on re-runs ...
  const std::string id = conflict["id"];
  RunResult resolve = Dossier(db, {"finding", "resolve", id, "--reason", "the 2,000 counts only the dead found"});
  REQUIRE(resolve.exit_code == 0);
  REQUIRE(Dossier(db, {"check"}).exit_code == 0);
  CHECK(OnlyConflict(db)["status"] == "resolved");
  CHECK(Dossier(db, {"check", "--fail-on", "warning"}).exit_code == 0);  // nothing open at warning any more

  // ... until the evidence changes: a third figure joins the group.
  WriteDoc(db, "doc:flood-c", "Hillside Daily", "Marrow Valley mourned some 3,000 deaths.", "some 3,000 deaths",
           "deaths");
  REQUIRE(Dossier(db, {"check", "--checker", "numbers"}).exit_code == 0);
  const Json reopened = OnlyConflict(db);
  CHECK(reopened["id"] == id);
  CHECK(reopened["status"] == "open");
  CHECK(reopened["refs"].size() == 4);  // the subject and three claims

  // --about and --severity select; show puts the finding beside the claim.
  CHECK(Records(Dossier(db, {"findings", "--about", "place:marrow-valley", "--severity", "warning", "--json"})).size() == 1);
  RunResult show = Dossier(db, {"show", "place:marrow-valley"});
  CHECK(show.out.find("finding " + id) != std::string::npos);
}

TEST_CASE("check --since skips checkers whose inputs did not change", "[cli][check][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "s.db");
  WriteDoc(db, "doc:flood-a", "Ridge Gazette", "More than 3,000 people were killed in Marrow Valley.",
           "More than 3,000 people", "people_killed");
  WriteDoc(db, "doc:flood-z", "Lowland Courier", "Marrow Valley lost 3,100 people in the flood.", "3,100 people",
           "people_killed");

  // Never run: --since runs them all.
  RunResult first = Dossier(db, {"check", "--since", "last"});
  INFO(first.out << first.err);
  CHECK(first.exit_code == 0);
  CHECK(first.out.find("skipped") == std::string::npos);

  RunResult again = Dossier(db, {"check", "--since", "last", "--json"});
  CHECK(again.exit_code == 0);
  const auto rows = Records(again);
  REQUIRE(rows.size() == 4);
  for (const Json& row : rows) CHECK(row["skipped"] == true);
  // A time far back includes the import: everything runs again.
  RunResult old = Dossier(db, {"check", "--since", "2000-01-01", "--json"});
  for (const Json& row : Records(old)) CHECK_FALSE(row.contains("skipped"));

  // Resolving a finding is not a change to what checkers read.
  const auto open = Records(Dossier(db, {"findings", "--json"}));
  REQUIRE(!open.empty());
  REQUIRE(Dossier(db, {"finding", "ignore", open[0]["id"], "--reason", "known"}).exit_code == 0);
  for (const Json& row : Records(Dossier(db, {"check", "--since", "last", "--json"}))) CHECK(row["skipped"] == true);

  // A new document is: every checker runs.
  WriteDoc(db, "doc:flood-b", "Coastline Post", "Marrow Valley buried 2,000 dead.", "2,000 dead", "deaths");
  RunResult changed = Dossier(db, {"check", "--since", "last", "--checker", "numbers"});
  // The new document is grouped first: its story is what the checkers compare.
  CHECK(changed.out == "stories: 1 story\nnumbers: 1 finding\n");  // the three reports of one flood; their conflict

  // Bad input is a usage error in one line.
  RunResult bad = Dossier(db, {"check", "--since", "yesterday"});
  CHECK(bad.exit_code == 2);
  REQUIRE(Lines(bad.err).size() == 1);
  CHECK(bad.err.find("--since") != std::string::npos);
  RunResult unknown = Dossier(db, {"check", "--since", "last", "--checker", "nosuch"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("no checker named nosuch") != std::string::npos);
}

TEST_CASE("findings list conflicts that involve more outlets first", "[cli][check][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "s.db");
  // Two outlets disagree on the injured; three on the dead.
  WriteDoc(db, "doc:a", "Ridge Gazette", "Marrow Valley counted 50 injured.", "50 injured", "injured");
  WriteDoc(db, "doc:b", "Coastline Post", "Marrow Valley counted 70 injured.", "70 injured", "injured");
  WriteDoc(db, "doc:c", "Ridge Gazette", "In Marrow Valley 3,000 people were killed.", "3,000 people", "people_killed");
  WriteDoc(db, "doc:d", "Coastline Post", "In Marrow Valley 2,000 people were killed.", "2,000 people", "people_killed");
  WriteDoc(db, "doc:e", "Hillside Daily", "In Marrow Valley 1,000 people were killed.", "1,000 people", "people_killed");
  REQUIRE(Dossier(db, {"check"}).exit_code == 0);
  const auto rows = Records(Dossier(db, {"findings", "--code", "value-conflict", "--json"}));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["evidence"]["predicate"] == "death_toll");
  CHECK(rows[1]["evidence"]["predicate"] == "injured");
  CHECK(rows[0]["evidence"].value("rank", -1.0) > rows[1]["evidence"].value("rank", -1.0));
}
