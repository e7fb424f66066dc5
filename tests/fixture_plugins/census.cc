// Test fixture: a checker that reads every document while imports may be
// writing, for the concurrency test. It reports one finding per document
// ("<n> paragraphs", refs the document), so the test can tell whether the
// checker saw each document whole: n must equal what the store holds.
//   checker "census"
#include "dossier/plugin.h"

namespace {

using namespace dossier;

class Census final : public Checker {
 public:
  std::string name() const override { return "census"; }
  std::string description() const override { return "test fixture: one finding per document, with its paragraph count"; }
  Status Check(StoreView& store, FindingSink& sink) override {
    return store.ForEachDocument([&](const Document& d) {
      Finding f;
      f.code = "census";
      f.severity = Severity::kInfo;
      f.message = std::to_string(d.paragraphs.size()) + " paragraphs";
      f.refs = {d.id};
      f.fingerprint = d.id;
      sink.Report(std::move(f));
      return true;
    });
  }
};

void Register(Registrar& r) { r.AddChecker(std::make_unique<Census>()); }

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "census", "1.0.0", &Register};
}
