// The check-facts plugin: the numbers, identity, corroboration and integrity
// cross-checkers, run by `dossier check`.
#include "checkers.h"
#include "dossier/plugin.h"

namespace {

void Register(dossier::Registrar& r) {
  r.AddChecker(dossier::check::MakeNumbersChecker());
  r.AddChecker(dossier::check::MakeIdentityChecker());
  r.AddChecker(dossier::check::MakeCorroborationChecker());
  r.AddChecker(dossier::check::MakeIntegrityChecker());
}

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "check-facts", "1.0.0", &Register};
}
