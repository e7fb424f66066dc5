// An export never destroys: it writes a new file or folder, or replaces one a
// dossier export made; the store, its folder and anyone's other files are
// never its target (docs/exports.md, "Where an export goes"). Each case lists
// and hashes the folder around the target before and after.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "dossier/text.h"
#include "support/test_support.h"

using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

// Every file below `root` (relative path -> sha256 of its bytes), folders as
// "<dir>". The store's -wal and -shm come and go with connections: left out.
std::map<std::string, std::string> Listing(const std::string& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string rel = fs::relative(e.path(), root).string();
    if (rel.size() > 4 && (rel.substr(rel.size() - 4) == "-wal" || rel.substr(rel.size() - 4) == "-shm")) continue;
    out[rel] = e.is_directory() ? "<dir>" : dossier::Sha256Hex(ReadFile(e.path().string()));
  }
  return out;
}

RunResult MustRun(const std::string& db, const std::vector<std::string>& args) {
  RunResult r = Dossier(db, args);
  INFO("dossier " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

void CheckRefused(const RunResult& r, const std::string& contains) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(Lines(r.err).size() == 1);
  CHECK(r.err.find(contains) != std::string::npos);
}

// A project folder as a reporter keeps one: the store, notes, a subfolder.
struct Project {
  TempDir dir;
  std::string proj = dir / "proj";
  std::string db = proj + "/dossier.db";
  Project() {
    fs::create_directories(proj + "/notes");
    WriteFile(proj + "/notes/sources.txt", "call the harbour office back on Monday\n");
    WriteFile(proj + "/todo.md", "- check the tonnage figure\n");
    WriteFile(dir / "article.txt", "Nadia Okonkwo, the harbour board's chief engineer, said 40 cranes stood idle.\n");
    MustRun(db, {"init"});
    MustRun(db, {"import", dir / "article.txt"});
  }
};

}  // namespace

TEST_CASE("an export refuses the store's own folder, its files, and the folders above", "[export-safety]") {
  Project p;
  const auto before = Listing(p.dir.path());
  CheckRefused(Dossier(p.db, {"export", "html", "-o", p.proj}), "holds the store");
  CheckRefused(Dossier(p.db, {"export", "html", "-o", p.proj + "/"}), "holds the store");
  CheckRefused(Dossier(p.db, {"export", "csv", "-o", p.dir.path(), "--force"}), "holds the store");
  CheckRefused(Dossier(p.db, {"export", "jsonl", "-o", p.db}), "a file of the store itself");
  CheckRefused(Dossier(p.db, {"export", "jsonl", "-o", p.db, "--force"}), "a file of the store itself");
  CheckRefused(Dossier(p.db, {"export", "jsonl", "-o", p.db + "-wal"}), "a file of the store itself");
  // The same file reached another way is still the store.
  fs::create_symlink(p.db, p.dir / "link.db");
  CheckRefused(Dossier(p.db, {"export", "jsonl", "-o", p.dir / "link.db", "--force"}), "a file of the store itself");
  fs::remove(p.dir / "link.db");
  CHECK(Listing(p.dir.path()) == before);
  CHECK(MustRun(p.db, {"stats"}).out.find("documents") != std::string::npos);
}

TEST_CASE("an export replaces only what an export made, unless --force", "[export-safety]") {
  Project p;
  const std::string notes = p.proj + "/notes";
  const auto before = Listing(p.dir.path());
  CheckRefused(Dossier(p.db, {"export", "html", "-o", notes}), "no dossier export made");
  CheckRefused(Dossier(p.db, {"export", "jsonl", "-o", p.proj + "/todo.md"}), "not a dossier jsonl export");
  CheckRefused(Dossier(p.db, {"export", "gexf", "-o", p.proj + "/todo.md"}), "not a dossier gexf export");
  CHECK(Listing(p.dir.path()) == before);

  // New outputs, with and without a trailing slash, then replaced by the next run.
  MustRun(p.db, {"export", "html", "-o", p.dir / "site/"});
  CHECK(fs::exists(p.dir / "site/index.html"));
  CHECK(fs::exists(p.dir / "site/.dossier-export"));
  MustRun(p.db, {"export", "csv", "-o", p.dir / "sheets/"});
  MustRun(p.db, {"export", "html", "-o", p.dir / "site"});
  MustRun(p.db, {"export", "csv", "-o", p.dir / "sheets"});
  for (const char* format : {"jsonl", "ftm", "jsonld", "gexf", "graphml", "dot"}) {
    const std::string out = p.dir / (std::string("out.") + format);
    MustRun(p.db, {"export", format, "-o", out});
    MustRun(p.db, {"export", format, "-o", out});  // its own earlier output is replaced
  }
  // An empty folder or file holds nothing to lose.
  fs::create_directory(p.dir / "empty");
  MustRun(p.db, {"export", "html", "-o", p.dir / "empty"});
  WriteFile(p.dir / "empty.jsonl", "");
  MustRun(p.db, {"export", "jsonl", "-o", p.dir / "empty.jsonl"});

  // --force replaces someone's folder when asked.
  MustRun(p.db, {"export", "html", "-o", notes, "--force"});
  CHECK(fs::exists(notes + "/index.html"));
  CHECK(!fs::exists(notes + "/sources.txt"));
}

TEST_CASE("the next export removes what a killed export left", "[export-safety]") {
  Project p;
  // A process that has ended: its pid names the debris of a killed export.
  const pid_t child = fork();
  if (child == 0) _exit(0);
  REQUIRE(waitpid(child, nullptr, 0) == child);
  const std::string pid = std::to_string(child);
  fs::create_directories(p.dir / ("site.tmp-" + pid + "-42"));
  WriteFile(p.dir / ("site.tmp-" + pid + "-42") + "/index.html", "half");
  WriteFile(p.dir / ("out.jsonl.tmp-" + pid + "-7"), "{\"id\":");
  // A file that only looks alike stays.
  WriteFile(p.dir / "site.tmp-notes", "mine");
  MustRun(p.db, {"export", "html", "-o", p.dir / "site"});
  MustRun(p.db, {"export", "jsonl", "-o", p.dir / "out.jsonl"});
  CHECK(!fs::exists(p.dir / ("site.tmp-" + pid + "-42")));
  CHECK(!fs::exists(p.dir / ("out.jsonl.tmp-" + pid + "-7")));
  CHECK(fs::exists(p.dir / "site.tmp-notes"));

  // Killed between moving the old export aside and putting the new one in
  // place: the old one comes back (here the export that finds it then fails
  // on its selection, so what is left is what the sweep did).
  fs::rename(p.dir / "site", p.dir / ("site.old.tmp-" + pid + "-3"));
  MustRun(p.db, {"export", "jsonl", "-o", p.dir / "site.jsonl"});  // another target: nothing swept
  CHECK(fs::exists(p.dir / ("site.old.tmp-" + pid + "-3")));
  CHECK(Dossier(p.db, {"export", "html", "-o", p.dir / "site", "--about", "No Such Person"}).exit_code == 1);
  CHECK(!fs::exists(p.dir / ("site.old.tmp-" + pid + "-3")));
  CHECK(fs::exists(p.dir / "site/index.html"));
}
