// What an export may write over (docs/exports.md, "Where an export goes"): a
// new file or folder, or one that a previous dossier export made; anything
// else only with --force; the store itself and the folders that hold it never.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"

namespace dossier {

struct OutputRules {
  std::string format;                        // the exporter's name, for messages
  std::vector<std::string> protected_files;  // the store's files (Store::Files)
  // For single-file exports: whether a file beginning with these bytes is
  // this exporter's own output (Exporter::OwnsOutput).
  std::function<bool(std::string_view head)> owns;
  bool force = false;  // replace a file or folder that no export made
};

// The path as the export treats it: "site/" and "site" are one folder.
std::string NormalizeOutputPath(const std::string& path);

// OK when an export may write `path` (a file, or a folder when `folder`);
// otherwise one line saying why and what to do instead.
Status CheckOutputTarget(const std::string& path, bool folder, const OutputRules& rules);

// The temporary name an export to `path` writes under before it is renamed
// into place: "<path>.tmp-<pid>-<n>" (and "<path>.old.tmp-<pid>-<n>" for the
// folder it replaces), so that SweepExportDebris can tell them apart.
std::string ExportTempName(const std::string& path);

// Cleans up after exports to `path` that were killed midway: their temporary
// files and folders are removed, and a replaced folder that was moved aside
// but never deleted is put back when nothing took its place. Only names of the
// ExportTempName form whose process is gone are touched.
void SweepExportDebris(const std::string& path);

}  // namespace dossier
