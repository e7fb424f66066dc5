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
    sqlite3_exec(db_->handle(), "COMMIT", nullptr, nullptr, nullptr);
  }

 private:
  Db* db_;
};

}  // namespace

Result<std::unique_ptr<Snapshot>> SqliteStore::BeginSnapshot() {
  return Guard(path_, [&]() -> Result<std::unique_ptr<Snapshot>> {
    if (db_->InTransaction()) return Status::InvalidArgument("a snapshot or a write is already open on this store");
    db_->Exec("BEGIN");
    auto snapshot = std::make_unique<SqliteSnapshot>(db_.get());
    // BEGIN is deferred: the snapshot is taken at the first read, so read now
    // rather than at the caller's first query.
    db_->QueryInt("SELECT count(*) FROM sqlite_schema");
    return std::unique_ptr<Snapshot>(std::move(snapshot));
  });
}

std::vector<std::string> SqliteStore::Files() const {
  return {path_, path_ + "-wal", path_ + "-shm", path_ + "-journal"};
}

}  // namespace dossier::sqlite
