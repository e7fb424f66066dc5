// The plugin host: finds plugin libraries, loads them, and holds their
// components for the pipeline.
//
// Every way loading can fail (missing file, not a shared library, no entry
// point, wrong ABI version, registration throws, a component name already
// taken) becomes one line in errors() naming the file and the reason; the
// other plugins load and work regardless.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/export.h"
#include "dossier/plugin.h"
#include "dossier/status.h"

namespace dossier {

struct ComponentInfo {
  std::string kind;  // "importer", "extractor", "checker", "exporter"
  std::string name;
  std::string description;
};

struct PluginRecord {
  std::string name;
  std::string version;
  std::string file;  // absolute path of the library
  std::vector<ComponentInfo> components;
};

class DOSSIER_API PluginHost {
 public:
  PluginHost();
  // Destroys every component, then unloads the libraries.
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Where LoadDefault looks, in order: the plugin folder next to the kernel
  // library (lib/dossier/plugins: the build tree's, or the installed one),
  // the install prefix's plugin folder, then each entry of
  // $DOSSIER_PLUGIN_PATH (colon-separated folders or files).
  static std::vector<std::string> DefaultSearchPath();

  // Loads every *.so in DefaultSearchPath(), then each of extra_files (the
  // CLI's --plugin). A library reached twice is loaded once.
  void LoadDefault(const std::vector<std::string>& extra_files = {});
  // Loads every *.so in a folder (not recursively), in name order.
  void LoadFolder(const std::string& folder);
  // Loads one library. A failure is returned and also kept in errors().
  Status LoadFile(const std::string& path);

  const std::vector<PluginRecord>& plugins() const;
  // One line per failure: "<file>: <reason>".
  const std::vector<std::string>& errors() const;

  std::vector<Importer*> importers() const;    // by name
  std::vector<Extractor*> extractors() const;  // by order(), then name
  std::vector<Checker*> checkers() const;      // by name
  std::vector<Exporter*> exporters() const;    // by name
  Importer* FindImporter(std::string_view name) const;
  Extractor* FindExtractor(std::string_view name) const;
  Checker* FindChecker(std::string_view name) const;
  Exporter* FindExporter(std::string_view name) const;
  // The plugin that provided a component ("import-cable"), for provenance.
  std::string PluginOf(const void* component) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier
