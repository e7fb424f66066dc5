// The import pipeline, checks and exports, through the SDK with the real
// plugins (and the faulty fixture plugin for failures).
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <thread>

#include "dossier/pipeline.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::DumpStore;
using dossier::testing::TempDir;
using dossier::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

const Actor kActor{"test:pipeline"};

struct Fixture {
  TempDir dir;
  std::string db = dossier::testing::StoreAt(dir, "store.db");
  std::unique_ptr<Store> store;
  PluginHost host;

  Fixture() {
    StoreOptions options;
    options.create_if_missing = true;
    store = std::move(Store::Open(db, options)).value();
    host.LoadDefault({std::string(DOSSIER_FIXTURE_PLUGIN_DIR) + "/fixture_faulty.so"});
    REQUIRE(host.errors().empty());
  }

  ImportSummary Import(const std::vector<std::string>& paths, ImportOptions options = {}) {
    Pipeline p(*store, host, kActor);
    auto r = p.Import(paths, options);
    REQUIRE(r.ok());
    return std::move(r).value();
  }

  const FileReport& Report(const ImportSummary& s, const std::string& suffix) {
    for (const auto& f : s.files) {
      if (f.path.size() >= suffix.size() && f.path.substr(f.path.size() - suffix.size()) == suffix) return f;
    }
    FAIL("no report for " << suffix);
    return s.files.front();
  }
};

}  // namespace

TEST_CASE("a folder is imported recursively, what no importer reads is reported by name", "[pipeline]") {
  Fixture f;
  const std::string in = f.dir / "in";
  fs::create_directories(in + "/sub/deeper");
  WriteFile(in + "/a.txt", "First note\n\nIt has two paragraphs.\n");
  WriteFile(in + "/sub/b.txt", "Second note\r\nwith Windows line ends\r\n");
  WriteFile(in + "/sub/deeper/c.md", "Third note, in caf\xe9 Latin-1.\n");
  WriteFile(in + "/sub/blob.bin", std::string("\x7f" "ELF\0\0\0binary", 13));
  WriteFile(in + "/sub/empty.txt", "");

  ImportSummary s = f.Import({in});
  CHECK(s.imported == 3);
  CHECK(s.failed == 2);
  CHECK(s.documents == 3);
  CHECK(f.Report(s, "blob.bin").reason == "no importer recognizes this file");
  CHECK(f.Report(s, "empty.txt").reason == "empty file");
  CHECK(f.Report(s, "a.txt").importer == "text");

  auto a = f.store->GetDocument("doc:a");
  REQUIRE(a.ok());
  CHECK(a->title == "First note");
  CHECK(a->paragraphs.size() == 2);
  CHECK(a->properties["importer"] == "text");
  auto b = f.store->GetDocument("doc:b");
  REQUIRE(b.ok());
  CHECK(b->text == "Second note\nwith Windows line ends\n");
  CHECK(b->properties["notes"][0] == "line ends converted to LF");
  auto c = f.store->GetDocument("doc:c");
  REQUIRE(c.ok());
  CHECK(c->text.find("café") != std::string::npos);
  CHECK(c->properties["notes"][0].get<std::string>().find("Windows-1252") != std::string::npos);
}

TEST_CASE("importing the same bytes again changes nothing", "[pipeline]") {
  Fixture f;
  const std::string in = f.dir / "in";
  fs::create_directories(in);
  WriteFile(in + "/a.txt", "A note\n\nbody\n");
  WriteFile(in + "/b.txt", "B note\n\nbody\n");
  f.Import({in});
  const std::string before = DumpStore(f.db, true);
  ImportSummary again = f.Import({in});
  CHECK(again.unchanged == 2);
  CHECK(again.imported == 0);
  CHECK(DumpStore(f.db, true) == before);

  // --force reads them again; the documents are still unchanged.
  const std::string data = DumpStore(f.db);
  ImportOptions force;
  force.force = true;
  ImportSummary forced = f.Import({in}, force);
  CHECK(forced.unchanged == 2);
  CHECK(DumpStore(f.db) == data);
}

