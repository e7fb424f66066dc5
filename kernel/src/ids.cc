#include "ids.h"

#include <algorithm>
#include <cctype>

#include "dossier/text.h"

namespace dossier {

std::string CanonicalPredicate(std::string_view p) {
  // The measure and its noun are normalised each on its own.
  const size_t colon = p.find(':');
  auto part = [](std::string_view s) {
    std::string out;
    for (char ch : NormalizeName(s)) out.push_back(ch == ' ' ? '_' : ch);
    return out;
  };
  std::string out = part(p.substr(0, colon));
  if (!out.empty() && out[0] >= '0' && out[0] <= '9') out = "p_" + out;
  if (colon != std::string_view::npos && !out.empty()) {
    const std::string noun = part(p.substr(colon + 1));
    if (!noun.empty()) out += ":" + noun;
  }
  return out;
}

std::string ShortHash(std::string_view s, size_t n) { return Sha256Hex(s).substr(0, n); }

bool ValidIdSyntax(std::string_view id, std::string_view prefix) {
  if (id.size() <= prefix.size() + 1 || id.substr(0, prefix.size()) != prefix || id[prefix.size()] != ':') {
    return false;
  }
  return std::none_of(id.begin(), id.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::string ClaimId(const Claim& c) {
  const std::string key = c.subject + "\x1f" + c.predicate + "\x1f" + c.object + "\x1f" + c.value.dump() + "\x1f" +
                          c.time + "\x1f" + c.source.document + "\x1f" + std::to_string(c.source.start) + "\x1f" +
                          std::to_string(c.source.end) + "\x1f" + c.source.note + "\x1f" + c.attributed_to;
  return "claim:" + ShortHash(key);
}

std::string MentionId(const std::string& document, int64_t start, int64_t end, EntityType type) {
  return "mention:" + ShortHash(document + "\x1f" + std::to_string(start) + "\x1f" + std::to_string(end) + "\x1f" +
                                std::string(TypeName(type)));
}

std::string FreeId(std::string_view prefix, std::string_view slug, const std::function<bool(const std::string&)>& taken) {
  const std::string base = std::string(prefix) + ":" + std::string(slug);
  std::string id = base;
  for (int n = 2; taken(id); ++n) id = base + "-" + std::to_string(n);
  return id;
}

}  // namespace dossier
