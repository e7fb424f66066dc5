// A store damaged on disk or edited by hand, through the dossier binary:
// offsets past the text, backwards, negative or huge; JSON columns that are
// not JSON, of the wrong type or nested 100,000 deep; names no dossier
// writes; text that is not UTF-8; a negative schema version. Every reading
// command (show, search, export jsonl/html/csv, check) either reads around
// the damage or stops with one line naming it; none crashes, aborts or
// reports an internal error.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include <filesystem>

#include "reliability/fixtures.h"
#include "reliability/store_checks.h"
#include "support/test_support.h"

using namespace dossier::testing;
namespace fs = std::filesystem;
namespace rel = dossier::testing::reliability;

namespace {

// Runs SQL on the file as a careless tool would: constraints off.
void Damage(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  const std::string all = "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF; " + sql;
  char* error = nullptr;
  const int rc = sqlite3_exec(h, all.c_str(), nullptr, nullptr, &error);
  INFO(sql << ": " << (error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(h);
  REQUIRE(rc == SQLITE_OK);
}

struct Ids {
  std::string doc, person, claim;
};

// A store with a cable and a note, an alias and a claim added by hand with
// their spans, and the checkers' findings.
Ids MakeStore(const TempDir& dir, const std::string& db) {
  WriteFile(dir / "cable.txt", rel::Cable(1));
  WriteFile(dir / "note.txt", rel::Note(2));
  REQUIRE(Dossier(db, {"import", dir / "cable.txt", dir / "note.txt"}).exit_code == 0);
  Ids ids;
  ids.doc = QueryText(db, "SELECT doc FROM mention WHERE entity_type = 'person' ORDER BY start LIMIT 1");
  ids.person = QueryText(db, "SELECT entity FROM mention WHERE entity_type = 'person' ORDER BY start LIMIT 1");
  const std::string start = QueryText(db, "SELECT start FROM mention WHERE entity = '" + ids.person + "' LIMIT 1");
  const std::string end = QueryText(db, "SELECT \"end\" FROM mention WHERE entity = '" + ids.person + "' LIMIT 1");
  REQUIRE(!ids.person.empty());
  const std::string span = start + ":" + end;
  REQUIRE(Dossier(db, {"alias", ids.person, "The Minister", "--doc", ids.doc, "--span", span}).exit_code == 0);
  const RunResult claim =
      Dossier(db, {"claim", "add", ids.person, "role", "--text", "minister", "--doc", ids.doc, "--span", span});
  REQUIRE(claim.exit_code == 0);
  ids.claim = QueryText(db, "SELECT id FROM claim WHERE predicate = 'role'");
  // Two documents give the person two ages: a conflict, so that there are findings.
  const std::string note = QueryText(db, "SELECT id FROM entity WHERE type = 'document' AND id != '" + ids.doc + "' LIMIT 1");
  REQUIRE(!note.empty());
  REQUIRE(Dossier(db, {"claim", "add", ids.person, "age", "--value", "61", "--unit", "year", "--doc", ids.doc,
                       "--source-note", "test"}).exit_code == 0);
  REQUIRE(Dossier(db, {"claim", "add", ids.person, "age", "--value", "64", "--unit", "year", "--doc", note,
                       "--source-note", "test"}).exit_code == 0);
  REQUIRE(Dossier(db, {"check"}).exit_code == 0);
  REQUIRE(QueryText(db, "SELECT count(*) FROM finding") != "0");
  return ids;
}

// What a user runs on a store.
std::vector<std::vector<std::string>> Commands(const Ids& ids, const std::string& out) {
  return {{"show", ids.doc},
          {"show", ids.person},
          {"--json", "show", ids.claim},
          {"search", "harbor"},
          {"claims"},
          {"list", "person", "--where", "kind=x"},
          {"export", "jsonl", "-o", out + "/store.jsonl"},
          {"export", "html", "-o", out + "/site"},
          {"export", "csv", "-o", out + "/csv"},
          {"check"}};
}

// Wording that means a crash, an abort, or a library's own error text.
bool Internal(const std::string& err) {
  for (const char* word : {"internal error", "threw", "exception", "basic_string", "std::", "terminate", "vector",
                           "out_of_range", "Assertion", "AddressSanitizer", "runtime error", "json."}) {
    if (err.find(word) != std::string::npos) return true;
  }
  return false;
}

struct Case {
  const char* name;
  const char* sql;
  // nullptr: read around (every command succeeds); else what a command's
  // error names (every error says the store is damaged).
  const char* refusal;
};

void RunCases(const std::vector<Case>& cases) {
  TempDir dir;
  const std::string base = dir / "base.db";
  const Ids ids = MakeStore(dir, base);
  for (const Case& c : cases) {
    INFO("damage: " << c.name);
    const std::string out = dir / c.name;
    fs::create_directories(out);
    const std::string db = out + "/store.db";
    fs::copy_file(base, db);
    Damage(db, c.sql);
    bool refused = false;
    for (const auto& args : Commands(ids, out)) {
      const RunResult r = Dossier(db, args);
      INFO(args[0] << " " << (args.size() > 1 ? args[1] : "") << " -> " << r.exit_code << ": " << r.err);
      CHECK((r.exit_code == 0 || r.exit_code == 1));
      CHECK_FALSE(Internal(r.err));
      if (!c.refusal) {
        CHECK(r.exit_code == 0);
        continue;
      }
      if (r.exit_code != 0) {
        // One line naming the store and the damage (check: one per checker).
        for (const auto& line : Lines(r.err)) {
          CHECK(line.find("dossier: ") == 0);
          CHECK(line.find("store " + db + " is damaged (") != std::string::npos);
        }
        refused = refused || r.err.find(c.refusal) != std::string::npos;
      }
    }
    if (c.refusal) CHECK(refused);  // some command named the damage as expected
  }
}

}  // namespace

TEST_CASE("offsets past the text, backwards, negative or huge are read around", "[hostile][damaged]") {
  RunCases({
      {"mention-past-end", R"(UPDATE mention SET start = start + 1000000, "end" = "end" + 1000000)", nullptr},
      {"mention-backwards", R"(UPDATE mention SET start = "end" + 5)", nullptr},
      {"mention-negative", R"(UPDATE mention SET start = -5, "end" = -1)", nullptr},
      {"mention-extremes", R"(UPDATE mention SET start = -9223372036854775808, "end" = 9223372036854775807)", nullptr},
      {"mention-mid-character", R"(UPDATE mention SET start = start + 1)", nullptr},
      {"paragraph-past-end", R"(UPDATE paragraph SET start = start + 50000, "end" = "end" + 100000)", nullptr},
      {"paragraph-backwards", R"(UPDATE paragraph SET start = "end" + 3)", nullptr},
      {"paragraph-huge", R"(UPDATE paragraph SET start = 9223372036854775000, "end" = 9223372036854775807)", nullptr},
      {"claim-past-end", R"(UPDATE claim SET start = start + 1000000, "end" = "end" + 1000000 WHERE start IS NOT NULL)",
       nullptr},
      {"claim-negative", R"(UPDATE claim SET start = -9, "end" = -2)", nullptr},
      {"alias-past-end", R"(UPDATE alias SET start = 100000000, "end" = 100000010)", nullptr},
      {"text-emptied", R"(UPDATE document SET text = '')", nullptr},
  });
}

TEST_CASE("show says when a mention's offsets lie outside its document", "[hostile][damaged]") {
  TempDir dir;
  const std::string db = dir / "store.db";
  const Ids ids = MakeStore(dir, db);
  const std::string size =
      QueryText(db, "SELECT length(CAST(text AS BLOB)) FROM document WHERE id = '" + ids.doc + "'");
  Damage(db, "UPDATE mention SET start = 2000000, \"end\" = 2000010 WHERE entity = '" + ids.person + "'");
  const RunResult r = Dossier(db, {"show", ids.person});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("(offsets [2000000, 2000010) lie outside the document's " + size + " bytes)") != std::string::npos);
}

TEST_CASE("text that is not UTF-8 and names no dossier writes are read around", "[hostile][damaged]") {
  RunCases({
      {"text-not-utf8", R"(UPDATE document SET text = CAST(x'41ff42c328' AS TEXT))", nullptr},
      {"name-not-utf8", R"(UPDATE entity SET name = CAST(x'c3ff28' AS TEXT) WHERE type = 'person')", nullptr},
      {"claim-status", R"(UPDATE claim SET status = 'maybe')", nullptr},
      {"finding-severity", R"(UPDATE finding SET severity = 'fatal', status = 'weird')", nullptr},
      {"judgement-verdict", R"(UPDATE judgement SET verdict = 'perhaps')", nullptr},
      {"confidence-text", R"(UPDATE mention SET confidence = 'high'; UPDATE claim SET confidence = 1e308)", nullptr},
  });
}

TEST_CASE("JSON columns that are not JSON, of another type or nested too deep stop with the row named",
          "[hostile][damaged]") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string deep_sql = "UPDATE entity SET properties = '" + deep + "' WHERE type = 'person'";
  RunCases({
      {"properties-array", "UPDATE entity SET properties = '[1,2]' WHERE type = 'person'",
       "is damaged (the properties column of person:"},
      {"properties-not-json", "UPDATE entity SET properties = 'nope' WHERE type = 'person'",
       "holds text that is not JSON"},
      {"properties-deep", deep_sql.c_str(), "holds JSON nested 100000 levels deep, over the limit of 256"},
      {"claim-value-type", R"(UPDATE claim SET value = '{"amount":"many"}')",
       "holds amount as a JSON string, not a number"},
      {"paragraph-properties", "UPDATE paragraph SET properties = 'not json'", "is damaged (the properties column of "
                                                                               "paragraph "},
      {"finding-refs", "UPDATE finding SET refs = '5'", "holds a JSON number, not an array"},
      {"entity-type", "UPDATE entity SET type = 'alien' WHERE type = 'person'", "unknown entity type 'alien'"},
  });
}

TEST_CASE("a store whose schema version no dossier writes is refused by every command, untouched",
          "[hostile][damaged][migration]") {
  TempDir dir;
  const std::string db = dir / "store.db";
  MakeStore(dir, db);
  for (const auto& [version, message] : std::vector<std::pair<std::string, std::string>>{
           {"-3", "is damaged (schema version -3, which no dossier writes)"},
           {"-2147483648", "is damaged (schema version -2147483648, which no dossier writes)"},
           {"0", "is damaged (schema version 0, but it holds tables; its version was reset)"}}) {
    INFO("user_version " << version);
    Damage(db, "PRAGMA user_version = " + version);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"show", "Otto Brennicke"}, {"search", "harbor"}, {"stats"}, {"import", dir / "note.txt"}, {"check"}}) {
      const RunResult r = Dossier(db, args);
      INFO(args[0] << ": " << r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.err == "dossier: store " + db + " " + message + "\n");
    }
    CHECK(QueryText(db, "PRAGMA user_version") == version);
  }
}
