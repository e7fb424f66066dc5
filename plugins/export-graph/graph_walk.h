// The graph every graph format draws: persons, organizations and places as
// nodes (sized by how often they are mentioned), relation claims and
// co-mentions as weighted edges. GraphWalk streams it from the store in the
// order the formats need (all nodes, then all edges) to a GraphSink.
#pragma once

#include <memory>
#include <ostream>
#include <ostream>
#include <string>
#include <utility>

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


// The formats' writers.
std::unique_ptr<GraphSink> MakeGexfSink(std::ostream& out);
std::unique_ptr<GraphSink> MakeGraphmlSink(std::ostream& out);
std::unique_ptr<GraphSink> MakeDotSink(std::ostream& out);

// An exporter that walks the graph into the sink make() returns; a file whose
// first KiB holds `mark` is its own output (Exporter::OwnsOutput).
std::unique_ptr<Exporter> MakeGraphExporter(std::string name, std::string description, std::string default_output,
                                            std::string mark,
                                            std::unique_ptr<GraphSink> (*make)(std::ostream&));
// The dot graph rendered to SVG by Graphviz.
std::unique_ptr<Exporter> MakeSvgExporter();

}  // namespace dossier::plugins
