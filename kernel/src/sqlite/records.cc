// Writing interchange records (DESIGN.md §6): the jsonl importer's path into
// the store. All records of one file are one transaction; references between
// records are checked when it commits, so their order in the file is free.
#include <map>
#include <set>

#include "clock.h"
#include "dossier/record.h"
#include "dossier/schema.h"
#include "dossier/text.h"
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {

namespace {

// The first field of `incoming` whose value `stored` (the record as the store
// would export it) does not have, or "" when the store holds it already.
// Fields the incoming record leaves out are not compared; aliases are
// compared as sets of names.
std::string FirstDifference(const Json& stored, const Json& incoming) {
  auto names = [](const Json& aliases) {
    std::set<std::string> out;
    if (!aliases.is_array()) return out;
    for (const auto& a : aliases) {
      if (a.is_string()) out.insert(a.get<std::string>());
      if (a.is_object() && a.contains("name") && a["name"].is_string()) out.insert(a["name"].get<std::string>());
    }
    return out;
  };
  for (const auto& [key, value] : incoming.items()) {
    const auto it = stored.find(key);
    if (key == "aliases") {
      if (names(value) != names(it == stored.end() ? Json() : *it)) return key;
      continue;
    }
    if (it == stored.end()) {
      if (value.is_null() || (value.is_object() && value.empty()) || (value.is_array() && value.empty())) continue;
      return key;
    }
    if (*it != value) return key;
  }
  return "";
}

}  // namespace

class SqliteRecordWriter final : public RecordWriter {
 public:
  SqliteRecordWriter(SqliteStore* store, Actor actor, RecordOptions options)
      : store_(store), db_(store->db()), actor_(std::move(actor)), options_(options) {
    tx_ = std::make_unique<Transaction>(db_);
    db_->DeferForeignKeys(true);
  }
  // SQLite turns deferral off at the outermost COMMIT or ROLLBACK; inside a
  // write group that comes later, so the writes after these would be
  // deferred too.
  ~SqliteRecordWriter() override {
    tx_.reset();
    db_->DeferForeignKeys(false);
  }

  Status Put(const Json& record) override {
    return Guard(store_->path(), [&]() -> Status {
      if (!tx_) return Status::InvalidArgument("records were already committed");
      if (Status st = ValidateRecord(record); !st.ok()) return st;
      const std::string type = record.at("type").get<std::string>();
      if (type == "header") {
        const int64_t version = record.at("version").get<int64_t>();
        if (version > kInterchangeVersion) {
          return Status::Unsupported("interchange version " + std::to_string(version) +
                                     " is newer than this dossier reads (" + std::to_string(kInterchangeVersion) +
                                     "); upgrade dossier");
        }
        ++unchanged_;  // a backup of an empty store restores to nothing, and that is fine
        return Status::OK();
      }
      if (type == "audit") {
        if (PutAudit(record)) {
          ++count_;
        } else {
          ++unchanged_;
        }
        return Status::OK();
      }
      if (!Admit(type, record)) {
        ++unchanged_;
        return Status::OK();
      }
      if (type == "mention") {
        PutMention(record);
      } else if (type == "claim") {
        PutClaim(record);
      } else if (type == "judgement") {
        PutJudgement(record);
      } else if (type == "finding") {
        PutFinding(record);
      } else if (type == "source") {
        PutSource(record);
      } else if (type == "story") {
        PutStory(record);
      } else {
        PutEntity(record, *ParseType(type));
      }
      ++count_;
      store_->Fault("record");
      return Status::OK();
    });
  }

  Status Commit() override {
    return Guard(store_->path(), [&]() -> Status {
      if (!tx_) return Status::InvalidArgument("records were already committed");
      if (count_ == 0) {
        // Every record was in the store already: nothing to commit or audit.
        tx_.reset();
        return Status::OK();
      }
      ApplyMerges();
      for (const auto& [story, into] : story_joins_) {
        db_->Prepare("UPDATE story SET merged_into = ? WHERE id = ?").Bind(1, into).Bind(2, story).Run();
      }
      CheckSpans();
      CheckReferences();
      if (options_.audit) {
        store_->Audit(actor_, "import-records", "store",
                      {{"records", count_}, {"unchanged", unchanged_}, {"replaced", replaced_}});
      }
      store_->Fault("commit");
      tx_->Commit();
      tx_.reset();
      return Status::OK();
    });
  }

  int64_t count() const override { return count_; }
  int64_t unchanged() const override { return unchanged_; }

 private:
  // The record as the store would export it now, or null when no record of
  // that type has the id.
  Json Stored(const std::string& type, const std::string& id) {
    if (type == "mention") {
      Stmt s = db_->Prepare(std::string("SELECT ") + kMentionColumns + " FROM mention m WHERE m.id = ?");
      s.Bind(1, id);
      return s.Step() ? MentionRecord(ReadMentionRow(s)) : Json();
    }
    if (type == "judgement") {
      Stmt s = db_->Prepare(std::string("SELECT ") + kJudgementColumns + " FROM judgement WHERE id = ?");
      s.Bind(1, id);
      return s.Step() ? JudgementRecord(ReadJudgementRow(s)) : Json();
    }
    if (type == "finding") {
      Stmt s = db_->Prepare(std::string("SELECT ") + kFindingColumns + " FROM finding f WHERE f.id = ?");
      s.Bind(1, id);
      return s.Step() ? FindingRecord(ReadFindingRow(s)) : Json();
    }
    if (type == "claim") {
      auto c = store_->LoadClaim(id);
      return c ? ClaimRecord(*c) : Json();
    }
    if (type == "source") {
      auto f = store_->FindSource(id.substr(7));
      if (!f.ok()) Fail(f.status());
      return *f ? SourceRecord(**f) : Json();
    }
    if (type == "story") {
      auto s = store_->LoadStory(id, false);
      return s ? StoryRecord(*s) : Json();
    }
    auto e = store_->LoadEntity(id);
    if (!e) return Json();
    Json record = EntityRecord(*e);
    if (type == "document") {
      auto d = store_->LoadDocument(id);
      if (!d) return Json();
      Json full = DocumentRecord(*d);
      full["aliases"] = record["aliases"];
      if (record.contains("merged_into")) full["merged_into"] = record["merged_into"];
      return full;
    }
    return record;
  }

  // Whether to write a record (docs/exports.md, "Restoring"): a new id is
  // written; an id the store holds with the same content is left alone (so
  // importing one backup twice changes nothing); other content is refused
  // unless options_.replace, and each record replaced is in the audit log.
  bool Admit(const std::string& type, const Json& record) {
    const std::string id = record.at("id").get<std::string>();
    const Json stored = Stored(type, id);
    if (stored.is_null()) return true;
    const std::string field = FirstDifference(stored, record);
    if (field.empty()) return false;
    if (!options_.replace) {
      Fail(Status::AlreadyExists(id + " is in the store already with another " + field +
                                 " (import with --replace to overwrite what the store holds)"));
    }
    Json before = stored;
    before.erase("text");  // its hash stays in properties.sha256
    store_->Audit(actor_, "replace-record", id, {{"field", field}, {"before", std::move(before)}});
    ++replaced_;
    return true;
  }

  // The audit log travels with a backup. An entry the log holds already (the
  // same seq, time, actor, action and target) is not added twice; any other
  // is appended, keeping its seq when that is free, so that a restore into a
  // new store gives the log it was taken from.
  // Whether the entry was added.
  bool PutAudit(const Json& r) {
    const int64_t seq = r.at("seq").get<int64_t>();
    const std::string detail = r.value("detail", Json::object()).dump();
    Stmt s = db_->Prepare("SELECT at, actor, action, target FROM audit WHERE seq = ?");
    s.Bind(1, seq);
    if (s.Step()) {
      if (s.Text(0) == Str(r, "at") && s.Text(1) == Str(r, "actor") && s.Text(2) == Str(r, "action") &&
          s.Text(3) == Str(r, "target")) {
        return false;
      }
      db_->Prepare("INSERT INTO audit(at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
          .BindAll(Str(r, "at"), Str(r, "actor"), Str(r, "action"), Str(r, "target"), detail)
          .Run();
      return true;
    }
    db_->Prepare("INSERT INTO audit(seq, at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)")
        .BindAll(seq, Str(r, "at"), Str(r, "actor"), Str(r, "action"), Str(r, "target"), detail)
        .Run();
    db_->KeyGiven("audit", "seq");
    return true;
  }

  static std::string Str(const Json& j, const char* key) {
    auto it = j.find(key);
    return it == j.end() || !it->is_string() ? std::string() : it->get<std::string>();
  }

  void PutAliases(const std::string& id, const Json& record) {
    db_->Prepare("DELETE FROM alias WHERE entity = ?").Bind(1, id).Run();
    if (!record.contains("aliases")) return;
    const std::string now = NowIso();
    for (const auto& a : record["aliases"]) {
      if (a.is_string()) {
        store_->InsertAlias(id, a.get<std::string>(), {}, actor_, now);
        continue;
      }
      SourceRef seen;
      seen.document = Str(a, "document");
      seen.start = a.value("start", int64_t{-1});
      seen.end = a.value("end", int64_t{-1});
      seen.quote = Str(a, "quote");
      seen.note = Str(a, "note");
      Actor by = actor_;
      if (a.contains("added_by")) by.name = a["added_by"].get<std::string>();
      store_->InsertAlias(id, a.at("name").get<std::string>(), seen, by, now);
    }
  }

  void PutEntity(const Json& r, EntityType type) {
    const std::string id = r.at("id");
    const std::string name = r.at("name");
    const std::string now = NowIso();
    const std::string created = Str(r, "created_at").empty() ? now : Str(r, "created_at");
    const std::string updated = Str(r, "updated_at").empty() ? created : Str(r, "updated_at");
    Json props = r.value("properties", Json::object());
    Document doc;
    if (type == EntityType::kDocument) {
      doc.id = id;
      doc.title = name;
      doc.text = r.at("text").get<std::string>();
      doc.kind = props.at("kind").get<std::string>();
      doc.source = Str(props, "source");
      doc.sha256 = Sha256Hex(doc.text);
      if (!Str(props, "sha256").empty() && Str(props, "sha256") != doc.sha256) {
        Fail(Status::InvalidArgument("document " + id + ": sha256 does not match its text"));
      }
      for (const auto& p : props.value("paragraphs", Json::array())) {
        Paragraph para{p.at("start").get<int64_t>(), p.at("end").get<int64_t>(), p};
        para.properties.erase("start");
        para.properties.erase("end");
        if (!IsSpanOf(doc.text, para.start, para.end)) {
          Fail(Status::InvalidArgument("document " + id + ": paragraph [" + std::to_string(para.start) + ", " +
                                       std::to_string(para.end) + ") is not a span of its text"));
        }
        doc.paragraphs.push_back(std::move(para));
      }
      for (const char* k : {"kind", "source", "sha256", "paragraphs"}) props.erase(k);
    }
    Stmt s = db_->Prepare("SELECT type FROM entity WHERE id = ?");
    s.Bind(1, id);
    if (s.Step()) {
      if (s.Text(0) != TypeText(type)) Fail(Status::InvalidArgument(id + " is already a " + s.Text(0)));
      db_->Prepare("UPDATE entity SET name = ?, norm = ?, properties = ?, created_at = ?, updated_at = ? WHERE id = ?")
          .BindAll(name, NormalizeName(name), props.dump(), created, updated, id)
          .Run();
      if (type == EntityType::kDocument) {
        db_->Prepare("DELETE FROM document WHERE id = ?").Bind(1, id).Run();
        store_->InsertDocumentRows(doc);
      }
    } else {
      store_->InsertEntityRow(id, type, name, props, created, updated, actor_.name);
      if (type == EntityType::kDocument) store_->InsertDocumentRows(doc);
    }
    PutAliases(id, r);
    RebuildNameKeys(db_, id);
    if (r.contains("merged_into")) merges_[id] = r["merged_into"].get<std::string>();
  }

  void PutMention(const Json& r) {
    db_->Prepare(
           "INSERT INTO mention(id, entity, entity_type, doc, start, \"end\", text, extractor, confidence) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET entity = excluded.entity, "
           "entity_type = excluded.entity_type, doc = excluded.doc, start = excluded.start, "
           "\"end\" = excluded.\"end\", text = excluded.text, extractor = excluded.extractor, "
           "confidence = excluded.confidence")
        .Bind(1, Str(r, "id"))
        .BindOrNull(2, Str(r, "entity"))
        .Bind(3, r.value("entity_type", std::string("person")))
        .Bind(4, Str(r, "document"))
        .Bind(5, r.at("start").get<int64_t>())
        .Bind(6, r.at("end").get<int64_t>())
        .Bind(7, Str(r, "text"))
        .Bind(8, r.value("extractor", std::string("unknown")))
        .Bind(9, r.value("confidence", 1.0))
        .Run();
    spans_.push_back({"mention", Str(r, "id")});
  }

  void PutClaim(const Json& r) {
    if (Str(r, "document").empty() && Str(r, "source_note").empty()) {
      Fail(Status::InvalidArgument("claim " + Str(r, "id") + " has no source (document or source_note)"));
    }
    const std::string now = NowIso();
    const std::string created = Str(r, "created_at").empty() ? now : Str(r, "created_at");
    // A DELETE, not INSERT OR REPLACE: REPLACE removes the old row without
    // its delete trigger, which left the old quote in the full-text index.
    db_->Prepare("DELETE FROM claim WHERE id = ?").Bind(1, Str(r, "id")).Run();
    db_->Prepare(
           "INSERT INTO claim(id, subject, predicate, object, value, time, doc, start, \"end\", quote, "
           "source_note, attributed_to, kind, extractor, confidence, status, status_reason, properties, created_at, "
           "updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .Bind(1, Str(r, "id"))
        .Bind(2, Str(r, "subject"))
        .Bind(3, Str(r, "predicate"))
        .BindOrNull(4, Str(r, "object"))
        .BindOrNull(5, r.contains("value") && !r["value"].is_null() ? r["value"].dump() : std::string())
        .BindOrNull(6, Str(r, "time"))
        .BindOrNull(7, Str(r, "document"))
        .BindOrNull(8, r.value("start", int64_t{-1}))
        .BindOrNull(9, r.value("end", int64_t{-1}))
        .BindOrNull(10, Str(r, "quote"))
        .BindOrNull(11, Str(r, "source_note"))
        .BindOrNull(12, Str(r, "attributed_to"))
        .BindOrNull(13, Str(r, "kind"))
        .Bind(14, r.value("extractor", std::string("curator")))
        .Bind(15, r.value("confidence", 1.0))
        .Bind(16, Str(r, "status"))
        .BindOrNull(17, Str(r, "status_reason"))
        .Bind(18, r.value("properties", Json::object()).dump())
        .Bind(19, created)
        .Bind(20, Str(r, "updated_at").empty() ? created : Str(r, "updated_at"))
        .Bind(21, actor_.name)
        .Run();
    if (r.contains("start")) spans_.push_back({"claim", Str(r, "id")});
  }

  void PutJudgement(const Json& r) {
    const std::string a = Str(r, "a"), b = Str(r, "b");
    db_->Prepare(
           "INSERT INTO judgement(id, a, b, lo, hi, verdict, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
           "ON CONFLICT(lo, hi) DO UPDATE SET id = excluded.id, a = excluded.a, b = excluded.b, "
           "verdict = excluded.verdict, reason = excluded.reason, by = excluded.by, at = excluded.at")
        .Bind(1, Str(r, "id"))
        .Bind(2, a)
        .Bind(3, b)
        .Bind(4, std::min(a, b))
        .Bind(5, std::max(a, b))
        .Bind(6, Str(r, "verdict"))
        .BindOrNull(7, Str(r, "reason"))
        .Bind(8, Str(r, "by").empty() ? actor_.name : Str(r, "by"))
        .Bind(9, Str(r, "at").empty() ? NowIso() : Str(r, "at"))
        .Run();
  }

  void PutFinding(const Json& r) {
    const std::string id = Str(r, "id");
    const std::string now = NowIso();
    const std::string created = Str(r, "created_at").empty() ? now : Str(r, "created_at");
    db_->Prepare(
           "INSERT INTO finding(id, checker, code, severity, message, refs, evidence, fingerprint, status, "
           "status_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
           "ON CONFLICT(id) DO UPDATE SET checker = excluded.checker, code = excluded.code, "
           "severity = excluded.severity, message = excluded.message, refs = excluded.refs, "
           "evidence = excluded.evidence, fingerprint = excluded.fingerprint, status = excluded.status, "
           "status_reason = excluded.status_reason, created_at = excluded.created_at, "
           "updated_at = excluded.updated_at")
        .Bind(1, id)
        .Bind(2, Str(r, "checker"))
        .Bind(3, Str(r, "code"))
        .Bind(4, Str(r, "severity"))
        .Bind(5, Str(r, "message"))
        .Bind(6, r.at("refs").dump())
        .Bind(7, r.value("evidence", Json::object()).dump())
        .Bind(8, Str(r, "fingerprint").empty() ? id : Str(r, "fingerprint"))
        .Bind(9, Str(r, "status"))
        .BindOrNull(10, Str(r, "status_reason"))
        .Bind(11, created)
        .Bind(12, Str(r, "updated_at").empty() ? created : Str(r, "updated_at"))
        .Run();
    db_->Prepare("DELETE FROM finding_ref WHERE finding = ?").Bind(1, id).Run();
    for (const auto& ref : r.at("refs")) {
      db_->Prepare("INSERT INTO finding_ref(finding, ref) VALUES (?, ?) ON CONFLICT DO NOTHING").Bind(1, id).Bind(2, ref.get<std::string>()).Run();
    }
  }

  void PutSource(const Json& r) {
    const std::string sha = Str(r, "sha256");
    if (Str(r, "id") != "source:" + sha) Fail(Status::InvalidArgument(Str(r, "id") + " does not match its sha256"));
    db_->Prepare(
           "INSERT INTO source_file(sha256, path, importer, size, imported_at, documents) "
           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, "
           "importer = excluded.importer, size = excluded.size, imported_at = excluded.imported_at, "
           "documents = excluded.documents")
        .BindAll(sha, Str(r, "path"), Str(r, "importer"), r.at("size").get<int64_t>(), Str(r, "imported_at"),
                 r.value("documents", Json::array()).dump())
        .Run();
  }

  void PutStory(const Json& r) {
    const std::string id = Str(r, "id");
    const std::string now = NowIso();
    const std::string created = Str(r, "created_at").empty() ? now : Str(r, "created_at");
    db_->Prepare(
           "INSERT INTO story(id, title, first_date, last_date, properties, created_at, updated_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET title = excluded.title, "
           "first_date = excluded.first_date, last_date = excluded.last_date, properties = excluded.properties, "
           "created_at = excluded.created_at, updated_at = excluded.updated_at")
        .Bind(1, id)
        .Bind(2, Str(r, "name"))
        .BindOrNull(3, Str(r, "first_date"))
        .BindOrNull(4, Str(r, "last_date"))
        .Bind(5, r.value("properties", Json::object()).dump())
        .Bind(6, created)
        .Bind(7, Str(r, "updated_at").empty() ? created : Str(r, "updated_at"))
        .Run();
    db_->Prepare("DELETE FROM story_member WHERE story = ?").Bind(1, id).Run();
    for (const auto& m : r.at("members")) {
      db_->Prepare("INSERT INTO story_member(story, document, by, excluded, reason) VALUES (?, ?, ?, ?, ?) "
                   "ON CONFLICT(story, document) DO UPDATE SET by = excluded.by, excluded = excluded.excluded, "
                   "reason = excluded.reason")
          .Bind(1, id)
          .Bind(2, Str(m, "document"))
          .Bind(3, Str(m, "by"))
          .Bind(4, m.value("excluded", false) ? 1 : 0)
          .BindOrNull(5, Str(m, "reason"))
          .Run();
    }
    // A join points at a story that may come later in the file.
    if (!Str(r, "merged_into").empty()) story_joins_[id] = Str(r, "merged_into");
  }

  // merged_into becomes a merge whose reason, author and time are those of the
  // pair's "same" judgement when the file has one.
  void ApplyMerges() {
    for (const auto& [absorbed, into] : merges_) {
      std::string reason, by = actor_.name, at = NowIso();
      Stmt j = db_->Prepare("SELECT reason, by, at FROM judgement WHERE lo = ? AND hi = ? AND verdict = 'same'");
      j.Bind(1, std::min(absorbed, into)).Bind(2, std::max(absorbed, into));
      if (j.Step()) {
        reason = j.Text(0);
        by = j.Text(1);
        at = j.Text(2);
      }
      db_->Prepare("INSERT INTO merge(absorbed, into_id, judgement, reason, by, at) VALUES (?, ?, NULL, ?, ?, ?) "
                   "ON CONFLICT(absorbed) DO UPDATE SET into_id = excluded.into_id, judgement = NULL, "
                   "reason = excluded.reason, by = excluded.by, at = excluded.at")
          .Bind(1, absorbed)
          .Bind(2, into)
          .BindOrNull(3, reason)
          .Bind(4, by)
          .Bind(5, at)
          .Run();
    }
    for (const auto& [absorbed, into] : merges_) {
      // The survivor at the end of the chain a -> b -> c.
      std::string root = into;
      std::set<std::string> seen = {absorbed};
      for (;;) {
        if (!seen.insert(root).second) Fail(Status::InvalidArgument("merged_into forms a cycle through " + root));
        Stmt m = db_->Prepare("SELECT into_id FROM merge WHERE absorbed = ?");
        m.Bind(1, root);
        if (!m.Step()) break;
        root = m.Text(0);
      }
      store_->SetCanonical(absorbed, root);
    }
  }

  // A span must still say what the record says it says.
  void CheckSpans() {
    for (const auto& [table, id] : spans_) {
      const std::string text_col = table == "mention" ? "text" : "quote";
      const std::string bytes = db_->Bytes("d.text");
      Stmt s = db_->Prepare("SELECT substr(" + bytes + ", x.start + 1, x.\"end\" - x.start) = " +
                            db_->Bytes("x." + text_col) + ", x.\"end\" <= length(" + bytes + ") FROM " + table +
                            " x JOIN document d ON d.id = x.doc WHERE x.id = ?");
      s.Bind(1, id);
      if (s.Step() && (!s.Int(0) || !s.Int(1))) {
        Fail(Status::InvalidArgument(table + " " + id + ": its text is not what the document has at its span"));
      }
    }
  }

  // PostgreSQL checks the deferred foreign keys when told to check them now;
  // the first one broken is the error, which names the table and the key.
  void CheckServerReferences() {
    // In a savepoint: a failed statement spoils the transaction, and the
    // row that failed is looked up after.
    db_->Exec("SAVEPOINT check_references");
    try {
      db_->Exec("SET CONSTRAINTS ALL IMMEDIATE");
      db_->Exec("SET CONSTRAINTS ALL DEFERRED");
      db_->Exec("RELEASE check_references");
    } catch (const SqliteError& e) {
      if (e.code() != SQLITE_CONSTRAINT) throw;
      db_->Exec("ROLLBACK TO check_references; RELEASE check_references; SET CONSTRAINTS ALL DEFERRED");
      const std::string what = e.what();
      auto quoted_after = [&](const std::string& marker) {
        const size_t at = what.find(marker);
        if (at == std::string::npos) return std::string();
        const size_t from = at + marker.size();
        return what.substr(from, what.find('"', from) - from);
      };
      const std::string table = quoted_after("on table \"");
      const std::string parent = quoted_after("present in table \"");
      // "Key (column)=(value)": the row that names it, by its id.
      std::string id;
      const size_t key = what.find("Key (");
      const size_t eq = what.find(")=(", key);
      const size_t end = what.find(") is not", eq);
      const bool known = table == "mention" || table == "claim" || table == "alias" || table == "judgement" ||
                         table == "document";
      if (key != std::string::npos && eq != std::string::npos && end != std::string::npos && known) {
        const std::string column = what.substr(key + 5, eq - key - 5);
        if (column.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos) {
          Stmt r = db_->Prepare("SELECT " + std::string(table == "alias" ? "entity || ' alias ' || name" : "id") +
                                " FROM " + table + " WHERE " + column + " = ? LIMIT 1");
          r.Bind(1, what.substr(eq + 3, end - eq - 3));
          if (r.Step()) id = r.Text(0);
        }
      }
      Fail(Status::InvalidArgument((table == "merge" ? "merged_into" : table) + (id.empty() ? "" : " " + id) +
                                   " refers to a " +
                                   (parent == "entity" ? "document or entity" : parent) +
                                   " that is neither in the store nor in the file"));
    }
  }

  void CheckReferences() {
    if (db_->dialect() == Dialect::kPostgres) return CheckServerReferences();
    Stmt s = db_->Prepare("PRAGMA foreign_key_check");
    if (!s.Step()) return;
    const std::string table = s.Text(0);
    const int64_t rowid = s.IntOr(1, -1);
    const std::string parent = s.Text(2);
    std::string id;
    if (rowid >= 0 && (table == "mention" || table == "claim" || table == "alias" || table == "judgement" ||
                       table == "document")) {
      Stmt r = db_->Prepare("SELECT " + std::string(table == "alias" ? "entity || ' alias ' || name" : "id") +
                            " FROM " + table + " WHERE rowid = ?");
      r.Bind(1, rowid);
      if (r.Step()) id = r.Text(0);
    }
    Fail(Status::InvalidArgument((table == "merge" ? "merged_into" : table) + (id.empty() ? "" : " " + id) +
                                 " refers to a " + (parent == "entity" ? "document or entity" : parent) +
                                 " that is neither in the store nor in the file"));
  }

  SqliteStore* store_;
  Db* db_;
  Actor actor_;
  RecordOptions options_;
  std::unique_ptr<Transaction> tx_;
  std::map<std::string, std::string> merges_;        // absorbed -> into
  std::map<std::string, std::string> story_joins_;   // joined story -> the one it is read through
  std::vector<std::pair<std::string, std::string>> spans_;
  int64_t count_ = 0;
  int64_t unchanged_ = 0;
  int64_t replaced_ = 0;
};

Result<std::unique_ptr<RecordWriter>> SqliteStore::BeginRecords(const Actor& actor, const RecordOptions& options) {
  return Guard(path_, [&]() -> Result<std::unique_ptr<RecordWriter>> {
    return std::unique_ptr<RecordWriter>(new SqliteRecordWriter(this, actor, options));
  });
}

}  // namespace dossier::sqlite
