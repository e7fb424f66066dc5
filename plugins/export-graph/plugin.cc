// The graph plugin: GEXF and GraphML for Gephi, DOT (and SVG) for Graphviz.
#include "dossier/plugin.h"
#include "graph_walk.h"

namespace {

void Register(dossier::Registrar& r) {
  using namespace dossier::plugins;
  r.AddExporter(MakeGraphExporter("gexf", "graph of entities, relations and co-mentions for Gephi (GEXF 1.2)",
                                  "dossier.gexf", "<creator>dossier</creator>", GraphDefaults{}, &MakeGexfSink));
  r.AddExporter(MakeGraphExporter("graphml", "graph of entities, relations and co-mentions (GraphML)",
                                  "dossier.graphml", "<graph id=\"dossier\"", GraphDefaults{}, &MakeGraphmlSink));
  r.AddExporter(MakeGraphExporter("dot", "graph of entities, relations and co-mentions for Graphviz (DOT)",
                                  "dossier.dot", "// dossier:", DotDefaults(), &MakeDotSink));
  r.AddExporter(MakeSvgExporter());
}

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "export-graph", "1.0.0", &Register};
}
