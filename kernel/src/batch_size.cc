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

namespace {

// What a JSON object or array takes on the heap beyond what JsonBytes counts:
// an object is a tree map (its allocation, and a node per member holding
// the key string and the value), an array a vector. Only the value's own
// members: a paragraph's properties are an object per paragraph, and a
// million of them weigh far more than their keys and values.
int64_t JsonContainerBytes(const Json& value) {
  if (value.is_object()) return 64 + 64 * static_cast<int64_t>(value.size());
  if (value.is_array()) return 24;
  return 0;
}

}  // namespace

int64_t BatchBytes(const DocumentBatch& batch) {
  const Document& d = batch.document;
  int64_t n = static_cast<int64_t>(d.text.size() + d.title.size() + d.id.size() + d.source.size()) +
              JsonBytes(d.properties) + JsonContainerBytes(d.properties);
  for (const auto& p : d.paragraphs) {
    n += static_cast<int64_t>(sizeof(p)) + JsonBytes(p.properties) + JsonContainerBytes(p.properties);
  }
  for (const auto& e : batch.entities) {
    n += static_cast<int64_t>(sizeof(e) + e.key.size() + e.name.size() + e.id.size()) + JsonBytes(e.properties) +
         JsonContainerBytes(e.properties);
    for (const auto& a : e.aliases) n += static_cast<int64_t>(sizeof(a) + a.size());
  }
  for (const auto& m : batch.mentions) {
    n += static_cast<int64_t>(sizeof(m) + m.entity.size() + m.extractor.size());
  }
  for (const auto& c : batch.claims) {
    n += static_cast<int64_t>(sizeof(c) + c.subject.size() + c.predicate.size() + c.object.size() + c.time.size() +
                              c.attributed_to.size() + c.kind.size() + c.extractor.size()) +
         JsonBytes(c.value) + JsonContainerBytes(c.value) + JsonBytes(c.properties) + JsonContainerBytes(c.properties);
  }
  return n;
}

}  // namespace dossier
