#include "write_grouping.h"

namespace dossier {

WriteGrouping::WriteGrouping(Store& store, bool enabled, int64_t max_documents, double max_seconds)
    : store_(store), enabled_(enabled), max_documents_(max_documents), max_age_(max_seconds) {}

WriteGrouping::~WriteGrouping() = default;

Status WriteGrouping::Open() {
  if (!failed_.ok()) return failed_;
  if (!enabled_ || group_) return Status::OK();
  auto group = store_.BeginGroup();
  if (!group.ok()) return failed_ = group.status();
  group_ = std::move(group).value();
  opened_ = std::chrono::steady_clock::now();
  documents_ = 0;
  files_ = 0;
  return Status::OK();
}

Status WriteGrouping::CommitIfDue() {
  if (!group_) return Status::OK();
  if (documents_ < max_documents_ && std::chrono::steady_clock::now() - opened_ < max_age_) return Status::OK();
  if (Status st = Commit(); !st.ok()) return st;
  return Open();
}

Status WriteGrouping::Commit() {
  if (!group_) return failed_;
  Status st = group_->Commit();
  group_.reset();
  if (!st.ok()) {
    lost_files_ = files_;
    failed_ = st;
  }
  documents_ = 0;
  files_ = 0;
  return st;
}

}  // namespace dossier
