// Test fixture: a plugin whose registration throws.
#include <stdexcept>

#include "dossier/plugin.h"

static void Register(dossier::Registrar&) { throw std::runtime_error("cannot find its gazetteer file"); }

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "throws", "1.0.0", &Register};
}
