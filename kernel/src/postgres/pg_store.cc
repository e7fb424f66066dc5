#include "postgres/pg_store.h"

#include <stdexcept>

#include "postgres/pg_db.h"
#include "postgres/pg_schema.h"
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::postgres {

bool IsServerUri(const std::string& path) {
  return path.rfind("postgres://", 0) == 0 || path.rfind("postgresql://", 0) == 0;
}

std::string Redacted(const std::string& uri) {
  const size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return uri;
  const size_t host = uri.find_first_of("/?", scheme + 3);
  const size_t at = uri.rfind('@', host == std::string::npos ? uri.size() : host);
  if (at == std::string::npos || at < scheme) return uri;
  const size_t colon = uri.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon) + ":***" + uri.substr(at);
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& uri, const StoreOptions& options) {
  const std::string name = Redacted(uri);
  return sqlite::Guard(name, [&]() -> Result<std::unique_ptr<Store>> {
    std::unique_ptr<PgDb> db;
    try {
      db = std::make_unique<PgDb>(uri, options.busy_timeout_ms);
    } catch (const sqlite::SqliteError& e) {
      return Status::IOError("cannot open store " + name + ": " + e.what());
    }
    try {
      if (!options.create_if_missing && SchemaVersion(db.get()) == 0) {
        return Status::NotFound("no store in " + name + " (an empty database: `dossier init` creates one)");
      }
      Migrate(db.get());
    } catch (const sqlite::SqliteError&) {
      throw;
    } catch (const std::runtime_error& e) {
      return Status::Unsupported(name + ": " + e.what());
    }
    return sqlite::SqliteStore::OnServer(name, options, std::move(db));
  });
}

}  // namespace dossier::postgres
