#include "sqlite/migrations.h"

#include "sqlite/store_util.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::sqlite {
namespace {

// application_id marks the file as a dossier store ("DSSR"), so opening some
// other program's SQLite file is refused instead of being "migrated".
constexpr int64_t kApplicationId = 0x44535352;

// Version 1: the whole data model (DESIGN.md §3).
constexpr const char* kV1 = R"sql(
CREATE TABLE entity(
  rid         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  type        TEXT NOT NULL CHECK (type IN ('person','organization','place','document')),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  norm        TEXT NOT NULL,
  properties  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties)),
  -- The entity this one is read through: itself, or the survivor of a merge.
  canonical   TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL
);
CREATE INDEX entity_norm ON entity(norm, type);
CREATE INDEX entity_canonical ON entity(canonical);
CREATE INDEX entity_type_name ON entity(type, norm);

CREATE TABLE alias(
  rid       INTEGER PRIMARY KEY,
  entity    TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  name      TEXT NOT NULL CHECK (length(name) > 0),
  norm      TEXT NOT NULL,
  doc       TEXT REFERENCES entity(id) ON DELETE SET NULL,
  start     INTEGER,
  "end"     INTEGER,
  quote     TEXT,
  note      TEXT,
  added_by  TEXT NOT NULL,
  added_at  TEXT NOT NULL,
  UNIQUE (entity, name)
);
CREATE INDEX alias_norm ON alias(norm);

-- Undoable merges: absorbed is read through into_id until split.
CREATE TABLE merge(
  absorbed   TEXT PRIMARY KEY REFERENCES entity(id) ON DELETE CASCADE,
  into_id    TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  judgement  TEXT,
  reason     TEXT,
  by         TEXT NOT NULL,
  at         TEXT NOT NULL
);
CREATE INDEX merge_into ON merge(into_id);

CREATE TABLE document(
  rid      INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE REFERENCES entity(id) ON DELETE CASCADE,
  kind     TEXT NOT NULL,
  title    TEXT NOT NULL,   -- the entity name, kept here for the full-text index
  text     TEXT NOT NULL,
  sha256   TEXT NOT NULL,
  source   TEXT
);
CREATE INDEX document_sha ON document(sha256);

CREATE TABLE paragraph(
  doc        TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  properties TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties)),
  PRIMARY KEY (doc, seq)
) WITHOUT ROWID;

CREATE TABLE mention(
  rid         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  entity      TEXT REFERENCES entity(id) ON DELETE SET NULL,
  entity_type TEXT NOT NULL,
  doc         TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL CHECK ("end" >= start),
  text        TEXT NOT NULL,
  extractor   TEXT NOT NULL,
  confidence  REAL NOT NULL DEFAULT 1.0
);
CREATE INDEX mention_entity ON mention(entity);
CREATE INDEX mention_doc ON mention(doc, start);

CREATE TABLE claim(
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  subject       TEXT NOT NULL REFERENCES entity(id),
  predicate     TEXT NOT NULL,
  object        TEXT REFERENCES entity(id),
  value         TEXT CHECK (value IS NULL OR json_valid(value)),
  time          TEXT,
  doc           TEXT REFERENCES entity(id),
  start         INTEGER,
  "end"         INTEGER,
  quote         TEXT,
  source_note   TEXT,
  attributed_to TEXT REFERENCES entity(id),
  kind          TEXT,
  extractor     TEXT NOT NULL,
  confidence    REAL NOT NULL DEFAULT 1.0,
  status        TEXT NOT NULL DEFAULT 'unreviewed'
                CHECK (status IN ('unreviewed','confirmed','disputed','rejected')),
  status_reason TEXT,
  properties    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  CHECK (doc IS NOT NULL OR source_note IS NOT NULL)
);
CREATE INDEX claim_subject ON claim(subject, predicate);
CREATE INDEX claim_object ON claim(object);
CREATE INDEX claim_attributed ON claim(attributed_to);
CREATE INDEX claim_doc ON claim(doc);
CREATE INDEX claim_predicate ON claim(predicate);

