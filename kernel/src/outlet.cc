#include "outlet.h"

namespace dossier {
namespace {

std::string Str(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

std::string Host(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  std::string host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

}  // namespace

std::string OutletOf(const Json& properties, const std::string& source) {
  if (std::string p = Str(properties, "publisher"); !p.empty()) return p;
  if (std::string h = Host(Str(properties, "url")); !h.empty()) return h;
  if (Str(properties, "kind") == "cable" || properties.contains("reference_id")) {
    if (std::string from = Str(properties, "origin"); !from.empty()) return from;
  }
  std::string name = source.substr(source.find_last_of('/') == std::string::npos ? 0 : source.find_last_of('/') + 1);
  name = name.substr(0, name.rfind('.'));
  size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  if (digits > 0 && digits < name.size() && (name[digits] == '-' || name[digits] == '_')) name = name.substr(digits + 1);
  return name;
}

}  // namespace dossier
