// The command line as an attacker and a hurried user meet it: names that
// carry terminal escape sequences are printed escaped; a FIFO among the
// plugins does not hang; a plugin named with --plugin that fails to load
// fails the command; an empty --db, --limit 0 and a search of hundreds of
// words get one clear line; a store the user may only read is readable.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "support/test_support.h"

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

RunResult MustRun(const std::string& db, const std::vector<std::string>& args) {
  RunResult r = Dossier(db, args);
  INFO("dossier " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

void CheckOneLine(const RunResult& r, int code, const std::string& contains) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == code);
  CHECK(Lines(r.err).size() == 1);
  CHECK(r.err.find(contains) != std::string::npos);
}

bool HasRawControl(const std::string& s) {
  for (unsigned char c : s) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
  }
  return s.find("\xc2\x9b") != std::string::npos;
}

}  // namespace

TEST_CASE("names with terminal escape sequences are printed escaped", "[terminal]") {
  TempDir dir;
  const std::string db = dir / "t.db";
  MustRun(db, {"init"});
  const std::string hostile = "Ruth\x1b[2J\x1b]0;owned\x07 Amari\r\xc2\x9b" "31m";
  MustRun(db, {"add", "person", hostile});
  std::string note = "A title\x1b[31m in red\n\n";
  for (int i = 0; i < 20; ++i) note += "Ruth Amari met the mayor of Lamu and spoke of the harbour.\n";
  WriteFile(dir / "note.txt", note);
  MustRun(db, {"import", dir / "note.txt"});
  std::string id;
  for (const auto& line : Lines(MustRun(db, {"list", "person", "--json"}).out)) {
    const auto j = nlohmann::json::parse(line);
    if (j["name"].get<std::string>().find('\x1b') != std::string::npos) id = j["id"];
  }
  REQUIRE(!id.empty());
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"list", "person"}, {"show", id}, {"search", "Ruth"}, {"list", "document"},
        {"log"}}) {
    const RunResult r = MustRun(db, args);
    INFO("dossier " << args.front() << ": " << r.out);
    CHECK(!HasRawControl(r.out));
    CHECK(!HasRawControl(r.err));
  }
  const std::string shown = MustRun(db, {"list", "person"}).out;
  CHECK(shown.find("Ruth\\x1b[2J\\x1b]0;owned\\x07 Amari\\x0d\\u009b31m") != std::string::npos);
  // Errors name what was typed, escaped too.
  const RunResult missing = Dossier(db, {"show", "Nobody\x1b[2J"});
  CHECK(missing.exit_code == 1);
  CHECK(!HasRawControl(missing.err));
  // JSON Lines carry the name as data, escaped the JSON way.
  CHECK(MustRun(db, {"list", "person", "--json"}).out.find("\\u001b[2J") != std::string::npos);
}

TEST_CASE("a FIFO named like a plugin is skipped with a warning, never opened", "[terminal]") {
  TempDir dir;
  const std::string db = dir / "t.db";
  MustRun(db, {"init"});
  fs::create_directories(dir / "plugins");
  REQUIRE(mkfifo((dir / "plugins/x.so").c_str(), 0644) == 0);
  const std::vector<std::string> env = {"DOSSIER_PLUGIN_PATH=" + dir / "plugins"};
  WriteFile(dir / "note.txt", "Ruth Amari met the mayor of Lamu.\n");
  // Run under timeout: before the fix each of these waited for a writer forever.
  for (const std::vector<std::string>& args : {std::vector<std::string>{"plugins"}, {"import", dir / "note.txt"},
                                               {"export", "jsonl", "-o", dir / "out.jsonl"}}) {
    std::vector<std::string> argv = {"timeout", "60", DossierBinary(), "--db", db};
    argv.insert(argv.end(), args.begin(), args.end());
    const RunResult r = Run(argv, env);
    INFO("dossier " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code != 124);  // not killed by the timeout
    CHECK(r.err.find("x.so: not a regular file") != std::string::npos);
  }
  CHECK(fs::exists(dir / "out.jsonl"));
}

TEST_CASE("a plugin named with --plugin must load", "[terminal]") {
  TempDir dir;
  const std::string db = dir / "t.db";
  MustRun(db, {"init"});
  WriteFile(dir / "fake.so", "not a library at all");
  const RunResult r = Dossier(db, {"--plugin", dir / "fake.so", "stats"});
  CheckOneLine(r, 1, "fake.so: not a loadable shared library (no ELF header");
  CHECK(r.out.empty());
  CHECK(r.err.find("Bad file descriptor") == std::string::npos);
  CheckOneLine(Dossier(db, {"--plugin", dir / "missing.so", "stats"}), 1, "missing.so: no such file");
}

TEST_CASE("usage mistakes get one clear line", "[terminal]") {
  TempDir dir;
  const std::string db = dir / "t.db";
  MustRun(db, {"init"});
  CheckOneLine(Run({DossierBinary(), "--db", "", "stats"}), 2, "--db needs a store file");
  const RunResult zero = Dossier(db, {"search", "harbour", "--limit", "0"});
  CheckOneLine(zero, 2, "--limit");
  CHECK(zero.err.find("0.000000") == std::string::npos);
  std::string many;
  for (int i = 0; i < 100; ++i) many += "the ";
  CheckOneLine(Dossier(db, {"search", many}), 1, "the search has 100 words; at most 64");
  CheckOneLine(Dossier(db, {"search", std::string(5000, 'a')}), 1, "bytes long; at most 1024");
}

TEST_CASE("a store the user may only read can be read, and refuses writes with one line", "[terminal]") {
  TempDir dir;
  const std::string db = dir / "ro.db";
  MustRun(db, {"init"});
  WriteFile(dir / "note.txt", "Ruth Amari met the mayor of Lamu.\n");
  MustRun(db, {"import", dir / "note.txt"});
  // Root reads and writes whatever the mode bits say, so as root the reader is
  // another user, nobody, who may read the folder and the file but write
  // neither; anyone else is made a reader by the mode bits.
  const bool root = geteuid() == 0;
  REQUIRE(chmod(db.c_str(), 0444) == 0);
  REQUIRE(chmod(dir.path().c_str(), 0555) == 0);
  struct Restore {
    std::string dir;
    ~Restore() { chmod(dir.c_str(), 0700); }
  } restore{dir.path()};
  auto as_nobody = [&](const std::vector<std::string>& args) {
    std::vector<std::string> argv = {DossierBinary(), "--db", db};
    if (root) argv.insert(argv.begin(), {"runuser", "-u", "nobody", "--"});
    argv.insert(argv.end(), args.begin(), args.end());
    return Run(argv);
  };
  // The build may sit where "nobody" cannot reach it (a clone in a 0700
  // mktemp folder): then there is no one to test as.
  if (root && Run({"runuser", "-u", "nobody", "--", "test", "-x", DossierBinary()}).exit_code != 0) {
    WARN("skipped: user nobody cannot execute " << DossierBinary() << " (a parent folder is closed to it)");
    return;
  }
  const std::vector<std::pair<std::vector<std::string>, std::string>> reads = {
      {{"search", "Lamu"}, "Lamu"},          {{"show", "Ruth Amari"}, "Lamu"},
      {{"list", "person"}, "Ruth Amari"},    {{"stats"}, "documents      1"},
      {{"export", "jsonl", "-o", "-"}, "Lamu"}};
  for (const auto& [args, expected] : reads) {
    const RunResult r = as_nobody(args);
    INFO("dossier " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(expected) != std::string::npos);
  }
  CheckOneLine(as_nobody({"add", "person", "Ivo Sarr"}), 1, "read-only");
}