TEST_CASE("copies of one file in one import: the first is imported, the rest are unchanged", "[pipeline]") {
  // The writer thread runs behind the reading thread; a copy must still find
  // the first one recorded, whether it comes right after it or later.
  Fixture f;
  const std::string in = f.dir / "in";
  fs::create_directories(in);
  const std::string note = "A note\n\nbody\n";
  WriteFile(in + "/a.txt", note);
  WriteFile(in + "/b.txt", note);
  WriteFile(in + "/c.txt", "Another note\n\nbody\n");
  WriteFile(in + "/d.txt", note);
  ImportOptions options;
  const auto caller = std::this_thread::get_id();
  int calls = 0, elsewhere = 0;
  options.progress = [&](const ImportProgress&) {
    ++calls;
    elsewhere += std::this_thread::get_id() != caller;
  };
  ImportSummary s = f.Import({in}, options);
  CHECK(s.imported == 2);
  CHECK(s.unchanged == 2);
  CHECK(s.documents == 2);
  for (const char* copy : {"b.txt", "d.txt"}) {
    const FileReport& r = f.Report(s, copy);
    INFO(copy);
    CHECK(r.outcome == FileReport::Outcome::kUnchanged);
    CHECK(r.documents == std::vector<std::string>{"doc:a"});
  }
  CHECK(f.store->GetStats()->documents == 2);
  CHECK(calls == 5);  // at the start and after each file
  CHECK(elsewhere == 0);
}

TEST_CASE("a file whose only document the store refuses fails with the store's reason", "[pipeline][fault]") {
  // The store writes on the writer thread after the importer has moved on
  // (here, to a warning): the file's reason is still the refusal.
  Fixture f;
  const std::string path = f.dir / "x.refused";
  WriteFile(path, "anything\n");
  ImportSummary s = f.Import({path});
  REQUIRE(s.files.size() == 1);
  const FileReport& r = s.files[0];
  CHECK(r.outcome == FileReport::Outcome::kFailed);
  CHECK(r.reason.find("is not a span of the document text") != std::string::npos);
  CHECK(r.documents_failed == 1);
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[1] == "a note after the refused document");
  CHECK(f.store->GetStats()->documents == 0);
}

TEST_CASE("a changed file at the same path replaces its document", "[pipeline]") {
  Fixture f;
  const std::string path = f.dir / "memo.txt";
  WriteFile(path, "Budget memo\n\nWe need 10 more.\n");
  f.Import({path});
  WriteFile(path, "Budget memo\n\nWe need 12 more.\n");
  ImportSummary s = f.Import({path});
  CHECK(s.imported == 1);
  auto d = f.store->GetDocument("doc:memo");
  REQUIRE(d.ok());
  CHECK(d->text.find("12 more") != std::string::npos);
  CHECK(f.store->GetStats()->documents == 1);

  // The same name from another folder is another document.
  fs::create_directories(f.dir / "other");
  WriteFile(f.dir / "other/memo.txt", "A different memo\n");
  f.Import({f.dir / "other/memo.txt"});
  CHECK(f.store->GetDocument("doc:memo-2").ok());
}

TEST_CASE("importing with a named importer, as a dry run, or from a missing path", "[pipeline]") {
  Fixture f;
  const std::string text = f.dir / "note.txt";
  WriteFile(text, "plain words\n");

  ImportOptions as_jsonl;
  as_jsonl.as = "jsonl";
  ImportSummary s = f.Import({text}, as_jsonl);
  CHECK(s.failed == 1);
  CHECK(s.files[0].reason == "line 1: not valid JSON");

  ImportOptions unknown;
  unknown.as = "nope";
  Pipeline p(*f.store, f.host, kActor);
  auto bad = p.Import({text}, unknown);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("no importer named nope") != std::string::npos);

  const std::string before = DumpStore(f.db, true);
  ImportOptions dry;
  dry.dry_run = true;
  ImportSummary d = f.Import({text, f.dir / "missing.txt"}, dry);
  CHECK(d.imported == 1);
  CHECK(d.failed == 1);
  CHECK(f.Report(d, "missing.txt").reason == "no such file or folder");
  CHECK(DumpStore(f.db, true) == before);
}

TEST_CASE("a symbolic link loop does not trap the walk", "[pipeline]") {
  Fixture f;
  const std::string in = f.dir / "loop";
  fs::create_directories(in + "/inner");
  WriteFile(in + "/inner/x.txt", "x\n");
  fs::create_directory_symlink("..", in + "/inner/up");
  fs::create_symlink(in + "/nowhere", in + "/dangling.txt");
  ImportSummary s = f.Import({in});
  CHECK(s.imported == 1);
  CHECK(s.failed == 1);
  CHECK(f.Report(s, "dangling.txt").reason == "a broken symbolic link");
}

