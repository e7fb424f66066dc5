// Taking things out of the store: an entity that is no thing at all (a
// redaction placeholder, page furniture read as a name), and a document with
// what was read from it. Each is one transaction and one audit entry saying
// what went; neither has an undo command: the JSONL backup restores
// (docs/design.md, "5. The CLI").
#include <algorithm>

#include "clock.h"
#include "dossier/text.h"
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {
namespace {

// Ids bound as a JSON array: "x IN (SELECT value FROM json_each(?))".
std::string JsonIds(const std::vector<std::string>& ids) { return Json(ids).dump(); }

int64_t Count(Db* db, const std::string& sql, const std::string& bound) {
  Stmt s = db->Prepare(sql);
  s.Bind(1, bound);
  s.Step();
  return s.Int(0);
}

}  // namespace

Status SqliteStore::DeleteEntity(std::string_view entity, const std::string& reason, const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    Transaction tx(db_.get());
    const std::string id = ResolveOrThrow(entity, std::nullopt, true);
    auto e = LoadEntity(id);
    if (e->type == EntityType::kDocument) {
      return Status::InvalidArgument(id + " is a document: dossier remove takes it out with its mentions and claims");
    }
    // It and what was merged into it: one thing, deleted as one.
    std::vector<std::string> members;
    Stmt m = db_->Prepare("SELECT id FROM entity WHERE canonical = ? ORDER BY id");
    m.Bind(1, id);
    while (m.Step()) members.push_back(m.Text(0));
    const std::string set = JsonIds(members);
    const std::string in = " IN (SELECT value FROM json_each(?1))";
    const int64_t mentions = Count(db_.get(), "SELECT count(*) FROM mention WHERE entity" + in, set);
    const int64_t claims =
        Count(db_.get(), "SELECT count(*) FROM claim WHERE subject" + in + " OR object" + in, set);
    // Its claims go with it; a quote attributed to it stays, unattributed.
    db_->Prepare("DELETE FROM claim WHERE subject" + in + " OR object" + in).Bind(1, set).Run();
    Fault("claims");
    db_->Prepare("UPDATE claim SET attributed_to = NULL WHERE attributed_to" + in).Bind(1, set).Run();
    // Mentions stay in their documents' text, unresolved (ON DELETE SET NULL);
    // aliases, name keys, merges and judgements go (ON DELETE CASCADE).
    db_->Prepare("DELETE FROM entity WHERE canonical = ?1 AND id != ?1").Bind(1, id).Run();
    db_->Prepare("DELETE FROM entity WHERE id = ?").Bind(1, id).Run();
    Fault("entity");
    members.erase(std::remove(members.begin(), members.end(), id), members.end());
    Audit(actor, "delete", id,
          {{"name", e->name}, {"type", TypeText(e->type)}, {"reason", reason}, {"mentions_unresolved", mentions},
           {"claims_deleted", claims}, {"absorbed", members}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

Result<RemoveOutcome> SqliteStore::RemoveDocument(std::string_view document, const std::string& reason,
                                                  const Actor& actor) {
  return Guard(path_, [&]() -> Result<RemoveOutcome> {
    Transaction tx(db_.get());
    const std::string id = ResolveOrThrow(document, EntityType::kDocument, true);
    auto d = LoadDocument(id);
    if (!d || d->kind == "stub") {
      return Status::InvalidArgument(id + " is only cited by other documents: its text is not in the store");
    }
    RemoveOutcome out;
    out.mentions = Count(db_.get(), "SELECT count(*) FROM mention WHERE doc = ?1", id);
    // The entities named in it, to see afterwards which are named nowhere.
    std::vector<std::string> named;
    Stmt n = db_->Prepare("SELECT DISTINCT entity FROM mention WHERE doc = ? AND entity IS NOT NULL ORDER BY entity");
    n.Bind(1, id);
    while (n.Step()) named.push_back(n.Text(0));
    // The cited-only documents it cites: gone with it when nothing else does.
    Stmt c = db_->Prepare("SELECT DISTINCT c.object FROM claim c JOIN document d ON d.id = c.object "
                          "WHERE c.doc = ? AND d.kind = 'stub' ORDER BY c.object");
    c.Bind(1, id);
    while (c.Step()) named.push_back(c.Text(0));
    // What rests on it: claims sourced from it, claims about it (a REF of it
    // is the citing document's claim and stays).
    out.claims = Count(db_.get(), "SELECT count(*) FROM claim WHERE doc = ?1 OR (subject = ?1 AND doc IS NULL)", id);
    db_->Prepare("DELETE FROM claim WHERE doc = ?1 OR (subject = ?1 AND doc IS NULL)").Bind(1, id).Run();
    Fault("claims");
    db_->Prepare("UPDATE claim SET attributed_to = NULL WHERE attributed_to = ?").Bind(1, id).Run();
    out.cited = Count(db_.get(), "SELECT count(*) FROM claim WHERE object = ?1 OR subject = ?1", id) > 0;
    if (out.cited) {
      // Others cite it: it stays what it was before it was imported, a stub.
      db_->Prepare("DELETE FROM mention WHERE doc = ?").Bind(1, id).Run();
      db_->Prepare("DELETE FROM paragraph WHERE doc = ?").Bind(1, id).Run();
      db_->Prepare("DELETE FROM story_member WHERE document = ?").Bind(1, id).Run();
      db_->Prepare("UPDATE document SET kind = 'stub', text = '', sha256 = ?, source = NULL WHERE id = ?")
          .BindAll(Sha256Hex(""), id)
          .Run();
      db_->Prepare("UPDATE entity SET properties = '{}', updated_at = ? WHERE id = ?").BindAll(NowIso(), id).Run();
    } else {
      db_->Prepare("DELETE FROM entity WHERE id = ?").Bind(1, id).Run();  // mentions, paragraphs, story places cascade
    }
    Fault("document");
    // Importing the file again imports it again.
    db_->Prepare("DELETE FROM source_file WHERE EXISTS (SELECT 1 FROM json_each(source_file.documents) j "
                 "WHERE j.value = ?)")
        .Bind(1, id)
        .Run();
    // Entities an import made that are now named nowhere and hold nothing a
    // curator gave them (a claim, an alias, a merge, a judgement) go too; so
    // do the cited-only documents nothing cites any more.
    for (const auto& e : named) {
      Stmt s = db_->Prepare(
          "SELECT 1 FROM entity WHERE id = ?1 AND canonical = id "
          "AND (type != 'document' OR EXISTS (SELECT 1 FROM document WHERE id = ?1 AND kind = 'stub')) "
          "AND NOT EXISTS (SELECT 1 FROM mention WHERE entity = ?1) "
          "AND NOT EXISTS (SELECT 1 FROM claim WHERE subject = ?1 OR object = ?1 OR attributed_to = ?1) "
          "AND NOT EXISTS (SELECT 1 FROM merge WHERE into_id = ?1 OR absorbed = ?1) "
          "AND NOT EXISTS (SELECT 1 FROM judgement WHERE a = ?1 OR b = ?1) "
          // Anything a curator did to it (add, alias, rename, properties) is
          // audited with it as the target; an import audits its document.
          "AND NOT EXISTS (SELECT 1 FROM audit WHERE target = ?1)");
      s.Bind(1, e);
      if (!s.Step()) continue;
      db_->Prepare("DELETE FROM entity WHERE id = ?").Bind(1, e).Run();
      out.entities_deleted.push_back(e);
    }
    Fault("entities");
    Audit(actor, "remove", id,
          {{"title", d->title}, {"reason", reason}, {"mentions", out.mentions}, {"claims", out.claims},
           {"kept_as_cited", out.cited}, {"entities_deleted", out.entities_deleted}});
    Fault("commit");
    tx.Commit();
    return out;
  });
}

}  // namespace dossier::sqlite
