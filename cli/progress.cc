#include "progress.h"

#include <cstdio>
#include <filesystem>

#include "dossier/text.h"

namespace dossier::cli {

void ProgressLine::Update(const ImportProgress& p) {
  if (!enabled_) return;
  // Redraw at most ten times a second, and always at the end.
  const bool last = p.files_done == p.files_total;
  if (!last && last_draw_ >= 0 && p.elapsed_seconds - last_draw_ < 0.1) return;
  last_draw_ = p.elapsed_seconds;
  const double rate = p.elapsed_seconds > 0 ? static_cast<double>(p.files_done) / p.elapsed_seconds : 0;
  std::string name = std::filesystem::path(p.current).filename().string();
  if (name.size() > 40) name = name.substr(0, Utf8Floor(name, 39)) + "…";
  // Drawn straight to stderr: the file name must not carry escapes of its own.
  name = EscapeControls(name);
  std::fprintf(stderr, "\r\x1b[K[%zu/%zu files] %lld documents, %.1f files/s  %s", p.files_done, p.files_total,
               static_cast<long long>(p.documents), rate, name.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::Clear() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace dossier::cli
