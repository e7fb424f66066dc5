// Opening stores: creating, migrating from an empty file, refusing what is not ours.
#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "dossier/store.h"
#include "sqlite/db.h"
#include "sqlite/migrations.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::TempDir;
using dossier::testing::WriteFile;

namespace {

int64_t Pragma(const std::string& path, const std::string& pragma) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, ("PRAGMA " + pragma).c_str(), -1, &st, nullptr);
  int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

void ExecOn(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

}  // namespace

TEST_CASE("a missing store is NotFound unless creation is asked for", "[migration]") {
  TempDir dir;
  auto missing = Store::Open(dir / "none.db", {});
  CHECK(missing.status().code() == Status::Code::kNotFound);
  StoreOptions create;
  create.create_if_missing = true;
  auto made = Store::Open(dir / "new.db", create);
  REQUIRE(made.ok());
  CHECK((*made)->GetStats()->schema_version == sqlite::CurrentSchemaVersion());
}

TEST_CASE("an empty file is migrated to the current schema", "[migration]") {
  TempDir dir;
  const std::string path = dir / "empty.db";
  WriteFile(path, "");
  {
    auto s = Store::Open(path, {});
    REQUIRE(s.ok());
    NewEntity e;
    e.name = "Someone";
    REQUIRE((*s)->AddEntity(e, Actor{"test"}).ok());
  }
  CHECK(Pragma(path, "user_version") == sqlite::CurrentSchemaVersion());
  // Reopening an up-to-date store changes nothing and keeps the data.
  auto again = Store::Open(path, {});
  REQUIRE(again.ok());
  CHECK((*again)->GetStats()->persons == 1);
  CHECK(Pragma(path, "user_version") == sqlite::CurrentSchemaVersion());
}

