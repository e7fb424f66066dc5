// The "quotes" extractor: direct quotes as claims of kind "said", subject and
// attributed_to the speaker, the span the quoted words. Runs after "ner".
#include "batch_view.h"
#include "extractors.h"
#include "quotes.h"

namespace dossier::ner {
namespace {

class QuoteExtractor final : public Extractor {
 public:
  std::string name() const override { return "quotes"; }
  std::string description() const override { return "direct quotes attributed to their speakers (said claims)"; }
  int order() const override { return 110; }

  Status Extract(DocumentBatch& batch) override {
    // The claims are counted against the batch's limit as they are made.
    MemoryBudget budget(batch.max_bytes, batch.Bytes() + ViewBytes(batch));
    std::vector<std::string> keys;
    const Recognition r = FromBatch(batch, &keys);
    const std::string& text = batch.document.text;
    for (const Quote& q : FindQuotes(text, r, ParagraphsOf(batch.document))) {
      // A "said" claim needs someone who said it: a quotation whose speaker the
      // text leaves unclear is found (FindQuotes keeps it) but not stored as a
      // statement of no one.
      if (q.speaker < 0) continue;
      if (!budget.Take(ClaimBytes(static_cast<size_t>(q.end - q.start)))) {
        return budget.Refusal("the document with its quotes");
      }
      ProposedClaim c;
      c.subject = keys[static_cast<size_t>(q.speaker)];
      c.attributed_to = c.subject;
      c.predicate = "said";
      c.value = {{"text", text.substr(static_cast<size_t>(q.start), static_cast<size_t>(q.end - q.start))}};
      c.start = q.start;
      c.end = q.end;
      c.kind = "said";
      c.confidence = q.confidence;
      batch.claims.push_back(std::move(c));
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeQuoteExtractor() { return std::make_unique<QuoteExtractor>(); }

}  // namespace dossier::ner
