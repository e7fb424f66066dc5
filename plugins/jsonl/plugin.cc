// The jsonl plugin: importer and exporter of the interchange format.
#include "dossier/plugin.h"
#include "jsonl.h"

namespace {

void Register(dossier::Registrar& r) {
  r.AddImporter(dossier::plugins::MakeJsonlImporter());
  r.AddExporter(dossier::plugins::MakeJsonlExporter());
}

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "jsonl", "1.0.0", &Register};
}
