#include "test_support.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <poll.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace dossier::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base && *base ? base : "/tmp") + "/dossier-test-XXXXXX";
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  path_ = buf.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

RunResult Run(const std::vector<std::string>& argv, const std::vector<std::string>& env,
              const std::string& stdin_text) {
  int out_pipe[2], err_pipe[2], in_pipe[2];
  if (pipe(out_pipe) || pipe(err_pipe) || pipe(in_pipe)) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1], in_pipe[0], in_pipe[1]}) close(fd);
    for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  close(in_pipe[0]);
  if (!stdin_text.empty()) {
    ssize_t unused = write(in_pipe[1], stdin_text.data(), stdin_text.size());
    (void)unused;
  }
  close(in_pipe[1]);
  RunResult r;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? r.out : r.err).append(buf, static_cast<size_t>(n));
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string DossierBinary() { return DOSSIER_BINARY; }

RunResult Dossier(const std::string& db_path, const std::vector<std::string>& args,
                  const std::vector<std::string>& env) {
  std::vector<std::string> argv = {DossierBinary(), "--db", db_path};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> full_env = {"NO_COLOR=1"};
  full_env.insert(full_env.end(), env.begin(), env.end());
  return Run(argv, full_env);
}

bool OnPostgres() {
  const char* backend = std::getenv("DOSSIER_TEST_BACKEND");
  return backend && std::string(backend) == "postgresql";
}

namespace {

bool IsServerUri(const std::string& path) {
  return path.rfind("postgres://", 0) == 0 || path.rfind("postgresql://", 0) == 0;
}

// The URI with its database name replaced.
std::string WithDatabase(const std::string& uri, const std::string& name) {
  const size_t scheme = uri.find("://");
  const size_t slash = uri.find('/', scheme + 3);
  const size_t query = uri.find('?', scheme + 3);
  if (slash == std::string::npos || (query != std::string::npos && query < slash)) {
    return uri.substr(0, query) + "/" + name + (query == std::string::npos ? "" : uri.substr(query));
  }
  return uri.substr(0, slash + 1) + name + (query == std::string::npos ? "" : uri.substr(query));
}

// Runs one statement on a server; the rows as text, or throws.
std::vector<std::vector<std::string>> PgQuery(PGconn* conn, const std::string& sql) {
  PGresult* r = PQexec(conn, sql.c_str());
  const ExecStatusType st = PQresultStatus(r);
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    const std::string why = PQresultErrorMessage(r);
    PQclear(r);
    throw std::runtime_error(sql + ": " + why);
  }
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < PQntuples(r); ++i) {
    auto& row = rows.emplace_back();
    for (int c = 0; c < PQnfields(r); ++c) row.push_back(PQgetisnull(r, i, c) ? "NULL" : PQgetvalue(r, i, c));
  }
  PQclear(r);
  return rows;
}

PGconn* PgConnect(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string why = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to " + uri + ": " + why);
  }
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return conn;
}

std::string DumpServerStore(const std::string& uri, bool include_audit) {
  PGconn* conn = PgConnect(uri);
  std::ostringstream out;
  try {
    for (const auto& t : PgQuery(conn, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                                       "AND tablename <> 'dossier_meta' ORDER BY tablename")) {
      if (t[0] == "audit" && !include_audit) continue;
      out << "== " << t[0] << "\n";
      // Without the row keys the engine numbers (its sequences do not take
      // back the numbers of a transaction rolled back) and the search index.
      std::string columns, order;
      int n = 0;
      for (const auto& c : PgQuery(conn, "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                         "current_schema() AND table_name = '" + t[0] + "' AND column_name NOT IN "
                                         "('rid', 'search') ORDER BY ordinal_position")) {
        columns += (columns.empty() ? "\"" : ", \"") + c[0] + "\"";
        order += (order.empty() ? "" : ", ") + std::to_string(++n);
      }
      for (const auto& row : PgQuery(conn, "SELECT " + columns + " FROM \"" + t[0] + "\" ORDER BY " + order)) {
        for (size_t i = 0; i < row.size(); ++i) out << (i ? "|" : "") << row[i];
        out << "\n";
      }
    }
  } catch (...) {
    PQfinish(conn);
    throw;
  }
  PQfinish(conn);
  return out.str();
}

}  // namespace

std::string StoreAt(const TempDir& dir, const std::string& name) {
  if (!OnPostgres()) return dir / name;
  const char* server = std::getenv("DOSSIER_TEST_POSTGRES");
  if (!server || !*server) {
    std::fprintf(stderr, "skipped: DOSSIER_TEST_BACKEND=postgresql, but DOSSIER_TEST_POSTGRES names no server "
                         "(scripts/pg-test-server starts one)\n");
    std::exit(77);
  }
  // A database of its own per store, named after the process and a count, so
  // that tests running at once never share one. The server is a throwaway:
  // its databases go with it.
  static int count = 0;
  const std::string db = "dossier_test_" + std::to_string(::getpid()) + "_" + std::to_string(++count);
  PGconn* conn = PgConnect(server);
  try {
    PgQuery(conn, "DROP DATABASE IF EXISTS " + db);
    PgQuery(conn, "CREATE DATABASE " + db);
  } catch (...) {
    PQfinish(conn);
    throw;
  }
  PQfinish(conn);
  return WithDatabase(server, db);
}

std::string DumpStore(const std::string& db_path, bool include_audit) {
  if (IsServerUri(db_path)) return DumpServerStore(db_path, include_audit);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + db_path);
  }
  std::vector<std::string> tables;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                     "AND name NOT LIKE '%_fts_%' ORDER BY name",
                     -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  std::ostringstream out;
  for (const auto& t : tables) {
    if (t == "audit" && !include_audit) continue;
    out << "== " << t << "\n";
    const std::string sql = "SELECT * FROM \"" + t + "\" ORDER BY 1, 2";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      // FTS5 tables: dump by rowid through their own content.
      const std::string fts = "SELECT rowid, * FROM \"" + t + "\" ORDER BY rowid";
      sqlite3_prepare_v2(db, fts.c_str(), -1, &st, nullptr);
    }
    while (st && sqlite3_step(st) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const auto* v = sqlite3_column_text(st, i);
        out << (i ? "|" : "") << (v ? reinterpret_cast<const char*>(v) : "NULL");
      }
      out << "\n";
    }
    sqlite3_finalize(st);
    st = nullptr;
  }
  sqlite3_close(db);
  return out.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary);
  f << content;
  if (!f) throw std::runtime_error("cannot write " + path);
}

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream s(text);
  std::string line;
  while (std::getline(s, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace dossier::testing
