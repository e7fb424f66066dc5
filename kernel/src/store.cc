// Store::Open chooses the backend. Today there is one: the embedded SQLite file.
#include "dossier/store.h"

#include "sqlite/sqlite_store.h"

namespace dossier {

StoreView::~StoreView() = default;
Snapshot::~Snapshot() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  if (path.empty()) return Status::InvalidArgument("empty store path");
  if (path.rfind("postgres://", 0) == 0 || path.rfind("postgresql://", 0) == 0) {
    return Status::Unsupported("PostgreSQL stores are not supported yet: " + path);
  }
  return sqlite::SqliteStore::Open(path, options);
}

}  // namespace dossier
