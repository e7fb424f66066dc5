// GraphWalk: nodes then edges, streamed, filtered by the selection and
// limited as the format's defaults or --max-nodes / --min-weight say
// (docs/exports.md, "gexf, graphml, dot — graphs").
#include "graph_walk.h"

#include <algorithm>
#include <optional>
#include <queue>
#include <tuple>
#include <unordered_set>

namespace dossier::plugins {

const char* TypeColour(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "#4e79a7";
    case EntityType::kOrganization: return "#f28e2b";
    case EntityType::kPlace: return "#59a14f";
    default: return "#9c9c9c";
  }
}

namespace {

// The ids of the max_nodes most-named selected nodes (more mentions first,
// then the smaller id, so that the same store draws the same graph), and
// `about` whatever its rank. A bounded heap: memory grows with max_nodes, not
// with the store.
Result<std::unordered_set<std::string>> MostNamed(StoreView& store, const Selection& selection, int64_t max_nodes) {
  using Ranked = std::pair<int64_t, std::string>;  // mentions, id
  // Ranks a before b: more mentions, or as many and the smaller id. As the
  // heap's order it puts the weakest kept node on top.
  auto stronger = [](const Ranked& a, const Ranked& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
  std::priority_queue<Ranked, std::vector<Ranked>, decltype(stronger)> kept(stronger);
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace}) {
    EntityFilter f;
    f.type = t;
    Status st = store.ForEachEntitySummary(f, [&](const EntitySummary& e) {
      if (!SelectsEntity(selection, e.id, e.type) || e.id == selection.about) return true;
      Ranked r{e.mentions, e.id};
      if (static_cast<int64_t>(kept.size()) < max_nodes) {
        kept.push(std::move(r));
      } else if (stronger(r, kept.top())) {
        kept.pop();
        kept.push(std::move(r));
      }
      return true;
    });
    if (!st.ok()) return st;
  }
  std::unordered_set<std::string> ids;
  if (!selection.about.empty()) {
    ids.insert(selection.about);
    if (static_cast<int64_t>(kept.size()) >= max_nodes && !kept.empty()) kept.pop();  // about counts among them
  }
  for (; !kept.empty(); kept.pop()) ids.insert(kept.top().second);
  return ids;
}

}  // namespace

Status GraphWalk(StoreView& store, const Selection& selection, const GraphDefaults& defaults, GraphSink& sink) {
  const int64_t max_nodes = selection.max_nodes >= 0     ? selection.max_nodes
                            : selection.about.empty() ? defaults.max_nodes
                                                      : defaults.max_nodes_about;
  const bool asked = selection.min_weight >= 0;
  const int64_t min_weight = asked ? selection.min_weight : defaults.min_weight;
  std::optional<std::unordered_set<std::string>> kept;
  if (max_nodes > 0) {
    auto most = MostNamed(store, selection, max_nodes);
    if (!most.ok()) return most.status();
    kept = std::move(*most);
  }
  auto drawn = [&](const std::string& id, EntityType type) {
    return kept ? kept->count(id) > 0 : SelectsEntity(selection, id, type);
  };
  sink.Begin(kept ? static_cast<int64_t>(kept->size()) : -1);
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace}) {
    EntityFilter f;
    f.type = t;
    Status st = store.ForEachEntitySummary(f, [&](const EntitySummary& e) {
      if (drawn(e.id, e.type)) sink.Node(e);
      return true;
    });
    if (!st.ok()) return st;
  }
  sink.EndNodes();
  int64_t n = 0;
  // The co-mentions held back to keep only the heaviest: between kept nodes
  // only, so at most max_nodes squared over two.
  const bool capped = kept && !asked && defaults.co_mentions_per_node > 0;
  std::vector<Edge> held;
  Status st = store.ForEachEdge({}, [&](const Edge& e) {
    const bool star = !selection.about.empty() && (e.source == selection.about || e.target == selection.about);
    if (e.kind == Edge::Kind::kCoMention && e.weight < min_weight && (asked || !star)) return true;
    if (!drawn(e.source, e.source_type) || !drawn(e.target, e.target_type)) return true;
    if (capped && e.kind == Edge::Kind::kCoMention && !star) {
      held.push_back(e);
    } else {
      sink.Edge("e" + std::to_string(++n), e);
    }
    return true;
  });
  if (!st.ok()) return st;
  if (capped) {
    const size_t cap = static_cast<size_t>(defaults.co_mentions_per_node) * kept->size();
    auto heavier = [](const Edge& a, const Edge& b) {
      return a.weight != b.weight ? a.weight > b.weight : std::tie(a.source, a.target) < std::tie(b.source, b.target);
    };
    if (held.size() > cap) {
      std::nth_element(held.begin(), held.begin() + static_cast<std::ptrdiff_t>(cap), held.end(), heavier);
      held.resize(cap);
    }
    std::sort(held.begin(), held.end(), [](const Edge& a, const Edge& b) { return std::tie(a.source, a.target) < std::tie(b.source, b.target); });
    for (const Edge& e : held) sink.Edge("e" + std::to_string(++n), e);
  }
  sink.End();
  return Status::OK();
}

namespace {

class GraphExporter final : public Exporter {
 public:
  GraphExporter(std::string name, std::string description, std::string output, std::string mark,
                GraphDefaults defaults, std::unique_ptr<GraphSink> (*make)(std::ostream&))
      : name_(std::move(name)),
        description_(std::move(description)),
        output_(std::move(output)),
        mark_(std::move(mark)),
        defaults_(defaults),
        make_(make) {}
  std::string name() const override { return name_; }
  std::string description() const override { return description_; }
  std::string default_output() const override { return output_; }
  bool OwnsOutput(std::string_view head) const override {
    return head.substr(0, 1024).find(mark_) != std::string_view::npos;
  }
  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    auto sink = make_(target.stream());
    if (Status st = GraphWalk(store, selection, defaults_, *sink); !st.ok()) return st;
    return target.stream() ? Status::OK() : Status::IOError("cannot write the export");
  }

 private:
  std::string name_, description_, output_, mark_;
  GraphDefaults defaults_;
  std::unique_ptr<GraphSink> (*make_)(std::ostream&);
};

}  // namespace

std::unique_ptr<Exporter> MakeGraphExporter(std::string name, std::string description, std::string default_output,
                                            std::string mark, GraphDefaults defaults,
                                            std::unique_ptr<GraphSink> (*make)(std::ostream&)) {
  return std::make_unique<GraphExporter>(std::move(name), std::move(description), std::move(default_output),
                                         std::move(mark), defaults, make);
}

}  // namespace dossier::plugins
