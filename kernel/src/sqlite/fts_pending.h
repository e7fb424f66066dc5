// Indexing queued rows for full-text search at commit (schema version 2,
// migrations.cc says why indexing is not done row by row).
#pragma once

#include "sqlite/db.h"

namespace dossier::sqlite {

// Indexes every row in fts_pending (entity names and aliases, document titles
// and text, claim quotes) as the row reads now, and empties the queue. Runs
// inside the write transaction, just before its COMMIT (Db::set_before_commit),
// so what other connections see is always indexed. Throws SqliteError.
void IndexPendingText(Db* db);

}  // namespace dossier::sqlite
