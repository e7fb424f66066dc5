// Loading plugin libraries with Boost.DLL.
#include "dossier/host.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

namespace dossier {
namespace fs = std::filesystem;

namespace {

// Collects what one plugin registers, so nothing reaches the host until
// registration has finished without throwing.
class CollectingRegistrar final : public Registrar {
 public:
  void AddImporter(std::unique_ptr<Importer> c) override { importers.push_back(std::move(c)); }
  void AddExtractor(std::unique_ptr<Extractor> c) override { extractors.push_back(std::move(c)); }
  void AddChecker(std::unique_ptr<Checker> c) override { checkers.push_back(std::move(c)); }
  void AddExporter(std::unique_ptr<Exporter> c) override { exporters.push_back(std::move(c)); }

  std::vector<std::unique_ptr<Importer>> importers;
  std::vector<std::unique_ptr<Extractor>> extractors;
  std::vector<std::unique_ptr<Checker>> checkers;
  std::vector<std::unique_ptr<Exporter>> exporters;
};

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

template <class T>
struct Owned {
  std::unique_ptr<T> component;
  size_t plugin;  // index into Impl::plugins
};

template <class T>
T* FindIn(const std::vector<Owned<T>>& list, std::string_view name) {
  for (const auto& o : list) {
    if (o.component->name() == name) return o.component.get();
  }
  return nullptr;
}

// Why a file cannot be a shared library, read from its first bytes, or "".
std::string NotElf(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  char magic[4] = {};
  if (!in.read(magic, 4)) return in.eof() ? "the file is too short to be one" : "cannot read the file";
  if (std::string_view(magic, 4) != "\x7f" "ELF") return "no ELF header: not a compiled library";
  return "";
}

// Boost.DLL reports a failed dlopen as "<context> (dlerror system message:
// <what the loader said>): <errno text>"; the loader's words are the reason,
// the errno after them is whatever errno last held.
std::string LoaderMessage(const std::string& what) {
  const std::string marker = "dlerror system message: ";
  const size_t at = what.find(marker);
  if (at == std::string::npos) return what;
  std::string said = what.substr(at + marker.size());
  if (const size_t close = said.rfind("):"); close != std::string::npos) said.resize(close);
  return said;
}

}  // namespace

struct PluginHost::Impl {
  // Declaration order matters: members are destroyed in reverse, so every
  // component goes before the libraries that hold its code.
  std::vector<boost::dll::shared_library> libraries;
  std::vector<PluginRecord> plugins;
  std::vector<std::string> errors;
  std::set<std::string> loaded_files;  // canonical paths
  std::vector<Owned<Importer>> importers;
  std::vector<Owned<Extractor>> extractors;
  std::vector<Owned<Checker>> checkers;
  std::vector<Owned<Exporter>> exporters;

  ~Impl() {
    importers.clear();
    extractors.clear();
    checkers.clear();
    exporters.clear();
  }

  Status Error(const std::string& file, const std::string& reason) {
    std::string line = file + ": " + OneLine(reason);
    errors.push_back(line);
    return Status::InvalidArgument(line);
  }

