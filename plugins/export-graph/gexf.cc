// GEXF 1.2 for Gephi and networkx: typed nodes with a mentions attribute and
// a viz size, directed relation edges labelled with their predicate,
// co-mention edges of type "mutual" (both ways); weights on both. The graph
// is declared directed: networkx refuses a directed edge in an undirected
// graph and knows no mixed graphs, while "mutual" keeps a co-mention
// symmetric for Gephi (docs/exports.md).
#include <cmath>

#include "dossier/markup.h"
#include "graph_walk.h"

namespace dossier::plugins {
namespace {

// Grows with the square root: a node mentioned 100 times is drawn about three
// times as large as one mentioned once, not a hundred times.
double NodeSize(int64_t mentions) { return 10.0 + 4.0 * std::sqrt(static_cast<double>(mentions)); }

void Rgb(std::ostream& out, const char* hex) {
  auto part = [&](int i) { return std::stoi(std::string(hex + 1 + 2 * i, 2), nullptr, 16); };
  out << "<viz:color r=\"" << part(0) << "\" g=\"" << part(1) << "\" b=\"" << part(2) << "\"/>";
}

class GexfSink final : public GraphSink {
 public:
  explicit GexfSink(std::ostream& out) : out_(out) {}
  void Begin(int64_t) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
            "version=\"1.2\">\n"
            "  <meta><creator>dossier</creator><description>entities, relations and co-mentions</description></meta>\n"
            "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
            "    <attributes class=\"node\">\n"
            "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
            "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
            "      <attribute id=\"claims\" title=\"claims\" type=\"integer\"/>\n"
            "    </attributes>\n"
            "    <attributes class=\"edge\">\n"
            "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
            "    </attributes>\n"
            "    <nodes>\n";
  }
  void Node(const EntitySummary& n) override {
    out_ << "      <node id=\"" << XmlEscape(n.id) << "\" label=\"" << XmlEscape(n.name) << "\">"
         << "<attvalues><attvalue for=\"type\" value=\"" << TypeName(n.type) << "\"/>"
         << "<attvalue for=\"mentions\" value=\"" << n.mentions << "\"/>"
         << "<attvalue for=\"claims\" value=\"" << n.claims << "\"/></attvalues>"
         << "<viz:size value=\"" << NodeSize(n.mentions) << "\"/>";
    Rgb(out_, TypeColour(n.type));
    out_ << "</node>\n";
  }
  void EndNodes() override { out_ << "    </nodes>\n    <edges>\n"; }
  void Edge(const std::string& id, const dossier::Edge& e) override {
    const bool relation = e.kind == Edge::Kind::kRelation;
    out_ << "      <edge id=\"" << id << "\" source=\"" << XmlEscape(e.source) << "\" target=\"" << XmlEscape(e.target)
         << "\" type=\"" << (relation ? "directed" : "mutual") << "\" weight=\"" << e.weight << "\"";
    if (relation) out_ << " label=\"" << XmlEscape(e.label) << "\"";
    out_ << "><attvalues><attvalue for=\"kind\" value=\"" << (relation ? "relation" : "co-mention")
         << "\"/></attvalues></edge>\n";
  }
  void End() override { out_ << "    </edges>\n  </graph>\n</gexf>\n"; }

 private:
  std::ostream& out_;
};


}  // namespace

std::unique_ptr<GraphSink> MakeGexfSink(std::ostream& out) { return std::make_unique<GexfSink>(out); }

}  // namespace dossier::plugins
