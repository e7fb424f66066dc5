// Wikinews-style wiki markup: links and {{w|...}} templates become their
// text, {{date|...}} becomes the date, other templates, files, categories and
// references are dropped (and recorded).
#include <regex>

#include "article.h"

namespace dossier::news {
namespace {

// The end of a "{{...}}" or "[[...]]" starting at pos, with nesting; npos if open.
size_t Closing(const std::string& s, size_t pos, const char* open, const char* close) {
  int depth = 0;
  for (size_t i = pos; i + 1 < s.size(); ++i) {
    if (s.compare(i, 2, open) == 0) {
      ++depth;
      ++i;
    } else if (s.compare(i, 2, close) == 0) {
      if (--depth == 0) return i + 2;
      ++i;
    }
  }
  return std::string::npos;
}

std::vector<std::string> Fields(const std::string& inner) {
  std::vector<std::string> out;
  int depth = 0;
  std::string cur;
  for (size_t i = 0; i < inner.size(); ++i) {
    const char c = inner[i];
    if ((c == '[' || c == '{') && i + 1 < inner.size() && inner[i + 1] == c) ++depth;
    if ((c == ']' || c == '}') && i + 1 < inner.size() && inner[i + 1] == c) --depth;
    if (c == '|' && depth == 0) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<Article> ReadWikiMarkup(const std::string& text) {
  Article a;
  std::string out;
  bool wikinews = false;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "{{") == 0) {
      const size_t end = Closing(text, i, "{{", "}}");
      if (end == std::string::npos) {
        out += text.substr(i);
        break;
      }
      const auto fields = Fields(text.substr(i + 2, end - i - 4));
      const std::string name = Lower(fields[0]);
      if (name == "date" && fields.size() > 1) {
        if (a.date.empty()) a.date = ParseDate(fields[1]);
        wikinews = true;  // {{date}} and {{archive}} are Wikinews' own templates
      } else if (name == "archive" || name == "publish") {
        wikinews = true;
        a.removed.push_back({"markup", text.substr(i, end - i)});
      } else if (name == "w" && fields.size() > 1) {
        out += fields.size() > 2 ? fields[2] : fields[1];
      } else {
        a.removed.push_back({"markup", text.substr(i, end - i)});
      }
      i = end;
      continue;
    }
    if (text.compare(i, 2, "[[") == 0) {
      const size_t end = Closing(text, i, "[[", "]]");
      if (end == std::string::npos) {
        out += text.substr(i);
        break;
      }
      const auto fields = Fields(text.substr(i + 2, end - i - 4));
      const std::string target = Lower(fields[0]);
      if (target.rfind("file:", 0) == 0 || target.rfind("image:", 0) == 0 || target.rfind("category:", 0) == 0) {
        a.removed.push_back({"markup", text.substr(i, end - i)});
      } else {
        std::string shown = fields.size() > 1 ? fields.back() : fields[0];
        if (fields.size() == 1) {
          if (const size_t colon = shown.find(':'); colon != std::string::npos && colon < 4) shown = shown.substr(colon + 1);
        }
        out += shown;
      }
      i = end;
      continue;
    }
    if (text.compare(i, 3, "'''") == 0) {
      i += 3;
      continue;
    }
    if (text.compare(i, 2, "''") == 0) {
      i += 2;
      continue;
    }
    if (text.compare(i, 4, "<ref") == 0) {
      const size_t close = text.find("</ref>", i);
      const size_t self = text.find("/>", i);
      const size_t end = self != std::string::npos && (close == std::string::npos || self < close) ? self + 2
                         : close != std::string::npos                                             ? close + 6
                                                                                                  : text.size();
      a.removed.push_back({"markup", text.substr(i, end - i)});
      i = end;
      continue;
    }
    if (text.compare(i, 6, "<br />") == 0 || text.compare(i, 5, "<br/>") == 0 || text.compare(i, 4, "<br>") == 0) {
      out += "\n";
      i = text.find('>', i) + 1;
      continue;
    }
    out += text[i++];
  }
  // Blocks: paragraphs between blank lines; "== Heading ==" lines are headings.
  std::vector<Article> parsed = ReadPlainText(out);
  for (auto& b : parsed[0].blocks) {
    static const std::regex kHeading("^=+\\s*(.*?)\\s*=+$");
    std::smatch m;
    if (b.text.size() <= kMaxRegexInput && std::regex_match(b.text, m, kHeading)) {
      b.text = m[1];
      b.heading = true;
    }
    if (!b.text.empty()) a.blocks.push_back(b);
  }
  if (wikinews) a.publisher = "Wikinews";
  return {a};
}

}  // namespace dossier::news