  // Moves a plugin's components in, refusing names another plugin has taken.
  template <class T>
  void Adopt(std::vector<std::unique_ptr<T>>& incoming, std::vector<Owned<T>>& into, const char* kind,
             size_t plugin_index) {
    PluginRecord& record = plugins[plugin_index];
    for (auto& c : incoming) {
      if (!c) continue;
      std::string name;
      std::string description;
      try {
        name = c->name();
        description = c->description();
      } catch (const std::exception& e) {
        Error(record.file, std::string("a ") + kind + " threw while naming itself: " + e.what());
        continue;
      }
      if (name.empty()) {
        Error(record.file, std::string("a ") + kind + " has an empty name");
        continue;
      }
      bool taken = false;
      for (const auto& existing : into) {
        if (existing.component->name() == name) {
          Error(record.file, std::string(kind) + " '" + name + "' is already provided by " +
                                 plugins[existing.plugin].file + "; this one is not loaded");
          taken = true;
          break;
        }
      }
      if (taken) continue;
      record.components.push_back({kind, name, description});
      into.push_back({std::move(c), plugin_index});
    }
  }
};

PluginHost::PluginHost() : impl_(std::make_unique<Impl>()) {}

PluginHost::~PluginHost() = default;

std::vector<std::string> PluginHost::DefaultSearchPath() {
  std::vector<std::string> out;
  // Next to the kernel library: build/lib/dossier/plugins in the build tree,
  // <prefix>/lib/dossier/plugins once installed.
  try {
    const fs::path here = boost::dll::this_line_location().parent_path().string();
    out.push_back((here / "dossier" / "plugins").string());
    // A binary linked statically against the kernel (tests) lives in bin/.
    out.push_back((here.parent_path() / "lib" / "dossier" / "plugins").string());
  } catch (const std::exception&) {
  }
#ifdef DOSSIER_INSTALL_PLUGIN_DIR
  out.push_back(DOSSIER_INSTALL_PLUGIN_DIR);
#endif
  if (const char* env = std::getenv("DOSSIER_PLUGIN_PATH"); env && *env) {
    std::string paths = env;
    size_t start = 0;
    while (start <= paths.size()) {
      const size_t colon = paths.find(':', start);
      const std::string entry = paths.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!entry.empty()) out.push_back(entry);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  return out;
}

void PluginHost::LoadDefault(const std::vector<std::string>& extra_files) {
  const auto defaults = DefaultSearchPath();
  const char* env = std::getenv("DOSSIER_PLUGIN_PATH");
  const std::string env_path = env ? env : "";
  for (const auto& entry : defaults) {
    std::error_code ec;
    if (fs::is_directory(entry, ec)) {
      LoadFolder(entry);
    } else if (fs::exists(entry, ec)) {
      LoadFile(entry);
    } else if (!env_path.empty() && (":" + env_path + ":").find(":" + entry + ":") != std::string::npos) {
      // A folder the user named that is not there deserves a word; the
      // built-in locations may legitimately be absent.
      impl_->Error(entry, "no such file or folder (from $DOSSIER_PLUGIN_PATH)");
    }
  }
  for (const auto& f : extra_files) LoadFile(f);
}

void PluginHost::LoadFolder(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".so") files.push_back(it->path().string());  // LoadFile skips non-files
  }
  if (ec) {
    impl_->Error(folder, "cannot list plugin folder: " + ec.message());
    return;
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) LoadFile(f);
}

