// The import, export, check, findings and plugins commands, run as a user would
// (the progress line of the long ones on a terminal too).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>

#include <unistd.h>

#include "support/test_support.h"

using dossier::testing::Dossier;
using dossier::testing::DossierBinary;
using dossier::testing::Run;
using dossier::testing::Lines;
using dossier::testing::RunResult;
using dossier::testing::TempDir;
using dossier::testing::WriteFile;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string Fixture(const std::string& name) { return std::string(DOSSIER_FIXTURE_PLUGIN_DIR) + "/" + name + ".so"; }

std::vector<std::string> ErrLines(const RunResult& r) { return Lines(r.err); }

}  // namespace

TEST_CASE("dossier plugins lists plugins and one line per load error", "[cli][plugins]") {
  TempDir dir;
  const std::string plugdir = dir / "plugins";
  fs::create_directories(plugdir);
  WriteFile(plugdir + "/fake.so", "not a library, just text\n");
  fs::copy_file(Fixture("fixture_no_entry"), plugdir + "/no_entry.so");
  fs::copy_file(Fixture("fixture_bad_abi"), plugdir + "/bad_abi.so");

  RunResult r = Dossier(dir / "s.db", {"plugins"}, {"DOSSIER_PLUGIN_PATH=" + plugdir});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("import-text 1.0.0") != std::string::npos);
  CHECK(r.out.find("jsonl 1.0.0") != std::string::npos);
  CHECK(r.out.find("import-cable 1.0.0") != std::string::npos);
  CHECK(r.out.find("exporter  jsonl") != std::string::npos);
  auto errors = ErrLines(r);
  REQUIRE(errors.size() == 3);
  // The fixture claims 41 versions more than this dossier's (whatever it is now).
  std::smatch abi;
  REQUIRE(std::regex_match(errors[0], abi,
                           std::regex("dossier: plugin error: (.*)/bad_abi\\.so: built for plugin ABI version ([0-9]+), "
                                      "this dossier needs version ([0-9]+); rebuild it against this dossier's SDK")));
  CHECK(abi[1] == plugdir);
  CHECK(std::stoi(abi[2]) == std::stoi(abi[3]) + 41);
  CHECK(errors[1].rfind("dossier: plugin error: " + plugdir + "/fake.so: not a loadable shared library (", 0) == 0);
  CHECK(errors[2] == "dossier: plugin error: " + plugdir +
                         "/no_entry.so: not a dossier plugin: it has no dossier_plugin_info entry point");

  // --json gives the same as records.
  RunResult j = Dossier(dir / "s.db", {"plugins", "--json"}, {"DOSSIER_PLUGIN_PATH=" + plugdir});
  int plugins = 0, errs = 0;
  for (const auto& line : Lines(j.out)) {
    Json rec = Json::parse(line);
    plugins += rec.contains("plugin");
    errs += rec.contains("error");
  }
  size_t listed = 0;  // plugin lines of the human output: the ones not indented
  for (const auto& line : Lines(r.out)) listed += line[0] != ' ';
  CHECK(plugins == static_cast<int>(listed));
  CHECK(plugins >= 2);
  CHECK(errs == 3);

  // Other commands warn and carry on.
  WriteFile(dir / "note.txt", "A note\n");
  RunResult imp = Dossier(dir / "s.db", {"import", dir / "note.txt"}, {"DOSSIER_PLUGIN_PATH=" + plugdir});
  CHECK(imp.exit_code == 0);
  CHECK(Lines(imp.err).size() == 3);
  CHECK(imp.err.find("dossier: warning: plugin " + plugdir + "/fake.so") != std::string::npos);
  CHECK(imp.out.find("1 file imported (1 new document)") != std::string::npos);

  // --plugin loads one more.
  RunResult extra = Dossier(dir / "s.db", {"--plugin", Fixture("fixture_faulty"), "plugins"});
  CHECK(extra.exit_code == 0);
  CHECK(extra.out.find("faulty 1.0.0") != std::string::npos);
}

TEST_CASE("dossier import reports each failed file on one line and exits 1", "[cli][import][backends]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in + "/deeper");
  WriteFile(in + "/one.txt", "One\n\nfirst body\n");
  WriteFile(in + "/deeper/two.txt", "Two\n\nsecond body\n");
  WriteFile(in + "/deeper/junk.bin", std::string("\0\1\2\3\4", 5));
  const std::string db = dossier::testing::StoreAt(dir, "s.db");

  RunResult r = Dossier(db, {"import", in});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err == "dossier: " + in + "/deeper/junk.bin: no importer recognizes this file\n");
  CHECK(r.err.find('\r') == std::string::npos);  // no progress line when stderr is not a terminal
  CHECK(r.out.find("2 files imported (2 new documents), 0 unchanged, 1 failed") != std::string::npos);

  RunResult again = Dossier(db, {"import", in, "--json"});
  auto lines = Lines(again.out);
  REQUIRE(lines.size() == 4);
  Json summary = Json::parse(lines.back())["summary"];
  CHECK(summary["files_unchanged"] == 2);
  CHECK(summary["files_failed"] == 1);
  CHECK(summary["documents_new"] == 0);

  RunResult dry = Dossier(db, {"import", "--dry-run", "--force", in + "/one.txt"});
  CHECK(dry.exit_code == 0);
  // Read again (--force), its one document is what the store holds: as the
  // import itself would say.
  CHECK(dry.out.find("unchanged  doc:one") != std::string::npos);
  CHECK(dry.out.find("dry run: 0 files imported (0 new documents), 1 unchanged") != std::string::npos);

  CHECK(Dossier(db, {"import", "--as", "nope", in}).exit_code == 2);
  CHECK(Dossier(db, {"import"}).exit_code == 2);

  // The documents are in the store and searchable.
  RunResult hits = Dossier(db, {"search", "second", "--json"});
  REQUIRE(Lines(hits.out).size() == 1);
  CHECK(Json::parse(Lines(hits.out)[0])["id"] == "doc:two");
}

