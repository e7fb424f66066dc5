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

class SqliteRecordWriter final : public RecordWriter {
 public:
  SqliteRecordWriter(SqliteStore* store, Actor actor) : store_(store), db_(store->db()), actor_(std::move(actor)) {
    tx_ = std::make_unique<Transaction>(db_);
    db_->Exec("PRAGMA defer_foreign_keys = ON");
  }
  // SQLite turns deferral off at the outermost COMMIT or ROLLBACK; inside a
  // write group that comes later, so the writes after these would be
  // deferred too.
  ~SqliteRecordWriter() override {
    tx_.reset();
    sqlite3_exec(db_->handle(), "PRAGMA defer_foreign_keys = OFF", nullptr, nullptr, nullptr);
  }

  Status Put(const Json& record) override {
    return Guard(store_->path(), [&]() -> Status {
      if (!tx_) return Status::InvalidArgument("records were already committed");
      if (Status st = ValidateRecord(record); !st.ok()) return st;
      const std::string type = record.at("type").get<std::string>();
      if (type == "mention") {
        PutMention(record);
      } else if (type == "claim") {
        PutClaim(record);
      } else if (type == "judgement") {
        PutJudgement(record);
      } else if (type == "finding") {
        PutFinding(record);
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
      ApplyMerges();
      CheckSpans();
      CheckReferences();
      store_->Audit(actor_, "import-records", "store", {{"records", count_}});
      store_->Fault("commit");
      tx_->Commit();
      tx_.reset();
      return Status::OK();
    });
  }

  int64_t count() const override { return count_; }

 private:
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
    if (r.contains("merged_into")) merges_[id] = r["merged_into"].get<std::string>();
  }

  void PutMention(const Json& r) {
    db_->Prepare(
           "INSERT OR REPLACE INTO mention(id, entity, entity_type, doc, start, \"end\", text, extractor, confidence) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
           "INSERT OR REPLACE INTO judgement(id, a, b, lo, hi, verdict, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
           "INSERT OR REPLACE INTO finding(id, checker, code, severity, message, refs, evidence, fingerprint, status, "
           "status_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
      db_->Prepare("INSERT OR IGNORE INTO finding_ref(finding, ref) VALUES (?, ?)").Bind(1, id).Bind(2, ref.get<std::string>()).Run();
    }
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
      db_->Prepare("INSERT OR REPLACE INTO merge(absorbed, into_id, judgement, reason, by, at) VALUES (?, ?, NULL, ?, ?, ?)")
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
      Stmt s = db_->Prepare("SELECT substr(CAST(d.text AS BLOB), x.start + 1, x.\"end\" - x.start) = CAST(x." + text_col +
                            " AS BLOB), x.\"end\" <= length(CAST(d.text AS BLOB)) FROM " + table +
                            " x JOIN document d ON d.id = x.doc WHERE x.id = ?");
      s.Bind(1, id);
      if (s.Step() && (!s.Int(0) || !s.Int(1))) {
        Fail(Status::InvalidArgument(table + " " + id + ": its text is not what the document has at its span"));
      }
    }
  }

  void CheckReferences() {
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
  std::unique_ptr<Transaction> tx_;
  std::map<std::string, std::string> merges_;  // absorbed -> into
  std::vector<std::pair<std::string, std::string>> spans_;
  int64_t count_ = 0;
};

Result<std::unique_ptr<RecordWriter>> SqliteStore::BeginRecords(const Actor& actor) {
  return Guard(path_, [&]() -> Result<std::unique_ptr<RecordWriter>> {
    return std::unique_ptr<RecordWriter>(new SqliteRecordWriter(this, actor));
  });
}

}  // namespace dossier::sqlite
