#include "progress.h"

#include <cstdio>
#include <filesystem>

#include "dossier/text.h"

namespace dossier::cli {

namespace {

// "12 s left", "3 min left": from the rate so far; nothing before a rate is known.
std::string TimeLeft(int64_t done, int64_t total, double elapsed) {
  if (done <= 0 || total <= done || elapsed < 0.5) return "";
  const double left = elapsed * static_cast<double>(total - done) / static_cast<double>(done);
  char buf[32];
  if (left < 90) {
    std::snprintf(buf, sizeof buf, ", %.0f s left", left);
  } else {
    std::snprintf(buf, sizeof buf, ", %.0f min left", left / 60);
  }
  return buf;
}

}  // namespace

bool ProgressLine::Due(double elapsed, bool last) {
  if (!enabled_) return false;
  if (!last && last_draw_ >= 0 && elapsed - last_draw_ < 0.1) return false;
  last_draw_ = elapsed;
  return true;
}

void ProgressLine::Draw(const std::string& line) {
  std::fprintf(stderr, "\r\x1b[K%s", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::Update(const ImportProgress& p) {
  if (!Due(p.elapsed_seconds, p.files_done == p.files_total)) return;
  const double rate = p.elapsed_seconds > 0 ? static_cast<double>(p.files_done) / p.elapsed_seconds : 0;
  std::string name = std::filesystem::path(p.current).filename().string();
  if (name.size() > 40) name = name.substr(0, Utf8Floor(name, 39)) + "…";
  // Drawn straight to stderr: the file name must not carry escapes of its own.
  name = EscapeControls(name);
  char line[512];
  std::snprintf(line, sizeof line, "[%zu/%zu files] %lld documents, %.1f files/s%s  %s", p.files_done, p.files_total,
                static_cast<long long>(p.documents), rate,
                TimeLeft(static_cast<int64_t>(p.files_done), static_cast<int64_t>(p.files_total), p.elapsed_seconds).c_str(),
                name.c_str());
  Draw(line);
}

void ProgressLine::Update(const StepProgress& p) {
  if (!Due(p.elapsed_seconds, p.total > 0 && p.done >= p.total)) return;
  const double rate = p.elapsed_seconds > 0 ? static_cast<double>(p.done) / p.elapsed_seconds : 0;
  char line[512];
  if (!p.current.empty()) {
    // Steps take unlike times: the one running and the time so far say more than a rate.
    std::snprintf(line, sizeof line, "[%lld/%lld %s] %s, %.1f s", static_cast<long long>(p.done),
                  static_cast<long long>(p.total), p.unit.c_str(), EscapeControls(p.current).c_str(), p.elapsed_seconds);
  } else {
    std::snprintf(line, sizeof line, "[%lld/%lld %s] %.0f/s%s", static_cast<long long>(p.done),
                  static_cast<long long>(p.total), p.unit.c_str(), rate, TimeLeft(p.done, p.total, p.elapsed_seconds).c_str());
  }
  Draw(line);
}

void ProgressLine::Clear() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace dossier::cli
