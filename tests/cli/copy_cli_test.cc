// `dossier copy FROM TO`: a whole store into a new one, a file to a database
// on a server and back, exact as the JSONL round trip (docs/design.md,
// "Backends"). On the PostgreSQL run the middle store is on the server.
#include <catch2/catch.hpp>

#include "examples_store.h"
#include "support/test_support.h"

using namespace dossier::testing;

TEST_CASE("copy a file store to another backend and back: the same interchange records", "[cli][copy][backends]") {
  TempDir dir;
  // A file store with some of everything: imports, findings, stories, a
  // curator's merge and review.
  const std::string first = dir / "first.db";
  REQUIRE(Dossier(first, {"import", kExamples + "/news", kExamples + "/cables"}).exit_code == 0);
  REQUIRE(Dossier(first, {"check"}).exit_code == 0);
  REQUIRE(Dossier(first, {"add", "person", "Ada Quill", "--alias", "A. Quill"}).exit_code == 0);
  REQUIRE(Dossier(first, {"add", "person", "Ada Q."}).exit_code == 0);
  REQUIRE(Dossier(first, {"merge", "Ada Quill", "Ada Q.", "--reason", "one reporter"}).exit_code == 0);

  const std::string middle = StoreAt(dir, "middle.db");
  const std::string last = dir / "last.db";
  RunResult there = Run({DossierBinary(), "copy", first, middle});
  INFO(there.out << there.err);
  REQUIRE(there.exit_code == 0);
  CHECK(there.out.find("copied ") == 0);
  RunResult back = Run({DossierBinary(), "copy", middle, last});
  INFO(back.out << back.err);
  REQUIRE(back.exit_code == 0);

  for (const auto& [store, out] : {std::pair{first, dir / "first.jsonl"}, std::pair{middle, dir / "middle.jsonl"},
                                   std::pair{last, dir / "last.jsonl"}}) {
    RunResult r = Dossier(store, {"export", "jsonl", "-o", out});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  const std::string records = ReadFile(dir / "first.jsonl");
  CHECK(Lines(records).size() > 100);
  CHECK(ReadFile(dir / "middle.jsonl") == records);
  CHECK(ReadFile(dir / "last.jsonl") == records);
  // The copy reads as the store did.
  CHECK(Dossier(last, {"show", "A. Quill"}).out == Dossier(first, {"show", "A. Quill"}).out);
  CHECK(Dossier(middle, {"search", "Marlow"}).exit_code == 0);

  // Only into a new store, and never onto itself.
  RunResult again = Run({DossierBinary(), "copy", first, middle});
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("is not empty; copy into a new store") != std::string::npos);
  CHECK(Run({DossierBinary(), "copy", first, first}).exit_code == 2);
  CHECK(ReadFile(dir / "first.jsonl") == records);
}
