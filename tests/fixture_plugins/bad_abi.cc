// Test fixture: a plugin built for another SDK (its ABI version is wrong).
#include "dossier/plugin.h"

static void Register(dossier::Registrar&) {}

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION + 41, "bad-abi", "1.0.0", &Register};
}
