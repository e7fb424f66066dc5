// A backup restores exactly and loudly (docs/exports.md, "Restoring"): the
// README's `export jsonl` imported into a new store gives the same store,
// audit log included; a record that would overwrite something different is
// refused unless --replace (audited); an id given twice names both lines; an
// export taken while another process imports is one consistent snapshot.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

#include "reliability/fixtures.h"
#include "reliability/process.h"
#include "support/test_support.h"

using namespace dossier::testing;
namespace fs = std::filesystem;
namespace rel = dossier::testing::reliability;
using Json = nlohmann::json;

namespace {

RunResult MustRun(const std::string& db, const std::vector<std::string>& args) {
  RunResult r = Dossier(db, args);
  INFO("dossier " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

// The examples store of the README's main job, curated a little so that the
// backup holds judgements, statuses, findings and a long audit log.
void BuildExamplesStore(const std::string& db) {
  const std::string examples = DOSSIER_SOURCE_DIR "/examples";
  MustRun(db, {"init"});
  MustRun(db, {"import", examples + "/news", examples + "/cables"});
  MustRun(db, {"add", "person", "Talia Brennick", "--alias", "T. Brennick"});
  MustRun(db, {"add", "person", "Tal Brennick"});
  MustRun(db, {"judge", "Talia Brennick", "Tal Brennick", "same", "--reason", "one person, two bylines"});
  MustRun(db, {"check"});
  const std::string claim = Json::parse(Lines(MustRun(db, {"claims", "--json", "--limit", "1"}).out).at(0))["id"];
  MustRun(db, {"claim", "set-status", claim, "disputed", "--reason", "the ledger says otherwise"});
}

}  // namespace

TEST_CASE("a backup of the examples store restores exactly, audit log included", "[restore]") {
  TempDir dir;
  const std::string a = dir / "a.db", b = dir / "b.db";
  BuildExamplesStore(a);
  MustRun(a, {"export", "jsonl", "-o", dir / "backup.jsonl"});
  const std::vector<std::string> backup = Lines(ReadFile(dir / "backup.jsonl"));
  REQUIRE(backup.size() > 100);
  CHECK(Json::parse(backup.front())["type"] == "header");
  int64_t audit = 0;
  for (const auto& line : backup) audit += Json::parse(line)["type"] == "audit";
  CHECK(audit >= 8);

  // Named like anything else, the file is still known for a backup by its content.
  fs::copy_file(dir / "backup.jsonl", dir / "backup.txt");
  MustRun(b, {"init"});
  const RunResult restored = MustRun(b, {"import", "--json", dir / "backup.txt"});
  CHECK(Json::parse(Lines(restored.out).at(0))["importer"] == "jsonl");
  MustRun(b, {"export", "jsonl", "-o", dir / "again.jsonl"});
  std::vector<std::string> again = Lines(ReadFile(dir / "again.jsonl"));
  // Everything the same, with two lines more: the backup file itself among
  // the imported files, and the restore's own entry last in the log.
  REQUIRE(again.size() == backup.size() + 2);
  const Json last = Json::parse(again.back());
  CHECK(last["type"] == "audit");
  CHECK(last["action"] == "import-records");
  again.pop_back();
  const auto restored_file = std::find_if(again.begin(), again.end(), [&](const std::string& line) {
    const Json j = Json::parse(line);
    return j["type"] == "source" && j["path"] == dir / "backup.txt";
  });
  REQUIRE(restored_file != again.end());
  again.erase(restored_file);
  for (size_t i = 0; i < backup.size(); ++i) {
    INFO("line " << i + 1);
    CHECK(again[i] == backup[i]);
  }

  // Importing the same backup again changes nothing at all.
  const std::string before = DumpStore(b, /*include_audit=*/true);
  const RunResult twice = MustRun(b, {"import", "--json", "--force", dir / "backup.txt"});
  CHECK(Json::parse(Lines(twice.out).at(0))["outcome"] == "unchanged");
  CHECK(DumpStore(b, true) == before);
}

TEST_CASE("a record that differs from the store's is refused unless --replace, which is audited", "[restore]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  MustRun(db, {"init"});
  MustRun(db, {"add", "person", "Nadia Okonkwo", "--alias", "N. Okonkwo"});
  MustRun(db, {"add", "place", "Port Harcourt"});
  MustRun(db, {"export", "jsonl", "-o", dir / "backup.jsonl"});
  std::string text = ReadFile(dir / "backup.jsonl");
  const size_t at = text.find("\"Nadia Okonkwo\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 15, "\"Nadia Okonkwo-Bell\"");
  WriteFile(dir / "edited.jsonl", text);
  const std::string before = DumpStore(db, true);

  RunResult r = Dossier(db, {"import", dir / "edited.jsonl"});
  CHECK(r.exit_code == 1);
  CHECK(Lines(r.err).size() == 1);
  CHECK(r.err.find("edited.jsonl") != std::string::npos);
  CHECK(r.err.find("person:nadia-okonkwo is in the store already with another name") != std::string::npos);
  CHECK(r.err.find("--replace") != std::string::npos);
  CHECK(DumpStore(db, true) == before);

  MustRun(db, {"import", "--replace", dir / "edited.jsonl"});
  CHECK(MustRun(db, {"show", "person:nadia-okonkwo"}).out.find("Nadia Okonkwo-Bell") != std::string::npos);
  const std::string log = MustRun(db, {"log", "--json"}).out;
  CHECK(log.find("\"replace-record\"") != std::string::npos);
  CHECK(log.find("\"person:nadia-okonkwo\"") != std::string::npos);
}

TEST_CASE("an id given twice in one file is an error naming both lines", "[restore]") {
  TempDir dir;
  const std::string db = dir / "s.db";
  MustRun(db, {"init"});
  const std::string person = R"({"id":"person:ruth-amari","type":"person","name":"Ruth Amari"})";
  const std::string place = R"({"id":"place:lamu","type":"place","name":"Lamu"})";
  // The same record twice, and the same id with two names.
  WriteFile(dir / "same.jsonl", person + "\n" + place + "\n" + person + "\n");
  WriteFile(dir / "differ.jsonl",
            person + "\n" + place + "\n" + R"({"id":"person:ruth-amari","type":"person","name":"R. Amari"})" + "\n");
  for (const char* file : {"same.jsonl", "differ.jsonl"}) {
    RunResult r = Dossier(db, {"import", dir / file});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(Lines(r.err).size() == 1);
    CHECK(r.err.find("person:ruth-amari is given twice, on lines 1 and 3") != std::string::npos);
  }
  CHECK(MustRun(db, {"stats", "--json"}).out.find("\"person\":0") != std::string::npos);
}

TEST_CASE("an export taken while another process imports is one snapshot that imports cleanly", "[restore]") {
  TempDir dir;
  const std::string db = dir / "live.db";
  MustRun(db, {"init"});
  fs::create_directories(dir / "in");
  for (int i = 0; i < 1200; ++i) {
    WriteFile(dir / ("in/" + std::to_string(1000 + i) + ".txt"), i % 2 ? rel::Cable(3000 + i) : rel::Note(i));
  }
  Child import = StartDossier(db, {"import", dir / "in"}, dir / "import");
  int during = 0, status = -1;
  bool running = true;
  for (int n = 0; n < 60; ++n) {
    running = Running(import, &status);
    const std::string out = dir / ("snap" + std::to_string(n) + ".jsonl");
    MustRun(db, {"export", "jsonl", "-o", out});
    // Every snapshot restores: no mention, claim or alias without its entity or document.
    const std::string fresh = dir / ("fresh" + std::to_string(n) + ".db");
    MustRun(fresh, {"init"});
    const RunResult r = Dossier(fresh, {"import", out});
    INFO("snapshot " << n << ": " << r.err);
    CHECK(r.exit_code == 0);
    if (!running) break;
    ++during;
  }
  if (running) status = Wait(import);
  CHECK(status == 0);
  CHECK(during >= 2);  // taken while the import was writing
}
