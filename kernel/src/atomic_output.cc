#include "atomic_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "output_guard.h"

namespace dossier {
namespace fs = std::filesystem;

namespace {

// Makes a closed file's contents durable before it is renamed into place.
void SyncFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

Result<std::unique_ptr<AtomicOutput>> AtomicOutput::Create(const std::string& path_in, bool folder,
                                                           const OutputRules& rules) {
  const std::string path = NormalizeOutputPath(path_in);
  if (path.empty()) return Status::InvalidArgument("empty output path");
  if (path == "-") {
    if (folder) return Status::InvalidArgument("a folder export cannot go to stdout");
    return std::unique_ptr<AtomicOutput>(new AtomicOutput(path, "", false));
  }
  std::error_code ec;
  const fs::path target(path);
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(parent, ec)) return Status::NotFound("no folder " + parent.string() + " to write " + path + " in");
  SweepExportDebris(path);
  if (Status st = CheckOutputTarget(path, folder, rules); !st.ok()) return st;
  std::unique_ptr<AtomicOutput> out(new AtomicOutput(path, ExportTempName(path), folder));
  if (folder) {
    if (!fs::create_directory(out->temp_, ec)) return Status::IOError("cannot create " + out->temp_ + ": " + ec.message());
    out->unusable_.setstate(std::ios::badbit);
    // The marker goes in first, so that even a folder left by a killed export
    // is known as an export's.
    std::ofstream marker(fs::path(out->temp_) / kExportMarker, std::ios::binary);
    marker << "This folder is a dossier " << rules.format
           << " export. The next export to it replaces it whole: keep nothing else here.\n";
    if (!marker) return Status::IOError("cannot write " + (fs::path(out->temp_) / kExportMarker).string());
  } else {
    out->file_.open(out->temp_, std::ios::binary | std::ios::trunc);
    if (!out->file_) return Status::IOError("cannot write " + out->temp_);
  }
  return out;
}

AtomicOutput::~AtomicOutput() {
  if (!done_) Abandon();
}

std::ostream& AtomicOutput::stream() {
  if (temp_.empty()) return std::cout;
  if (folder_) return unusable_;
  return file_;
}

Status AtomicOutput::CloseCurrent() {
  if (!file_.is_open()) return Status::OK();
  file_.flush();
  const bool good = file_.good();
  file_.close();
  if (!good) return Status::IOError("cannot write " + (current_.empty() ? path_ : current_) + " (disk full?)");
  return Status::OK();
}

Result<std::ostream*> AtomicOutput::OpenFile(const std::string& relative_path) {
  if (!folder_) return Status::InvalidArgument("this export writes one file, not a folder");
  const fs::path rel(relative_path);
  if (rel.empty() || rel.is_absolute()) return Status::InvalidArgument("bad output file name " + relative_path);
  for (const auto& part : rel) {
    if (part == "..") return Status::InvalidArgument("output file name leaves the folder: " + relative_path);
  }
  if (Status st = CloseCurrent(); !st.ok()) return st;
  const fs::path full = fs::path(temp_) / rel;
  std::error_code ec;
  fs::create_directories(full.parent_path(), ec);
  file_.clear();
  file_.open(full, std::ios::binary | std::ios::trunc);
  if (!file_) return Status::IOError("cannot write " + (fs::path(path_) / rel).string());
  current_ = (fs::path(path_) / rel).string();
  return static_cast<std::ostream*>(&file_);
}

Status AtomicOutput::Commit() {
  if (temp_.empty()) {
    std::cout.flush();
    done_ = true;
    return std::cout.good() ? Status::OK() : Status::IOError("cannot write to stdout");
  }
  if (Status st = CloseCurrent(); !st.ok()) {
    Abandon();
    return st;
  }
  std::error_code ec;
  if (!folder_) {
    SyncFile(temp_);
    fs::rename(temp_, path_, ec);
    if (ec) {
      Abandon();
      return Status::IOError("cannot move the export into place at " + path_ + ": " + ec.message());
    }
    done_ = true;
    return Status::OK();
  }
  // A folder cannot replace a non-empty folder in one rename: move the old
  // one aside first, then remove it once the new one is in place.
  std::string old;
  if (fs::exists(path_, ec)) {
    old = ExportTempName(path_ + ".old");
    fs::rename(path_, old, ec);
    if (ec) {
      Abandon();
      return Status::IOError("cannot replace " + path_ + ": " + ec.message());
    }
  }
  fs::rename(temp_, path_, ec);
  if (ec) {
    if (!old.empty()) fs::rename(old, path_, ec);
    Abandon();
    return Status::IOError("cannot move the export into place at " + path_);
  }
  if (!old.empty()) fs::remove_all(old, ec);
  done_ = true;
  return Status::OK();
}

void AtomicOutput::Abandon() {
  done_ = true;
  if (file_.is_open()) file_.close();
  if (temp_.empty()) return;
  std::error_code ec;
  fs::remove_all(temp_, ec);
}

}  // namespace dossier
