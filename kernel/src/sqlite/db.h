// A thin RAII layer over the database engine, private to the store's SQL
// code: SQLite's C API, or libpq for a PostgreSQL store (postgres/pg_db.h).
//
// Errors inside the backend are thrown as SqliteError (PostgreSQL's errors
// carry the SQLite result code that means the same) and turned into a Status
// at the Store boundary, so the code between reads as a straight line and a
// failure anywhere in a transaction unwinds through its Transaction guard,
// which rolls back.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>
#include <string>
#include <string_view>

namespace dossier::sqlite {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }  // primary SQLite result code

 private:
  int code_;
};

class Db;

// One backend's prepared statement (SQLite's, or PostgreSQL's in
// kernel/src/postgres/pg_db.h). Stmt is the face the store's code uses.
class StmtImpl {
 public:
  virtual ~StmtImpl() = default;
  virtual void Bind(int i, std::string_view v) = 0;
  virtual void Bind(int i, int64_t v) = 0;
  virtual void Bind(int i, double v) = 0;
  virtual void BindNull(int i) = 0;
  virtual bool Step() = 0;
  virtual bool IsNull(int col) const = 0;
  virtual std::string Text(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual double Real(int col) const = 0;
  // The Stmt is done with it: reset for the next user of a cached statement,
  // or freed.
  virtual void Release() = 0;
};

// A prepared statement borrowed from the Db; reset and unbound (or freed)
// when it goes out of scope so the next user starts clean.
class Stmt {
 public:
  explicit Stmt(StmtImpl* impl) : impl_(impl) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& other) noexcept : impl_(other.impl_) { other.impl_ = nullptr; }
  ~Stmt() {
    if (impl_) impl_->Release();
  }

  // Binding by 1-based position. Empty optionals and nullptr bind NULL.
  Stmt& Bind(int i, std::string_view v) {
    impl_->Bind(i, v);
    return *this;
  }
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, int64_t v) {
    impl_->Bind(i, v);
    return *this;
  }
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v) {
    impl_->Bind(i, v);
    return *this;
  }
  Stmt& Bind(int i, std::nullptr_t) {
    impl_->BindNull(i);
    return *this;
  }
  // Binds NULL for an empty string (optional text columns).
  Stmt& BindOrNull(int i, std::string_view v) { return v.empty() ? Bind(i, nullptr) : Bind(i, v); }
  // Binds NULL for a negative value (unset offsets).
  Stmt& BindOrNull(int i, int64_t v) { return v < 0 ? Bind(i, nullptr) : Bind(i, v); }

  template <class... Args>
  Stmt& BindAll(Args&&... args) {
    int i = 0;
    (Bind(++i, std::forward<Args>(args)), ...);
    return *this;
  }

  // Advances; true while a row is available.
  bool Step() { return impl_->Step(); }
  // Runs to completion (for statements without rows).
  void Run() {
    while (Step()) {
    }
  }

  bool IsNull(int col) const { return impl_->IsNull(col); }
  std::string Text(int col) const { return impl_->Text(col); }  // "" for NULL
  int64_t Int(int col) const { return impl_->Int(col); }        // 0 for NULL
  int64_t IntOr(int col, int64_t fallback) const { return IsNull(col) ? fallback : Int(col); }
  double Real(int col) const { return impl_->Real(col); }

 private:
  StmtImpl* impl_;
};

// Which SQL a Db speaks, where the store's statements must differ.
enum class Dialect { kSqlite, kPostgres };

// A connection to the database that holds a store. The store's code writes
// SQL both engines accept where it can (docs/design.md, "Backends"), and asks
// dialect() where it cannot.
class Db {
 public:
  virtual ~Db() = default;

