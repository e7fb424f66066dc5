#include "dry_run.h"

#include <set>

#include "dossier/text.h"

namespace dossier {

const char* PlannedStateName(PlannedDocument::State state) {
  switch (state) {
    case PlannedDocument::State::kNew: return "new";
    case PlannedDocument::State::kChanged: return "changed";
    case PlannedDocument::State::kUnchanged: return "unchanged";
  }
  return "new";
}

PlannedDocument PlanDocument(StoreView& store, const DocumentBatch& batch, const std::string& label) {
  const Document& d = batch.document;
  PlannedDocument plan;
  plan.id = d.id.empty() ? label : d.id;
  plan.title = d.title;
  plan.mentions = static_cast<int64_t>(batch.mentions.size());
  plan.claims = static_cast<int64_t>(batch.claims.size());
  if (!d.id.empty()) {
    auto stored = store.GetDocument(d.id);
    if (stored.ok() && stored->kind != "stub") {
      const std::string sha = d.sha256.empty() ? Sha256Hex(d.text) : d.sha256;
      plan.state = stored->sha256 == sha ? PlannedDocument::State::kUnchanged : PlannedDocument::State::kChanged;
    }
  }
  std::set<std::string> seen;  // an extractor may propose one name twice
  for (const ProposedEntity& p : batch.entities) {
    if (p.type == EntityType::kDocument) continue;
    const std::string label_of = std::string(TypeName(p.type)) + ": " + p.name;
    if (!seen.insert(label_of).second) continue;
    auto found = store.Resolve(p.id.empty() ? p.name : p.id, p.type);
    if (found.ok()) {
      plan.known_entities.push_back(label_of + " (" + *found + ")");
    } else if (found.status().code() == Status::Code::kNotFound) {
      plan.new_entities.push_back(label_of);
    } else {
      plan.known_entities.push_back(label_of + " (" + found.status().message() + ")");
    }
  }
  return plan;
}

}  // namespace dossier
