// The graph plugin: GEXF and GraphML for Gephi, DOT (and SVG) for Graphviz.
#include "dossier/plugin.h"
#include "graph_walk.h"

namespace {

void Register(dossier::Registrar& r) {
  r.AddExporter(dossier::plugins::MakeGexfExporter());
  r.AddExporter(dossier::plugins::MakeGraphmlExporter());
  r.AddExporter(dossier::plugins::MakeDotExporter());
  r.AddExporter(dossier::plugins::MakeSvgExporter());
}

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "export-graph", "1.0.0", &Register};
}
