// The per-batch memory limit counted with what importers and extractors
// build, on a million short lines ("¶1." under each other, 5 MB): each
// reader either imports it within the limit or refuses it, with one line
// naming the file and the reason, while counting what it would build, so
// the refusal comes before the memory is taken (a million paragraphs took
// 380 MB to 940 MB before they were refused). The rest of the batch lands.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "reliability/fixtures.h"
#include "reliability/store_checks.h"
#include "support/test_support.h"

using namespace dossier::testing;
namespace fs = std::filesystem;
namespace rel = dossier::testing::reliability;

namespace {

constexpr int kLines = 1000000;
const std::string kLimit = std::to_string(16 << 20);

// A million "¶1." lines; blank lines between them when `paragraphs`.
void WriteLines(const std::string& path, bool paragraphs) {
  std::ofstream out(path, std::ios::binary);
  const std::string line = paragraphs ? "\xC2\xB6" "1.\n\n" : "\xC2\xB6" "1.\n";
  for (int i = 0; i < kLines; ++i) out << line;
}

}  // namespace

TEST_CASE("a million one-line paragraphs are refused as they are counted, a million lines of one paragraph imported",
          "[limits]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in);
  WriteLines(in + "/a-lines.txt", false);      // one paragraph of a million lines
  WriteLines(in + "/b-paragraphs.txt", true);  // a million paragraphs
  WriteFile(in + "/c-short.txt", rel::Note(1));
  const std::string db = dir / "store.db";
  const RunResult r = Dossier(db, {"import", "--max-batch-mb", "16", in});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("dossier: " + in + "/b-paragraphs.txt: the document with its paragraphs would hold more than ") == 0);
  CHECK(r.err.find(" bytes, over the per-batch memory limit of " + kLimit + "\n") != std::string::npos);
  CHECK(Lines(r.err).size() == 1);
  // The long one is whole: every line of its text, in one paragraph.
  REQUIRE(DocumentsFrom(db, in + "/a-lines.txt").size() == 1);
  CHECK(DocumentShapes(db).at(DocumentsFrom(db, in + "/a-lines.txt")[0]) == "1/0/0/" + std::to_string(5 * kLines));
  CHECK(DocumentsFrom(db, in + "/c-short.txt").size() == 1);
  CHECK(TableCounts(db).at("document") == 2);
  CHECK(IntegrityCheck(db) == "ok");
}

TEST_CASE("the cable and news readers count a million short lines before reading them", "[limits]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in);
  WriteLines(in + "/a-lines.txt", false);
  const std::string db = dir / "store.db";
  // Each line would become a paragraph with its properties (and a note on
  // its repeated number): refused by the count, before any is built.
  const RunResult cable = Dossier(db, {"import", "--max-batch-mb", "16", "--as", "cable", in + "/a-lines.txt"});
  INFO(cable.err);
  CHECK(cable.exit_code == 1);
  CHECK(cable.err.find("dossier: " + in + "/a-lines.txt: the cable's 1000000 lines would hold more than ") == 0);
  CHECK(cable.err.find(" bytes, over the per-batch memory limit of " + kLimit + "\n") != std::string::npos);
  CHECK(Lines(cable.err).size() == 1);
  const RunResult news = Dossier(db, {"import", "--max-batch-mb", "16", "--as", "news", in + "/a-lines.txt"});
  INFO(news.err);
  CHECK(news.exit_code == 1);
  CHECK(news.err.find("dossier: " + in + "/a-lines.txt: the article with its 1000000 lines and tags would hold more than ") ==
        0);
  CHECK(Lines(news.err).size() == 1);
  CHECK(TableCounts(db).at("document") == 0);
}
