// Wikinews-style wiki markup: links and {{w|...}} templates become their
// text, {{date|...}} becomes the date, other templates, files, categories and
// references are dropped (and recorded).
#include <unordered_map>
#include <vector>

#include "article.h"

namespace dossier::news {
namespace {

// Where each "{{" (or "[[") of s is closed: opener position -> the position
// just past its closer, for every opener that is closed. One pass with a
// stack, so a page of a million openers takes no longer than one of a few.
// Templates and links never hold a paragraph break: one that seems to is
// damaged (the data set Wikinews articles come from has "{{byline|date" cut
// off without its "}}"), and matching it with a "}}" paragraphs later would
// swallow the article; at a blank line every opener still open stays open.
std::unordered_map<size_t, size_t> Closers(const std::string& s, const char* open, const char* close) {
  std::unordered_map<size_t, size_t> out;
  std::vector<size_t> stack;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '\n' && s[i + 1] == '\n') {
      stack.clear();
    } else if (s.compare(i, 2, open) == 0) {
      stack.push_back(i);
      ++i;
    } else if (s.compare(i, 2, close) == 0) {
      if (!stack.empty()) {
        out[stack.back()] = i + 2;
        stack.pop_back();
      }
      ++i;
    }
  }
  return out;
}

// Where the text resumes after an unclosed template at pos: past "{{name|"
// and, for the byline, the "date" its damaged form keeps ("{{byline|date"
// runs straight into the article).
size_t PastBrokenTemplate(const std::string& s, size_t pos) {
  size_t i = pos + 2;
  while (i < s.size() && s[i] != '|' && s[i] != '}' && s[i] != '\n' && s[i] != '{') ++i;
  const std::string name = s.substr(pos + 2, i - pos - 2);
  if (i < s.size() && s[i] == '|') ++i;
  if ((name == "byline" || name == "Byline") && s.compare(i, 4, "date") == 0) i += 4;
  if (i < s.size() && s[i] == '=') ++i;
  return i;
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

// "== Heading ==": its title, as ^=+\s*(.*?)\s*=+$ would capture it, or
// false. By hand: std::regex recurses once per character, and a long
// paragraph overflowed the stack.
bool Heading(const std::string& s, std::string* title) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  const size_t n = s.size();
  size_t lead = 0;
  while (lead < n && s[lead] == '=') ++lead;
  if (lead == 0) return false;
  if (lead == n) {  // all '=': two or more make an empty heading
    title->clear();
    return n >= 2;
  }
  size_t trail = 0;
  while (s[n - 1 - trail] == '=') ++trail;
  if (trail == 0) return false;
  size_t b = lead, e = n - trail;
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  if (s.find_first_of("\r\n", b) < e) return false;  // the title is one line
  *title = s.substr(b, e - b);
  return true;
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
  const auto templates = Closers(text, "{{", "}}");
  const auto links = Closers(text, "[[", "]]");
  auto closing = [](const std::unordered_map<size_t, size_t>& of, size_t at) {
    const auto it = of.find(at);
    return it == of.end() ? std::string::npos : it->second;
  };
  // The next "</ref>" and "/>" from a "<ref" (never at the "<ref" itself, so 0 means not yet looked for).
  size_t ref_close = 0, self_close = 0;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "{{") == 0) {
      const size_t end = closing(templates, i);
      if (end == std::string::npos) {
        const size_t resume = PastBrokenTemplate(text, i);
        a.removed.push_back({"markup", "unclosed template " + text.substr(i, resume - i)});
        i = resume;
        continue;
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
      const size_t end = closing(links, i);
      if (end == std::string::npos) {
        i += 2;  // an unclosed link: its text stays
        continue;
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
      // Each end is looked for again only once passed: looking afresh for
      // one a page lacks made a page of many references quadratic.
      if (ref_close != std::string::npos && ref_close <= i) ref_close = text.find("</ref>", i);
      if (self_close != std::string::npos && self_close <= i) self_close = text.find("/>", i);
      const size_t close = ref_close, self = self_close;
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
    if (std::string title; Heading(b.text, &title)) {
      b.text = std::move(title);
      b.heading = true;
    }
    if (!b.text.empty()) a.blocks.push_back(b);
  }
  if (wikinews) a.publisher = "Wikinews";
  return {a};
}

}  // namespace dossier::news
