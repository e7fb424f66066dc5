// Merged-away ids to canonical ones, for the exporters (dossier/exporter.h).
#include "dossier/exporter.h"

namespace dossier {

Status CanonicalIds::Load(StoreView& store) {
  merged_.clear();
  EntityFilter all;
  all.include_absorbed = true;
  Status st = store.ForEachEntity(all, [&](const Entity& e) {
    if (!e.merged_into.empty()) merged_.emplace(e.id, e.merged_into);
    return true;
  });
  if (!st.ok()) return st;
  // A merge into an entity later merged again: follow the chain once here,
  // so that a lookup is one find. The store keeps merges acyclic; the bound
  // holds all the same.
  for (auto& [id, into] : merged_) {
    for (int hops = 0; hops < 64; ++hops) {
      auto next = merged_.find(into);
      if (next == merged_.end() || next->second == into) break;
      into = next->second;
    }
  }
  return Status::OK();
}

const std::string& CanonicalIds::operator()(const std::string& id) const {
  auto it = merged_.find(id);
  return it == merged_.end() ? id : it->second;
}

Claim CanonicalIds::OnCanonical(Claim claim) const {
  claim.subject = (*this)(claim.subject);
  if (!claim.object.empty()) claim.object = (*this)(claim.object);
  if (!claim.attributed_to.empty()) claim.attributed_to = (*this)(claim.attributed_to);
  return claim;
}

}  // namespace dossier