TEST_CASE("a component that throws fails only its own work", "[pipeline][fault]") {
  Fixture f;
  WriteFile(f.dir / "ok.txt", "A fine document\n");
  WriteFile(f.dir / "trip.txt", "This one has a TRIPWIRE in it\n");
  WriteFile(f.dir / "bad.boom", "anything\n");
  ImportSummary s = f.Import({f.dir / "ok.txt", f.dir / "trip.txt", f.dir / "bad.boom"});
  CHECK(f.Report(s, "ok.txt").outcome == FileReport::Outcome::kImported);
  const auto& trip = f.Report(s, "trip.txt");
  CHECK(trip.outcome == FileReport::Outcome::kFailed);
  CHECK(trip.reason == "doc:trip: extractor tripwire threw: tripped");
  const auto& boom = f.Report(s, "bad.boom");
  CHECK(boom.outcome == FileReport::Outcome::kFailed);
  CHECK(boom.reason.find("importer boom threw: malformed frobnitz in") == 0);
  // Nothing of the tripped document is stored: no document, no "Trip Wire".
  CHECK_FALSE(f.store->GetDocument("doc:trip").ok());
  CHECK(f.store->Resolve("Trip Wire").status().code() == Status::Code::kNotFound);
  // The boom importer's first document was whole when it was emitted, so it stays.
  CHECK(f.store->GetStats()->documents == 2);

  // A checker that throws stores nothing.
  Pipeline p(*f.store, f.host, kActor);
  auto reports = p.Check({"broken"});
  REQUIRE(reports.ok());
  // Stories are grouped first (the checkers compare their documents).
  REQUIRE(reports->size() == 2);
  CHECK(reports->at(0).checker == "stories");
  CHECK(reports->at(0).status.ok());
  CHECK_FALSE(reports->at(1).status.ok());
  CHECK(reports->at(1).status.message() == "checker broken threw: lost its place");
  CHECK(f.store->GetStats()->findings == 0);

  // An exporter that fails leaves no file behind, and an earlier export untouched.
  const std::string out = f.dir / "out.txt";
  WriteFile(out, "previous export\n");
  ExportOptions force;
  force.force = true;  // the file is not one an export made
  Status st = p.Export("broken", {}, out, force);
  CHECK(st.message() == "the exporter gave up halfway");
  CHECK(dossier::testing::ReadFile(out) == "previous export\n");
  for (const auto& e : fs::directory_iterator(f.dir.path())) {
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  }
}

TEST_CASE("an import commits in groups, a failed group commit stops it and says what was not kept", "[pipeline][group][backends]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in);
  // More files than one group holds (256 documents), so the import commits
  // at least twice.
  for (int i = 0; i < 300; ++i) {
    WriteFile(in + "/note" + std::to_string(1000 + i) + ".txt",
              "Note " + std::to_string(i) + "\n\nAda Quill filed note " + std::to_string(i) + ".\n");
  }
  PluginHost host;
  host.LoadDefault();
  int commits = 0, fail_at_commit = 0;
  StoreOptions options;
  options.create_if_missing = true;
  options.fault_hook = [&](std::string_view point) {
    if (point == "group-commit" && ++commits == fail_at_commit) throw std::runtime_error("injected fault at commit");
  };
  const std::string db = dossier::testing::StoreAt(dir, "store.db");
  auto store = Store::Open(db, options);
  REQUIRE(store.ok());

  // The second commit fails: the first group's files are kept, the rest are not.
  fail_at_commit = 2;
  Pipeline pipeline(**store, host, kActor);
  auto failed = pipeline.Import({in}, {});
  REQUIRE_FALSE(failed.ok());
  INFO(failed.status().message());
  CHECK(failed.status().message().find("were not kept (import them again)") != std::string::npos);
  CHECK(failed.status().message().find("injected fault at commit") != std::string::npos);
  const int64_t kept = (*store)->GetStats()->documents;
  CHECK(kept > 0);  // the first group (256 documents, or fewer if it took over 0.25 s)
  CHECK(kept <= 256);

  // Importing again writes the rest; the store then equals a clean import.
  fail_at_commit = 0;
  auto again = pipeline.Import({in}, {});
  REQUIRE(again.ok());
  CHECK(again->imported == 300 - kept);
  CHECK(again->unchanged == kept);
  CHECK(commits >= 3);

  TempDir clean_dir;
  const std::string clean_db = dossier::testing::StoreAt(clean_dir, "store.db");
  StoreOptions clean_options;
  clean_options.create_if_missing = true;
  auto clean = Store::Open(clean_db, clean_options);
  REQUIRE(clean.ok());
  Pipeline clean_pipeline(**clean, host, kActor);
  REQUIRE(clean_pipeline.Import({in}, {}).ok());
  // Equal but for the times things were written.
  const std::regex time(R"(\d{4}-\d\d-\d\dT[0-9:.]+Z)");
  CHECK(std::regex_replace(DumpStore(db), time, "T") == std::regex_replace(DumpStore(clean_db), time, "T"));
}
