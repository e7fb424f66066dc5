// The import-news plugin.
#include "dossier/plugin.h"

namespace dossier::news {
std::unique_ptr<Importer> MakeNewsImporter();
}

namespace {

void Register(dossier::Registrar& r) { r.AddImporter(dossier::news::MakeNewsImporter()); }

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "import-news", "1.0.0", &Register};
}
