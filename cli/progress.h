// A one-line progress display for long imports, exports and checks, redrawn
// in place: how far, how fast, and the time left. Only on a terminal: in CI
// logs and pipes it prints nothing.
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
  void Update(const StepProgress& p);
  // Erases the line (before printing the summary).
  void Clear();

 private:
  // Whether to draw now: at most ten times a second, and always at the end.
  bool Due(double elapsed, bool last);
  void Draw(const std::string& line);

  bool enabled_;
  bool shown_ = false;
  double last_draw_ = -1;
};

}  // namespace dossier::cli
