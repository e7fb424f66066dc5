// Retyping an entity: a company filed as a person becomes an organization.
// An id says its type ("person:acme-corp"), and the JSONL interchange holds
// every id to its type's prefix, so the entity and each entity merged into it
// get a new id of the new type ("org:acme-corp"), and every row that names
// the old id names the new one. Retyping back gives the old ids back (they
// are free again). One transaction, one audit entry (docs/design.md, "5. The
// CLI").
#include "clock.h"
#include "dossier/schema.h"
#include "dossier/text.h"
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {

// Every reference to `from` made a reference to `to`, the entity row and its
// mentions given `type`. Foreign keys are deferred by the caller: rows point
// at the new id before the entity row has it.
void SqliteStore::MoveId(const std::string& from, const std::string& to, EntityType type) {
  const std::string t = TypeText(type);
  db_->Prepare("UPDATE entity SET id = ?2, type = ?3, updated_at = ?4 WHERE id = ?1").BindAll(from, to, t, NowIso()).Run();
  db_->Prepare("UPDATE entity SET canonical = ?2 WHERE canonical = ?1").BindAll(from, to).Run();
  db_->Prepare("UPDATE alias SET entity = ?2 WHERE entity = ?1").BindAll(from, to).Run();
  db_->Prepare("UPDATE mention SET entity = ?2, entity_type = ?3 WHERE entity = ?1").BindAll(from, to, t).Run();
  for (const char* column : {"subject", "object", "attributed_to"}) {
    db_->Prepare(std::string("UPDATE claim SET ") + column + " = ?2 WHERE " + column + " = ?1").BindAll(from, to).Run();
  }
  db_->Prepare("UPDATE merge SET absorbed = ?2 WHERE absorbed = ?1").BindAll(from, to).Run();
  db_->Prepare("UPDATE merge SET into_id = ?2 WHERE into_id = ?1").BindAll(from, to).Run();
  // A judgement keeps its pair in order (lo < hi) to find it from either side.
  db_->Prepare("UPDATE judgement SET a = CASE a WHEN ?1 THEN ?2 ELSE a END, b = CASE b WHEN ?1 THEN ?2 ELSE b END "
               "WHERE a = ?1 OR b = ?1")
      .BindAll(from, to)
      .Run();
  db_->Prepare("UPDATE judgement SET lo = min(a, b), hi = max(a, b) WHERE a = ?1 OR b = ?1").Bind(1, to).Run();
  db_->Prepare("UPDATE finding_ref SET ref = ?2 WHERE ref = ?1").BindAll(from, to).Run();
  db_->Prepare("UPDATE finding SET refs = replace(refs, ?1, ?2) WHERE refs LIKE '%' || ?1 || '%'")
      .BindAll(Json(from).dump(), Json(to).dump())
      .Run();
  // The resolver's keys of a name depend on its type: made afresh.
  db_->Prepare("DELETE FROM name_key WHERE entity = ?").Bind(1, from).Run();
  RebuildNameKeys(db_.get(), to);
}

Result<std::string> SqliteStore::Retype(std::string_view entity, EntityType type, const std::string& reason,
                                        const Actor& actor) {
  return Guard(path_, [&]() -> Result<std::string> {
    if (type == EntityType::kDocument || type == EntityType::kClaim) {
      return Status::InvalidArgument("an entity becomes a person, an organization or a place");
    }
    Transaction tx(db_.get());
    const std::string id = ResolveOrThrow(entity, std::nullopt, true);
    auto e = LoadEntity(id);
    if (e->type == EntityType::kDocument) return Status::InvalidArgument(id + " is a document");
    if (e->type == type) return Status::InvalidArgument(id + " is " + TypeText(type) + " already");
    if (Status st = ValidateProperties(type, e->properties); !st.ok()) {
      return Status::InvalidArgument("the properties of " + id + " do not fit " + TypeText(type) + ": " + st.message());
    }
    std::vector<std::string> members;
    Stmt m = db_->Prepare("SELECT id FROM entity WHERE canonical = ?1 ORDER BY id != ?1, id");
    m.Bind(1, id);
    while (m.Step()) members.push_back(m.Text(0));
    db_->DeferForeignKeys(true);
    Json moved = Json::object();
    std::string canonical;
    for (const auto& old : members) {
      const std::string slug = old.substr(old.find(':') + 1);
      const std::string fresh = UniqueId(IdPrefix(type), slug);
      MoveId(old, fresh, type);
      moved[old] = fresh;
      if (old == id) canonical = fresh;
    }
    Fault("retype");
    Audit(actor, "retype", canonical,
          {{"before", TypeText(e->type)}, {"after", TypeText(type)}, {"ids", moved}, {"reason", reason}});
    Fault("commit");
    tx.Commit();
    db_->DeferForeignKeys(false);
    return canonical;
  });
}

}  // namespace dossier::sqlite
