// Write groups: many writes in one transaction, so an import of many small
// documents pays one commit (one WAL sync, one flush of the full-text index's
// pending terms) per group instead of one per document. The writes inside
// open their own Transaction, which becomes a savepoint (db.h).
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {

class SqliteWriteGroup final : public WriteGroup {
 public:
  explicit SqliteWriteGroup(SqliteStore* store) : store_(store), tx_(std::make_unique<Transaction>(store->db())) {}

  Status Commit() override {
    return Guard(store_->path(), [&]() -> Status {
      if (!tx_) return Status::InvalidArgument("the write group was committed already");
      // SQLite rolls the whole transaction back itself after a full disk, an
      // I/O error or running out of memory; committing now would find no
      // transaction, and the writes since then each committed on their own.
      // Either way the group as a whole was not kept: say so.
      const bool lost = !store_->db()->InTransaction();
      if (lost) {
        tx_.reset();
        return Status::IOError("store " + store_->path() +
                               ": a write failed and SQLite rolled back the writes grouped with it");
      }
      store_->Fault("group-commit");
      tx_->Commit();
      tx_.reset();
      return Status::OK();
    });
  }

 private:
  SqliteStore* store_;
  std::unique_ptr<Transaction> tx_;
};

Result<std::unique_ptr<WriteGroup>> SqliteStore::BeginGroup() {
  return Guard(path_, [&]() -> Result<std::unique_ptr<WriteGroup>> {
    if (db_->InTransaction()) return Status::InvalidArgument("store " + path_ + ": a transaction is open already");
    return std::unique_ptr<WriteGroup>(new SqliteWriteGroup(this));
  });
}

}  // namespace dossier::sqlite
