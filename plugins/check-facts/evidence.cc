#include "evidence.h"

#include "dossier/text.h"

namespace dossier::check {

Json ClaimEvidence(const Claim& c) {
  Json j = {{"claim", c.id}, {"subject", c.subject}, {"predicate", c.predicate}};
  if (!c.object.empty()) j["object"] = c.object;
  if (!c.value.is_null()) j["value"] = c.value;
  if (!c.time.empty()) j["time"] = c.time;
  if (!c.source.document.empty()) j["document"] = c.source.document;
  if (!c.source.quote.empty()) j["quote"] = ShortQuote(c.source.quote);
  if (!c.attributed_to.empty()) j["attributed_to"] = c.attributed_to;
  return j;
}

std::string Fingerprint(std::initializer_list<std::string_view> parts) {
  std::string joined;
  for (std::string_view p : parts) {
    joined += std::to_string(p.size());
    joined += ':';
    joined += p;
  }
  return Sha256Hex(joined).substr(0, 32);
}

std::string ShortQuote(const std::string& quote, size_t max_bytes) {
  if (quote.size() <= max_bytes) return quote;
  return quote.substr(0, Utf8Floor(quote, max_bytes)) + "…";
}

const std::string& EntityNames::Of(const std::string& id) {
  auto it = names_.find(id);
  if (it != names_.end()) return it->second;
  if (id.rfind("story:", 0) == 0) {
    auto s = store_.GetStory(id);
    return names_[id] = s.ok() ? "the story \"" + s->title + "\"" : id;
  }
  auto e = store_.GetEntity(id);
  return names_[id] = e.ok() ? e->name : id;
}

}  // namespace dossier::check
