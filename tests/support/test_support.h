// Helpers shared by the tests: temporary directories, running the real
// dossier binary, and reading a store's raw contents for before/after checks.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace dossier::testing {

// A fresh directory under $TMPDIR, removed (recursively) on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// Runs argv[0] with the given arguments, environment additions (NAME=VALUE)
// and optional stdin, capturing stdout and stderr.
RunResult Run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
              const std::string& stdin_text = "");

// Runs the dossier binary under test with --db db_path prepended.
RunResult Dossier(const std::string& db_path, const std::vector<std::string>& args,
                  const std::vector<std::string>& env = {});

// Path of the dossier binary under test.
std::string DossierBinary();

// Whether this run of the tests keeps its stores on PostgreSQL
// (DOSSIER_TEST_BACKEND=postgresql): the store tests run once per backend.
bool OnPostgres();

// Where a test keeps a store: the file dir/name, or, on PostgreSQL, a fresh
// database on the server DOSSIER_TEST_POSTGRES names (a postgresql:// URI of
// a database the tests' user may create databases from; scripts/pg-test-server
// starts one). A PostgreSQL run without DOSSIER_TEST_POSTGRES exits 77, which
// ctest reports as skipped, saying why.
std::string StoreAt(const TempDir& dir, const std::string& name = "test.db");

// Every row of every table of a store (an SQLite file or a PostgreSQL URI)
// except the audit log, as text, table by table, so two dumps compare equal
// iff the stored data is equal.
std::string DumpStore(const std::string& db_path, bool include_audit = false);

void WriteFile(const std::string& path, const std::string& content);
std::string ReadFile(const std::string& path);

// Splits JSON Lines output into lines.
std::vector<std::string> Lines(const std::string& text);

}  // namespace dossier::testing
