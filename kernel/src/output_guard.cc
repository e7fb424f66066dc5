#include "output_guard.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <random>

#include "dossier/exporter.h"

namespace dossier {
namespace fs = std::filesystem;

namespace {

fs::path Canonical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(fs::absolute(p, ec), ec);
  return ec ? fs::absolute(p).lexically_normal() : c;
}

// Whether `folder` is `p` or one of its ancestors.
bool Holds(const fs::path& folder, const fs::path& p) {
  auto f = folder.begin();
  auto q = p.begin();
  for (; f != folder.end(); ++f, ++q) {
    if (f->empty()) continue;  // a trailing separator
    if (q == p.end() || *f != *q) return false;
  }
  return true;
}

std::string Head(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

// "<base>.tmp-<pid>-<n>" or "<base>.old.tmp-<pid>-<n>": the pid, and whether
// it is a replaced folder moved aside; 0 when the name is not of that form.
pid_t DebrisOf(const std::string& name, const std::string& base, bool* old) {
  std::string rest;
  if (name.rfind(base + ".tmp-", 0) == 0) {
    rest = name.substr(base.size() + 5);
    *old = false;
  } else if (name.rfind(base + ".old.tmp-", 0) == 0) {
    rest = name.substr(base.size() + 9);
    *old = true;
  } else {
    return 0;
  }
  const size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string::npos || dash + 1 == rest.size()) return 0;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (i != dash && (rest[i] < '0' || rest[i] > '9')) return 0;
  }
  if (dash > 9) return 0;
  return static_cast<pid_t>(std::stol(rest.substr(0, dash)));
}

bool ProcessGone(pid_t pid) { return pid != getpid() && ::kill(pid, 0) != 0 && errno == ESRCH; }

}  // namespace

std::string NormalizeOutputPath(const std::string& path) {
  if (path == "-" || path.empty()) return path;
  std::string out = path;
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

Status CheckOutputTarget(const std::string& path, bool folder, const OutputRules& rules) {
  const fs::path target = Canonical(path);
  for (const std::string& f : rules.protected_files) {
    const fs::path file = Canonical(f);
    if (target == file) return Status::InvalidArgument(path + " is a file of the store itself; export elsewhere");
    if (Holds(target, file.parent_path())) {
      return Status::InvalidArgument(path + " holds the store " + rules.protected_files.front() +
                                     "; an export replaces its whole folder, so export elsewhere");
    }
  }
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(path, ec);
  if (ec || !fs::exists(status)) return Status::OK();
  const std::string again = "; give another name, or --force to replace it";
  if (folder) {
    if (!fs::is_directory(fs::status(path, ec))) return Status::InvalidArgument(path + " exists and is not a folder");
    if (fs::exists(fs::path(path) / kExportMarker, ec) || fs::is_empty(path, ec) || rules.force) return Status::OK();
    return Status::InvalidArgument(path + " is a folder that no dossier export made (it has no " +
                                   std::string(kExportMarker) + ")" + again);
  }
  const fs::file_status followed = fs::status(path, ec);
  if (fs::is_directory(followed)) return Status::InvalidArgument(path + " is a folder");
  if (!fs::is_regular_file(followed)) return Status::InvalidArgument(path + " is not a regular file");
  if (fs::file_size(path, ec) == 0 || rules.force) return Status::OK();
  if (rules.owns && rules.owns(Head(path))) return Status::OK();
  return Status::InvalidArgument(path + " exists and is not a dossier " + rules.format + " export" + again);
}

std::string ExportTempName(const std::string& path) {
  std::random_device rd;
  return path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(rd() % 1000000);
}

void SweepExportDebris(const std::string& path) {
  const fs::path target(path);
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string base = target.filename().string();
  std::error_code ec;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    bool old = false;
    const pid_t pid = DebrisOf(it->path().filename().string(), base, &old);
    if (pid <= 0 || !ProcessGone(pid)) continue;
    std::error_code ignored;
    // Killed after the old export was moved aside and before the new one
    // took its place: the old one goes back.
    if (old && !fs::exists(fs::symlink_status(target, ignored))) {
      fs::rename(it->path(), target, ignored);
      if (!ignored) continue;
    }
    fs::remove_all(it->path(), ignored);
  }
}

}  // namespace dossier
