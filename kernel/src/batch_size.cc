// Memory estimates for the import pipeline's limits (see batch_size.h).
#include "batch_size.h"

#include <vector>

namespace dossier {

// Walks the value with a stack of its own: input is depth-checked before it
// is parsed (CheckJsonDepth), but an estimate that exists to stop hostile
// input must not itself be the thing that overflows.
int64_t JsonBytes(const Json& value) {
  int64_t n = 0;
  std::vector<const Json*> pending = {&value};
  while (!pending.empty()) {
    const Json& v = *pending.back();
    pending.pop_back();
    n += static_cast<int64_t>(sizeof(Json));
    if (v.is_string()) {
      n += static_cast<int64_t>(v.get_ref<const std::string&>().size());
    } else if (v.is_object()) {
      for (auto it = v.begin(); it != v.end(); ++it) {
        n += static_cast<int64_t>(it.key().size());
        pending.push_back(&*it);
      }
    } else if (v.is_array()) {
      for (const auto& child : v) pending.push_back(&child);
    }
  }
  return n;
}

int64_t BatchBytes(const DocumentBatch& batch) {
  const Document& d = batch.document;
  int64_t n = static_cast<int64_t>(d.text.size() + d.title.size() + d.id.size() + d.source.size()) +
              JsonBytes(d.properties);
  for (const auto& p : d.paragraphs) n += static_cast<int64_t>(sizeof(p)) + JsonBytes(p.properties);
  for (const auto& e : batch.entities) {
    n += static_cast<int64_t>(sizeof(e) + e.key.size() + e.name.size() + e.id.size()) + JsonBytes(e.properties);
    for (const auto& a : e.aliases) n += static_cast<int64_t>(sizeof(a) + a.size());
  }
  n += static_cast<int64_t>(batch.mentions.size() * sizeof(ProposedMention));
  for (const auto& c : batch.claims) {
    n += static_cast<int64_t>(sizeof(c) + c.subject.size() + c.predicate.size() + c.object.size() + c.time.size() +
                              c.attributed_to.size()) +
         JsonBytes(c.value) + JsonBytes(c.properties);
  }
  return n;
}

}  // namespace dossier
