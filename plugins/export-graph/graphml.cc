// GraphML (Gephi, yEd, networkx, igraph): node label, type, mentions,
// claims; edge label, kind and weight. A directed graph: a relation runs from
// its subject to its object; a co-mention (kind "co-mention") is written once,
// from the lesser id, and means both ways. networkx and igraph refuse a graph
// that mixes directed and undirected edges (docs/exports.md).
#include "dossier/markup.h"
#include "graph_walk.h"

namespace dossier::plugins {
namespace {

class GraphmlSink final : public GraphSink {
 public:
  explicit GraphmlSink(std::ostream& out) : out_(out) {}
  void Begin(int64_t) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
            "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
            "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
            "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>\n"
            "  <key id=\"claims\" for=\"node\" attr.name=\"claims\" attr.type=\"int\"/>\n"
            "  <key id=\"color\" for=\"node\" attr.name=\"color\" attr.type=\"string\"/>\n"
            "  <key id=\"edge_label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
            "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
            "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
            "  <graph id=\"dossier\" edgedefault=\"directed\">\n";
  }
  void Node(const EntitySummary& n) override {
    out_ << "    <node id=\"" << XmlEscape(n.id) << "\"><data key=\"label\">" << XmlEscape(n.name)
         << "</data><data key=\"type\">" << TypeName(n.type) << "</data><data key=\"mentions\">" << n.mentions
         << "</data><data key=\"claims\">" << n.claims << "</data><data key=\"color\">" << TypeColour(n.type)
         << "</data></node>\n";
  }
  void EndNodes() override {}
  void Edge(const std::string& id, const dossier::Edge& e) override {
    const bool relation = e.kind == Edge::Kind::kRelation;
    out_ << "    <edge id=\"" << id << "\" source=\"" << XmlEscape(e.source) << "\" target=\"" << XmlEscape(e.target)
         << "\">";
    if (relation) out_ << "<data key=\"edge_label\">" << XmlEscape(e.label) << "</data>";
    out_ << "<data key=\"kind\">" << (relation ? "relation" : "co-mention") << "</data><data key=\"weight\">"
         << e.weight << "</data></edge>\n";
  }
  void End() override { out_ << "  </graph>\n</graphml>\n"; }

 private:
  std::ostream& out_;
};


}  // namespace

std::unique_ptr<GraphSink> MakeGraphmlSink(std::ostream& out) { return std::make_unique<GraphmlSink>(out); }

}  // namespace dossier::plugins
