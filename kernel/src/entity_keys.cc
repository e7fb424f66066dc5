// Proposed entities by type and name, by hash (dossier/facts.h).
#include "dossier/facts.h"
#include "dossier/text.h"

namespace dossier {
namespace {

std::string NameKey(EntityType type, const std::string& name) {
  return std::to_string(static_cast<int>(type)) + ":" + NormalizeName(name);
}

}  // namespace

void EntityKeys::CatchUp() {
  for (; indexed_ < batch_.entities.size(); ++indexed_) {
    const ProposedEntity& e = batch_.entities[indexed_];
    if (e.id.empty()) by_name_.emplace(NameKey(e.type, e.name), indexed_);  // the first keeps the name
    by_key_.emplace(e.key, indexed_);
  }
}

std::string EntityKeys::Entity(EntityType type, const std::string& name) {
  CatchUp();
  if (auto it = by_name_.find(NameKey(type, name)); it != by_name_.end()) return batch_.entities[it->second].key;
  ProposedEntity e;
  e.key = "e" + std::to_string(batch_.entities.size() + 1);
  while (by_key_.count(e.key)) e.key += "'";  // as DocumentBatch::Entity keeps keys unique
  e.type = type;
  e.name = name;
  batch_.entities.push_back(std::move(e));
  CatchUp();
  return batch_.entities.back().key;
}

ProposedEntity* EntityKeys::Find(const std::string& key) {
  CatchUp();
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &batch_.entities[it->second];
}

}  // namespace dossier
