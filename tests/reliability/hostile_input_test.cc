// Hostile input: a batch holding everything people feed an archive by
// mistake (empty files, binary junk named .txt, broken UTF-8, Latin-1 and
// Windows-1252, a 200 MB line, 100,000 nested HTML tags, a 50 MB JSONL line,
// a symlink loop, files that vanish or turn unreadable mid-batch). Each bad
// file gets one line naming the reason, the rest lands, the store stays whole.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>

#include "dossier/pipeline.h"
#include "reliability/fixtures.h"
#include "reliability/store_checks.h"
#include "support/test_support.h"

using namespace dossier;
using namespace dossier::testing;
namespace fs = std::filesystem;
namespace rel = dossier::testing::reliability;

namespace {

const Actor kActor{"test:hostile"};

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

const FileReport& Report(const ImportSummary& s, const std::string& suffix) {
  for (const auto& f : s.files) {
    if (EndsWith(f.path, suffix)) return f;
  }
  FAIL("no report for " << suffix);
  return s.files.front();
}

// Writes `size` bytes of one line (words, no line end) without holding them.
void WriteLongLine(const std::string& path, size_t size) {
  std::ofstream out(path, std::ios::binary);
  const std::string chunk = "tide ";
  std::string block;
  while (block.size() < (1 << 20)) block += chunk;
  block.resize(1 << 20);
  for (size_t written = 0; written < size; written += block.size()) {
    out.write(block.data(), static_cast<std::streamsize>(std::min(block.size(), size - written)));
  }
}

// The documents of a store opened by the kernel (for notes and text).
Document Get(Store& store, const std::string& id) {
  auto d = store.GetDocument(id);
  REQUIRE(d.ok());
  return std::move(d).value();
}

std::string Notes(const Document& d) { return d.properties.value("notes", Json::array()).dump(); }

// Makes a file unreadable in a way that works for the current user: chmod 000
// where permissions are enforced; as root (where they are not) the file is
// replaced by a FIFO nobody writes to, which a careless open() would hang on.
std::string MakeUnreadable(const std::string& path) {
  chmod(path.c_str(), 0);
  if (access(path.c_str(), R_OK) != 0) return "chmod 000";
  fs::remove(path);
  REQUIRE(mkfifo(path.c_str(), 0644) == 0);
  return "a FIFO";
}

}  // namespace