CREATE TABLE judgement(
  rid      INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  a        TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  b        TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  lo       TEXT NOT NULL,  -- min(a, b): one judgement per unordered pair
  hi       TEXT NOT NULL,
  verdict  TEXT NOT NULL CHECK (verdict IN ('same','different','unsure')),
  reason   TEXT,
  by       TEXT NOT NULL,
  at       TEXT NOT NULL,
  UNIQUE (lo, hi)
);
CREATE INDEX judgement_a ON judgement(a);
CREATE INDEX judgement_b ON judgement(b);

CREATE TABLE finding(
  rid           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  checker       TEXT NOT NULL,
  code          TEXT NOT NULL,
  severity      TEXT NOT NULL CHECK (severity IN ('info','warning','error')),
  message       TEXT NOT NULL,
  refs          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(refs)),
  evidence      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(evidence)),
  fingerprint   TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved','ignored')),
  status_reason TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX finding_fingerprint ON finding(checker, fingerprint);
CREATE TABLE finding_ref(
  finding TEXT NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
  ref     TEXT NOT NULL,
  PRIMARY KEY (finding, ref)
) WITHOUT ROWID;
CREATE INDEX finding_ref_ref ON finding_ref(ref);

-- Files imported before, by the hash of their bytes: importing the same
-- bytes again is a no-op.
CREATE TABLE source_file(
  sha256       TEXT PRIMARY KEY,
  path         TEXT NOT NULL,
  importer     TEXT NOT NULL,
  size         INTEGER NOT NULL,
  imported_at  TEXT NOT NULL,
  documents    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(documents))
) WITHOUT ROWID;

CREATE TABLE audit(
  seq     INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  target  TEXT NOT NULL,
  detail  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);

