// The memory an importer or extractor may take for one document
// (ImportOptions::max_batch_bytes), for those whose structures grow with
// their input: they count an estimate of what they hold as it grows and stop
// once it is over, so a hostile file is refused before it takes the memory,
// not after. Header-only.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include "dossier/status.h"

namespace dossier {

class MemoryBudget {
 public:
  // limit <= 0: no limit.
  explicit MemoryBudget(int64_t limit, int64_t held = 0)
      : limit_(limit > 0 ? limit : std::numeric_limits<int64_t>::max()), held_(held) {}

  // Counts bytes more held; false once the total is over the limit.
  bool Take(int64_t bytes) {
    held_ += bytes;
    return held_ <= limit_;
  }
  bool over() const { return held_ > limit_; }
  int64_t held() const { return held_; }
  int64_t limit() const { return limit_; }

  // The refusal, in the words of the pipeline's own: "<what> would hold
  // more than N bytes, over the per-batch memory limit of M".
  Status Refusal(const std::string& what) const {
    return Status::InvalidArgument(what + " would hold more than " + std::to_string(held_) +
                                   " bytes, over the per-batch memory limit of " + std::to_string(limit_));
  }

 private:
  int64_t limit_;
  int64_t held_;
};

}  // namespace dossier
