// The "ner" extractor: people, organizations and places in a document's text,
// proposed as entities (keys "ner:N") with one mention per occurrence.
#include <algorithm>

#include "extractors.h"
#include "recognizer.h"

namespace dossier::ner {
namespace {

class NerExtractor final : public Extractor {
 public:
  std::string name() const override { return "ner"; }
  std::string description() const override {
    return "people, organizations and places (rule-based English, ALL-CAPS cables too)";
  }
  int order() const override { return 100; }

  Status Extract(DocumentBatch& batch) override {
    const Document& d = batch.document;
    if (d.text.empty()) return Status::OK();
    std::vector<Span> paragraphs;
    for (const auto& p : d.paragraphs) paragraphs.push_back({p.start, p.end});
    // What the recognizer holds and what it proposes are counted against the
    // batch's limit as they grow: a text dense with names is refused before
    // its mentions take the memory.
    MemoryBudget budget(batch.max_bytes, batch.Bytes() + static_cast<int64_t>(paragraphs.size() * sizeof(Span)));
    Recognition r = Recognize(d.text, paragraphs, &budget);
    if (budget.over()) return budget.Refusal("the document with the names found in it");
    std::vector<std::string> keys;
    for (auto& e : r.entities) {
      if (!budget.Take(static_cast<int64_t>(sizeof(ProposedEntity) + e.name.size() + 16))) {
        return budget.Refusal("the document with the names found in it");
      }
      ProposedEntity p;
      p.key = "ner:" + std::to_string(keys.size());
      p.type = e.type;
      p.name = e.name;
      p.aliases = e.aliases;
      p.properties = e.properties;
      keys.push_back(p.key);
      batch.entities.push_back(std::move(p));
    }
    // An entity's type is as sure as its surest mention: a bare capitalised
    // name guessed to be a person is weak evidence (kernel/src/resolver.h).
    std::vector<double> surest(keys.size(), 0.0);
    for (const auto& m : r.mentions) {
      if (m.entity >= 0) surest[static_cast<size_t>(m.entity)] = std::max(surest[static_cast<size_t>(m.entity)], m.confidence);
    }
    for (size_t i = 0; i < keys.size(); ++i) batch.entities[batch.entities.size() - keys.size() + i].type_confidence = surest[i];
    for (const auto& m : r.mentions) {
      if (!budget.Take(static_cast<int64_t>(sizeof(ProposedMention)))) {
        return budget.Refusal("the document with the names found in it");
      }
      ProposedMention pm;
      pm.entity = m.entity >= 0 ? keys[static_cast<size_t>(m.entity)] : std::string();
      pm.type = m.type;
      pm.start = m.start;
      pm.end = m.end;
      pm.confidence = m.confidence;
      batch.mentions.push_back(pm);
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeNerExtractor() { return std::make_unique<NerExtractor>(); }

}  // namespace dossier::ner
