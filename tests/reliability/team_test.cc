// A team on one store: two importers, a curator and a checker, each its own
// process, at the same time, round after round. On PostgreSQL (a store on a
// server, docs/design.md, "Backends") as on a file: every write is kept, no
// person, organization or place is stored twice though both importers name
// the same ones, and the audit log says who did what ($DOSSIER_USER).
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "dossier/model.h"
#include "reliability/fixtures.h"
#include "support/test_support.h"

using namespace dossier::testing;
namespace fs = std::filesystem;
namespace rel = dossier::testing::reliability;
using Json = nlohmann::json;

namespace {

constexpr int kRounds = 20;

// The JSON Lines a --json command printed.
std::vector<Json> JsonLines(const RunResult& r) {
  std::vector<Json> out;
  for (const auto& line : Lines(r.out)) out.push_back(Json::parse(line));
  return out;
}

// One curator's round: a person, a sourced claim about them, the claim
// confirmed, and a judgement between this round's person and the last one's.
// The claim's id, for the count at the end.
std::string Curate(const std::string& db, int round, std::string* log) {
  const std::vector<std::string> env = {"DOSSIER_USER=curator"};
  const std::string name = "Curated Person " + std::to_string(round);
  RunResult add = Dossier(db, {"add", "person", name}, env);
  *log += add.out + add.err;
  RunResult claim = Dossier(db,
                            {"--json", "claim", "add", name, "title", "--text", "harbour pilot",
                             "--source-note", "round " + std::to_string(round) + " memo"},
                            env);
  *log += claim.out + claim.err;
  if (add.exit_code != 0 || claim.exit_code != 0) return {};
  const std::string id = Json::parse(Lines(claim.out).at(0)).at("id").get<std::string>();
  RunResult status = Dossier(db, {"claim", "set-status", id, "confirmed", "--reason", "checked the memo"}, env);
  *log += status.out + status.err;
  if (round > 0) {
    RunResult judge = Dossier(db,
                              {"judge", name, "Curated Person " + std::to_string(round - 1), "different",
                               "--reason", "two pilots"},
                              env);
    *log += judge.out + judge.err;
    if (judge.exit_code != 0) return {};
  }
  return status.exit_code == 0 ? id : std::string();
}

}  // namespace

TEST_CASE("two importers, a curator and a checker at once, 20 rounds: every write kept, no entity stored twice",
          "[concurrency][backends]") {
  TempDir dir;
  const std::string db = StoreAt(dir, "team.db");
  REQUIRE(Dossier(db, {"init"}).exit_code == 0);
  fs::create_directories(dir / "in");
  std::set<std::string> claims;
  std::set<std::string> files;
  for (int round = 0; round < kRounds; ++round) {
    // Importer A takes cables 3r and 3r+1, importer B 3r+1 and 3r+2: one
    // file both import, and every cable names the same minister, mayor,
    // company and port.
    std::vector<std::string> cables;
    for (int k = 0; k < 3; ++k) {
      const std::string path = dir / ("in/" + std::to_string(3 * round + k) + ".txt");
      WriteFile(path, rel::Cable(5000 + 3 * round + k));
      cables.push_back(path);
      files.insert(path);
    }
    RunResult a, b, check;
    std::string curator_log, claim;
    std::thread ta([&] { a = Dossier(db, {"import", cables[0], cables[1]}, {"DOSSIER_USER=importer-a"}); });
    std::thread tb([&] { b = Dossier(db, {"import", cables[1], cables[2]}, {"DOSSIER_USER=importer-b"}); });
    std::thread tk([&] { check = Dossier(db, {"check"}, {"DOSSIER_USER=checker"}); });
    std::thread tc([&] { claim = Curate(db, round, &curator_log); });
    ta.join();
    tb.join();
    tk.join();
    tc.join();
    INFO("round " << round << "\nimporter a: " << a.out << a.err << "\nimporter b: " << b.out << b.err
                  << "\nchecker: " << check.out << check.err << "\ncurator: " << curator_log);
    REQUIRE(a.exit_code == 0);
    REQUIRE(b.exit_code == 0);
    REQUIRE(check.exit_code == 0);
    REQUIRE_FALSE(claim.empty());
    claims.insert(claim);
  }

  // Every file's document, once.
  const Json stats = JsonLines(Dossier(db, {"--json", "stats"})).at(0);
  CHECK(stats.at("document").get<size_t>() == files.size());
  // No name twice among the people, organizations and places.
  std::map<std::string, int> names;
  for (const char* type : {"person", "organization", "place"}) {
    for (const auto& e : JsonLines(Dossier(db, {"--json", "list", type}))) {
      ++names[std::string(type) + ":" + e.at("name").get<std::string>()];
    }
  }
  for (const auto& [name, n] : names) {
    INFO(name);
    CHECK(n == 1);
  }
  CHECK(names.count("person:Otto Brennicke") == 1);
  CHECK(names.count("person:Curated Person 19") == 1);
  // Every curator's claim is there, confirmed.
  int confirmed = 0;
  for (const auto& c : JsonLines(Dossier(db, {"--json", "claims", "--status", "confirmed"}))) {
    confirmed += claims.count(c.at("id").get<std::string>()) ? 1 : 0;
  }
  CHECK(confirmed == kRounds);
  // The audit log says who did each: the curator's 3 writes a round and a
  // judgement from the second round on; an import entry per document an
  // importer wrote; a check's entries.
  std::map<std::string, int> by_actor;
  for (const auto& entry : JsonLines(Dossier(db, {"--json", "log", "--limit", "0"}))) {
    ++by_actor[entry.at("actor").get<std::string>()];
  }
  CHECK(by_actor["cli:curator"] == 3 * kRounds + (kRounds - 1));
  CHECK(by_actor["cli:importer-a"] + by_actor["cli:importer-b"] >= static_cast<int>(files.size()));
  CHECK(by_actor["cli:checker"] >= kRounds);
}
