// When an import commits. Documents are written inside write groups
// (Store::BeginGroup) that commit once they hold enough documents or have
// been open long enough: an import of many small files pays a commit per
// group instead of one per document, and another process that wants to write
// waits about max_seconds at most.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include "dossier/store.h"

namespace dossier {

class WriteGrouping {
 public:
  // disabled: every write commits on its own (a dry run writes nothing).
  WriteGrouping(Store& store, bool enabled, int64_t max_documents, double max_seconds);
  ~WriteGrouping();  // rolls back a group still open (the import stopped)

  // Opens a group unless one is open. After a failed commit: that failure
  // (the import must stop and say what was lost).
  Status Open();
  // Counts a document written into the open group.
  void Written() { ++documents_; }
  // Counts a file whose writes are all in the open group.
  void FileDone() { if (group_) ++files_; }
  // Commits the open group when it is full or old enough, and opens the next.
  Status CommitIfDue();
  // Commits the open group now (after a failed write, so the failure ends a
  // group and a lost transaction is noticed before anything else is written).
  Status Commit();

  // Files counted by FileDone whose group failed to commit: none of their
  // writes were kept.
  int64_t lost_files() const { return lost_files_; }

 private:
  Store& store_;
  bool enabled_;
  int64_t max_documents_;
  std::chrono::duration<double> max_age_;
  std::unique_ptr<WriteGroup> group_;
  std::chrono::steady_clock::time_point opened_;
  int64_t documents_ = 0;
  int64_t files_ = 0;
  int64_t lost_files_ = 0;
  Status failed_;
};

}  // namespace dossier
