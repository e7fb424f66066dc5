#include "batch_view.h"

#include <algorithm>
#include <map>

namespace dossier::ner {

Recognition FromBatch(const DocumentBatch& batch, std::vector<std::string>* keys) {
  Recognition r;
  std::map<std::string, int> index;
  for (const auto& e : batch.entities) {
    index[e.key] = static_cast<int>(r.entities.size());
    r.entities.push_back({e.type, e.name, e.aliases, e.properties});
    keys->push_back(e.key);
  }
  for (const auto& m : batch.mentions) {
    auto it = index.find(m.entity);
    r.mentions.push_back({it == index.end() ? -1 : it->second, m.type, m.start, m.end, m.confidence});
  }
  std::sort(r.mentions.begin(), r.mentions.end(),
            [](const RecognizedMention& a, const RecognizedMention& b) { return a.start < b.start; });
  return r;
}

int64_t ViewBytes(const DocumentBatch& batch) {
  int64_t n = static_cast<int64_t>(batch.mentions.size() * sizeof(RecognizedMention));
  for (const auto& e : batch.entities) n += static_cast<int64_t>(sizeof(RecognizedEntity) + e.name.size() + e.key.size() + 64);
  return n;
}

std::vector<Span> ParagraphsOf(const Document& d) {
  std::vector<Span> out;
  for (const auto& p : d.paragraphs) out.push_back({p.start, p.end});
  if (!out.empty()) return out;
  size_t pos = 0;
  while (pos < d.text.size()) {
    size_t end = d.text.find("\n\n", pos);
    if (end == std::string::npos) end = d.text.size();
    if (end > pos) out.push_back({static_cast<int64_t>(pos), static_cast<int64_t>(end)});
    pos = end + 2;
  }
  return out;
}

}  // namespace dossier::ner
