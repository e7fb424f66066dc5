// Nesting depth of raw HTML (see html_depth.h).
#include "html_depth.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace dossier::news {
namespace {

// Void elements and elements with an optional end tag: never counted.
bool Uncounted(const std::string& name) {
  static constexpr std::string_view kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
      "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
      "caption", "rb", "rt", "rp", "html", "head", "body", "!doctype"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

std::string TagName(std::string_view html, size_t from) {
  std::string name;
  for (size_t i = from; i < html.size(); ++i) {
    const auto c = static_cast<unsigned char>(html[i]);
    if (std::isspace(c) || c == '>' || c == '/') break;
    name.push_back(static_cast<char>(std::tolower(c)));
  }
  return name;
}

}  // namespace

size_t HtmlNestingDepth(std::string_view html) {
  size_t depth = 0, deepest = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.substr(i, 4) == "<!--") {
      const size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    const std::string name = TagName(html, i + (closing ? 2 : 1));
    const size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '!')) {
      i = gt + 1;  // "x < 5" in text, or a stray "<>"
      continue;
    }
    if (!closing && (name == "script" || name == "style")) {
      // Raw text: whatever it holds is not markup.
      size_t end = gt + 1;
      while ((end = html.find("</", end)) != std::string_view::npos) {
        if (TagName(html, end + 2) == name) break;
        end += 2;
      }
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (!Uncounted(name) && html[gt - 1] != '/') {
      if (closing) {
        if (depth > 0) --depth;
      } else {
        deepest = std::max(deepest, ++depth);
      }
    }
    i = gt + 1;
  }
  return deepest;
}

}  // namespace dossier::news
