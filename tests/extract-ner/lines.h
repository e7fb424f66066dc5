// Test fixtures' paragraphs: each non-empty line is one (the importers'
// paragraphs, without running an importer).
#pragma once

#include <string>
#include <vector>

#include "dossier/tokens.h"

namespace dossier::ner::testing {

inline std::vector<Span> Lines(const std::string& text) {
  std::vector<Span> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    if (nl > pos) out.push_back({static_cast<int64_t>(pos), static_cast<int64_t>(nl)});
    pos = nl + 1;
  }
  return out;
}

}  // namespace dossier::ner::testing
