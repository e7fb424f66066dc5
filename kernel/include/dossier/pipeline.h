// The pipeline: importing files (importer -> extractors -> resolver -> store),
// running checkers, and running exporters, with the plugin host's components.
//
// Errors in one file, document or checker are reported and the rest goes on;
// a component that throws fails only what it was working on, and the store is
// left as it was for that unit.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dossier/export.h"
#include "dossier/exporter.h"
#include "dossier/host.h"
#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier {

struct ImportProgress {
  size_t files_done = 0;
  size_t files_total = 0;
  int64_t documents = 0;  // written so far
  double elapsed_seconds = 0;
  std::string current;  // the file being read
};

struct ImportOptions {
  // Use this importer for every file instead of sniffing.
  std::string as;
  // Parse and extract, but write nothing.
  bool dry_run = false;
  // Import files even when the same bytes were imported before.
  bool force = false;
  // Interchange records whose id the store holds with other content
  // overwrite it (each one audited) instead of failing their file.
  bool replace = false;
  // Extractors to run (names); empty runs all of them.
  std::vector<std::string> extractors;
  // Run no extractor at all.
  bool no_extract = false;
  // A document whose text is larger is refused (with its size in the reason).
  int64_t max_document_bytes = 64 << 20;
  // The memory one unit of import work may hold: the bytes an importer reads
  // whole from a file, the estimated size of one document with everything
  // proposed for it (before and after the extractors), one interchange record.
  // Over it, that file or document is refused with both sizes in the reason;
  // streamed files (cables.csv, JSONL) are bounded per row, not per file.
  // Documents read and extracted but not yet written hold up to twice this
  // much more (the next file is read while the writer thread writes).
  int64_t max_batch_bytes = 128 << 20;
  // Called on the calling thread after each file is read and extracted (its
  // writes may still be queued; `documents` counts those done) and at the start.
  std::function<void(const ImportProgress&)> progress;
};

// On a dry run, what one document would store: whether it is new, changed
// or the same as the store's, its mentions and claims, and the names it
// proposes, each found in the store already (by id, name or alias, as
// `dossier show` finds them) or not. A name not in the store may still be
// joined to an entity by the resolver on import ("Okonkwo" to "Nadia
// Okonkwo" named in the same document).
struct PlannedDocument {
  enum class State { kNew, kChanged, kUnchanged } state = State::kNew;
  std::string id;
  std::string title;
  int64_t mentions = 0;
  int64_t claims = 0;
  std::vector<std::string> new_entities;    // "person: Elena Vasquez"
  std::vector<std::string> known_entities;  // "place: Tacoma (place:tacoma)"
};

DOSSIER_API const char* PlannedStateName(PlannedDocument::State state);

// What happened to one file.
struct FileReport {
  enum class Outcome { kImported, kUnchanged, kFailed } outcome = Outcome::kImported;
  std::string path;
  std::string importer;
  std::string reason;  // why it failed
  std::vector<std::string> warnings;  // what was tolerated or skipped inside it
  std::vector<std::string> documents;  // ids written (or that would be, on a dry run)
  int64_t documents_new = 0;
  int64_t documents_unchanged = 0;
  int64_t documents_failed = 0;
  int64_t records = 0;            // interchange records written (jsonl)
  int64_t records_unchanged = 0;  // records the store held already
  int64_t entities_created = 0;
  int64_t mentions = 0;
  int64_t claims = 0;
  std::vector<PlannedDocument> planned;  // on a dry run: what each document would store
};

struct ImportSummary {
  std::vector<FileReport> files;
  int64_t imported = 0, unchanged = 0, failed = 0;  // files
  int64_t documents = 0;                            // written
  double elapsed_seconds = 0;
};

// How far a long run is (an export, a check): done of total (0 when
// unknown) in its unit, what it is doing now, and the time since it began.
struct StepProgress {
  std::string unit;     // "files", "records", "steps"
  std::string current;  // the step running ("numbers"), or empty
  int64_t done = 0;
  int64_t total = 0;
  double elapsed_seconds = 0;
};

struct ExportOptions {
  // Replace an existing file or folder at the output path even when no
  // dossier export made it. The store's own files and the folders that hold
  // them are never replaced.
  bool force = false;
  // Called as the exporter reports progress (ExportTarget::Progress).
  std::function<void(const StepProgress&)> progress;
};

// One checker's run.
struct CheckReport {
  std::string checker;
  int64_t findings = 0;
  Status status;  // not ok: the run was discarded
};

class DOSSIER_API Pipeline {
 public:
  Pipeline(Store& store, const PluginHost& host, Actor actor);

  // Imports files and folders (recursively, in name order). Fails as a whole
  // only for a bad option (an unknown --as importer or extractor); every
  // per-file problem is in the summary.
  Result<ImportSummary> Import(const std::vector<std::string>& paths, const ImportOptions& options);

  // Groups the documents into stories when the store changed since they were
  // last grouped (reported first, as the "stories" run: findings is the
  // number of stories), then runs the named checkers (all when empty) and
  // stores their findings. Fails as a whole only for an unknown checker name.
  // progress, when set, is called as each step starts (the story grouping,
  // then each checker): done steps of total, `current` naming it.
  Result<std::vector<CheckReport>> Check(const std::vector<std::string>& checkers,
                                         const std::function<void(const StepProgress&)>& progress = {});
  // Groups the documents into stories now (docs/checks.md, "Stories"), as
  // Check does first: a report named "stories" whose findings is the number
  // of stories.
  CheckReport GroupStories();

  // Runs an exporter into output ("-" for stdout; a folder for folder
  // exporters), reading one snapshot of the store. The output appears whole
  // or not at all. An existing file or folder at output is replaced only when
  // a dossier export made it (or options.force), never when it is or holds
  // the store (docs/exports.md, "Where an export goes").
  Status Export(const std::string& exporter, const Selection& selection, const std::string& output,
                const ExportOptions& options = {});

 private:
  Store& store_;
  const PluginHost& host_;
  Actor actor_;
};

}  // namespace dossier
