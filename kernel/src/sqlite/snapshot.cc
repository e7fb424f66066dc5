// Read snapshots (StoreView::BeginSnapshot) and the files a store is made of.
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {
namespace {

// A deferred transaction that only reads: SQLite keeps its view of the WAL
// from its first read until it ends, so every read inside sees one moment.
class SqliteSnapshot final : public Snapshot {
 public:
  explicit SqliteSnapshot(Db* db) : db_(db) {}
  ~SqliteSnapshot() override {
    // A read transaction has nothing to keep; ending it cannot lose data.
    db_->ExecQuietly("COMMIT");
  }

 private:
  Db* db_;
};

}  // namespace

Result<std::unique_ptr<Snapshot>> SqliteStore::BeginSnapshot() {
  return Guard(path_, [&]() -> Result<std::unique_ptr<Snapshot>> {
    if (db_->InTransaction()) return Status::InvalidArgument("a snapshot or a write is already open on this store");
    db_->BeginRead();
    auto snapshot = std::make_unique<SqliteSnapshot>(db_.get());
    // The snapshot is taken at the first read, so read now rather than at
    // the caller's first query.
    db_->QueryInt("SELECT count(*) FROM entity WHERE FALSE");
    return std::unique_ptr<Snapshot>(std::move(snapshot));
  });
}

std::vector<std::string> SqliteStore::Files() const {
  if (db_->dialect() != Dialect::kSqlite) return {};  // on a server
  return {path_, path_ + "-wal", path_ + "-shm", path_ + "-journal"};
}

std::unique_ptr<Store> SqliteStore::OnServer(std::string name, StoreOptions options, std::unique_ptr<Db> db) {
  return std::unique_ptr<Store>(new SqliteStore(std::move(name), std::move(options), std::move(db)));
}

}  // namespace dossier::sqlite
