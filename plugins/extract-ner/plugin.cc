// The extract-ner plugin: English extractors for people, organizations,
// places, quotes, figures and roles. Rule-based: no network, no model download.
#include "dossier/plugin.h"
#include "extractors.h"

namespace {

void Register(dossier::Registrar& r) {
  r.AddExtractor(dossier::ner::MakeNerExtractor());
  r.AddExtractor(dossier::ner::MakeQuoteExtractor());
  r.AddExtractor(dossier::ner::MakeNumberExtractor());
  r.AddExtractor(dossier::ner::MakeRoleExtractor());
}

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "extract-ner", "1.0.0", &Register};
}
