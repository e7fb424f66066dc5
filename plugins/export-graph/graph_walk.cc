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

}  // namespace dossier::plugins
