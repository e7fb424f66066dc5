// GraphWalk: nodes then edges, streamed, filtered by the selection.
#include "graph_walk.h"

namespace dossier::plugins {

const char* TypeColour(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "#4e79a7";
    case EntityType::kOrganization: return "#f28e2b";
    case EntityType::kPlace: return "#59a14f";
    default: return "#9c9c9c";
  }
}

Status GraphWalk(StoreView& store, const Selection& selection, GraphSink& sink) {
  sink.Begin();
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace}) {
    EntityFilter f;
    f.type = t;
    Status st = store.ForEachEntitySummary(f, [&](const EntitySummary& e) {
      if (SelectsEntity(selection, e.id, e.type)) sink.Node(e);
      return true;
    });
    if (!st.ok()) return st;
  }
  sink.EndNodes();
  int64_t n = 0;
  Status st = store.ForEachEdge({}, [&](const Edge& e) {
    if (SelectsEntity(selection, e.source, e.source_type) && SelectsEntity(selection, e.target, e.target_type)) {
      sink.Edge("e" + std::to_string(++n), e);
    }
    return true;
  });
  if (!st.ok()) return st;
  sink.End();
  return Status::OK();
}

namespace {

class GraphExporter final : public Exporter {
 public:
  GraphExporter(std::string name, std::string description, std::string output, std::string mark,
                std::unique_ptr<GraphSink> (*make)(std::ostream&))
      : name_(std::move(name)),
        description_(std::move(description)),
        output_(std::move(output)),
        mark_(std::move(mark)),
        make_(make) {}
  std::string name() const override { return name_; }
  std::string description() const override { return description_; }
  std::string default_output() const override { return output_; }
  bool OwnsOutput(std::string_view head) const override {
    return head.substr(0, 1024).find(mark_) != std::string_view::npos;
  }
  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    auto sink = make_(target.stream());
    if (Status st = GraphWalk(store, selection, *sink); !st.ok()) return st;
    return target.stream() ? Status::OK() : Status::IOError("cannot write the export");
  }

 private:
  std::string name_, description_, output_, mark_;
  std::unique_ptr<GraphSink> (*make_)(std::ostream&);
};

}  // namespace

std::unique_ptr<Exporter> MakeGraphExporter(std::string name, std::string description, std::string default_output,
                                            std::string mark, std::unique_ptr<GraphSink> (*make)(std::ostream&)) {
  return std::make_unique<GraphExporter>(std::move(name), std::move(description), std::move(default_output),
                                         std::move(mark), make);
}

}  // namespace dossier::plugins
