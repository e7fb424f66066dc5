// Shared parts of every page: file names, page frame, badges, anchors.
#include "dossier/markup.h"
#include "dossier/text.h"
#include "html.h"

namespace dossier::plugins::html {

std::string PagePath(std::string_view id) {
  const bool document = id.rfind("doc:", 0) == 0;
  std::string name;
  bool changed = false;
  for (char c : id) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_') {
      name += c;
    } else if (c == ':') {
      name += '_';
    } else {
      name += '_';
      changed = true;
    }
  }
  if (name.size() > 120) {
    name.resize(120);
    changed = true;
  }
  if (changed) name += "-" + Sha256Hex(id).substr(0, 10);
  return std::string(document ? "d/" : "e/") + name + ".html";
}

void Head(std::ostream& out, const std::string& title, const std::string& root) {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>"
      << XmlEscape(title) << " · dossier</title><link rel=\"stylesheet\" href=\"" << root
      << "style.css\"></head>\n<body><header class=\"bar\"><a class=\"home\" href=\"" << root
      << "index.html\">dossier</a><form class=\"mini\" action=\"" << root
      << "index.html\"><input type=\"search\" name=\"q\" placeholder=\"Search people, organizations, places, documents\" "
         "aria-label=\"Search\"></form></header>\n<main>\n";
}

void Foot(std::ostream& out) {
  out << "</main>\n<footer>Exported by dossier. Every claim links to the passage it rests on.</footer>\n</body></html>\n";
}

std::string PropertyRow(const std::string& key, const Json& value) {
  const std::string text = value.is_string() ? value.get<std::string>()
                                             : value.dump(-1, ' ', false, Json::error_handler_t::replace);
  return "<tr><th>" + XmlEscape(key) + "</th><td>" + XmlEscape(text) + "</td></tr>\n";
}

std::string TypeBadge(EntityType type) {
  return "<span class=\"badge t-" + std::string(TypeName(type)) + "\">" + std::string(TypeName(type)) + "</span>";
}

std::string PassageAnchor(int64_t start) { return "at-" + std::to_string(start); }

}  // namespace dossier::plugins::html
