// Nesting depth of raw JSON text (dossier/text.h), measured before parsing.
#include <algorithm>

#include "dossier/text.h"

namespace dossier {

size_t JsonNestingDepth(std::string_view json) {
  size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // an escaped quote or backslash does not end the string
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        deepest = std::max(deepest, ++depth);
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;  // a stray close: the parser will refuse it
        break;
      default:
        break;
    }
  }
  return deepest;
}

Status CheckJsonDepth(std::string_view json, size_t limit) {
  const size_t depth = JsonNestingDepth(json);
  if (depth <= limit) return Status::OK();
  return Status::InvalidArgument("JSON nested " + std::to_string(depth) + " levels deep, over the limit of " +
                                 std::to_string(limit));
}

}  // namespace dossier
