// EnableWal: the journal-mode switch, retried while busy (see wal_mode.h).
#include "sqlite/wal_mode.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace dossier::sqlite {

std::string EnableWal(Db* db, int timeout_ms) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (int attempt = 1;; ++attempt) {
    try {
      Stmt s = db->Prepare("PRAGMA journal_mode = WAL");
      s.Step();
      return s.Text(0);
    } catch (const SqliteError& e) {
      if (e.code() != SQLITE_BUSY || std::chrono::steady_clock::now() >= until) throw;
    }
    // The other opener holds its lock for a few milliseconds (creating the schema).
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt, 20)));
  }
}

}  // namespace dossier::sqlite
