// The neighbour graph on an entity page: the entity in the middle, its
// heaviest connections (relations first, then co-mentions) on a circle, in
// the store's order, so the same store always draws the same picture.
#include <cmath>
#include <map>
#include <vector>

#include "dossier/markup.h"
#include "dossier/text.h"
#include "html.h"

namespace dossier::plugins::html {
namespace {

constexpr int kMaxNeighbours = 16;
constexpr double kWidth = 640, kHeight = 420, kCx = 320, kCy = 205, kRadius = 160;

struct Neighbour {
  std::string id;
  EntityType type = EntityType::kPerson;
  std::string relation;  // the heaviest relation's predicate, or "" (co-mentioned only)
  int64_t weight = 0;
};

std::string Short(const std::string& name) {
  if (name.size() <= 26) return name;
  return name.substr(0, Utf8Floor(name, 24)) + "…";
}

}  // namespace

Status NeighbourGraph(StoreView& store, const Selection& selection, const std::string& id, const std::string& name,
                      EntityType type, std::ostream& out) {
  std::vector<Neighbour> neighbours;
  std::map<std::string, size_t> index;
  EdgeFilter filter;
  filter.about = id;
  filter.limit = 4 * kMaxNeighbours;
  Status st = store.ForEachEdge(filter, [&](const Edge& e) {
    const bool mine = e.source == id;
    const std::string& other = mine ? e.target : e.source;
    if (!SelectsEntity(selection, other, mine ? e.target_type : e.source_type)) return true;
    auto [it, fresh] = index.emplace(other, neighbours.size());
    if (fresh) {
      if (neighbours.size() >= static_cast<size_t>(kMaxNeighbours)) {
        index.erase(it);
        return true;
      }
      neighbours.push_back({other, mine ? e.target_type : e.source_type, "", 0});
    }
    Neighbour& n = neighbours[it->second];
    if (e.kind == Edge::Kind::kRelation && n.relation.empty()) n.relation = e.label;
    n.weight += e.weight;
    return true;
  });
  if (!st.ok()) return st;

  out << "<svg class=\"graph\" role=\"img\" aria-label=\"" << XmlEscape(name) << " and its connections\" viewBox=\"0 0 "
      << kWidth << " " << kHeight << "\" xmlns=\"http://www.w3.org/2000/svg\">\n";
  if (neighbours.empty()) {
    out << "<text x=\"" << kCx << "\" y=\"" << kCy + 40 << "\" class=\"none\" text-anchor=\"middle\">No relations or "
        << "co-mentions recorded.</text>\n";
  }
  std::vector<std::pair<double, double>> at;
  for (size_t i = 0; i < neighbours.size(); ++i) {
    const double a = 2 * M_PI * static_cast<double>(i) / static_cast<double>(neighbours.size()) - M_PI / 2;
    at.emplace_back(kCx + kRadius * 1.45 * std::cos(a), kCy + kRadius * std::sin(a));
  }
  for (size_t i = 0; i < neighbours.size(); ++i) {
    const auto& n = neighbours[i];
    const double w = std::min(6.0, 1.0 + std::log2(static_cast<double>(n.weight)));
    out << "<line class=\"" << (n.relation.empty() ? "co" : "rel") << "\" x1=\"" << kCx << "\" y1=\"" << kCy
        << "\" x2=\"" << at[i].first << "\" y2=\"" << at[i].second << "\" stroke-width=\"" << w << "\"/>\n";
    if (!n.relation.empty()) {
      out << "<text class=\"edge\" x=\"" << (kCx + at[i].first) / 2 << "\" y=\"" << (kCy + at[i].second) / 2 - 3
          << "\" text-anchor=\"middle\">" << XmlEscape(n.relation) << "</text>\n";
    }
  }
  for (size_t i = 0; i < neighbours.size(); ++i) {
    const auto& n = neighbours[i];
    auto e = store.GetEntity(n.id);
    if (!e.ok()) return e.status();
    const double r = std::min(16.0, 6.0 + 2.0 * std::sqrt(static_cast<double>(n.weight)));
    out << "<a href=\"../" << XmlEscape(PagePath(n.id)) << "\"><g class=\"node t-" << TypeName(n.type) << "\"><title>"
        << XmlEscape(e->name) << (n.relation.empty() ? " (named together)" : " (" + XmlEscape(n.relation) + ")")
        << "</title><circle cx=\"" << at[i].first << "\" cy=\"" << at[i].second << "\" r=\"" << r << "\"/>"
        << "<text x=\"" << at[i].first << "\" y=\""
        // Labels of the upper half above their node, of the lower half below:
        // neighbours at the top and bottom of the circle then keep apart.
        << (at[i].second < kCy ? at[i].second - r - 5 : at[i].second + r + 12) << "\" text-anchor=\"middle\">"
        << XmlEscape(Short(e->name)) << "</text></g></a>\n";
  }
  out << "<g class=\"node self t-" << TypeName(type) << "\"><circle cx=\"" << kCx << "\" cy=\"" << kCy
      << "\" r=\"20\"/><text x=\"" << kCx << "\" y=\"" << kCy + 36 << "\" text-anchor=\"middle\">" << XmlEscape(Short(name))
      << "</text></g>\n</svg>\n";
  return Status::OK();
}

}  // namespace dossier::plugins::html
