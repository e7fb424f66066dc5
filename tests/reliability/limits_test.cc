// Resource limits through the binary: --max-document-mb refuses a document
// over it, --max-batch-mb refuses a file an importer would read whole and a
// document whose facts (as the extractors find them) would take more memory; each
// with one line naming the file, both sizes and the limit, and the rest of
// the batch imported.
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

std::string Repeat(const std::string& s, size_t bytes) {
  std::string out;
  out.reserve(bytes + s.size());
  while (out.size() < bytes) out += s;
  out.resize(bytes);
  return out;
}

}  // namespace

TEST_CASE("the per-document limit refuses a larger document from any importer, by name", "[limits]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in);
  WriteFile(in + "/a-long.txt", "Long ledger\n\n" + Repeat("tide and ferry ", 3u << 20));
  WriteFile(in + "/b-long.jsonl", R"({"id":"doc:long-record","type":"document","name":"Long record","properties":{"kind":"text"},"text":")" +
                                      Repeat("ledger ", 2u << 20) + "\"}\n");
  WriteFile(in + "/c-short.txt", rel::Note(3));
  const std::string db = dir / "store.db";
  const RunResult r = Dossier(db, {"import", "--max-document-mb", "1", in});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("dossier: " + in + "/a-long.txt: doc:a-long is " + std::to_string((3u << 20) + 13) +
                   " bytes, over the per-document limit of 1048576\n") != std::string::npos);
  CHECK(r.err.find("dossier: " + in + "/b-long.jsonl: line 1: doc:long-record is 2097152 bytes, over the per-document "
                   "limit of 1048576\n") != std::string::npos);
  CHECK(Lines(r.err).size() == 2);
  CHECK(TableCounts(db).at("document") == 1);
  CHECK(IntegrityCheck(db) == "ok");
}

TEST_CASE("the per-batch memory limit bounds a file read whole and a document with its facts", "[limits]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in);
  // Read whole by the text importer: refused before it is read.
  const std::string big = "Big ledger\n\n" + Repeat("tide and ferry ", 3u << 20);
  WriteFile(in + "/a-big.txt", big);
  // Small text, but a name in every sentence: the extractors' mentions make it
  // far larger in memory than on disk.
  WriteFile(in + "/b-crowded.txt",
            "Crowded ledger\n\n" + Repeat("Otto Brennicke met Ilse Marangoni in Port Ostran. ", 700u << 10));
  // An interchange record is bounded as one unit too.
  WriteFile(in + "/b-record.jsonl", R"({"id":"doc:wide-record","type":"document","name":"Wide","properties":{"kind":"text"},"text":")" +
                                        Repeat("ledger ", 3u << 20) + "\"}\n");
  WriteFile(in + "/c-short.txt", rel::Note(3));
  const std::string db = dir / "store.db";
  const RunResult r = Dossier(db, {"import", "--max-batch-mb", "2", in});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("dossier: " + in + "/a-big.txt: file is " + std::to_string(big.size()) +
                   " bytes, over the per-batch memory limit of 2097152\n") != std::string::npos);
  // The recognizer counts what it finds as it goes and stops at the limit.
  CHECK(r.err.find("dossier: " + in + "/b-crowded.txt: doc:b-crowded: extractor ner failed: the document with the names "
                   "found in it would hold more than ") != std::string::npos);
  CHECK(r.err.find(" bytes, over the per-batch memory limit of 2097152\n") != std::string::npos);
  CHECK(r.err.find("dossier: " + in + "/b-record.jsonl: line 1: doc:wide-record is about ") != std::string::npos);
  CHECK(Lines(r.err).size() == 3);
  CHECK(TableCounts(db).at("document") == 1);
  CHECK(IntegrityCheck(db) == "ok");

  // Without the bound (default 128 MB) the crowded document is imported.
  const RunResult again = Dossier(db, {"import", in + "/b-crowded.txt"});
  INFO(again.err);
  CHECK(again.exit_code == 0);
  CHECK(TableCounts(db).at("document") == 2);
}

TEST_CASE("a JSONL file that is one endless line is refused at 256 MB, not read whole", "[limits]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in);
  {
    std::ofstream out(in + "/a-endless.jsonl", std::ios::binary);
    out << R"({"id":"doc:endless","type":"document","name":"Endless","properties":{"kind":"text"},"text":")";
    const std::string block = Repeat("ledger ", 1u << 20);
    for (int i = 0; i < 257; ++i) out << block;
  }
  WriteFile(in + "/b-short.txt", rel::Note(2));
  const std::string db = dir / "store.db";
  const RunResult r = Dossier(db, {"import", in});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err == "dossier: " + in + "/a-endless.jsonl: line 1 is longer than 268435456 bytes\n");
  CHECK(TableCounts(db).at("document") == 1);
  CHECK(IntegrityCheck(db) == "ok");
}

TEST_CASE("a limit out of range is a usage error naming the option, not an overflow", "[limits]") {
  TempDir dir;
  const std::string db = dir / "store.db";
  WriteFile(dir / "note.txt", rel::Note(1));
  for (const char* option : {"--max-document-mb", "--max-batch-mb"}) {
    for (const char* value : {"0", "-3", "9223372036854775807", "8796093022208"}) {
      const RunResult r = Dossier(db, {"import", option, value, dir / "note.txt"});
      INFO(option << " " << value << ": " << r.err);
      CHECK(r.exit_code == 2);
      CHECK(r.err.find(std::string(option) + ": Value " + value + " not in range 1 to 1073741824") != std::string::npos);
      CHECK(Lines(r.err).size() == 1);
    }
  }
  CHECK_FALSE(fs::exists(db));  // nothing was opened, let alone written
}