TEST_CASE("dossier export writes a file atomically, or to stdout", "[cli][export][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "s.db");
  WriteFile(dir / "note.txt", "A note\n\nabout export\n");
  REQUIRE(Dossier(db, {"import", dir / "note.txt"}).exit_code == 0);
  RunResult r = Dossier(db, {"export", "jsonl", "-o", dir / "out.jsonl"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "exported jsonl to " + (dir / "out.jsonl") + "\n");
  auto lines = Lines(dossier::testing::ReadFile(dir / "out.jsonl"));
  REQUIRE(lines.size() == 4);  // the header, the document, the import's source file and audit entry
  CHECK(Json::parse(lines[0])["type"] == "header");
  CHECK(Json::parse(lines[1])["id"] == "doc:note");
  CHECK(Json::parse(lines[2])["type"] == "source");
  CHECK(Json::parse(lines[3])["type"] == "audit");
  RunResult out = Dossier(db, {"export", "jsonl", "-o", "-"});
  CHECK(out.out == dossier::testing::ReadFile(dir / "out.jsonl"));
  RunResult bad = Dossier(db, {"export", "nosuch"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("no exporter named nosuch (loaded: ") != std::string::npos);
  CHECK(bad.err.find("jsonl") != std::string::npos);
  RunResult nodir = Dossier(db, {"export", "jsonl", "-o", dir / "no/such/folder/x.jsonl"});
  CHECK(nodir.exit_code == 1);
  CHECK(Lines(nodir.err).size() == 1);
}

TEST_CASE("check, findings and finding with a checker plugin", "[cli][check][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "s.db");
  REQUIRE(Dossier(db, {"init"}).exit_code == 0);
  RunResult none = Dossier(db, {"check"});
  CHECK(none.exit_code == 0);
  // The build's check-facts plugin is always found; an empty store has nothing to report.
  CHECK(none.out == "stories: 0 stories\ncorroboration: 0 findings\nidentity: 0 findings\nintegrity: 0 findings\nnumbers: 0 findings\n");
  CHECK(Dossier(db, {"findings"}).out == "(none)\n");
  RunResult broken = Dossier(db, {"--plugin", Fixture("fixture_faulty"), "check"});
  CHECK(broken.exit_code == 1);
  CHECK(broken.err == "dossier: checker broken threw: lost its place\n");
  CHECK(Dossier(db, {"check", "--checker", "nope"}).exit_code == 2);
  CHECK(Dossier(db, {"finding", "resolve", "finding:nope", "--reason", "x"}).exit_code == 1);
}

TEST_CASE("on a terminal, import, check and export draw a progress line, elsewhere nothing", "[cli][progress][backends]") {
  // script(1) gives the command a terminal; it is in Debian's essential set.
  if (access("/usr/bin/script", X_OK) != 0) {
    WARN("no /usr/bin/script: the progress line cannot be seen without a terminal");
    return;
  }
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "store.db");
  std::filesystem::create_directories(dir / "in");
  WriteFile(dir / "in/one.txt", "One\n\nAnna Berg met Tomas Ferreira in Marlow.\n");
  WriteFile(dir / "in/two.txt", "Two\n\nTomas Ferreira said the pier opens in May.\n");
  auto on_terminal = [&](const std::string& args) {
    return Run({"/usr/bin/script", "-q", "-e", "-c", DossierBinary() + " --db " + db + " " + args, "/dev/null"});
  };
  RunResult imported = on_terminal("import " + std::string(dir / "in"));
  INFO(imported.out);
  CHECK(imported.exit_code == 0);
  CHECK(imported.out.find("[2/2 files] ") != std::string::npos);
  RunResult checked = on_terminal("check");
  INFO(checked.out);
  // The first step is drawn; the next ones as often as ten times a second.
  CHECK(checked.out.find("steps] stories (grouping the documents)") != std::string::npos);
  RunResult exported = on_terminal("export html -o " + std::string(dir / "site"));
  INFO(exported.out);
  CHECK(exported.exit_code == 0);
  CHECK(exported.out.find(" files] ") != std::string::npos);
  // In a pipe or a log, not a byte of it.
  for (const auto& args : std::vector<std::vector<std::string>>{{"check"}, {"export", "html", "-o", dir / "site2"}}) {
    RunResult r = Dossier(db, args);
    CHECK(r.err.find("\x1b[K") == std::string::npos);
    CHECK(r.out.find("\x1b[K") == std::string::npos);
  }
}
