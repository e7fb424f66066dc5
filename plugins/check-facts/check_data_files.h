// The data files in data/ (and the extractor's titles.txt), compiled in
// (generated: check_data_files.cc).
#pragma once

#include <cstddef>
#include <string_view>

namespace dossier::check {

struct EmbeddedFile {
  const char* name;  // "predicates.txt"
  const char* text;
};

extern const EmbeddedFile kDataFiles[];
extern const size_t kDataFilesCount;

// The text of a data file, or empty.
inline std::string_view DataFile(std::string_view name) {
  for (size_t i = 0; i < kDataFilesCount; ++i) {
    if (name == kDataFiles[i].name) return kDataFiles[i].text;
  }
  return {};
}

}  // namespace dossier::check
