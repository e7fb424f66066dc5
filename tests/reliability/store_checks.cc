// Reads a store file with SQLite directly; see store_checks.h.
#include "reliability/store_checks.h"

#include <sqlite3.h>

#include <stdexcept>

namespace dossier::testing {
namespace {

// A connection that only reads, closed on scope exit.
class Connection {
 public:
  explicit Connection(const std::string& path) {
    // Read-write only because FTS5's integrity-check is spelled as an INSERT;
    // nothing here writes.
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw std::runtime_error("cannot open " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);
  }
  ~Connection() { sqlite3_close(db_); }

  // Every row of the query, columns joined by '|'.
  std::vector<std::string> Rows(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
    std::vector<std::string> rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        if (i) row += "|";
        const auto* t = sqlite3_column_text(stmt, i);
        if (t) row += reinterpret_cast<const char*>(t);
      }
      rows.push_back(std::move(row));
    }
    const std::string err = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
    sqlite3_finalize(stmt);
    if (!err.empty()) throw std::runtime_error(sql + ": " + err);
    return rows;
  }

  // Runs a statement that reports a problem by failing (FTS5's integrity-check).
  std::string Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK) return "";
    std::string msg = err ? err : "failed";
    sqlite3_free(err);
    return msg;
  }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

std::string IntegrityCheck(const std::string& db_path) {
  Connection c(db_path);
  std::string out;
  for (const auto& row : c.Rows("PRAGMA integrity_check")) out += (out.empty() ? "" : "; ") + row;
  if (out != "ok") return out;
  // The full-text indexes are external-content tables: SQLite's check does not
  // look inside them, FTS5's own does (it fails when index and table disagree).
  for (const char* fts : {"document_fts", "entity_fts", "claim_fts"}) {
    const std::string err = c.Exec(std::string("INSERT INTO ") + fts + "(" + fts + ") VALUES('integrity-check')");
    if (!err.empty()) return std::string(fts) + ": " + err;
  }
  return "ok";
}

std::map<std::string, int64_t> TableCounts(const std::string& db_path) {
  Connection c(db_path);
  std::map<std::string, int64_t> counts;
  for (const char* t : {"document", "paragraph", "mention", "claim", "entity", "source_file"}) {
    counts[t] = std::stoll(c.Rows(std::string("SELECT count(*) FROM ") + t).at(0));
  }
  return counts;
}

std::map<std::string, std::string> DocumentShapes(const std::string& db_path) {
  Connection c(db_path);
  std::map<std::string, std::string> shapes;
  for (const auto& row : c.Rows(
           "SELECT d.id, (SELECT count(*) FROM paragraph p WHERE p.doc = d.id) || '/' ||"
           " (SELECT count(*) FROM mention m WHERE m.doc = d.id) || '/' ||"
           " (SELECT count(*) FROM claim k WHERE k.doc = d.id) || '/' || length(CAST(d.text AS BLOB))"
           " FROM document d")) {
    const size_t bar = row.find('|');
    shapes[row.substr(0, bar)] = row.substr(bar + 1);
  }
  return shapes;
}

std::vector<std::string> DocumentsFrom(const std::string& db_path, const std::string& source) {
  Connection c(db_path);
  std::string quoted = "'";
  for (char ch : source) quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
  return c.Rows("SELECT id FROM document WHERE source = " + quoted + "' ORDER BY id");
}

std::string QueryText(const std::string& db_path, const std::string& sql) {
  Connection c(db_path);
  const auto rows = c.Rows(sql);
  return rows.empty() ? "" : rows.front();
}

}  // namespace dossier::testing
