// Crash safety: `dossier import` of a large batch is killed with SIGKILL at
// random points, twenty times. After every kill the store opens, passes
// SQLite's and FTS5's integrity checks and holds only whole documents (each
// exactly as a clean run writes it); re-running the import then completes the
// batch with no duplicates: the same rows as one clean run. A kill before the
// schema's first commit leaves an empty database file: it must open as a new
// store.
//
// The seed is printed; DOSSIER_CRASH_SEED=N replays a run's kill points.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include <sqlite3.h>

#include "reliability/fixtures.h"
#include "reliability/process.h"
#include "reliability/store_checks.h"
#include "support/test_support.h"

using namespace dossier::testing;
namespace fs = std::filesystem;
namespace rel = dossier::testing::reliability;
using Clock = std::chrono::steady_clock;

namespace {

// Cables and notes, half of each, so two importers and the extractors all run.
void WriteBatch(const std::string& folder, int files) {
  fs::create_directories(folder);
  for (int i = 0; i < files; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%04d", i);
    if (i % 2 == 0) {
      WriteFile(folder + "/" + name + "-cable.txt", rel::Cable(1000 + i));
    } else {
      WriteFile(folder + "/" + name + "-note.txt", rel::Note(i));
    }
  }
}

std::string Stderr(const Child& c) { return ReadFile(c.err_path); }

}  // namespace

TEST_CASE("an import killed twenty times at random points loses nothing and duplicates nothing", "[crash]") {
  constexpr int kFiles = 2000;
  constexpr int kKills = 20;
  TempDir dir;
  const std::string batch = dir / "batch";
  WriteBatch(batch, kFiles);

  // The reference: one clean, uninterrupted run, which also times the batch.
  const std::string clean = dir / "clean.db";
  const auto t0 = Clock::now();
  const Child reference = StartDossier(clean, {"import", batch}, dir / "clean");
  REQUIRE(Wait(reference) == 0);
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  const auto want_counts = TableCounts(clean);
  const auto want_shapes = DocumentShapes(clean);
  REQUIRE(want_counts.at("document") == kFiles);

  unsigned seed = std::random_device{}();
  if (const char* s = std::getenv("DOSSIER_CRASH_SEED")) seed = static_cast<unsigned>(std::strtoul(s, nullptr, 10));
  std::printf("crash test: seed %u (DOSSIER_CRASH_SEED), clean import of %d files took %.2f s\n", seed, kFiles, seconds);
  std::fflush(stdout);
  std::mt19937 rng(seed);
  // Kills land anywhere in the first fifth of a full run: in the start-up, the
  // walk, mid-document. Runs that are cut short resume where the last left off
  // (imported files are skipped), so twenty of them cover the batch; every
  // other run uses --force, so rewriting documents already stored is killed too.
  std::uniform_real_distribution<double> delay(0.0, std::max(0.2, seconds / 5));

  const std::string db = dir / "killed.db";
  int killed_midway = 0, left_partial = 0, left_empty = 0;
  for (int round = 0; round < kKills; ++round) {
    std::vector<std::string> args = {"import", batch};
    if (round % 2 == 1) args.push_back("--force");
    const Child c = StartDossier(db, args, dir / ("run" + std::to_string(round)));
    const double wait = delay(rng);
    std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    const int status = Kill(c);
    INFO("round " << round << ", killed after " << wait << " s, status " << status << ": " << Stderr(c));
    // Either the kill landed, or the run had already finished cleanly.
    REQUIRE((status == -9 || status == 0));
    if (status == -9) ++killed_midway;
    if (!fs::exists(db)) continue;  // killed before the store was created
    if (QueryText(db, "SELECT count(*) FROM sqlite_schema") == "0") {
      // Killed after SQLite created the file but before the schema's first
      // commit: an empty database, which the next open makes a store.
      CHECK(QueryText(db, "PRAGMA user_version") == "0");
      REQUIRE(Dossier(db, {"stats"}).exit_code == 0);
      CHECK(QueryText(db, "PRAGMA user_version") != "0");
      ++left_empty;
      continue;
    }

    REQUIRE(IntegrityCheck(db) == "ok");
    // Whole documents only: each one present is exactly as the clean run wrote it.
    const auto shapes = DocumentShapes(db);
    if (status == -9 && static_cast<int>(shapes.size()) < kFiles) ++left_partial;
    for (const auto& [id, shape] : shapes) {
      INFO(id);
      REQUIRE(want_shapes.count(id) == 1);
      CHECK(shape == want_shapes.at(id));
    }
    // The store still opens for the binary, and reports.
    const RunResult stats = Dossier(db, {"stats"});
    REQUIRE(stats.exit_code == 0);
  }
  std::printf("crash test: %d of %d runs were killed, %d of them leaving the batch part-imported, %d an empty file\n",
              killed_midway, kKills, left_partial, left_empty);
  // Not vacuous: kills did land while documents were being written.
  CHECK(left_partial >= 3);

  // Re-running completes the batch: nothing missing, nothing twice.
  const Child rerun = StartDossier(db, {"import", batch}, dir / "rerun");
  const int status = Wait(rerun);
  INFO(Stderr(rerun));
  REQUIRE(status == 0);
  CHECK(IntegrityCheck(db) == "ok");
  CHECK(TableCounts(db) == want_counts);
  CHECK(DocumentShapes(db) == want_shapes);
}

TEST_CASE("a store file killed before its schema was written opens as a new store", "[crash]") {
  TempDir dir;
  const std::string batch = dir / "batch";
  WriteBatch(batch, 3);
  // What a kill leaves at that point: the file SQLite created on open, empty
  // or holding only the header of a database switched to WAL.
  const std::string empty = dir / "empty.db";
  WriteFile(empty, "");
  const std::string header_only = dir / "header.db";
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(header_only.c_str(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  REQUIRE(QueryText(header_only, "SELECT count(*) FROM sqlite_schema") == "0");
  REQUIRE(fs::file_size(header_only) > 0);
  for (const std::string& db : {empty, header_only}) {
    INFO(db);
    const RunResult r = Dossier(db, {"import", batch});
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(IntegrityCheck(db) == "ok");
    CHECK(TableCounts(db).at("document") == 3);
  }
}
