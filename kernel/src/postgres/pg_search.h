// Search on PostgreSQL (docs/design.md, "Backends"): the parts of
// StoreView::Search that differ from SQLite's FTS5.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dossier/store.h"
#include "sqlite/db.h"

namespace dossier::postgres {

// Appends the best `limit` matches of each part the query asks for (names
// and aliases, document titles and text, claim quotes) to hits, scored so
// that lower is better as on SQLite. tsquery is the query in to_tsquery's
// syntax (sqlite/fts_query.h, QuerySyntax::kTsquery). Like SQLite's, each part
// ranks the newest `window` matches only. Throws SqliteError.
void CollectHits(sqlite::Db* db, const SearchQuery& query, const std::string& tsquery, int64_t limit, int64_t window,
                 std::vector<SearchHit>* hits);

}  // namespace dossier::postgres
