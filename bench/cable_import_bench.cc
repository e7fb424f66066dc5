// Cable import speed: imports the Cablegate sample (../shared/corpus/
// cablegate-sample, 1,044 files) into a fresh store through the real pipeline
// and plugins, then inserts the same files' texts into a bare FTS5 table in
// the same process, and prints both times, their ratio and peak memory.
//
//   cable_import_bench [--corpus DIR] [--dir DIR] [--repeat N] [--no-extract] [--keep]
//
// The import runs every loaded extractor, as `dossier import` does, unless
// --no-extract is given (the importer and the store alone).
// Each phase runs N times (default 3) and the best run counts: the machine
// is shared, and the best run is the one least disturbed. CPU time (user +
// system) is printed next to wall time for the same reason.
// The bare insert is the floor any import pays: SQLite with the store's own
// settings (WAL, synchronous=NORMAL) indexing the text for full-text search
// with the store's tokenizer and prefix index, all texts in one transaction
// (the import commits in groups of documents). It is also timed with one
// transaction per text and with the default tokenizer, for reference.
// The store floor is what the rows the import wrote cost SQLite alone: the
// imported store's tables copied into a fresh store, one INSERT ... SELECT
// per table, in one transaction, with the store's indexes, foreign keys and
// full-text indexes. No import can write those rows for less, so the floor
// over the bare insert says how close to it the data model lets an import get.
// Figures only; nothing is asserted.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "measure.h"

namespace fs = std::filesystem;
using namespace dossier::bench;

