#include "postgres/pg_db.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace dossier::postgres {
namespace {

using sqlite::SqliteError;

// The store's write lock: one advisory lock id ("DSSR"), taken for the
// length of a write transaction.
constexpr int64_t kWriteLock = 0x44535352;

// Type oids of the parameters bound (pg_type.h): text, int8, float8.
constexpr Oid kText = 25;
constexpr Oid kInt8 = 20;
constexpr Oid kFloat8 = 701;
constexpr Oid kUnknown = 0;
constexpr Oid kBytea = 17;

// A bytea value as the server sends it in text ("\\x" and two hex digits a
// byte), as the bytes.
std::string Unhex(const char* v, size_t n) {
  auto digit = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  std::string out;
  if (n < 2 || v[0] != '\\' || v[1] != 'x') return std::string(v, n);
  out.reserve((n - 2) / 2);
  for (size_t i = 2; i + 1 < n; i += 2) out += static_cast<char>(digit(v[i]) * 16 + digit(v[i + 1]));
  return out;
}

// The SQLite result code for a server error's SQLSTATE, so that the store
// says "busy", "read-only" or "damaged" as it does for a file.
int CodeFor(const char* state) {
  if (!state) return SQLITE_IOERR;  // no SQLSTATE: the connection failed
  const std::string_view s(state);
  if (s == "40001" || s == "40P01" || s == "55P03" || s == "57014") return SQLITE_BUSY;
  if (s.substr(0, 2) == "23") return SQLITE_CONSTRAINT;
  if (s.substr(0, 2) == "08") return SQLITE_CANTOPEN;
  if (s == "53100") return SQLITE_FULL;
  if (s == "25006" || s == "42501") return SQLITE_READONLY;
  if (s.substr(0, 2) == "XX") return SQLITE_CORRUPT;
  return SQLITE_ERROR;
}

// libpq prints the server's notices on stderr by default; a store's output is
// its own.
void DropNotice(void*, const char*) {}

// A statement's parameters, kept as text until it runs; then its rows.
class PgStmt final : public sqlite::StmtImpl {
 public:
  // cursor: a name to read the rows through, a batch at a time; empty: the
  // rows come whole.
  PgStmt(PgDb* db, const std::string& sql, std::string cursor = {}, bool prepare = true)
      : db_(db), sql_(sql), cursor_(std::move(cursor)), prepare_(prepare) {}
  ~PgStmt() override {
    PQclear(result_);
    // A cursor lives until it is closed (one WITH HOLD outlives its
    // transaction), so a read stopped early closes it.
    if (declared_) db_->ExecQuietly(("CLOSE " + cursor_).c_str());
  }

  void Bind(int i, std::string_view v) override { Set(i, std::string(v), kText); }
  void Bind(int i, int64_t v) override { Set(i, std::to_string(v), kInt8); }
  void Bind(int i, double v) override {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    Set(i, buf, kFloat8);
  }
  // A NULL's type is left to the server to infer from where it goes.
  void BindNull(int i) override { Set(i, std::string(), kUnknown, true); }

