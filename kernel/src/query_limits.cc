#include "query_limits.h"

#include <string>

#include "dossier/text.h"

namespace dossier {

Status CheckQueryLimits(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("the search is " + std::to_string(query.size()) + " bytes long; at most " +
                                   std::to_string(kMaxQueryBytes) + " are searched");
  }
  // Words as the search matches them: names normalised, operators and the
  // quotes, parentheses and dashes around words set aside.
  size_t words = 0;
  const std::string norm = NormalizeName(query);
  size_t at = 0;
  while (at < norm.size()) {
    size_t end = norm.find(' ', at);
    if (end == std::string::npos) end = norm.size();
    const std::string_view word = std::string_view(norm).substr(at, end - at);
    if (!word.empty() && word != "and" && word != "or" && word != "not") ++words;
    at = end + 1;
  }
  if (words > kMaxQueryWords) {
    return Status::InvalidArgument("the search has " + std::to_string(words) + " words; at most " +
                                   std::to_string(kMaxQueryWords) + " are searched at once");
  }
  return Status::OK();
}

}  // namespace dossier