namespace {

// The best (wall, cpu) seconds of running `phase` n times.
template <class F>
std::pair<double, double> Best(int n, F phase) {
  double wall = 1e100, cpu = 1e100;
  for (int i = 0; i < n; ++i) {
    const double c0 = CpuSeconds();
    const auto t0 = Clock::now();
    phase();
    wall = std::min(wall, Seconds(t0));
    cpu = std::min(cpu, CpuSeconds() - c0);
  }
  return {wall, cpu};
}

void Check(int rc, sqlite3* db, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
  std::fprintf(stderr, "cable_import_bench: %s: %s\n", what, sqlite3_errmsg(db));
  std::exit(1);
}

// The store indexes document text with this tokenizer and a prefix index
// (kernel/src/sqlite/migrations.cc); the bare table is timed with and without.
constexpr const char* kStoreLikeFts = "tokenize = 'unicode61 remove_diacritics 2', prefix = '3'";

// Inserts every file's text into a fresh FTS5 table.
void BareFts(const std::string& path, const std::vector<std::string>& files, bool one_transaction,
               const std::string& options = "") {
  fs::remove(path);
  fs::remove(path + "-wal");
  fs::remove(path + "-shm");
  sqlite3* db = nullptr;
  Check(sqlite3_open(path.c_str(), &db), db, "open");
  const std::string create = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                             "CREATE VIRTUAL TABLE doc USING fts5(title, text" +
                             (options.empty() ? "" : ", " + options) + ")";
  Check(sqlite3_exec(db, create.c_str(), nullptr, nullptr, nullptr), db, "create");
  sqlite3_stmt* insert = nullptr;
  Check(sqlite3_prepare_v2(db, "INSERT INTO doc(title, text) VALUES (?, ?)", -1, &insert, nullptr), db, "prepare");
  if (one_transaction) Check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const std::string title = fs::path(f).stem().string();
    if (!one_transaction) Check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    sqlite3_bind_text(insert, 1, title.c_str(), static_cast<int>(title.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    Check(sqlite3_step(insert), db, "insert");
    sqlite3_reset(insert);
    if (!one_transaction) Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  }
  if (one_transaction) Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  sqlite3_finalize(insert);
  sqlite3_close(db);
}

// A new, empty store at path (any old one removed first).
std::unique_ptr<dossier::Store> FreshStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  dossier::StoreOptions options;
  options.create_if_missing = true;
  auto store = dossier::Store::Open(path, options);
  if (!store.ok()) {
    std::fprintf(stderr, "cable_import_bench: %s\n", store.status().message().c_str());
    std::exit(1);
  }
  return std::move(store).value();
}

// Copies every table of the store at `from` into a fresh store at `path`
// (created by the store itself, so the schema is the store's) in one
// transaction, then builds its full-text indexes as a commit does.
void StoreFloor(const std::string& path, const std::string& from) {
  FreshStore(path);  // closed again at once: the copy runs on a connection of its own
  sqlite3* db = nullptr;
  Check(sqlite3_open(path.c_str(), &db), db, "open");
  // The store's own connection settings (kernel/src/sqlite/sqlite_store.cc).
  Check(sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32768",
                     nullptr, nullptr, nullptr),
        db, "pragmas");
  sqlite3_stmt* attach = nullptr;
  Check(sqlite3_prepare_v2(db, "ATTACH ? AS imported", -1, &attach, nullptr), db, "prepare attach");
  sqlite3_bind_text(attach, 1, from.c_str(), -1, SQLITE_TRANSIENT);
  Check(sqlite3_step(attach), db, "attach");
  sqlite3_finalize(attach);
  // Tables in the order they were created, parents before children; the
  // full-text tables and their queue are filled from the copied rows below.
  std::vector<std::string> tables;
  sqlite3_stmt* list = nullptr;
  Check(sqlite3_prepare_v2(db,
                           "SELECT name FROM imported.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                           "AND name NOT LIKE '%\\_fts' ESCAPE '\\' AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' "
                           "AND name != 'fts_pending' ORDER BY rowid",
                           -1, &list, nullptr),
        db, "list tables");
  while (sqlite3_step(list) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list, 0)));
  sqlite3_finalize(list);
  std::string sql = "BEGIN;";
  for (const auto& t : tables) sql += "INSERT INTO main.\"" + t + "\" SELECT * FROM imported.\"" + t + "\";";
  // Names with their aliases as the imported store indexed them; document
  // text and claim quotes from the rows just copied (external content).
  sql += "INSERT INTO entity_fts(rowid, name, aliases) SELECT rowid, name, aliases FROM imported.entity_fts;"
         "INSERT INTO document_fts(document_fts) VALUES ('rebuild');"
         "INSERT INTO claim_fts(claim_fts) VALUES ('rebuild');"
         "DELETE FROM fts_pending;"
         "COMMIT;";
  Check(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), db, "copy");
  sqlite3_close(db);
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = DOSSIER_CORPUS_DIR "/cablegate-sample";
  std::string dir = (fs::temp_directory_path() / "dossier-cable-bench").string();
  bool keep = false;
  int repeat = 3;
  bool no_extract = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--keep") keep = true;
    else if (a == "--no-extract") no_extract = true;
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: cable_import_bench [--corpus DIR] [--dir DIR] [--repeat N] [--no-extract] [--keep]\n");
      return 2;
    }
  }
  std::error_code ec;
  if (!fs::is_directory(corpus, ec)) {
    std::printf("cable_import_bench: no corpus at %s (a clone without ../shared); nothing to measure\n", corpus.c_str());
    return 0;
  }
  std::vector<std::string> files;
  int64_t bytes = 0;
  for (const auto& e : fs::directory_iterator(corpus)) {
    if (e.is_regular_file()) {
      files.push_back(e.path().string());
      bytes += static_cast<int64_t>(e.file_size());
    }
  }
  std::sort(files.begin(), files.end());
  fs::create_directories(dir);
  const std::string store_path = dir + "/store.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(store_path + suffix);

  dossier::PluginHost host;
  host.LoadDefault();
  for (const auto& e : host.errors()) std::fprintf(stderr, "plugin: %s\n", e.c_str());
  std::string extractors;
  for (auto* x : host.extractors()) extractors += (extractors.empty() ? "" : ", ") + x->name();

  // The import: a fresh store, the whole folder, every loaded extractor.
  dossier::ImportSummary summary;
  const auto [import_s, import_cpu] = Best(repeat, [&] {
    auto store = FreshStore(store_path);
    dossier::Pipeline pipeline(*store, host, dossier::Actor{"bench"});
    dossier::ImportOptions import_options;
    import_options.no_extract = no_extract;
    auto result = pipeline.Import({corpus}, import_options);
    if (!result.ok()) {
      std::fprintf(stderr, "cable_import_bench: %s\n", result.status().message().c_str());
      std::exit(1);
    }
    summary = std::move(result).value();
  });
  const double import_rss = PeakMiB();
  int64_t by_cable = 0;
  for (const auto& f : summary.files) by_cable += f.importer == "cable";

  // The floor: the same texts into a bare FTS5 table with the store's
  // tokenizer and prefix index, all in one transaction (the import commits
  // every 256 documents, so this is the stricter baseline); then one
  // transaction per text, and the default tokenizer, for reference.
  const auto [fts_s, fts_cpu] = Best(repeat, [&] { BareFts(dir + "/bare-store-one.db", files, true, kStoreLikeFts); });
  const auto [per_text_s, per_text_cpu] =
      Best(repeat, [&] { BareFts(dir + "/bare-store.db", files, false, kStoreLikeFts); });
  const auto [plain_s, plain_cpu] = Best(repeat, [&] { BareFts(dir + "/bare-one.db", files, true); });
  const auto [floor_s, floor_cpu] = Best(repeat, [&] { StoreFloor(dir + "/floor.db", store_path); });

  std::printf("corpus            %s: %zu files, %.1f MiB\n", corpus.c_str(), files.size(), static_cast<double>(bytes) / (1 << 20));
  std::printf("extractors        %s\n", no_extract        ? "none run (--no-extract)"
                                      : extractors.empty() ? "none loaded (only importers)"
                                                           : extractors.c_str());
  std::printf("runs              best of %d\n", repeat);
  std::printf("import            %.2f s wall, %.2f s CPU  (%lld files imported, %lld unchanged, %lld failed; "
              "%lld read as cables; %lld documents)\n",
              import_s, import_cpu, static_cast<long long>(summary.imported), static_cast<long long>(summary.unchanged),
              static_cast<long long>(summary.failed), static_cast<long long>(by_cable),
              static_cast<long long>(summary.documents));
  std::printf("bare FTS5 insert  %.2f s wall, %.2f s CPU  (the store's tokenizer and prefix index, one transaction)\n",
              fts_s, fts_cpu);
  std::printf("                  %.2f s wall, %.2f s CPU  (the store's tokenizer and prefix index, one transaction per text)\n",
              per_text_s, per_text_cpu);
  std::printf("                  %.2f s wall, %.2f s CPU  (default tokenizer, no prefix index, one transaction)\n", plain_s,
              plain_cpu);
  std::printf("ratio             %.2fx wall, %.2fx CPU  (import / bare FTS5, one transaction; target 2x)\n", import_s / fts_s,
              import_cpu / fts_cpu);
  std::printf("                  %.2fx wall, %.2fx CPU  (import / bare FTS5, one transaction per text)\n",
              import_s / per_text_s, import_cpu / per_text_cpu);
  std::printf("store floor       %.2f s wall, %.2f s CPU  (the imported rows copied into a fresh store: one "
              "INSERT ... SELECT per table, one transaction)\n",
              floor_s, floor_cpu);
  std::printf("                  %.2fx wall  (floor / bare FTS5, one transaction: the least any import of these rows "
              "can take)\n",
              floor_s / fts_s);
  std::printf("                  %.2fx wall, %.2fx CPU  (import / floor)\n", import_s / floor_s, import_cpu / floor_cpu);
  std::printf("peak RSS          %.1f MiB after the import, %.1f MiB at the end\n", import_rss, PeakMiB());
  if (!keep) fs::remove_all(dir, ec);
  return 0;
}
