#include "sqlite/fts_pending.h"

namespace dossier::sqlite {

void IndexPendingText(Db* db) {
  {
    Stmt any = db->Prepare("SELECT 1 FROM fts_pending LIMIT 1");
    if (!any.Step()) return;
  }
  // One INSERT per table, so FTS5 builds one index segment for the whole
  // queue. Aliases added in this transaction are read here too: their own
  // trigger updated no index row, as the entity had none yet.
  db->Prepare(
        "INSERT INTO entity_fts(rowid, name, aliases) "
        "SELECT e.rid, e.name, coalesce((SELECT group_concat(a.name, ' | ') FROM alias a WHERE a.entity = e.id), '') "
        "FROM fts_pending p JOIN entity e ON e.rid = p.rid WHERE p.tbl = 'entity' ORDER BY p.rid")
      .Run();
  db->Prepare(
        "INSERT INTO document_fts(rowid, title, text) "
        "SELECT d.rid, d.title, d.text FROM fts_pending p JOIN document d ON d.rid = p.rid "
        "WHERE p.tbl = 'document' ORDER BY p.rid")
      .Run();
  db->Prepare(
        "INSERT INTO claim_fts(rowid, quote) "
        "SELECT c.rid, coalesce(c.quote, '') FROM fts_pending p JOIN claim c ON c.rid = p.rid "
        "WHERE p.tbl = 'claim' ORDER BY p.rid")
      .Run();
  db->Prepare("DELETE FROM fts_pending").Run();
}

}  // namespace dossier::sqlite
