#include "sqlite/db.h"

#include <cstdio>

namespace dossier::sqlite {

// A statement SQLite prepared once and the Db keeps, lent to one Stmt at a
// time; or, when it was lent already, a fresh one that the Stmt frees.
class SqliteDb::CachedStmt final : public StmtImpl {
 public:
  CachedStmt(SqliteDb* db, sqlite3_stmt* stmt, bool cached) : db_(db), stmt_(stmt), cached_(cached) {}
  ~CachedStmt() override { sqlite3_finalize(stmt_); }

  void Bind(int i, std::string_view v) override {
    db_->Check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void Bind(int i, int64_t v) override { db_->Check(sqlite3_bind_int64(stmt_, i, v)); }
  void Bind(int i, double v) override { db_->Check(sqlite3_bind_double(stmt_, i, v)); }
  void BindNull(int i) override { db_->Check(sqlite3_bind_null(stmt_, i)); }
  bool Step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->Check(rc);
    return false;
  }
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Text(int col) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p) return {};
    return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double Real(int col) const override { return sqlite3_column_double(stmt_, col); }
  void Release() override {
    if (!cached_) {
      delete this;
      return;
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    in_use = false;
  }

  bool in_use = false;

 private:
  SqliteDb* db_;
  sqlite3_stmt* stmt_;
  bool cached_;
};

int64_t Db::QueryInt(const std::string& sql, int64_t fallback) {
  Stmt s = Prepare(sql);
  if (!s.Step() || s.IsNull(0)) return fallback;
  return s.Int(0);
}

SqliteDb::SqliteDb(const std::string& path, bool create, Mode mode) {
  int flags = SQLITE_OPEN_NOMUTEX;
  std::string name = path;
  if (mode == Mode::kReadWrite) {
    flags |= SQLITE_OPEN_READWRITE;
    if (create) flags |= SQLITE_OPEN_CREATE;
  } else {
    flags |= SQLITE_OPEN_READONLY;
  }
  if (mode == Mode::kImmutable) {
    // A URI, so that the file name needs escaping of the characters URIs give meaning to.
    flags |= SQLITE_OPEN_URI;
    name = "file:";
    for (const char c : path) {
      if (c == '%' || c == '?' || c == '#') {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned char>(c));
        name += hex;
      } else {
        name += c;
      }
    }
    name += "?immutable=1";
  }
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw SqliteError(rc & 0xFF, msg);
  }
  sqlite3_extended_result_codes(db_, 0);
}

SqliteDb::~SqliteDb() {
  cache_.clear();
  sqlite3_close_v2(db_);
}

void SqliteDb::Check(int rc) const {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  throw SqliteError(rc & 0xFF, sqlite3_errmsg(db_));
}

void SqliteDb::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw SqliteError(rc & 0xFF, msg);
  }
}

void SqliteDb::ExecQuietly(const char* sql) noexcept { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

Stmt SqliteDb::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end() && it->second->in_use) {
    sqlite3_stmt* stmt = nullptr;
    Check(sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr));
    return Stmt(new CachedStmt(this, stmt, false));
  }
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    Check(sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                             &stmt, nullptr));
    it = cache_.emplace(sql, std::make_unique<CachedStmt>(this, stmt, true)).first;
  }
  it->second->in_use = true;
  return Stmt(it->second.get());
}

Transaction::Transaction(Db* db) : db_(db), nested_(db->InTransaction()) {
  if (nested_) {
    db_->Exec("SAVEPOINT nested");
  } else {
    db_->BeginWrite();
  }
}

Transaction::~Transaction() {
  if (!done_) {
    // Never throw from a destructor; a failed rollback leaves SQLite to roll
    // back when the connection closes. (After some errors SQLite has rolled
    // back the enclosing transaction itself; then there is no savepoint left
    // and these fail harmlessly.)
    db_->ExecQuietly(nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK");
  }
}

void Transaction::Commit() {
  if (!nested_) db_->BeforeCommit();
  db_->Exec(nested_ ? "RELEASE nested" : "COMMIT");
  done_ = true;
  if (!nested_) db_->Committed();
}

}  // namespace dossier::sqlite
