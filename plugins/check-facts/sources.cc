#include "sources.h"

#include <algorithm>
#include <map>
#include <functional>
#include <set>

#include "dossier/text.h"

namespace dossier::check {

// Two passes instead of recursion: joins link roots by id, not by size, so a
// chain can be as long as the documents are many (a record citing 100,000
// cables in descending order made one), and a recursive walk overflowed.
std::string Sources::Find(const std::string& doc) const {
  std::string root = doc;
  for (auto it = parent_.find(root); it != parent_.end() && it->second != root; it = parent_.find(root)) {
    root = it->second;
  }
  // Path compression: everything on the way now points at the root.
  for (auto it = parent_.find(doc); it != parent_.end() && it->second != root;) {
    const std::string next = it->second;
    it->second = root;
    it = parent_.find(next);
  }
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

const std::vector<uint32_t>& Sources::OriginIds(const ClaimIndex& index) const {
  if (ids_for_ == &index && origin_ids_.size() == index.documents.size()) return origin_ids_;
  std::unordered_map<std::string, uint32_t> ids;
  origin_ids_.clear();
  origin_names_.clear();
  for (const std::string& doc : index.documents) {
    const std::string origin = OriginOf(doc);
    auto [it, added] = ids.emplace(origin, static_cast<uint32_t>(origin_names_.size()));
    if (added) origin_names_.push_back(origin);
    origin_ids_.push_back(it->second);
  }
  ids_for_ = &index;
  return origin_ids_;
}

Sources::Count Sources::CountSources(const ClaimIndex& index, const std::vector<uint32_t>& members) const {
  const std::vector<uint32_t>& origin_of = OriginIds(index);
  // Union the members' origins with the origins of claims quoting the same
  // words; groups are small, so flat vectors beat maps here.
  std::vector<uint32_t> origins;
  std::vector<uint32_t> parent;
  auto slot = [&](uint32_t origin) {
    for (size_t i = 0; i < origins.size(); ++i) {
      if (origins[i] == origin) return i;
    }
    origins.push_back(origin);
    parent.push_back(static_cast<uint32_t>(parent.size()));
    return origins.size() - 1;
  };
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  Count count;
  std::vector<std::pair<uint64_t, size_t>> quotes;  // quote key -> slot
  std::vector<uint32_t> docs_seen;
  for (uint32_t m : members) {
    const FactClaim& c = index.claims[m];
    const size_t s = slot(origin_of[c.document]);
    if (index.documents[c.document] != origin_names_[origin_of[c.document]]) docs_seen.push_back(c.document);
    if (c.quote_key == 0) continue;  // no quote: nothing to compare
    bool repeated = false;
    for (const auto& [key, other] : quotes) {
      if (key != c.quote_key || find(other) == find(s)) continue;
      count.why.push_back(index.documents[c.document] + " repeats the words of a claim from " +
                          origin_names_[origins[other]]);
      parent[find(s)] = static_cast<uint32_t>(find(other));
      repeated = true;
      break;
    }
    if (!repeated) quotes.emplace_back(c.quote_key, s);
  }
  // Documents counted under their publisher or REF chain, named when it mattered.
  std::sort(docs_seen.begin(), docs_seen.end());
  docs_seen.erase(std::unique(docs_seen.begin(), docs_seen.end()), docs_seen.end());
  std::vector<size_t> per_origin(origins.size(), 0);
  for (uint32_t d : docs_seen) ++per_origin[slot(origin_of[d])];
  for (uint32_t d : docs_seen) {
    if (per_origin[slot(origin_of[d])] > 1) {
      count.why.push_back(index.documents[d] + " counted as " + origin_names_[origin_of[d]]);
    }
  }
  std::set<std::string> roots;
  for (size_t i = 0; i < origins.size(); ++i) roots.insert(origin_names_[origins[find(i)]]);
  count.independent = static_cast<int64_t>(roots.size());
  count.origins.assign(roots.begin(), roots.end());
  std::sort(count.why.begin(), count.why.end());
  count.why.erase(std::unique(count.why.begin(), count.why.end()), count.why.end());
  return count;
}

}  // namespace dossier::check
