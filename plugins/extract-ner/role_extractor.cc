// The "roles" extractor: the title a person holds, and where, as claims
// "person holds_title <title> [at organization]" dated by the document, so
// that two outlets' titles for one person can be compared. Runs after "ner".
#include "batch_view.h"
#include "extractors.h"
#include "roles.h"

namespace dossier::ner {
namespace {

class RoleExtractor final : public Extractor {
 public:
  std::string name() const override { return "roles"; }
  std::string description() const override {
    return "titles people hold and where (\"Yahoo spokeswoman Nicki Dugan\", \"Allan Wagner, secretary general of ...\")";
  }
  int order() const override { return 130; }

  Status Extract(DocumentBatch& batch) override {
    MemoryBudget budget(batch.max_bytes, batch.Bytes() + ViewBytes(batch));
    std::vector<std::string> keys;
    const Recognition r = FromBatch(batch, &keys);
    const Document& d = batch.document;
    // The title holds on the document's date, as far as the text tells.
    const std::string published = d.properties.value("published", std::string());
    for (const Role& role : FindRoles(d.text, r, ParagraphsOf(d))) {
      if (!budget.Take(ClaimBytes(role.title.size() + static_cast<size_t>(role.end - role.start)))) {
        return budget.Refusal("the document with its roles");
      }
      ProposedClaim c;
      c.subject = keys[static_cast<size_t>(role.person)];
      c.predicate = "holds_title";
      if (role.organization >= 0) c.object = keys[static_cast<size_t>(role.organization)];
      c.value = {{"text", role.title}};
      c.time = published.substr(0, std::min<size_t>(10, published.size()));
      c.start = role.start;
      c.end = role.end;
      c.kind = "role";
      c.confidence = 0.7;
      batch.claims.push_back(std::move(c));
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeRoleExtractor() { return std::make_unique<RoleExtractor>(); }

}  // namespace dossier::ner
