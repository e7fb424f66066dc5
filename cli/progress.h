// A one-line progress display for long imports, redrawn in place. Only on a
// terminal: in CI logs and pipes it prints nothing.
#pragma once

#include <string>

#include "dossier/pipeline.h"

namespace dossier::cli {

class ProgressLine {
 public:
  // enabled: stderr is a terminal and the user wants human output.
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  ~ProgressLine() { Clear(); }

  void Update(const ImportProgress& p);
  // Erases the line (before printing the summary).
  void Clear();

 private:
  bool enabled_;
  bool shown_ = false;
  double last_draw_ = -1;
};

}  // namespace dossier::cli
