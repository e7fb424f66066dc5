// The plugin entry point: what a plugin library exports so the host can load it.
//
// Modelled on LLVM's pass plugins: one extern "C" function returning a small
// struct. The host reads abi_version before calling anything else, so a
// plugin built against another SDK is refused with a readable message instead
// of crashing. A plugin library looks like:
//
//   #include "dossier/plugin.h"
//
//   static void Register(dossier::Registrar& r) {
//     r.AddImporter(std::make_unique<MyImporter>());
//   }
//
//   DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
//     return {DOSSIER_PLUGIN_ABI_VERSION, "my-format", "1.0.0", &Register};
//   }
//
// Components are destroyed before their library is unloaded. The SDK passes
// C++ types (std::string, nlohmann::json, std::unique_ptr) across the
// boundary, so a plugin must be built with the same compiler and standard
// library as the host; the ABI version changes whenever the SDK's interfaces do.
#pragma once

#include <cstdint>
#include <memory>

#include "dossier/checker.h"
#include "dossier/export.h"
#include "dossier/exporter.h"
#include "dossier/extractor.h"
#include "dossier/importer.h"

// Bumped on every incompatible change to the SDK's component interfaces.
// 2: ImportInput::max_batch_bytes and DocumentBatch::max_bytes (memory limits
// importers and extractors check as they go).
// 3: Selection::include_paths, max_nodes and min_weight (what an export
// hands over and how much of the graph it draws).
// 4: DescribeOptions::mention_offset (paging through where an entity is
// named), ExportTarget::Progress.
// 5: DescribeOptions::finding_evidence (pages without each finding's evidence).
#define DOSSIER_PLUGIN_ABI_VERSION 5u

// The name of the entry point every plugin exports.
#define DOSSIER_PLUGIN_ENTRY_POINT "dossier_plugin_info"

namespace dossier {

// Collects the components a plugin provides. Adding a component whose kind
// and name another loaded plugin already provides is reported as a load error
// naming both files; the plugin's other components still load.
class DOSSIER_API Registrar {
 public:
  virtual ~Registrar();
  virtual void AddImporter(std::unique_ptr<Importer> importer) = 0;
  virtual void AddExtractor(std::unique_ptr<Extractor> extractor) = 0;
  virtual void AddChecker(std::unique_ptr<Checker> checker) = 0;
  virtual void AddExporter(std::unique_ptr<Exporter> exporter) = 0;
};

// What dossier_plugin_info returns. abi_version must stay the first member.
struct PluginInfo {
  uint32_t abi_version;  // DOSSIER_PLUGIN_ABI_VERSION the plugin was built with
  const char* name;      // "import-cable"; unique among loaded plugins
  const char* version;   // the plugin's own version, "1.2.0"
  // Registers the plugin's components. May throw: the host reports the
  // message and skips the plugin.
  void (*register_components)(Registrar& registrar);
};

using PluginEntryPoint = PluginInfo();

}  // namespace dossier
