// The "numbers" extractor: figures as claims with typed values (amount,
// unit, hedge), the subject their sentence gives them, and the year they
// refer to. The span is the sentence that states the figure. Runs after "ner".
#include "batch_view.h"
#include "extractors.h"
#include "figures.h"

namespace dossier::ner {
namespace {

class FigureExtractor final : public Extractor {
 public:
  std::string name() const override { return "numbers"; }
  std::string description() const override {
    return "figures (money, counts, shares, ranks, measures, ages) with their hedges and subjects";
  }
  int order() const override { return 120; }

  Status Extract(DocumentBatch& batch) override {
    // The claims are counted against the batch's limit as they are made.
    MemoryBudget budget(batch.max_bytes, batch.Bytes() + ViewBytes(batch));
    std::vector<std::string> keys;
    const Recognition r = FromBatch(batch, &keys);
    const Document& d = batch.document;
    const std::string published = d.properties.value("published", std::string());
    const std::string year = published.substr(0, std::min<size_t>(4, published.size()));
    for (const Figure& f : FindFigures(d.text, r, ParagraphsOf(d), year)) {
      if (!budget.Take(ClaimBytes(f.predicate.size() + static_cast<size_t>(f.quantity.end - f.quantity.start)))) {
        return budget.Refusal("the document with its figures");
      }
      ProposedClaim c;
      c.subject = f.subject >= 0 ? keys[static_cast<size_t>(f.subject)] : std::string(kThisDocument);
      c.predicate = f.predicate;
      Json v = {{"amount", f.quantity.amount}};
      if (f.quantity.amount_max) v["amount_max"] = *f.quantity.amount_max;
      v["unit"] = f.quantity.unit;
      v["qualifier"] = f.quantity.qualifier;
      v["text"] = d.text.substr(static_cast<size_t>(f.start + f.quantity.start),
                                static_cast<size_t>(f.quantity.end - f.quantity.start));
      c.value = std::move(v);
      c.time = f.time;
      c.start = f.start;
      c.end = f.end;
      c.kind = std::string(KindName(f.quantity.kind));
      c.confidence = f.confidence;
      if (!f.quantity.per.empty()) c.properties["per"] = f.quantity.per;
      if (f.prospective) c.properties["prospective"] = true;
      if (!f.direction.empty()) c.value["direction"] = f.direction;
      batch.claims.push_back(std::move(c));
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeNumberExtractor() { return std::make_unique<FigureExtractor>(); }

}  // namespace dossier::ner
