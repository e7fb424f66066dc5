// Export targets that appear whole or not at all: output goes to a temporary
// file or folder next to the destination and is renamed into place on Commit.
#pragma once

#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "dossier/exporter.h"
#include "output_guard.h"

namespace dossier {

class AtomicOutput final : public ExportTarget {
 public:
  // path "-" (file mode only) writes to stdout, which cannot be atomic.
  // What the path may already hold is up to `rules` (output_guard.h); a
  // folder export gets the marker file (kExportMarker) at its top.
  static Result<std::unique_ptr<AtomicOutput>> Create(const std::string& path, bool folder, const OutputRules& rules);
  ~AtomicOutput() override;

  std::ostream& stream() override;
  Result<std::ostream*> OpenFile(const std::string& relative_path) override;
  void Progress(int64_t done, int64_t total) override {
    if (on_progress_) on_progress_(done, total);
  }
  // Where Progress goes (the pipeline adds the time and the unit).
  void OnProgress(std::function<void(int64_t, int64_t)> f) { on_progress_ = std::move(f); }

  // Flushes, checks every write succeeded, and moves the output into place.
  Status Commit();
  // Removes whatever was written.
  void Abandon();

 private:
  AtomicOutput(std::string path, std::string temp, bool folder) : path_(std::move(path)), temp_(std::move(temp)), folder_(folder) {}
  Status CloseCurrent();

  std::string path_;
  std::string temp_;  // "" for stdout
  bool folder_;
  bool done_ = false;
  std::ofstream file_;         // file mode, or the folder's current file
  std::string current_;        // folder mode: the file open in file_
  std::ofstream unusable_;     // stream() in folder mode: always failed
  std::function<void(int64_t, int64_t)> on_progress_;
};

}  // namespace dossier
