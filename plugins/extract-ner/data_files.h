// The data files in data/, compiled in (generated: data_files.cc).
#pragma once

#include <cstddef>
#include <string_view>

namespace dossier::ner {

struct EmbeddedFile {
  const char* name;  // "cities.txt"
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

}  // namespace dossier::ner