Status PluginHost::LoadFile(const std::string& path) {
  Impl& impl = *impl_;
  std::error_code ec;
  if (!fs::exists(path, ec)) return impl.Error(path, "no such file");
  if (fs::is_directory(path, ec)) return impl.Error(path, "is a folder, not a plugin library");
  // Only a regular file is opened: the loader would wait forever on a FIFO.
  if (!fs::is_regular_file(path, ec)) return impl.Error(path, "not a regular file (a FIFO, device or socket); skipped");
  const std::string canonical = fs::canonical(path, ec).string();
  const std::string file = ec ? path : canonical;
  if (impl.loaded_files.count(file)) return Status::OK();
  if (std::string why = NotElf(file); !why.empty()) return impl.Error(file, "not a loadable shared library (" + why + ")");

  boost::dll::shared_library lib;
  try {
    // RTLD_NOW: an unresolved symbol fails here, with its name, rather than
    // crashing later in the middle of an import.
    lib.load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    return impl.Error(file, "not a loadable shared library (" + LoaderMessage(e.what()) + ")");
  }
  if (!lib.has(DOSSIER_PLUGIN_ENTRY_POINT)) {
    return impl.Error(file, std::string("not a dossier plugin: it has no ") + DOSSIER_PLUGIN_ENTRY_POINT +
                                " entry point");
  }
  PluginInfo info{};
  try {
    info = lib.get<PluginEntryPoint>(DOSSIER_PLUGIN_ENTRY_POINT)();
  } catch (const std::exception& e) {
    return impl.Error(file, std::string("its entry point failed: ") + e.what());
  }
  // The ABI version is read before anything else in the struct is touched.
  if (info.abi_version != DOSSIER_PLUGIN_ABI_VERSION) {
    return impl.Error(file, "built for plugin ABI version " + std::to_string(info.abi_version) +
                                ", this dossier needs version " + std::to_string(DOSSIER_PLUGIN_ABI_VERSION) +
                                "; rebuild it against this dossier's SDK");
  }
  if (!info.name || !*info.name || !info.register_components) {
    return impl.Error(file, "its entry point returned no plugin name or no registration function");
  }
  const std::string name = info.name;
  for (const auto& p : impl.plugins) {
    if (p.name == name) return impl.Error(file, "plugin '" + name + "' is already loaded from " + p.file);
  }
  CollectingRegistrar registrar;
  try {
    info.register_components(registrar);
  } catch (const std::exception& e) {
    return impl.Error(file, "plugin '" + name + "' failed to register its components: " + e.what());
  } catch (...) {
    return impl.Error(file, "plugin '" + name + "' failed to register its components (unknown exception)");
  }
  // registrar's components are destroyed before `lib` on any early return;
  // from here on they belong to the host, and so does the library.
  impl.libraries.push_back(std::move(lib));
  impl.loaded_files.insert(file);
  impl.plugins.push_back({name, info.version ? info.version : "", file, {}});
  const size_t index = impl.plugins.size() - 1;
  const size_t errors_before = impl.errors.size();
  impl.Adopt(registrar.importers, impl.importers, "importer", index);
  impl.Adopt(registrar.extractors, impl.extractors, "extractor", index);
  impl.Adopt(registrar.checkers, impl.checkers, "checker", index);
  impl.Adopt(registrar.exporters, impl.exporters, "exporter", index);
  if (impl.errors.size() > errors_before) return Status::InvalidArgument(impl.errors.back());
  return Status::OK();
}

const std::vector<PluginRecord>& PluginHost::plugins() const { return impl_->plugins; }
const std::vector<std::string>& PluginHost::errors() const { return impl_->errors; }

namespace {

template <class T>
std::vector<T*> Sorted(const std::vector<Owned<T>>& list) {
  std::vector<T*> out;
  for (const auto& o : list) out.push_back(o.component.get());
  std::sort(out.begin(), out.end(), [](T* a, T* b) { return a->name() < b->name(); });
  return out;
}

}  // namespace

std::vector<Importer*> PluginHost::importers() const { return Sorted(impl_->importers); }
std::vector<Checker*> PluginHost::checkers() const { return Sorted(impl_->checkers); }
std::vector<Exporter*> PluginHost::exporters() const { return Sorted(impl_->exporters); }

std::vector<Extractor*> PluginHost::extractors() const {
  auto out = Sorted(impl_->extractors);
  std::stable_sort(out.begin(), out.end(), [](Extractor* a, Extractor* b) { return a->order() < b->order(); });
  return out;
}

Importer* PluginHost::FindImporter(std::string_view name) const { return FindIn(impl_->importers, name); }
Extractor* PluginHost::FindExtractor(std::string_view name) const { return FindIn(impl_->extractors, name); }
Checker* PluginHost::FindChecker(std::string_view name) const { return FindIn(impl_->checkers, name); }
Exporter* PluginHost::FindExporter(std::string_view name) const { return FindIn(impl_->exporters, name); }

std::string PluginHost::PluginOf(const void* component) const {
  auto search = [&](const auto& list) -> std::string {
    for (const auto& o : list) {
      if (o.component.get() == component) return impl_->plugins[o.plugin].name;
    }
    return "";
  };
  for (const std::string& found : {search(impl_->importers), search(impl_->extractors), search(impl_->checkers),
                                   search(impl_->exporters)}) {
    if (!found.empty()) return found;
  }
  return "";
}

}  // namespace dossier
