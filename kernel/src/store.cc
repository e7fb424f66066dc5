// Store::Open chooses the backend: the embedded SQLite file, or a database on
// a PostgreSQL server (docs/design.md, "Backends").
#include "dossier/store.h"

#include "postgres/pg_store.h"
#include "sqlite/sqlite_store.h"

namespace dossier {

StoreView::~StoreView() = default;
Snapshot::~Snapshot() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  if (path.empty()) return Status::InvalidArgument("empty store path");
  if (postgres::IsServerUri(path)) return postgres::OpenStore(path, options);
  return sqlite::SqliteStore::Open(path, options);
}

}  // namespace dossier
