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

// Every row of every table of an SQLite file except the audit log, as text,
// table by table, so two dumps compare equal iff the stored data is equal.
std::string DumpStore(const std::string& db_path, bool include_audit = false);

void WriteFile(const std::string& path, const std::string& content);
std::string ReadFile(const std::string& path);

// Splits JSON Lines output into lines.
std::vector<std::string> Lines(const std::string& text);

}  // namespace dossier::testing