  virtual Dialect dialect() const = 0;
  // Runs one or more statements without results.
  virtual void Exec(std::string_view sql) = 0;
  // Exec that ignores failure: ending a transaction from a destructor.
  virtual void ExecQuietly(const char* sql) noexcept = 0;
  // A prepared statement for sql (which must be a single statement, with ?
  // for parameters). While one Stmt for sql is alive, preparing sql again
  // gives a fresh one, so nested use of the same query is safe.
  virtual Stmt Prepare(const std::string& sql) = 0;
  // Prepare, for a query over a whole table that the caller reads row by row
  // (the StoreView::ForEach... reads): the rows come a batch at a time, so
  // memory does not grow with the store. SQLite steps through any statement
  // that way; PostgreSQL sends a result whole unless read through a cursor.
  virtual Stmt Stream(const std::string& sql) { return Prepare(sql); }
  // Prepare, for a statement whose best plan depends on its values (a
  // search: how many rows a query matches), so that it is planned each time
  // it runs. PostgreSQL's plan for a prepared statement settles after five
  // runs on one made for no values in particular: for search, ten times
  // slower (docs/scale-out.md).
  virtual Stmt PrepareAdHoc(const std::string& sql) { return Prepare(sql); }
  // Rows the last INSERT, UPDATE or DELETE changed.
  virtual int64_t Changes() const = 0;
  virtual bool InTransaction() const = 0;
  // Begins a write transaction that holds the store's write lock: a second
  // writer waits here (up to the busy timeout) rather than failing later.
  virtual void BeginWrite() = 0;
  // Begins a transaction that only reads and sees one moment of the store
  // throughout, whatever other connections commit meanwhile: the moment of
  // its first statement (on both engines).
  virtual void BeginRead() = 0;
  // Checks foreign keys at COMMIT rather than at each statement (on), or at
  // each statement again (off), in the open transaction; never throws when
  // turning it off.
  virtual void DeferForeignKeys(bool on) = 0;
  // SQL for text expr as its UTF-8 bytes, which substr() and length() then
  // count in bytes (the offsets the store keeps are byte offsets); read
  // back, the result is those bytes.
  virtual std::string Bytes(std::string_view expr) const = 0;
  // A row was inserted with its integer key given (an audit entry restored
  // with its seq): the keys the engine picks from then on come after it.
  virtual void KeyGiven(const char* table, const char* column) = 0;
  // The store's schema version, as the engine keeps it.
  virtual int SchemaVersion() = 0;
  // What the store takes on disk.
  virtual int64_t SizeBytes() = 0;

  // Called after a write transaction (not a savepoint) committed.
  virtual void Committed() {}

  // Convenience: the first column of the first row as an integer (or fallback).
  int64_t QueryInt(const std::string& sql, int64_t fallback = 0);

  // Work every write transaction does last, inside it, before its COMMIT (a
  // Transaction that is not a savepoint). If it throws, the transaction rolls back.
  void set_before_commit(void (*fn)(Db*)) { before_commit_ = fn; }
  void BeforeCommit() {
    if (before_commit_) before_commit_(this);
  }

 private:
  void (*before_commit_)(Db*) = nullptr;
};

// The SQLite connection.
class SqliteDb final : public Db {
 public:
  // How SqliteDb opens a file.
  enum class Mode {
    kReadWrite,  // the store's own process may write
    kReadOnly,   // the user may not write the file: reads only, through the WAL if there is one
    kImmutable,  // read-only, and nothing can be writing it (no WAL, folder not writable)
  };
  // Opens the file; throws SqliteError when SQLite cannot.
  SqliteDb(const std::string& path, bool create, Mode mode = Mode::kReadWrite);
  ~SqliteDb() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  void Exec(std::string_view sql) override;
  void ExecQuietly(const char* sql) noexcept override;
  Stmt Prepare(const std::string& sql) override;
  int64_t Changes() const override { return sqlite3_changes64(db_); }
  bool InTransaction() const override { return !sqlite3_get_autocommit(db_); }
  // BEGIN IMMEDIATE: a second writer waits on the busy timeout at BEGIN
  // rather than failing with SQLITE_BUSY when it later tries to upgrade a
  // read lock.
  void BeginWrite() override { Exec("BEGIN IMMEDIATE"); }
  void BeginRead() override { Exec("BEGIN"); }
  // SQLite turns deferral off itself at the outermost COMMIT or ROLLBACK.
  void DeferForeignKeys(bool on) override {
    if (on) {
      Exec("PRAGMA defer_foreign_keys = ON");
    } else {
      ExecQuietly("PRAGMA defer_foreign_keys = OFF");
    }
  }

  std::string Bytes(std::string_view expr) const override { return "CAST(" + std::string(expr) + " AS BLOB)"; }
  // SQLite picks one past the largest key itself.
  void KeyGiven(const char*, const char*) override {}
  int SchemaVersion() override { return static_cast<int>(QueryInt("PRAGMA user_version")); }
  int64_t SizeBytes() override { return QueryInt("PRAGMA page_count") * QueryInt("PRAGMA page_size"); }

  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* handle() { return db_; }
  // Throws SqliteError for rc (with SQLite's message) unless rc is OK/ROW/DONE.
  void Check(int rc) const;

 private:
  class CachedStmt;
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<CachedStmt>, std::less<>> cache_;
};

// A write transaction (Db::BeginWrite) ... COMMIT, rolled back if not
// committed. Inside a write
// transaction already open (a write group) it is a savepoint instead: it
// commits into the enclosing transaction and rolls back only its own writes.
// Never open one inside a read snapshot: the savepoint would not wait for the
// write lock.
class Transaction {
 public:
  explicit Transaction(Db* db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit();

 private:
  Db* db_;
  bool nested_;
  bool done_ = false;
};

}  // namespace dossier::sqlite
