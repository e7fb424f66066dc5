// What leaves the machine: the exports meant to be handed over carry a
// document's file name, never the folders of the curator's machine, unless
// asked (--include-paths); JSON Lines, the backup, keeps the path as stored.
#include <catch2/catch.hpp>

#include <filesystem>

#include "export_support.h"

using namespace dossier;
using namespace dossier::testing;

namespace {

// Every file under path (a file or a folder), read whole.
std::string AllText(const std::filesystem::path& path) {
  if (!std::filesystem::is_directory(path)) return ReadFile(path);
  std::string all;
  for (const auto& e : std::filesystem::recursive_directory_iterator(path)) {
    if (e.is_regular_file()) all += ReadFile(e.path());
  }
  return all;
}

}  // namespace

TEST_CASE("exports handed over name a document's file, not the curator's folders", "[export][paths]") {
  ExportFixture f;
  // The fixture's memo was imported from /archive/pier memo.txt.
  for (const char* format : {"html", "ftm", "jsonld", "csv", "gexf", "graphml", "dot"}) {
    INFO(format);
    const std::string out = std::string("out-") + format;
    REQUIRE(f.Export(format, out).ok());
    const std::string text = AllText(f.dir / out);
    CHECK(text.find("/archive/") == std::string::npos);
  }
  // The file name is still there where the format has a place for it.
  CHECK(AllText(f.dir / "out-csv").find("pier memo.txt") != std::string::npos);
  CHECK(AllText(f.dir / "out-html").find("pier memo.txt") != std::string::npos);

  Selection with_paths;
  with_paths.include_paths = true;
  REQUIRE(f.Export("csv", "csv-paths", with_paths).ok());
  CHECK(AllText(f.dir / "csv-paths").find("/archive/pier memo.txt") != std::string::npos);
  REQUIRE(f.Export("jsonl", "backup.jsonl").ok());
  CHECK(ReadFile(f.dir / "backup.jsonl").find("/archive/pier memo.txt") != std::string::npos);
}

TEST_CASE("a source's file name: either separator, web links kept", "[export][paths]") {
  Selection s;
  CHECK(SourceToHandOver(s, "/home/ana/leaks/cable-17.txt") == "cable-17.txt");
  CHECK(SourceToHandOver(s, "C:\\Users\\ana\\notes.txt") == "notes.txt");
  CHECK(SourceToHandOver(s, "notes.txt") == "notes.txt");
  CHECK(SourceToHandOver(s, "https://news.example.org/a/b.html") == "https://news.example.org/a/b.html");
  s.include_paths = true;
  CHECK(SourceToHandOver(s, "/home/ana/leaks/cable-17.txt") == "/home/ana/leaks/cable-17.txt");
}