TEST_CASE("the store runs in WAL mode with foreign keys", "[migration]") {
  TempDir dir;
  StoreOptions create;
  create.create_if_missing = true;
  REQUIRE(Store::Open(dir / "s.db", create).ok());
  sqlite3* db = nullptr;
  sqlite3_open(std::string(dir / "s.db").c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST_CASE("files that are not dossier stores are refused, untouched", "[migration]") {
  TempDir dir;
  const std::string text = dir / "notes.txt";
  WriteFile(text, "these are my notes, not a database, and long enough to have a header of sorts......\n");
  auto r = Store::Open(text, {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kCorruption);
  CHECK(r.status().message().find("not a dossier store") != std::string::npos);
  CHECK(dossier::testing::ReadFile(text).find("these are my notes") == 0);

  const std::string other = dir / "other.db";
  ExecOn(other, "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('soup');");
  auto o = Store::Open(other, {});
  REQUIRE_FALSE(o.ok());
  CHECK(o.status().message().find("not a dossier store") != std::string::npos);
  CHECK(Pragma(other, "user_version") == 0);

  auto dir_store = Store::Open(dir.path(), {});
  CHECK(dir_store.status().message().find("directory") != std::string::npos);
}

TEST_CASE("a store from a newer dossier is refused", "[migration]") {
  TempDir dir;
  const std::string path = dir / "future.db";
  StoreOptions create;
  create.create_if_missing = true;
  REQUIRE(Store::Open(path, create).ok());
  ExecOn(path, "PRAGMA user_version = " + std::to_string(sqlite::CurrentSchemaVersion() + 1));
  auto r = Store::Open(path, {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kUnsupported);
  CHECK(r.status().message().find("newer") != std::string::npos);
}

TEST_CASE("a store whose schema version no dossier writes is damaged, and left as it is", "[migration]") {
  TempDir dir;
  const std::string path = dir / "odd.db";
  StoreOptions create;
  create.create_if_missing = true;
  REQUIRE(Store::Open(path, create).ok());
  // A negative version used to index the migrations from before their start.
  ExecOn(path, "PRAGMA user_version = -3");
  auto negative = Store::Open(path, {});
  REQUIRE_FALSE(negative.ok());
  CHECK(negative.status().code() == Status::Code::kCorruption);
  CHECK(negative.status().message() == "store " + path + " is damaged (schema version -3, which no dossier writes)");
  CHECK(Pragma(path, "user_version") == -3);
  // Version 0 on a store with tables: migrating would create them again.
  ExecOn(path, "PRAGMA user_version = 0");
  auto reset = Store::Open(path, {});
  REQUIRE_FALSE(reset.ok());
  CHECK(reset.status().code() == Status::Code::kCorruption);
  CHECK(reset.status().message().find("schema version 0, but it holds tables") != std::string::npos);
  CHECK(Pragma(path, "user_version") == 0);
}

TEST_CASE("a version 1 store keeps its search index when it moves to indexing at commit", "[migration][search]") {
  TempDir dir;
  const std::string path = dir / "v1.db";
  {
    sqlite::SqliteDb db(path, true);
    sqlite::MigrateTo(&db, 1);
    // Version 1 indexed each row from its insert trigger.
    db.Exec(
        "INSERT INTO entity(id, type, name, norm, canonical, created_at, updated_at, created_by) VALUES "
        "('person:old', 'person', 'Olde Walnutson', 'olde walnutson', 'person:old', 't', 't', 'test'), "
        "('doc:old', 'document', 'Old Report', 'old report', 'doc:old', 't', 't', 'test');"
        "INSERT INTO document(id, kind, title, text, sha256) VALUES ('doc:old', 'text', 'Old Report', "
        "'the harvest of walnuts was poor', 'x');"
        "INSERT INTO claim(id, subject, predicate, value, doc, start, \"end\", quote, extractor, created_at, updated_at, "
        "created_by) VALUES ('claim:old', 'person:old', 'said', '\"poor\"', 'doc:old', 0, 11, 'the harvest', 'test', "
        "'t', 't', 'test');");
  }
  REQUIRE(Pragma(path, "user_version") == 1);

  auto store = Store::Open(path, {});
  REQUIRE(store.ok());
  CHECK(Pragma(path, "user_version") == sqlite::CurrentSchemaVersion());
  NewEntity e;
  e.name = "Nova Walnutson";
  REQUIRE((*store)->AddEntity(e, Actor{"test"}).ok());

  SearchQuery q;
  q.text = "walnutson";
  CHECK((*store)->Search(q)->size() == 2);  // the old name and the new one
  q.text = "walnuts";
  CHECK((*store)->Search(q)->size() == 1);
  q.text = "harvest";
  q.type = EntityType::kClaim;
  CHECK((*store)->Search(q)->size() == 1);
  store->reset();

  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  for (const char* table : {"entity_fts", "document_fts", "claim_fts"}) {
    const std::string sql = std::string("INSERT INTO ") + table + "(" + table + ", rank) VALUES ('integrity-check', 1)";
    INFO(table << ": " << sqlite3_errmsg(db));
    CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  }
  sqlite3_close(db);
  CHECK(Pragma(path, "user_version") == sqlite::CurrentSchemaVersion());
}

TEST_CASE("a version 2 store gets the resolver's keys for the entities it holds", "[migration][resolver]") {
  TempDir dir;
  const std::string path = dir / "v2.db";
  {
    sqlite::SqliteDb db(path, true);
    sqlite::MigrateTo(&db, 2);
    db.Exec(
        "INSERT INTO entity(id, type, name, norm, canonical, created_at, updated_at, created_by) VALUES "
        "('person:amara-okafor', 'person', 'Amara Okafor', 'amara okafor', 'person:amara-okafor', 't', 't', 'test'), "
        "('org:halvorsen', 'organization', 'Halvorsen Marine Corp.', 'halvorsen marine corp', 'org:halvorsen', 't', 't', "
        "'test');");
  }
  REQUIRE(Pragma(path, "user_version") == 2);
  auto store = Store::Open(path, {});
  REQUIRE(store.ok());
  CHECK(Pragma(path, "user_version") == sqlite::CurrentSchemaVersion());
  // The stored entities are found by their keys: a surname alone, a name
  // without its legal form.
  DocumentBatch b;
  b.document.id = "doc:later";
  b.document.title = "Later";
  b.document.text = "Okafor of Halvorsen Marine spoke.";
  ProposedEntity okafor;
  okafor.key = "p";
  okafor.name = "Okafor";
  ProposedEntity halvorsen;
  halvorsen.key = "o";
  halvorsen.type = EntityType::kOrganization;
  halvorsen.name = "Halvorsen Marine";
  b.entities = {okafor, halvorsen};
  b.mentions = {{"p", EntityType::kPerson, 0, 6}, {"o", EntityType::kOrganization, 10, 26}};
  REQUIRE((*store)->WriteDocument(b, Actor{"test"}).ok());
  CHECK(*(*store)->Resolve("Okafor") == "person:amara-okafor");
  CHECK(*(*store)->Resolve("Halvorsen Marine") == "org:halvorsen");
}
