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
  // nodes: how many nodes follow, when known; -1 when not counted.
  virtual void Begin(int64_t nodes) = 0;
  virtual void Node(const EntitySummary& node) = 0;
  virtual void EndNodes() = 0;
  // id: "e1", "e2", ... in output order.
  virtual void Edge(const std::string& id, const dossier::Edge& edge) = 0;
  virtual void End() = 0;
};

// What a format draws when the selection does not say (Selection::max_nodes,
// min_weight): 0 nodes is no limit.
struct GraphDefaults {
  int64_t max_nodes = 0;
  int64_t max_nodes_about = 0;  // with --about
  // Co-mentions of fewer documents are left out, except, by default, those
  // with the --about entity itself: its neighbourhood is what was asked for.
  int64_t min_weight = 1;
  // With a node limit and no --min-weight: at most this many co-mentions
  // per node drawn between two entities other than --about, the heaviest
  // (0: no cap). Fifty names of one archive are all named with each other
  // somewhere; the strongest ties are the picture.
  int64_t co_mentions_per_node = 0;
};

// Streams the selected part of the graph to sink: with a node limit, the
// most-named nodes (two passes over the entities, holding only the kept
// ids), and the edges between nodes drawn.
Status GraphWalk(StoreView& store, const Selection& selection, const GraphDefaults& defaults, GraphSink& sink);

// Fill colour of a node type, as "#rrggbb" (the same in every format).
const char* TypeColour(EntityType type);


// The formats' writers.
std::unique_ptr<GraphSink> MakeGexfSink(std::ostream& out);
std::unique_ptr<GraphSink> MakeGraphmlSink(std::ostream& out);
std::unique_ptr<GraphSink> MakeDotSink(std::ostream& out);
// What dot and svg draw by default: a picture, not a database (docs/exports.md).
GraphDefaults DotDefaults();

// An exporter that walks the graph into the sink make() returns; a file whose
// first KiB holds `mark` is its own output (Exporter::OwnsOutput).
std::unique_ptr<Exporter> MakeGraphExporter(std::string name, std::string description, std::string default_output,
                                            std::string mark, GraphDefaults defaults,
                                            std::unique_ptr<GraphSink> (*make)(std::ostream&));
// The dot graph rendered to SVG by Graphviz.
std::unique_ptr<Exporter> MakeSvgExporter();

}  // namespace dossier::plugins