  bool Step() override {
    if (!result_) {
      std::vector<const char*> values(values_.size());
      std::vector<int> lengths(values_.size());
      for (size_t i = 0; i < values_.size(); ++i) {
        values[i] = null_[i] ? nullptr : values_[i].c_str();
        lengths[i] = static_cast<int>(values_[i].size());
      }
      if (cursor_.empty()) {
        result_ = db_->Run(sql_, static_cast<int>(values_.size()), types_.data(), values.data(), lengths.data(),
                           prepare_);
      } else {
        // Outside a transaction a cursor must be WITH HOLD to outlive the
        // statement that declares it.
        const std::string declare = "DECLARE " + cursor_ + " NO SCROLL CURSOR " +
                                    (db_->InTransaction() ? "" : "WITH HOLD ") + "FOR " + sql_;
        PQclear(db_->Run(declare, static_cast<int>(values_.size()), types_.data(), values.data(), lengths.data()));
        declared_ = true;
        result_ = Fetch();
      }
      rows_ = PQntuples(result_);
      row_ = -1;
    }
    if (++row_ < rows_) return true;
    if (cursor_.empty() || rows_ < PgDb::kStreamBatch) return false;
    PQclear(result_);  // the batch is read: the next one
    result_ = Fetch();
    rows_ = PQntuples(result_);
    row_ = 0;
    return row_ < rows_;
  }
  bool IsNull(int col) const override { return PQgetisnull(result_, row_, col) != 0; }
  std::string Text(int col) const override {
    const char* v = PQgetvalue(result_, row_, col);
    const auto n = static_cast<size_t>(PQgetlength(result_, row_, col));
    if (PQftype(result_, col) == kBytea) return Unhex(v, n);
    return std::string(v, n);
  }
  int64_t Int(int col) const override {
    const char* v = PQgetvalue(result_, row_, col);
    if (*v == 't') return 1;  // a boolean
    if (*v == 'f') return 0;
    if (std::strpbrk(v, ".eE")) return static_cast<int64_t>(std::strtod(v, nullptr));
    return std::strtoll(v, nullptr, 10);
  }
  double Real(int col) const override { return std::strtod(PQgetvalue(result_, row_, col), nullptr); }
  void Release() override { delete this; }

 private:
  void Grow(int i) {
    const auto n = static_cast<size_t>(i);
    if (values_.size() < n) {
      values_.resize(n);
      null_.resize(n, true);
      types_.resize(n, kUnknown);
    }
  }
  void Set(int i, std::string v, Oid type, bool null = false) {
    Grow(i);
    const auto at = static_cast<size_t>(i - 1);
    values_[at] = std::move(v);
    null_[at] = null;
    types_[at] = type;
  }

  PGresult* Fetch() {
    return db_->Run("FETCH FORWARD " + std::to_string(PgDb::kStreamBatch) + " FROM " + cursor_, 0, nullptr, nullptr,
                    nullptr);
  }

  PgDb* db_;
  const std::string& sql_;
  std::string cursor_;
  bool prepare_;
  bool declared_ = false;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  std::vector<Oid> types_;
  PGresult* result_ = nullptr;
  int rows_ = 0;
  int row_ = -1;
};

}  // namespace

PgDb::PgDb(const std::string& uri, int busy_timeout_ms) {
  conn_ = PQconnectdb(uri.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string why = conn_ ? PQerrorMessage(conn_) : "out of memory";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    PQfinish(conn_);
    conn_ = nullptr;
    throw SqliteError(SQLITE_CANTOPEN, why);
  }
  PQsetNoticeProcessor(conn_, DropNotice, nullptr);
  // No JIT: the store's queries take milliseconds, and compiling one took
  // longer than running it (a search's generic plan, docs/scale-out.md).
  Exec("SET client_min_messages = warning; SET jit = off; SET lock_timeout = " + std::to_string(busy_timeout_ms));
}

PgDb::~PgDb() { PQfinish(conn_); }