-- Full-text search. Diacritics removed so "Sao Paulo" finds "São Paulo". No
-- stemming: FTS5 stems the prefix of a prefix query too ("soy*" becomes "soi*"
-- and misses "soybeans"), and names must match as written; prefix* covers
-- word forms.
--
-- Names and aliases: a table of its own (small), one row per entity, rebuilt
-- by triggers whenever the entity or one of its aliases changes.
-- Prefix indexes make "sun*" a lookup instead of a merge of every term that
-- starts with it (40 ms -> under 10 ms on 100,000 names).
CREATE VIRTUAL TABLE entity_fts USING fts5(
  name, aliases, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER entity_fts_insert AFTER INSERT ON entity BEGIN
  INSERT INTO entity_fts(rowid, name, aliases) VALUES (new.rid, new.name, '');
END;
CREATE TRIGGER entity_fts_update AFTER UPDATE OF name ON entity BEGIN
  UPDATE entity_fts SET name = new.name WHERE rowid = new.rid;
END;
CREATE TRIGGER entity_fts_delete AFTER DELETE ON entity BEGIN
  DELETE FROM entity_fts WHERE rowid = old.rid;
END;
CREATE TRIGGER alias_fts_insert AFTER INSERT ON alias BEGIN
  UPDATE entity_fts SET aliases =
    (SELECT group_concat(name, ' | ') FROM alias WHERE entity = new.entity)
  WHERE rowid = (SELECT rid FROM entity WHERE id = new.entity);
END;
CREATE TRIGGER alias_fts_delete AFTER DELETE ON alias BEGIN
  UPDATE entity_fts SET aliases =
    coalesce((SELECT group_concat(name, ' | ') FROM alias WHERE entity = old.entity), '')
  WHERE rowid = (SELECT rid FROM entity WHERE id = old.entity);
END;

-- Document titles and text: external content (the text is not stored twice).
CREATE VIRTUAL TABLE document_fts USING fts5(
  title, text, content = 'document', content_rowid = 'rid',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '3');
CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
  INSERT INTO document_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;
CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
  INSERT INTO document_fts(document_fts, rowid, title, text)
    VALUES ('delete', old.rid, old.title, old.text);
END;
CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN
  INSERT INTO document_fts(document_fts, rowid, title, text)
    VALUES ('delete', old.rid, old.title, old.text);
  INSERT INTO document_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;

-- Claim quotes: external content.
CREATE VIRTUAL TABLE claim_fts USING fts5(
  quote, content = 'claim', content_rowid = 'rid',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
  INSERT INTO claim_fts(rowid, quote) VALUES (new.rid, coalesce(new.quote, ''));
END;
CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
  INSERT INTO claim_fts(claim_fts, rowid, quote) VALUES ('delete', old.rid, coalesce(old.quote, ''));
END;
CREATE TRIGGER claim_fts_update AFTER UPDATE OF quote ON claim BEGIN
  INSERT INTO claim_fts(claim_fts, rowid, quote) VALUES ('delete', old.rid, coalesce(old.quote, ''));
  INSERT INTO claim_fts(rowid, quote) VALUES (new.rid, coalesce(new.quote, ''));
END;
)sql";

// Version 2: full-text indexing deferred to commit. FTS5 writes the terms it
// holds in memory out to a new index segment at every savepoint, and SQLite
// opens one for every statement that may need undoing inside a transaction,
// so indexing a row from an insert trigger made one tiny segment per row
// (an import of 1,044 cables wrote 45,000 index blocks for 14,500 names) and
// then merged them. Inserts now queue the row here instead, and every
// top-level commit indexes the queue in one statement per table
// (IndexPendingText, fts_pending.h) before the COMMIT itself, so committed
// state is always fully indexed. Updates and deletes of a row still in the
// queue leave its index alone: indexing at commit reads the row as it is then.
constexpr const char* kV2 = R"sql(
CREATE TABLE fts_pending(
  tbl  TEXT NOT NULL CHECK (tbl IN ('entity','document','claim')),
  rid  INTEGER NOT NULL,
  PRIMARY KEY (tbl, rid)
) WITHOUT ROWID;

DROP TRIGGER entity_fts_insert;
DROP TRIGGER entity_fts_delete;
CREATE TRIGGER entity_fts_insert AFTER INSERT ON entity BEGIN
  INSERT OR IGNORE INTO fts_pending(tbl, rid) VALUES ('entity', new.rid);
END;
CREATE TRIGGER entity_fts_delete AFTER DELETE ON entity BEGIN
  DELETE FROM entity_fts WHERE rowid = old.rid;
  DELETE FROM fts_pending WHERE tbl = 'entity' AND rid = old.rid;
END;

DROP TRIGGER document_fts_insert;
DROP TRIGGER document_fts_delete;
DROP TRIGGER document_fts_update;
CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
  INSERT OR IGNORE INTO fts_pending(tbl, rid) VALUES ('document', new.rid);
END;
CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
  INSERT INTO document_fts(document_fts, rowid, title, text)
    SELECT 'delete', old.rid, old.title, old.text
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'document' AND rid = old.rid);
  DELETE FROM fts_pending WHERE tbl = 'document' AND rid = old.rid;
END;
CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document
WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'document' AND rid = old.rid) BEGIN
  INSERT INTO document_fts(document_fts, rowid, title, text)
    VALUES ('delete', old.rid, old.title, old.text);
  INSERT INTO document_fts(rowid, title, text) VALUES (new.rid, new.title, new.text);
END;

DROP TRIGGER claim_fts_insert;
DROP TRIGGER claim_fts_delete;
DROP TRIGGER claim_fts_update;
CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
  INSERT OR IGNORE INTO fts_pending(tbl, rid) VALUES ('claim', new.rid);
END;
CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
  INSERT INTO claim_fts(claim_fts, rowid, quote)
    SELECT 'delete', old.rid, coalesce(old.quote, '')
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'claim' AND rid = old.rid);
  DELETE FROM fts_pending WHERE tbl = 'claim' AND rid = old.rid;
END;
CREATE TRIGGER claim_fts_update AFTER UPDATE OF quote ON claim
WHEN NOT EXISTS (SELECT 1 FROM fts_pending WHERE tbl = 'claim' AND rid = old.rid) BEGIN
  INSERT INTO claim_fts(claim_fts, rowid, quote) VALUES ('delete', old.rid, coalesce(old.quote, ''));
  INSERT INTO claim_fts(rowid, quote) VALUES (new.rid, coalesce(new.quote, ''));
END;
)sql";

