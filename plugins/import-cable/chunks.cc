// Joined text with document offsets (see chunks.h).
#include "chunks.h"

#include <algorithm>

#include "text_util.h"

namespace dossier::cable {

void Chunks::Add(std::string_view text, size_t start, size_t end) {
  if (!s_.empty()) {
    s_ += '\n';
    at_.push_back(at_.back() + 1);
  }
  s_.append(text.substr(start, end - start));
  for (size_t i = start; i < end; ++i) at_.push_back(static_cast<int64_t>(i));
}

Span Chunks::SpanOf(size_t b, size_t e) const {
  e = std::min(e, s_.size());
  while (b < e && (IsSpace(s_[b]) || s_[b] == '\n')) ++b;
  while (e > b && (IsSpace(s_[e - 1]) || s_[e - 1] == '\n')) --e;
  if (b >= e) return {};
  return {at_[b], at_[e - 1] + 1};
}

}  // namespace dossier::cable
