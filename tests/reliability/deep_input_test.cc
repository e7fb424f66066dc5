// Input nested absurdly deep, through the dossier binary: a JSONL record
// 50,000 levels deep (it used to overflow the stack and take the whole batch
// with it, on every re-run), deep JSON articles and JSON-LD, wiki templates
// nested 50,000 deep, paragraphs and headings long enough to overflow
// std::regex, and a search query of 60,000 parentheses. Each deep file is
// refused with its reason or read, and the rest of its batch lands.
#include <catch2/catch.hpp>

#include <filesystem>

#include "reliability/fixtures.h"
#include "reliability/store_checks.h"
#include "support/test_support.h"

using namespace dossier::testing;
namespace fs = std::filesystem;
namespace rel = dossier::testing::reliability;

namespace {

std::string Nest(const std::string& open, const std::string& close, size_t levels, const std::string& payload) {
  std::string out;
  for (size_t i = 0; i < levels; ++i) out += open;
  out += payload;
  for (size_t i = 0; i < levels; ++i) out += close;
  return out;
}

std::string Repeat(const std::string& s, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += s;
  return out;
}

const char* const kPerson = R"({"id":"person:ada-brook","type":"person","name":"Ada Brook"})";

}  // namespace

TEST_CASE("a JSONL record 50,000 levels deep is refused with its reason, the rest of the batch lands",
          "[hostile][depth]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in);
  WriteFile(in + "/a-note.txt", rel::Note(1));
  WriteFile(in + "/b-deep.jsonl",
            std::string(kPerson) + "\n" +
                R"({"id":"person:deep","type":"person","name":"Deep","properties":{"x-deep":)" +
                Nest("[", "]", 50000, "1") + "}}\n");
  WriteFile(in + "/c-records.jsonl", R"({"id":"person:lee-chan","type":"person","name":"Lee Chan"})" "\n");
  WriteFile(in + "/d-cable.txt", rel::Cable(4));
  const std::string db = dir / "store.db";
  const std::string reason =
      "dossier: " + in + "/b-deep.jsonl: line 2: JSON nested 50002 levels deep, over the limit of 64\n";

  for (int run = 1; run <= 2; ++run) {  // the second run meets the same file again
    INFO("run " << run);
    const RunResult r = Dossier(db, {"import", in});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == reason);
    CHECK(TableCounts(db).at("document") == 2);
    CHECK(QueryText(db, "SELECT count(*) FROM entity WHERE id = 'person:lee-chan'") == "1");
    // A file's records land together or not at all: the good line before the deep one is not kept.
    CHECK(QueryText(db, "SELECT count(*) FROM entity WHERE id IN ('person:ada-brook', 'person:deep')") == "0");
    CHECK(IntegrityCheck(db) == "ok");
  }
  // At the limit a record imports (the record, its properties and 62 arrays).
  WriteFile(dir / "edge.jsonl", R"({"id":"person:edge","type":"person","name":"Edge","properties":{"x-deep":)" +
                                    Nest("[", "]", 62, "1") + "}}\n");
  const RunResult edge = Dossier(db, {"import", dir / "edge.jsonl"});
  INFO(edge.err);
  CHECK(edge.exit_code == 0);
  const RunResult exported = Dossier(db, {"export", "jsonl", "-o", dir / "out.jsonl"});
  CHECK(exported.exit_code == 0);
  CHECK(ReadFile(dir / "out.jsonl").find(Nest("[", "]", 62, "1")) != std::string::npos);
}

