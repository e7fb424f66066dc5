// The PostgreSQL connection (libpq) behind a store on a database server
// (docs/design.md, "Backends"). The store's SQL code is the one the SQLite
// store runs: statements are written with ? parameters and SQL both engines
// accept; this driver numbers the parameters for PostgreSQL ($1, $2, ...) and
// reports the server's errors as the SQLite result codes that mean the same
// (a serialization failure or a lock wait that timed out is SQLITE_BUSY), so
// the store turns them into the same Status.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "sqlite/db.h"

namespace dossier::postgres {

using sqlite::Dialect;
using sqlite::Stmt;

class PgDb final : public sqlite::Db {
 public:
  // Connects to the server a postgresql:// URI names; throws SqliteError
  // (SQLITE_CANTOPEN, with the server's reason) when it cannot. Writers wait
  // for each other up to busy_timeout_ms, as on SQLite.
  PgDb(const std::string& uri, int busy_timeout_ms);
  ~PgDb() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  void Exec(std::string_view sql) override;
  void ExecQuietly(const char* sql) noexcept override;
  Stmt Prepare(const std::string& sql) override;
  // Through a cursor, kStreamBatch rows a FETCH.
  Stmt Stream(const std::string& sql) override;
  // Never prepared on the server: parsed and planned at each run.
  Stmt PrepareAdHoc(const std::string& sql) override;
  static constexpr int kStreamBatch = 1000;
  int64_t Changes() const override { return changes_; }
  bool InTransaction() const override;
  // BEGIN, then the store's write lock (a transaction-level advisory lock):
  // writers take turns as on SQLite, so a writer never meets a
  // serialization failure, and readers never wait.
  void BeginWrite() override;
  // REPEATABLE READ: one snapshot for the whole transaction (READ COMMITTED,
  // the default, takes one per statement).
  void BeginRead() override { Exec("BEGIN ISOLATION LEVEL REPEATABLE READ"); }
  // Every foreign key of the schema is DEFERRABLE (postgres/pg_schema.cc).
  void DeferForeignKeys(bool on) override;
  std::string Bytes(std::string_view expr) const override {
    return "convert_to(" + std::string(expr) + ", 'UTF8')";
  }
  // An identity column's sequence does not see keys given: it is moved on.
  void KeyGiven(const char* table, const char* column) override;
  int SchemaVersion() override;  // postgres/pg_schema.cc
  int64_t SizeBytes() override { return QueryInt("SELECT pg_database_size(current_database())"); }

  // Refreshes the planner's statistics (ANALYZE) each time the rows written
  // through this connection since it last did reach as many again (5,000
  // at least): a store filled by an import is then queried with plans made
  // for its size, not for the empty tables it began as, without waiting
  // for the server's autovacuum. A few times an import, whatever its size.
  void Committed() override;

  // For PgStmt: runs a statement, keeping its row count for Changes().
  PGresult* Run(const std::string& sql, int n, const unsigned int* types, const char* const* values,
                const int* lengths, bool prepare = true);

  // The statement with ? and ?N turned into $N (outside quotes and comments).
  static std::string Numbered(std::string_view sql);

 private:
  [[noreturn]] void Throw(const PGresult* result) const;
  // Numbered(sql), kept: a statement is translated once per connection.
  const std::string& NumberedOnce(const std::string& sql);
  // r, when the statement succeeded (its row count kept); else throws.
  PGresult* Checked(PGresult* r);

  PGconn* conn_ = nullptr;
  int64_t changes_ = 0;
  int64_t cursors_ = 0;
  int64_t inserted_ = 0;  // rows inserted through this connection
  int64_t analyzed_ = 0;  // inserted_ at the last ANALYZE  // cursors declared: each gets a name of its own
  // Each statement's SQL as given and as numbered, translated once.
  std::map<std::string, std::string, std::less<>> numbered_;
  // Statements the server prepared (parsed and planned once), by their
  // numbered SQL; "" for one it could not prepare without knowing its
  // parameters' types, which then runs unprepared each time.
  std::map<std::string, std::string, std::less<>> prepared_;
};

}  // namespace dossier::postgres
