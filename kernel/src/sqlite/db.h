// A thin RAII layer over the SQLite C API, private to the SQLite backend.
//
// Errors inside the backend are thrown as SqliteError and turned into a Status
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

// A prepared statement borrowed from the Db's cache; reset and unbound when it
// goes out of scope so the next user starts clean.
class Stmt {
 public:
  // in_use is the cache's flag for this statement (nullptr: the Stmt owns it).
  Stmt(Db* db, sqlite3_stmt* stmt, bool* in_use) : db_(db), stmt_(stmt), in_use_(in_use) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_), in_use_(other.in_use_) {
    other.stmt_ = nullptr;
  }
  ~Stmt();

  // Binding by 1-based position. Empty optionals and nullptr bind NULL.
  Stmt& Bind(int i, std::string_view v);
  Stmt& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::nullptr_t);
  // Binds NULL for an empty string (optional text columns).
  Stmt& BindOrNull(int i, std::string_view v);
  // Binds NULL for a negative value (unset offsets).
  Stmt& BindOrNull(int i, int64_t v);

  template <class... Args>
  Stmt& BindAll(Args&&... args) {
    int i = 0;
    (Bind(++i, std::forward<Args>(args)), ...);
    return *this;
  }

  // Advances; true while a row is available.
  bool Step();
  // Runs to completion (for statements without rows).
  void Run();

  bool IsNull(int col) const;
  std::string Text(int col) const;  // "" for NULL
  int64_t Int(int col) const;       // 0 for NULL
  int64_t IntOr(int col, int64_t fallback) const;
  double Real(int col) const;

 private:
  Db* db_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
};

class Db {
 public:
  // How Db opens a file.
  enum class Mode {
    kReadWrite,  // the store's own process may write
    kReadOnly,   // the user may not write the file: reads only, through the WAL if there is one
    kImmutable,  // read-only, and nothing can be writing it (no WAL, folder not writable)
  };
  // Opens the file; throws SqliteError when SQLite cannot.
  Db(const std::string& path, bool create, Mode mode = Mode::kReadWrite);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without results.
  void Exec(std::string_view sql);
  // A cached prepared statement for sql (which must be a single statement).
  // While one Stmt for sql is alive, preparing sql again gives a fresh,
  // uncached statement, so nested use of the same query is safe.
  Stmt Prepare(const std::string& sql);
  // Convenience: the first column of the first row as an integer (or fallback).
  int64_t QueryInt(const std::string& sql, int64_t fallback = 0);

  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  int64_t Changes() const { return sqlite3_changes64(db_); }
  bool InTransaction() const { return !sqlite3_get_autocommit(db_); }
  sqlite3* handle() { return db_; }

  // Throws SqliteError for rc (with SQLite's message) unless rc is OK/ROW/DONE.
  void Check(int rc) const;

  // Work every write transaction does last, inside it, before its COMMIT (a
  // Transaction that is not a savepoint). If it throws, the transaction rolls back.
  void set_before_commit(void (*fn)(Db*)) { before_commit_ = fn; }
  void BeforeCommit() {
    if (before_commit_) before_commit_(this);
  }

 private:
  sqlite3* db_ = nullptr;
  void (*before_commit_)(Db*) = nullptr;
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };
  std::map<std::string, Cached, std::less<>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if not committed. Immediate, so a
// second writer waits on the busy timeout at BEGIN rather than failing with
// SQLITE_BUSY when it later tries to upgrade a read lock. Inside a write
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