// Version 3: the keys the resolver finds entities by besides their names
// (kernel/src/resolver.h, NameKeys): an organization's name without its
// legal form, a person's surname; filled for the entities already stored.
// And stories (docs/checks.md, "Stories"): documents that report one event,
// as the grouping put them together and curators corrected it.
constexpr const char* kV3 = R"sql(
CREATE TABLE name_key(
  entity  TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  kind    TEXT NOT NULL,
  key     TEXT NOT NULL,
  PRIMARY KEY (kind, key, entity)
) WITHOUT ROWID;
CREATE INDEX name_key_entity ON name_key(entity);

CREATE TABLE story(
  rid          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  first_date   TEXT,
  last_date    TEXT,
  properties   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties)),
  -- A curator joined this story into another; it is read through that one.
  merged_into  TEXT REFERENCES story(id) ON DELETE SET NULL,
  merge_reason TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE TABLE story_member(
  story     TEXT NOT NULL REFERENCES story(id) ON DELETE CASCADE,
  document  TEXT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  by        TEXT NOT NULL,                  -- 'grouping', or the curator
  excluded  INTEGER NOT NULL DEFAULT 0,     -- a curator took it out
  reason    TEXT,
  PRIMARY KEY (story, document)
) WITHOUT ROWID;
CREATE INDEX story_member_document ON story_member(document);
)sql";

void FillNameKeys(Db* db) {
  Stmt s = db->Prepare(
      "SELECT id, type, name FROM entity WHERE type IN ('person', 'organization') "
      "UNION ALL SELECT a.entity, e.type, a.name FROM alias a JOIN entity e ON e.id = a.entity "
      "WHERE e.type IN ('person', 'organization')");
  while (s.Step()) AddNameKeys(db, s.Text(0), TypeFromText(s.Text(1)), s.Text(2));
}

struct Migration {
  const char* sql;
  void (*then)(Db*);  // work SQL cannot do, in the same transaction; or null
};

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> kAll = {{kV1, nullptr}, {kV2, nullptr}, {kV3, FillNameKeys}};
  return kAll;
}

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(Migrations().size()); }

void Migrate(Db* db) { MigrateTo(db, CurrentSchemaVersion()); }

void MigrateTo(Db* db, int up_to) {
  const auto& migrations = Migrations();
  // Fast path without the write lock: an up-to-date store is only read.
  if (db->QueryInt("PRAGMA user_version") == up_to &&
      db->QueryInt("PRAGMA application_id") == kApplicationId) {
    return;
  }
  for (;;) {
    Transaction tx(db);  // serialises concurrent first opens of a new file
    const int64_t version = db->QueryInt("PRAGMA user_version");
    const int64_t app = db->QueryInt("PRAGMA application_id");
    // user_version indexes the migrations below: a value no dossier writes
    // (a damaged or hand-edited header) is refused before it indexes anything.
    if (version < 0) {
      throw SqliteError(SQLITE_CORRUPT, "schema version " + std::to_string(version) + ", which no dossier writes");
    }
    if (version > CurrentSchemaVersion()) {
      throw std::runtime_error("store is at schema version " + std::to_string(version) +
                               ", newer than this dossier understands (" +
                               std::to_string(CurrentSchemaVersion()) + "); upgrade dossier");
    }
    if (version == 0) {
      if (app != 0 && app != kApplicationId) {
        throw std::runtime_error("not a dossier store (another application's database)");
      }
      const bool has_tables = db->QueryInt("SELECT count(*) FROM sqlite_schema") > 0;
      if (app == 0 && has_tables) {
        throw std::runtime_error("not a dossier store (an SQLite database with other tables)");
      }
      if (has_tables) {
        // Ours, with tables, yet version 0: migrating would create them again.
        throw SqliteError(SQLITE_CORRUPT, "schema version 0, but it holds tables; its version was reset");
      }
    } else if (app != kApplicationId) {
      throw std::runtime_error("not a dossier store (another application's database)");
    }
    if (version >= up_to) return;  // tx rolls back: nothing written
    const Migration& next = migrations[static_cast<size_t>(version)];
    db->Exec(next.sql);
    if (next.then) next.then(db);
    db->Exec("PRAGMA user_version = " + std::to_string(version + 1));
    db->Exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    tx.Commit();
  }
}

}  // namespace dossier::sqlite