TEST_CASE("deep JSON articles, JSON-LD and wiki templates, and huge paragraphs in news files", "[hostile][depth]") {
  TempDir dir;
  const std::string in = dir / "in";
  fs::create_directories(in);
  // A JSON article with one field nested 50,000 deep: refused, by name.
  WriteFile(in + "/a-deep.json", R"({"title":"Harbour vote","text":"The board voted.","extra":)" +
                                     Nest("[", "]", 50000, "1") + "}\n");
  // JSON Lines with one deep line between two articles: the articles land.
  WriteFile(in + "/b-lines.json", R"({"title":"Ferry","text":"The ferry left at noon."})" "\n" +
                                      Nest("[", "]", 50000, "1") + "\n" +
                                      R"({"title":"Tide","text":"The tide turned at six."})" "\n");
  // A page whose JSON-LD nests 30,000 deep: the page is read, the JSON-LD ignored (noted).
  WriteFile(in + "/c-page.html",
            "<!DOCTYPE html><html><head><title>Dredging plan</title><script type=\"application/ld+json\">" +
                Nest("{\"@graph\":[", "]}", 30000, "{}") +
                "</script></head><body><article><h1>Dredging plan</h1><p>The harbour board approved the "
                "dredging plan on Tuesday.</p></article></body></html>\n");
  // Wiki templates and links nested 50,000 deep: dropped as markup, the text kept.
  WriteFile(in + "/d-templates.wiki", "{{date|March 3, 2011}}\n\nThe harbour board met on Monday. " +
                                          Nest("{{w|", "}}", 50000, "Marlow") + " " + Nest("[[", "]]", 50000, "Port") +
                                          "\n\nThe vote was close.\n");
  // A heading line of 300 KB (std::regex recursed once per character of it).
  WriteFile(in + "/e-heading.wiki", "{{date|March 3, 2011}}\n\n== " + Repeat("Harbour ", 40000) +
                                        "==\n\nThe board met.\n");
  // Plain news with a 300 KB paragraph and a contributor line.
  WriteFile(in + "/f-long.txt", "Harbour vote\n\nBy Ada Brook\n\nMARLOW, Oregon (Reuters) - " +
                                    Repeat("The board voted again. ", 14000) +
                                    "\n\n(Lee Chan contributed to this report.)\n");
  WriteFile(in + "/g-note.txt", rel::Note(7));
  const std::string db = dir / "store.db";
  const RunResult r = Dossier(db, {"import", in});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  // The deep line of the JSON Lines file is skipped with a warning; its articles land.
  CHECK(r.err == "dossier: " + in + "/a-deep.json: JSON nested 50001 levels deep, over the limit of 64\n" +
                     "dossier: warning: " + in +
                     "/b-lines.json: line 2: JSON nested 50000 levels deep, over the limit of 64\n");
  CHECK(r.out.find("6 files imported (7 new documents), 0 unchanged, 1 failed") != std::string::npos);
  CHECK(TableCounts(db).at("document") == 7);
  CHECK(QueryText(db, "SELECT count(*) FROM document WHERE title IN ('Ferry', 'Tide')") == "2");
  CHECK(QueryText(db, "SELECT properties FROM entity WHERE name = 'Dredging plan'")
            .find("JSON-LD ignored: JSON nested 60001 levels deep, over the limit of 64") != std::string::npos);
  CHECK(QueryText(db, "SELECT count(*) FROM document WHERE text LIKE '%The vote was close.%'") == "1");
  CHECK(QueryText(db, "SELECT count(*) FROM document WHERE text LIKE '%The board voted again.%'") == "1");
  CHECK(IntegrityCheck(db) == "ok");
}

TEST_CASE("a search of deeply nested parentheses is answered, or refused by its length", "[hostile][depth]") {
  TempDir dir;
  const std::string db = dir / "store.db";
  WriteFile(dir / "note.txt", rel::Note(3));
  REQUIRE(Dossier(db, {"import", dir / "note.txt"}).exit_code == 0);
  // As deep as a search may be long (1,024 bytes): answered.
  const RunResult r = Dossier(db, {"search", Nest("(", ")", 500, "ferry")});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Harbor log 3") != std::string::npos);
  // 60,000 levels (one argument may not pass 128 KB, Linux's MAX_ARG_STRLEN):
  // one line, no crash.
  const RunResult deep = Dossier(db, {"search", Nest("(", ")", 60000, "ferry")});
  CHECK(deep.exit_code == 1);
  CHECK(deep.err == "dossier: the search is 120005 bytes long; at most 1024 are searched\n");
}

TEST_CASE("properties typed on the command line nest no deeper than a record may", "[hostile][depth]") {
  TempDir dir;
  const std::string db = dir / "store.db";
  REQUIRE(Dossier(db, {"init"}).exit_code == 0);
  auto props = [](size_t levels) { return "{\"x-deep\":" + Nest("[", "]", levels, "1") + "}"; };
  const RunResult deep = Dossier(db, {"add", "person", "Ada Brook", "--props", props(70)});
  CHECK(deep.exit_code == 2);
  CHECK(deep.err == "dossier: --props: JSON nested 71 levels deep, over the limit of 61\n");
  const RunResult value = Dossier(db, {"add", "person", "Ada Brook", "--prop", "x-deep=" + Nest("[", "]", 61, "1")});
  CHECK(value.exit_code == 2);
  CHECK(value.err == "dossier: --prop x-deep: JSON nested 61 levels deep, over the limit of 60\n");
  // At the limit, the person is added, and what is exported (its audit entry
  // too) imports again.
  const RunResult edge = Dossier(db, {"add", "person", "Ada Brook", "--props", props(60)});
  INFO(edge.err);
  REQUIRE(edge.exit_code == 0);
  REQUIRE(Dossier(db, {"export", "jsonl", "-o", dir / "out.jsonl"}).exit_code == 0);
  const RunResult again = Dossier(dir / "again.db", {"import", dir / "out.jsonl"});
  INFO(again.err);
  CHECK(again.exit_code == 0);
}
