// Test fixture: components that fail while running, to show that a failing
// component fails only its own unit of work and leaves the store as it was.
//   importer "boom"      takes *.boom files, emits one document, then throws
//   importer "refused"   takes *.refused files, emits a document the store
//                        refuses (a mention past the text's end), then warns
//   extractor "tripwire" throws on a document containing TRIPWIRE
//   checker "broken"     reports a finding, then throws
//   exporter "broken"    writes a line, then fails
#include <stdexcept>

#include "dossier/plugin.h"

namespace {

using namespace dossier;

class Boom final : public Importer {
 public:
  std::string name() const override { return "boom"; }
  std::string description() const override { return "test fixture: throws"; }
  double Sniff(std::string_view, std::string_view path) const override {
    return path.size() > 5 && path.substr(path.size() - 5) == ".boom" ? 0.99 : 0;
  }
  Status Import(ImportInput& input, ImportSink& sink) override {
    DocumentBatch b;
    b.document.title = "before the explosion";
    b.document.text = "This document is emitted before the importer throws.";
    if (Status st = sink.Emit(b); !st.ok()) return st;
    throw std::runtime_error("malformed frobnitz in " + input.path());
  }
};

class Refused final : public Importer {
 public:
  std::string name() const override { return "refused"; }
  std::string description() const override { return "test fixture: a document the store refuses"; }
  double Sniff(std::string_view, std::string_view path) const override {
    return path.size() > 8 && path.substr(path.size() - 8) == ".refused" ? 0.99 : 0;
  }
  Status Import(ImportInput&, ImportSink& sink) override {
    DocumentBatch b;
    b.document.title = "out of bounds";
    b.document.text = "Short text.";
    b.mentions.push_back({"", EntityType::kPerson, 0, 400, 1.0, "fixture"});
    (void)sink.Emit(b);  // refused by the store, whenever it writes it
    sink.Warn("a note after the refused document");
    return Status::OK();
  }
};

class Tripwire final : public Extractor {
 public:
  std::string name() const override { return "tripwire"; }
  std::string description() const override { return "test fixture: throws on TRIPWIRE"; }
  Status Extract(DocumentBatch& batch) override {
    if (batch.document.text.find("TRIPWIRE") == std::string::npos) return Status::OK();
    // Propose something first, so a half-done extraction would show if it were written.
    const std::string key = batch.Entity(EntityType::kPerson, "Trip Wire");
    batch.mentions.push_back({key, EntityType::kPerson, 0, 1, 1.0, ""});
    throw std::runtime_error("tripped");
  }
};

class BrokenChecker final : public Checker {
 public:
  std::string name() const override { return "broken"; }
  std::string description() const override { return "test fixture: throws"; }
  Status Check(StoreView&, FindingSink& sink) override {
    Finding f;
    f.code = "half-done";
    f.message = "should never be stored";
    f.fingerprint = "x";
    sink.Report(f);
    throw std::runtime_error("lost its place");
  }
};

class BrokenExporter final : public Exporter {
 public:
  std::string name() const override { return "broken"; }
  std::string description() const override { return "test fixture: fails halfway"; }
  std::string default_output() const override { return "broken.out"; }
  Status Export(StoreView&, const Selection&, ExportTarget& target) override {
    target.stream() << "half of the output\n";
    return Status::IOError("the exporter gave up halfway");
  }
};

void Register(Registrar& r) {
  r.AddImporter(std::make_unique<Boom>());
  r.AddImporter(std::make_unique<Refused>());
  r.AddExtractor(std::make_unique<Tripwire>());
  r.AddChecker(std::make_unique<BrokenChecker>());
  r.AddExporter(std::make_unique<BrokenExporter>());
}

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "faulty", "1.0.0", &Register};
}
