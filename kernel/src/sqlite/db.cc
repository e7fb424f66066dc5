#include "sqlite/db.h"

#include <cstdio>

namespace dossier::sqlite {

Stmt::~Stmt() {
  if (!stmt_) return;
  if (in_use_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *in_use_ = false;
  } else {
    sqlite3_finalize(stmt_);
  }
}

Stmt& Stmt::Bind(int i, std::string_view v) {
  db_->Check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}
Stmt& Stmt::Bind(int i, int64_t v) {
  db_->Check(sqlite3_bind_int64(stmt_, i, v));
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  db_->Check(sqlite3_bind_double(stmt_, i, v));
  return *this;
}
Stmt& Stmt::Bind(int i, std::nullptr_t) {
  db_->Check(sqlite3_bind_null(stmt_, i));
  return *this;
}
Stmt& Stmt::BindOrNull(int i, std::string_view v) {
  return v.empty() ? Bind(i, nullptr) : Bind(i, v);
}
Stmt& Stmt::BindOrNull(int i, int64_t v) { return v < 0 ? Bind(i, nullptr) : Bind(i, v); }

bool Stmt::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_->Check(rc);
  return false;
}

void Stmt::Run() {
  while (Step()) {
  }
}

bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

std::string Stmt::Text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!p) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

int64_t Stmt::IntOr(int col, int64_t fallback) const { return IsNull(col) ? fallback : Int(col); }

double Stmt::Real(int col) const { return sqlite3_column_double(stmt_, col); }

Db::Db(const std::string& path, bool create, Mode mode) {
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

Db::~Db() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close_v2(db_);
}

void Db::Check(int rc) const {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  throw SqliteError(rc & 0xFF, sqlite3_errmsg(db_));
}

void Db::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw SqliteError(rc & 0xFF, msg);
  }
}

Stmt Db::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end() && it->second.in_use) {
    sqlite3_stmt* stmt = nullptr;
    Check(sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr));
    return Stmt(this, stmt, nullptr);
  }
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    Check(sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                             &stmt, nullptr));
    it = cache_.emplace(sql, Cached{stmt, false}).first;
  }
  it->second.in_use = true;
  return Stmt(this, it->second.stmt, &it->second.in_use);
}

int64_t Db::QueryInt(const std::string& sql, int64_t fallback) {
  Stmt s = Prepare(sql);
  if (!s.Step() || s.IsNull(0)) return fallback;
  return s.Int(0);
}

Transaction::Transaction(Db* db) : db_(db), nested_(db->InTransaction()) {
  db_->Exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (!done_) {
    // Never throw from a destructor; a failed rollback leaves SQLite to roll
    // back when the connection closes. (After some errors SQLite has rolled
    // back the enclosing transaction itself; then there is no savepoint left
    // and these fail harmlessly.)
    sqlite3_exec(db_->handle(), nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK", nullptr, nullptr,
                 nullptr);
  }
}

void Transaction::Commit() {
  if (!nested_) db_->BeforeCommit();
  db_->Exec(nested_ ? "RELEASE nested" : "COMMIT");
  done_ = true;
}

}  // namespace dossier::sqlite
