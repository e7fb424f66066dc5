// Shared parts of every page: file names, page frame, pager, property
// tables, badges, anchors.
#include <algorithm>

#include "dossier/markup.h"
#include "dossier/text.h"
#include "html.h"

namespace dossier::plugins::html {

std::string PagePath(std::string_view id) {
  const char* folder = id.rfind("doc:", 0) == 0 ? "d/" : id.rfind("story:", 0) == 0 ? "s/" : "e/";
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
  return folder + name + ".html";
}

std::string NamedPath(std::string_view id, int64_t page) {
  std::string path = PagePath(id);
  path.insert(path.size() - 5, "~named-" + std::to_string(page));
  return path;
}

std::string ListPath(std::string_view list, int64_t page) {
  return "list/" + std::string(list) + "-" + std::to_string(page) + ".html";
}

void Pager(std::ostream& out, int64_t page, int64_t pages, const std::function<std::string(int64_t)>& href) {
  if (pages <= 1) return;
  out << "<nav class=\"pager\" aria-label=\"pages\">";
  auto link = [&](int64_t n, const std::string& label) {
    if (n == page) {
      out << "<span class=\"here\">" << label << "</span> ";
    } else {
      out << "<a href=\"" << XmlEscape(href(n)) << "\">" << label << "</a> ";
    }
  };
  if (page > 1) link(page - 1, "← previous");
  // The first and last pages, and two on either side of this one: any page
  // is a few clicks away, and the bar stays short.
  int64_t shown = 0;
  for (int64_t n = 1; n <= pages; ++n) {
    if (n != 1 && n != pages && (n < page - 2 || n > page + 2)) continue;
    if (n > shown + 1) out << "<span class=\"gap\">…</span> ";
    link(n, std::to_string(n));
    shown = n;
  }
  if (page < pages) link(page + 1, "next →");
  out << "</nav>\n";
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

namespace {

// A value as a reader wants it: text as text, a list one item to a line, a
// list of records as a table with a column per field, an object as a table. Deeper than a few levels it is shown as JSON (a store
// may hold anything; a page stays readable).
std::string ValueHtml(const Json& value, int depth) {
  if (value.is_string()) return XmlEscape(value.get<std::string>());
  const bool nested = value.is_array() || value.is_object();
  if (!nested || value.empty() || depth >= 3) {
    return XmlEscape(value.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  std::string html;
  if (value.is_array() && std::all_of(value.begin(), value.end(), [](const Json& v) { return v.is_object(); })) {
    // Records (a cable's addressees, its references): one table, a column
    // per field, in the order fields first appear.
    std::vector<std::string> columns;
    for (const Json& row : value) {
      for (const auto& [k, v] : row.items()) {
        if (std::find(columns.begin(), columns.end(), k) == columns.end()) columns.push_back(k);
      }
    }
    html = "<table class=\"records\"><tr>";
    for (const auto& c : columns) html += "<th>" + XmlEscape(c) + "</th>";
    html += "</tr>";
    for (const Json& row : value) {
      html += "<tr>";
      for (const auto& c : columns) html += "<td>" + (row.contains(c) ? ValueHtml(row[c], depth + 1) : "") + "</td>";
      html += "</tr>";
    }
    return html + "</table>";
  }
  if (value.is_array()) {
    html = "<ul class=\"plain\">";
    for (const Json& item : value) html += "<li>" + ValueHtml(item, depth + 1) + "</li>";
    return html + "</ul>";
  }
  html = "<table class=\"props inner\">";
  for (const auto& [k, v] : value.items()) {
    html += "<tr><th>" + XmlEscape(k) + "</th><td>" + ValueHtml(v, depth + 1) + "</td></tr>";
  }
  return html + "</table>";
}

}  // namespace

std::string PropertyRow(const std::string& key, const Json& value) {
  return "<tr><th>" + XmlEscape(key) + "</th><td>" + ValueHtml(value, 0) + "</td></tr>\n";
}

bool ShowsAmongMostNamed(std::string_view name) {
  int letters = 0;
  size_t at = 0;
  while (at < name.size()) {
    const size_t end = std::min(name.find(' ', at), name.size());
    const std::string_view word = name.substr(at, end - at);
    if (IsRedactionPlaceholder(word)) return false;
    for (char c : word) letters += std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
    at = end + 1;
  }
  return letters >= 2;
}

std::string TypeBadge(EntityType type) {
  return "<span class=\"badge t-" + std::string(TypeName(type)) + "\">" + std::string(TypeName(type)) + "</span>";
}

void FindingArticle(const Finding& f, std::ostream& out) {
  out << "<article class=\"finding sev-" << SeverityName(f.severity) << "\"><p><span class=\"code\">" << XmlEscape(f.code)
      << "</span> " << XmlEscape(f.message) << "</p><p class=\"meta\">" << XmlEscape(f.checker) << " checker · "
      << FindingStatusName(f.status) << (f.status_reason.empty() ? "" : ": " + XmlEscape(f.status_reason))
      << "</p></article>\n";
}

std::string PassageAnchor(int64_t start) { return "at-" + std::to_string(start); }

}  // namespace dossier::plugins::html
