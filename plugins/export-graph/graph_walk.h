// The graph every graph format draws: persons, organizations and places as
// nodes (sized by how often they are mentioned), relation claims and
// co-mentions as weighted edges. GraphWalk streams it from the store in the
// order the formats need (all nodes, then all edges) to a GraphSink.
#pragma once

#include <memory>
#include <ostream>
#include <ostream>
#include <string>

#include "dossier/exporter.h"

namespace dossier::plugins {

class GraphSink {
 public:
  virtual ~GraphSink() = default;
  virtual void Begin() = 0;
  virtual void Node(const EntitySummary& node) = 0;
  virtual void EndNodes() = 0;
  // id: "e1", "e2", ... in output order.
  virtual void Edge(const std::string& id, const dossier::Edge& edge) = 0;
  virtual void End() = 0;
};

// Streams the selected part of the graph to sink.
Status GraphWalk(StoreView& store, const Selection& selection, GraphSink& sink);

// Fill colour of a node type, as "#rrggbb" (the same in every format).
const char* TypeColour(EntityType type);


std::unique_ptr<Exporter> MakeGexfExporter();
std::unique_ptr<Exporter> MakeGraphmlExporter();
std::unique_ptr<Exporter> MakeDotExporter();
std::unique_ptr<Exporter> MakeSvgExporter();

}  // namespace dossier::plugins