TEST_CASE("a hostile batch: every bad file reported by name, the rest imported, the store whole", "[hostile]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in + "/10-loop/inner");
  WriteFile(in + "/01-good.txt", rel::Note(1));
  WriteFile(in + "/02-empty.txt", "");
  {
    std::mt19937 rng(8);
    std::string junk(8192, '\0');
    for (auto& c : junk) c = static_cast<char>(rng() & 0xFF);
    junk[10] = '\0';
    WriteFile(in + "/03-binary.txt", junk);
  }
  // Mostly good UTF-8 with a few broken bytes: repaired, not re-read as Latin-1.
  WriteFile(in + "/04-broken-utf8.txt",
            "Caf\xC3\xA9 ledger\n\nThe cr\xC3\xA8me supplier \xE2\x80\x9C" "Brennicke\xE2\x80\x9D paid \xFF\xFE twice "
            "for the s\xC3\xA9" "same.\n");
  WriteFile(in + "/05-latin1-cable.txt", rel::Cable(501, " H\xC9L\xC8NE"));
  WriteFile(in + "/06-cp1252-cable.txt", rel::Cable(502, " \x93SEABRIGHT\x94 \x96 OK"));
  WriteLongLine(in + "/07-huge-line.txt", 200u << 20);
  // 100,000 levels would take the HTML parser minutes (its time grows with the
  // square of the depth): refused. 3,000 levels, still absurd, are read.
  auto nested = [](int levels) {
    std::string html = "<!DOCTYPE html><html><head><title>Deep page</title></head><body>";
    for (int i = 0; i < levels; ++i) html += "<div>";
    html += "<p>The innermost paragraph about Port Ostran.</p>";
    for (int i = 0; i < levels; ++i) html += "</div>";
    return html + "</body></html>\n";
  };
  WriteFile(in + "/08-nested.html", nested(100000));
  WriteFile(in + "/08b-nested.html", nested(3000));
  {
    std::ofstream out(in + "/09-big.jsonl", std::ios::binary);
    out << R"({"id":"doc:big-ledger","type":"document","name":"Big ledger","properties":{"kind":"text"},"text":")";
    // Long words: the size is the point, not millions of tokens to index.
    const std::string words = std::string(1023, 'l') + " ";
    for (size_t n = 0; n < (50u << 20); n += words.size()) out << words;
    out << "\"}\n";
  }
  WriteFile(in + "/10-loop/note.txt", rel::Note(10));
  fs::create_directory_symlink("..", in + "/10-loop/inner/up");   // a loop back to 10-loop
  fs::create_directory_symlink(in, in + "/10-loop/inner/top");    // and one to the top
  WriteFile(in + "/11-vanishes.txt", rel::Note(11));
  WriteFile(in + "/12-unreadable.txt", rel::Note(12));
  WriteFile(in + "/13-last.txt", rel::Note(13));

  const std::string db = dir / "store.db";
  StoreOptions create;
  create.create_if_missing = true;
  auto store = Store::Open(db, create);
  REQUIRE(store.ok());
  PluginHost host;
  host.LoadDefault();
  REQUIRE(host.errors().empty());

  // Mid-batch: once the first file is done (the walk has listed them all),
  // one file disappears and another turns unreadable.
  std::string unreadable_how;
  ImportOptions options;
  options.progress = [&](const ImportProgress& p) {
    if (EndsWith(p.current, "01-good.txt") && unreadable_how.empty()) {
      fs::remove(in + "/11-vanishes.txt");
      unreadable_how = MakeUnreadable(in + "/12-unreadable.txt");
    }
  };
  Pipeline pipeline(**store, host, kActor);
  auto summary = pipeline.Import({in}, options);
  REQUIRE(summary.ok());
  INFO("unreadable by " << unreadable_how);
  for (const auto& f : summary->files) {
    INFO(f.path << ": " << f.reason);
    // One line per problem, naming something.
    CHECK(f.reason.find('\n') == std::string::npos);
    if (f.outcome == FileReport::Outcome::kFailed) CHECK(!f.reason.empty());
  }

  CHECK(Report(*summary, "01-good.txt").outcome == FileReport::Outcome::kImported);
  CHECK(Report(*summary, "02-empty.txt").reason == "empty file");
  CHECK(Report(*summary, "03-binary.txt").reason == "no importer recognizes this file");

  const auto& broken = Report(*summary, "04-broken-utf8.txt");
  REQUIRE(broken.outcome == FileReport::Outcome::kImported);
  const Document repaired = Get(**store, broken.documents.at(0));
  CHECK(repaired.text.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD where the bad bytes were
  CHECK(repaired.text.find("cr\xC3\xA8me") != std::string::npos);  // the good UTF-8 kept as it was
  CHECK(Notes(repaired).find("U+FFFD") != std::string::npos);

  const auto& latin1 = Report(*summary, "05-latin1-cable.txt");
  REQUIRE(latin1.outcome == FileReport::Outcome::kImported);
  CHECK(latin1.importer == "cable");
  const Document l1 = Get(**store, latin1.documents.at(0));
  CHECK(l1.text.find("H\xC3\x89L\xC3\x88NE") != std::string::npos);
  CHECK(Notes(l1).find("Windows-1252") != std::string::npos);

  const auto& cp1252 = Report(*summary, "06-cp1252-cable.txt");
  REQUIRE(cp1252.outcome == FileReport::Outcome::kImported);
  CHECK(cp1252.importer == "cable");
  const Document w = Get(**store, cp1252.documents.at(0));
  CHECK(w.text.find("\xE2\x80\x9CSEABRIGHT\xE2\x80\x9D \xE2\x80\x93 OK") != std::string::npos);  // “SEABRIGHT” – OK

  const auto& huge = Report(*summary, "07-huge-line.txt");
  CHECK(huge.outcome == FileReport::Outcome::kFailed);
  CHECK(huge.reason.find("209715200 bytes, over the") != std::string::npos);

  CHECK(Report(*summary, "08-nested.html").reason == "HTML nested 100000 elements deep, over the limit of 5000");
  const auto& deep = Report(*summary, "08b-nested.html");
  REQUIRE(deep.outcome == FileReport::Outcome::kImported);
  CHECK(Get(**store, deep.documents.at(0)).text.find("innermost paragraph about Port Ostran") != std::string::npos);

  const auto& big = Report(*summary, "09-big.jsonl");
  REQUIRE(big.outcome == FileReport::Outcome::kImported);
  CHECK(Get(**store, "doc:big-ledger").text.size() >= (50u << 20));

  // The loop is walked once: the note inside it is imported once, nothing else repeats.
  int loop_notes = 0;
  for (const auto& f : summary->files) loop_notes += EndsWith(f.path, "note.txt") ? 1 : 0;
  CHECK(loop_notes == 1);
  CHECK(Report(*summary, "10-loop/note.txt").outcome == FileReport::Outcome::kImported);

  CHECK(Report(*summary, "11-vanishes.txt").outcome == FileReport::Outcome::kFailed);
  CHECK(Report(*summary, "11-vanishes.txt").reason.find("No such file") != std::string::npos);
  CHECK(Report(*summary, "12-unreadable.txt").outcome == FileReport::Outcome::kFailed);
  CHECK(Report(*summary, "13-last.txt").outcome == FileReport::Outcome::kImported);

  CHECK(summary->failed == 6);  // 02, 03, 07, 08, 11 and 12
  store->reset();
  CHECK(IntegrityCheck(db) == "ok");
  CHECK(TableCounts(db)["document"] == 8);

  // Through the binary: one "dossier: <file>: <reason>" line per bad file,
  // status 1, the good files imported. (Small files only: the big ones cost
  // seconds and take the same path as above.)
  const std::string small = dir / "small";
  fs::create_directories(small + "/loop");
  WriteFile(small + "/a-empty.txt", "");
  fs::copy_file(in + "/03-binary.txt", small + "/b-binary.txt");
  REQUIRE(mkfifo((small + "/c-fifo.txt").c_str(), 0644) == 0);
  WriteFile(small + "/d-cp1252-cable.txt", rel::Cable(503, " \x93" "ALDO\x94"));
  WriteFile(small + "/loop/e-note.txt", rel::Note(5));
  fs::create_directory_symlink("..", small + "/loop/again");
  const std::string db2 = dir / "cli.db";
  const RunResult r = Dossier(db2, {"import", small});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("dossier: " + small + "/a-empty.txt: empty file\n") != std::string::npos);
  CHECK(r.err.find("dossier: " + small + "/b-binary.txt: no importer recognizes this file\n") != std::string::npos);
  CHECK(r.err.find("dossier: " + small + "/c-fifo.txt: not a regular file\n") != std::string::npos);
  CHECK(Lines(r.err).size() == 3);
  CHECK(r.out.find("2 files imported (2 new documents), 0 unchanged, 3 failed") != std::string::npos);
  CHECK(IntegrityCheck(db2) == "ok");
  CHECK(TableCounts(db2)["document"] == 2);
}
