#include "context.h"

namespace dossier::cli {

Store* Context::OpenStore(bool create_if_missing) {
  if (store_) return store_.get();
  StoreOptions options;
  options.create_if_missing = create_if_missing;
  auto store = Store::Open(db_path, options);
  if (!store.ok()) {
    if (store.status().code() == Status::Code::kNotFound) {
      Fail(Status::NotFound("no store at " + db_path + "; create one with 'dossier init' (or pass --db FILE)"));
    } else {
      Fail(store.status());
    }
    return nullptr;
  }
  store_ = std::move(store).value();
  return store_.get();
}

PluginHost& Context::Plugins(bool quiet) {
  if (!host_) {
    host_ = std::make_unique<PluginHost>();
    host_->LoadDefault();
    for (const auto& f : plugin_files) {
      if (Status st = host_->LoadFile(f); !st.ok()) failed_plugins.push_back(st.message());
    }
    if (!quiet) {
      for (const auto& e : host_->errors()) std::cerr << "dossier: warning: plugin " << e << "\n";
    }
  }
  return *host_;
}

int Context::Fail(const Status& status) const {
  std::cerr << "dossier: " << status.message() << "\n";
  return kExitError;
}

int Context::Usage(const std::string& message) const {
  std::cerr << "dossier: " << message << "\n";
  return kExitUsage;
}

void Context::Emit(const Json& value) const {
  // Replace ill-formed UTF-8 rather than throw: output must never abort halfway.
  std::cout << value.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
}

std::string Context::Bold(const std::string& s) const { return color ? "\x1b[1m" + s + "\x1b[0m" : s; }

std::string Context::Dim(const std::string& s) const { return color ? "\x1b[2m" + s + "\x1b[0m" : s; }

bool SplitKeyValue(const std::string& kv, std::string* key, std::string* value) {
  const auto eq = kv.find('=');
  if (eq == std::string::npos || eq == 0) return false;
  *key = kv.substr(0, eq);
  *value = kv.substr(eq + 1);
  return true;
}

}  // namespace dossier::cli
