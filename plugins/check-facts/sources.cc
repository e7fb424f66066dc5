#include "sources.h"

#include <algorithm>
#include <map>
#include <functional>
#include <set>

#include "dossier/text.h"

namespace dossier::check {

std::string Sources::Find(const std::string& doc) const {
  auto it = parent_.find(doc);
  if (it == parent_.end() || it->second == doc) return doc;
  std::string root = Find(it->second);
  it->second = root;
  return root;
}

void Sources::Join(const std::string& a, const std::string& b) {
  std::string ra = Find(a), rb = Find(b);
  if (ra == rb) return;
  if (rb < ra) std::swap(ra, rb);
  parent_[ra] = ra;
  parent_[rb] = ra;
  if (label_.count(rb) && !label_.count(ra)) label_[ra] = label_[rb];
}

Result<Sources> Sources::Load(StoreView& store) {
  Sources s;
  std::map<std::string, std::string> first_of_publisher;  // normalised publisher -> a document
  EntityFilter filter;
  filter.type = EntityType::kDocument;
  Status st = store.ForEachEntity(filter, [&](const Entity& e) {
    const Json& p = e.properties;
    if (auto pub = p.find("publisher"); pub != p.end() && pub->is_string() && !pub->get<std::string>().empty()) {
      const std::string key = NormalizeName(pub->get<std::string>());
      auto [it, added] = first_of_publisher.emplace(key, e.id);
      if (added) {
        s.parent_[e.id] = e.id;
        s.label_[e.id] = pub->get<std::string>();
      } else {
        s.Join(it->second, e.id);
      }
    }
    if (auto refs = p.find("refs"); refs != p.end() && refs->is_array()) {
      for (const auto& r : *refs) {
        if (r.is_object() && r.contains("id") && r["id"].is_string()) s.Join(e.id, "doc:" + r["id"].get<std::string>());
      }
    }
    return true;
  });
  if (!st.ok()) return st;
  return s;
}

std::string Sources::OriginOf(const std::string& document) const {
  const std::string root = Find(document);
  auto it = label_.find(root);
  return it != label_.end() ? it->second : root;
}

Sources::Count Sources::CountSources(const ClaimIndex& index, const std::vector<uint32_t>& members) const {
  // Union the members' origins with the origins of claims quoting the same words.
  std::map<std::string, std::string> parent;  // origin -> origin
  std::function<std::string(const std::string&)> find = [&](const std::string& x) -> std::string {
    auto it = parent.find(x);
    if (it == parent.end() || it->second == x) return x;
    return it->second = find(it->second);
  };
  Count count;
  std::map<uint64_t, std::string> by_quote;
  std::set<std::string> origins;
  for (uint32_t m : members) {
    const FactClaim& c = index.claims[m];
    const std::string origin = OriginOf(index.documents[c.document]);
    parent.emplace(origin, origin);
    origins.insert(origin);
    if (origin != index.documents[c.document]) {
      count.why.push_back(index.documents[c.document] + " counted as " + origin);
    }
    if (c.quote_key == 0) continue;  // no quote: nothing to compare
    auto [it, added] = by_quote.emplace(c.quote_key, origin);
    if (!added && find(it->second) != find(origin)) {
      count.why.push_back(index.documents[c.document] + " repeats the words of " + it->second);
      parent[find(origin)] = find(it->second);
    }
  }
  std::set<std::string> roots;
  for (const std::string& o : origins) roots.insert(find(o));
  count.independent = static_cast<int64_t>(roots.size());
  count.origins.assign(roots.begin(), roots.end());
  std::sort(count.why.begin(), count.why.end());
  count.why.erase(std::unique(count.why.begin(), count.why.end()), count.why.end());
  return count;
}

}  // namespace dossier::check
