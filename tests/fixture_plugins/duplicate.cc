// Test fixture: a plugin offering an importer named like the built-in "text"
// one, plus one of its own that must still load.
#include "dossier/plugin.h"

namespace {

class Named final : public dossier::Importer {
 public:
  explicit Named(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  std::string description() const override { return "test fixture"; }
  double Sniff(std::string_view, std::string_view) const override { return 0; }
  dossier::Status Import(dossier::ImportInput&, dossier::ImportSink&) override { return dossier::Status::OK(); }

 private:
  std::string name_;
};

void Register(dossier::Registrar& r) {
  r.AddImporter(std::make_unique<Named>("text"));
  r.AddImporter(std::make_unique<Named>("dup-own"));
}

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "duplicate", "1.0.0", &Register};
}
