// Text gathered from pieces of a document (a header field wrapped over lines,
// or cut by a page break), joined with '\n', remembering the document offset
// of every byte so that whatever is read from the joined text keeps its span.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cable.h"

namespace dossier::cable {

class Chunks {
 public:
  // Appends text[start, end); pieces after the first are separated by '\n'.
  void Add(std::string_view text, size_t start, size_t end);
  const std::string& str() const { return s_; }
  bool empty() const { return s_.empty(); }
  // The document span of str()[b, e), trimmed of surrounding whitespace.
  Span SpanOf(size_t b, size_t e) const;
  // The document offset of str()[i].
  int64_t At(size_t i) const { return at_[i]; }

 private:
  std::string s_;
  std::vector<int64_t> at_;
};

}  // namespace dossier::cable
