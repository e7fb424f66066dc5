// Stories as a user meets them: `check` groups the examples' two events
// (three documents each, news and a cable), `stories` and `show story:...`
// list them, a curator takes a document out, puts one in, joins and splits
// stories, each in the audit log and kept when the grouping runs again, and
// the stories survive a JSONL backup and restore.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>

#include "support/test_support.h"

using dossier::testing::Dossier;
using dossier::testing::Lines;
using dossier::testing::RunResult;
using dossier::testing::TempDir;
using dossier::testing::WriteFile;
using Json = nlohmann::json;

namespace {

const std::string kExamples = DOSSIER_EXAMPLES_DIR;

std::vector<Json> Records(const RunResult& r) {
  std::vector<Json> out;
  for (const auto& line : Lines(r.out)) out.push_back(Json::parse(line));
  return out;
}

// Each story's included documents, by story id.
std::map<std::string, std::set<std::string>> Stories(const std::string& db) {
  RunResult r = Dossier(db, {"stories", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::set<std::string>> out;
  for (const Json& s : Records(r)) {
    auto& docs = out[s["id"].get<std::string>()];
    for (const Json& m : s["members"]) {
      if (!m.value("excluded", false)) docs.insert(m["document"].get<std::string>());
    }
  }
  return out;
}

std::string StoryOf(const std::map<std::string, std::set<std::string>>& stories, const std::string& doc) {
  for (const auto& [id, docs] : stories) {
    if (docs.count(doc)) return id;
  }
  return "";
}

void ImportExamples(const std::string& db) {
  RunResult r = Dossier(db, {"import", kExamples + "/news", kExamples + "/cables"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("check groups the examples into their two stories, news and cable together", "[cli][stories][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "s.db");
  ImportExamples(db);
  CHECK(Dossier(db, {"stories"}).out == "no stories (dossier check groups documents into stories)\n");
  RunResult check = Dossier(db, {"check"});
  INFO(check.out << check.err);
  REQUIRE(check.exit_code == 0);
  CHECK(Lines(check.out).at(0) == "stories: 2 stories");

  const auto stories = Stories(db);
  REQUIRE(stories.size() == 2);
  const std::string tacoma = StoryOf(stories, "doc:tacoma-trade-mission-heads-to-chengdu-as-tariffs-bite");
  const std::string marlow = StoryOf(stories, "doc:marlow-harbour-dredging-runs-late");
  REQUIRE(!tacoma.empty());
  REQUIRE(!marlow.empty());
  CHECK(tacoma != marlow);
  CHECK(stories.at(tacoma).size() == 3);
  CHECK(stories.at(tacoma).count("doc:mayor-takes-farm-pitch-to-sichuan"));
  CHECK(stories.at(tacoma).count("doc:24CHENGDU455"));  // the cable joins the news
  CHECK(stories.at(marlow).size() == 3);

  // A story's record: title, dates and outlets.
  const Json record = Records(Dossier(db, {"show", tacoma, "--json"})).at(0);
  CHECK(record["type"] == "story");
  CHECK_FALSE(record["name"].get<std::string>().empty());
  CHECK(record["outlets"].size() == 3);
  RunResult show = Dossier(db, {"show", tacoma});
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("3 documents") != std::string::npos);
  CHECK(show.out.find("doc:24CHENGDU455") != std::string::npos);
  // Its findings: those about its documents (the cable's REF to a cable not in the store) too.
  CHECK(show.out.find("  findings:") != std::string::npos);
  CHECK(show.out.find("doc:24CHENGDU455 cites 24CHENGDU431") != std::string::npos);
  const std::string marlow_show = Dossier(db, {"show", marlow}).out;
  CHECK(marlow_show.find("24CHENGDU431") == std::string::npos);  // not another story's

  // Checking again without a change does not regroup.
  CHECK(Lines(Dossier(db, {"check"}).out).at(0) != "stories: 2 stories");
}

TEST_CASE("a curator's story decisions are audited, reversible and kept by the grouping", "[cli][stories][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "s.db");
  ImportExamples(db);
  REQUIRE(Dossier(db, {"check"}).exit_code == 0);
  auto stories = Stories(db);
  const std::string tacoma = StoryOf(stories, "doc:tacoma-trade-mission-heads-to-chengdu-as-tariffs-bite");
  const std::string marlow = StoryOf(stories, "doc:marlow-harbour-dredging-runs-late");

  // Out: the cable leaves the story, and stays out when the grouping runs again.
  RunResult out = Dossier(db, {"story", "remove", tacoma, "doc:24CHENGDU455", "--reason", "a cable, not coverage"});
  INFO(out.out << out.err);
  REQUIRE(out.exit_code == 0);
  CHECK(Stories(db).at(tacoma).count("doc:24CHENGDU455") == 0);
  CHECK(Dossier(db, {"show", tacoma}).out.find("taken out") != std::string::npos);
  WriteFile(dir / "more.txt", "Ashby bakery opens\n\nAn unrelated note about a bakery in Ashby that opened on Friday.\n");
  REQUIRE(Dossier(db, {"import", dir / "more.txt"}).exit_code == 0);
  REQUIRE(Lines(Dossier(db, {"check"}).out).at(0).rfind("stories: ", 0) == 0);  // it regrouped
  stories = Stories(db);
  CHECK(stories.at(tacoma).count("doc:24CHENGDU455") == 0);
  CHECK(stories.at(tacoma).size() == 2);

  // In: a curator puts a document in; the grouping keeps it there.
  REQUIRE(Dossier(db, {"story", "add", tacoma, "doc:more", "--reason", "same week"}).exit_code == 0);
  CHECK(Stories(db).at(tacoma).count("doc:more") == 1);

  // Join, then split: one story, then two again, each story as it was.
  const auto before = Stories(db);
  REQUIRE(Dossier(db, {"story", "join", tacoma, marlow, "--reason", "testing a join"}).exit_code == 0);
  auto joined = Stories(db);
  REQUIRE(joined.size() == 1);
  CHECK(joined.at(tacoma).size() == before.at(tacoma).size() + before.at(marlow).size());
  // The joined story reads as the one it joined.
  CHECK(Dossier(db, {"show", marlow}).out.find("was joined into " + tacoma) != std::string::npos);
  // A join survives a regrouping.
  WriteFile(dir / "more2.txt", "Ashby bread prices\n\nA second note, about the Ashby bakery's bread prices.\n");
  REQUIRE(Dossier(db, {"import", dir / "more2.txt"}).exit_code == 0);
  REQUIRE(Dossier(db, {"check"}).exit_code == 0);
  CHECK(Stories(db).count(marlow) == 0);
  REQUIRE(Dossier(db, {"story", "split", marlow}).exit_code == 0);
  auto split = Stories(db);
  CHECK(split.at(tacoma) == before.at(tacoma));
  CHECK(split.at(marlow) == before.at(marlow));

  // Every decision is in the log, with its reason.
  const std::string log = Dossier(db, {"log"}).out;
  for (const char* reason : {"a cable, not coverage", "same week", "testing a join"}) {
    INFO(reason);
    CHECK(log.find(reason) != std::string::npos);
  }

  // Wrong names are one error line, exit 1.
  RunResult unknown = Dossier(db, {"story", "remove", "story:nope", "doc:more", "--reason", "x"});
  CHECK(unknown.exit_code == 1);
  CHECK(Lines(unknown.err).size() == 1);
  RunResult no_doc = Dossier(db, {"story", "add", tacoma, "doc:nope", "--reason", "x"});
  CHECK(no_doc.exit_code == 1);
  CHECK(Lines(no_doc.err).size() == 1);
  RunResult self = Dossier(db, {"story", "join", tacoma, tacoma, "--reason", "x"});
  CHECK(self.exit_code == 1);
  CHECK(Dossier(db, {"story", "remove", tacoma, "doc:more"}).exit_code == 2);  // --reason is required
}

TEST_CASE("stories and their curation survive a JSONL backup and restore", "[cli][stories][jsonl][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "s.db");
  ImportExamples(db);
  REQUIRE(Dossier(db, {"check"}).exit_code == 0);
  const auto stories = Stories(db);
  const std::string tacoma = StoryOf(stories, "doc:tacoma-trade-mission-heads-to-chengdu-as-tariffs-bite");
  const std::string marlow = StoryOf(stories, "doc:marlow-harbour-dredging-runs-late");
  REQUIRE(Dossier(db, {"story", "remove", tacoma, "doc:24CHENGDU455", "--reason", "not coverage"}).exit_code == 0);
  REQUIRE(Dossier(db, {"story", "join", tacoma, marlow, "--reason", "one desk"}).exit_code == 0);

  REQUIRE(Dossier(db, {"export", "jsonl", "-o", dir / "backup.jsonl"}).exit_code == 0);
  const std::string restored = dossier::testing::StoreAt(dir, "r.db");
  RunResult r = Dossier(restored, {"import", dir / "backup.jsonl"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Dossier(restored, {"stories", "--json"}).out == Dossier(db, {"stories", "--json"}).out);
  CHECK(Dossier(restored, {"show", marlow, "--json"}).out == Dossier(db, {"show", marlow, "--json"}).out);
  // The split still works on the restored store: the join came back as a join.
  REQUIRE(Dossier(restored, {"story", "split", marlow}).exit_code == 0);
  CHECK(Stories(restored).size() == 2);
}