std::string PgDb::Numbered(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int highest = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a string or a quoted name: copied as it is
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      size_t j = i + 1;
      int n = 0;
      while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
      // SQLite numbers a bare ? one past the highest number used before it.
      if (j == i + 1) n = highest + 1;
      if (n > highest) highest = n;
      out += '$';
      out += std::to_string(n);
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

[[noreturn]] void PgDb::Throw(const PGresult* result) const {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string why = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  if (why.rfind("ERROR:  ", 0) == 0) why.erase(0, 8);
  throw SqliteError(CodeFor(state), why);
}

PGresult* PgDb::Run(const std::string& sql, int n, const unsigned int* types, const char* const* values,
                    const int* lengths, bool prepare) {
  if (!prepare) return Checked(PQexecParams(conn_, sql.c_str(), n, types, values, lengths, nullptr, 0));
  // A statement is prepared on the server at its first run, its parameters'
  // types left to the server to infer from where they stand (values go as
  // text, which the server reads as the type it inferred). Transaction
  // control, cursors and statements whose parameters' types cannot be
  // inferred run unprepared.
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name;
    const bool preparable = n > 0 && sql.rfind("DECLARE ", 0) != 0 && sql.rfind("FETCH ", 0) != 0;
    if (preparable) {
      name = "dossier_" + std::to_string(prepared_.size() + 1);
      // A failed PREPARE inside a transaction would spoil it: a savepoint
      // keeps the failure to itself.
      const bool in_transaction = InTransaction();
      if (in_transaction) Exec("SAVEPOINT dossier_prepare");
      PGresult* p = PQprepare(conn_, name.c_str(), sql.c_str(), n, nullptr);
      const bool ok = p && PQresultStatus(p) == PGRES_COMMAND_OK;
      PQclear(p);
      if (in_transaction) Exec(ok ? "RELEASE dossier_prepare" : "ROLLBACK TO dossier_prepare; RELEASE dossier_prepare");
      if (!ok) name.clear();
    }
    it = prepared_.emplace(sql, name).first;
  }
  PGresult* r = it->second.empty() ? PQexecParams(conn_, sql.c_str(), n, types, values, lengths, nullptr, 0)
                                   : PQexecPrepared(conn_, it->second.c_str(), n, values, lengths, nullptr, 0);
  return Checked(r);
}

PGresult* PgDb::Checked(PGresult* r) {
  const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    std::unique_ptr<PGresult, void (*)(PGresult*)> owned(r, PQclear);
    Throw(r);
  }
  const char* tuples = PQcmdTuples(r);
  changes_ = *tuples ? std::strtoll(tuples, nullptr, 10) : 0;
  if (std::strncmp(PQcmdStatus(r), "INSERT", 6) == 0) inserted_ += changes_;
  return r;
}

void PgDb::Exec(std::string_view sql) {
  const std::string s(sql);
  PGresult* r = PQexec(conn_, s.c_str());
  std::unique_ptr<PGresult, void (*)(PGresult*)> owned(r, PQclear);
  const ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) Throw(r);
}

void PgDb::ExecQuietly(const char* sql) noexcept { PQclear(PQexec(conn_, sql)); }

const std::string& PgDb::NumberedOnce(const std::string& sql) {
  auto it = numbered_.find(sql);
  if (it == numbered_.end()) it = numbered_.emplace(sql, Numbered(sql)).first;
  return it->second;
}

Stmt PgDb::Prepare(const std::string& sql) { return Stmt(new PgStmt(this, NumberedOnce(sql))); }

void PgDb::KeyGiven(const char* table, const char* column) {
  const std::string t(table), c(column);
  Exec("SELECT setval(pg_get_serial_sequence('" + t + "', '" + c + "'), (SELECT max(\"" + c + "\") FROM \"" + t +
       "\"))");
}

Stmt PgDb::PrepareAdHoc(const std::string& sql) { return Stmt(new PgStmt(this, NumberedOnce(sql), {}, false)); }

Stmt PgDb::Stream(const std::string& sql) {
  return Stmt(new PgStmt(this, NumberedOnce(sql), "dossier_rows_" + std::to_string(++cursors_)));
}

void PgDb::Committed() {
  constexpr int64_t kFirst = 5000;
  if (inserted_ - analyzed_ < std::max(kFirst, analyzed_)) return;
  analyzed_ = inserted_;
  ExecQuietly("ANALYZE");  // statistics only: a failure loses nothing
}

bool PgDb::InTransaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

void PgDb::BeginWrite() {
  Exec("BEGIN");
  try {
    Exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) + ")");
  } catch (...) {
    ExecQuietly("ROLLBACK");
    throw;
  }
}

void PgDb::DeferForeignKeys(bool on) {
  if (on) {
    Exec("SET CONSTRAINTS ALL DEFERRED");
  } else if (InTransaction()) {
    ExecQuietly("SET CONSTRAINTS ALL IMMEDIATE");
  }
}

}  // namespace dossier::postgres
