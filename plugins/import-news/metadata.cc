// What an article's first lines say about it: headline, byline, dateline
// (place and wire service), contributor lines; and dates in their usual forms.
#include <array>
#include <regex>

#include "article.h"
#include "dossier/text.h"
#include "dossier/tokens.h"

namespace dossier::news {
namespace {

size_t WordCount(const std::string& s) {
  size_t n = 0;
  for (const Token& t : Tokenize(s)) n += t.kind == Token::Kind::kWord;
  return n;
}

// "CHONGQING" -> "Chongqing", "NEW YORK" -> "New York"; mixed case kept.
std::string TitleCase(const std::string& s) {
  if (!IsAllUpper(s)) return s;
  std::string out = LowerAscii(s);
  bool start = true;
  for (size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (start && c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 32);
    start = c == ' ' || c == '-' || c == '\'';
  }
  return out;
}

int MonthNumber(std::string m) {
  static const std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  m = LowerAscii(m);
  if (m.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (m.compare(0, 3, kMonths[i]) == 0) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::string Pad(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

bool IsNameLine(const std::string& line) {
  // "Gustavo González", "Maren Holt": 2-4 capitalised words, nothing else.
  const auto tokens = Tokenize(line);
  if (tokens.size() < 2 || tokens.size() > 4) return false;
  for (const Token& t : tokens) {
    if (t.kind != Token::Kind::kWord || !StartsUpper(t.in(line)) || IsAllUpper(t.in(line))) return false;
  }
  return line.find_first_of(".:;!?") == std::string::npos;
}

// "A, B and C": the names of a list, in order. Each separator is looked for
// again only once passed (looking afresh for " and " in a long list of
// commas made it quadratic).
std::vector<std::string> SplitNames(const std::string& names) {
  std::vector<std::string> out;
  size_t from = 0, and_at = 0, comma_at = 0;
  for (bool first = true;; first = false) {
    if (first || (and_at != std::string::npos && and_at < from)) and_at = names.find(" and ", from);
    if (first || (comma_at != std::string::npos && comma_at < from)) comma_at = names.find(", ", from);
    size_t sep = and_at;
    if (comma_at != std::string::npos && (sep == std::string::npos || comma_at < sep)) sep = comma_at;
    std::string name = Trim(names.substr(from, sep == std::string::npos ? std::string::npos : sep - from));
    if (!name.empty()) out.push_back(name);
    if (sep == std::string::npos) break;
    from = sep + (names.compare(sep, 5, " and ") == 0 ? 5 : 2);
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

bool OneLine(std::string_view s) { return s.find_first_of("\r\n") == std::string_view::npos; }

// The contributor lines are matched by hand, not with std::regex: its
// matcher recurses once per character, and a paragraph of a few tens of
// kilobytes overflowed the stack.

// "(Tiantian Zhang contributed to this report.)": what comes before
// " contributed" (as ^\(?(.*?) contributed( reporting)? to this
// (report|article|story)\.?\)?$ would capture it), or false.
bool ContributedLine(std::string_view s, std::string* who) {
  const bool open = !s.empty() && s.front() == '(';
  if (open) s.remove_prefix(1);
  if (!s.empty() && s.back() == ')') s.remove_suffix(1);
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  for (const char* reporting : {" contributed reporting to this ", " contributed to this "}) {
    for (const char* what : {"report", "article", "story"}) {
      const std::string tail = std::string(reporting) + what;
      if (!EndsWith(s, tail)) continue;
      const std::string_view group = s.substr(0, s.size() - tail.size());
      if (!OneLine(group)) return false;
      *who = std::string(group);
      return true;
    }
  }
  return false;
}

// "Some information for this report provided by AFP and AP.": the list of
// sources (as ^(?:Some )?[Ii]nformation for this (?:report|article)
// (?:was )?provided by (.*?)\.?$ would capture it), or false.
bool ProvidedLine(std::string_view s, std::string* names) {
  auto take = [&](std::string_view word) {
    if (s.substr(0, word.size()) != word) return false;
    s.remove_prefix(word.size());
    return true;
  };
  take("Some ");
  if (!take("information for this ") && !take("Information for this ")) return false;
  if (!take("report ") && !take("article ")) return false;
  take("was ");
  if (!take("provided by ")) return false;
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  if (!OneLine(s)) return false;
  *names = std::string(s);
  return true;
}

}  // namespace

std::string ParseDate(const std::string& raw) {
  std::string s = Trim(raw);
  // A date is at the start of the text: the forms below that allow more
  // after it only need the rest to be one line. So only the start is
  // matched (std::regex recurses per character: a long text overflowed
  // the stack).
  constexpr size_t kDateHead = 256;
  if (s.size() > kDateHead) {
    if (!OneLine(std::string_view(s).substr(kDateHead))) return "";
    s.resize(kDateHead);
  }
  std::smatch m;
  static const std::regex kIso("^(\\d{4})-(\\d{2})-(\\d{2})(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?.*$");
  if (std::regex_match(s, m, kIso)) {
    return m[1].str() + "-" + m[2].str() + "-" + m[3].str() + (m[4].matched ? m[4].str() : "");
  }
  static const std::regex kMonthDayYear("^([A-Za-z]+)\\.? (\\d{1,2}),? (\\d{4}).*$");
  if (std::regex_match(s, m, kMonthDayYear) && MonthNumber(m[1]) > 0) {
    return m[3].str() + "-" + Pad(MonthNumber(m[1])) + "-" + Pad(std::stoi(m[2]));
  }
  static const std::regex kDayMonthYear("^(\\d{1,2}) ([A-Za-z]+)\\.?,? (\\d{4}).*$");
  if (std::regex_match(s, m, kDayMonthYear) && MonthNumber(m[2]) > 0) {
    return m[3].str() + "-" + Pad(MonthNumber(m[2])) + "-" + Pad(std::stoi(m[1]));
  }
  static const std::regex kMonthYear("^([A-Za-z]+)\\.? (\\d{4})$");
  if (std::regex_match(s, m, kMonthYear) && MonthNumber(m[1]) > 0) return m[2].str() + "-" + Pad(MonthNumber(m[1]));
  static const std::regex kYear("^(\\d{4})$");
  if (std::regex_match(s, m, kYear)) return m[1];
  return "";
}

void FindMetadata(Article& a) {
  auto& blocks = a.blocks;
  if (blocks.empty()) return;
  size_t i = 0;

  // A section label ("SOUTH AMERICA :") or a date line ("December 2004")
  // before the headline is not the headline.
  while (i + 1 < blocks.size() && a.headline.empty()) {
    const std::string& first = blocks[i].text;
    const bool label = first.size() <= 40 && first.back() == ':' && WordCount(first) <= 4;
    const std::string date = ParseDate(first);
    if (!label && date.empty()) break;
    if (!date.empty() && a.date.empty()) a.date = date;
    blocks[i].heading = true;
    ++i;
  }
  // Headline: a short first line followed by more text.
  if (a.headline.empty() && blocks.size() > i + 1) {
    const std::string& first = blocks[i].text;
    const bool one_line = first.find('\n') == std::string::npos;
    if (one_line && first.size() <= 250 && WordCount(first) <= 30 && WordCount(first) >= 2 &&
        first.rfind("By ", 0) != 0) {
      a.headline = first;
      blocks[i].heading = true;
      ++i;
    }
  } else if (!a.headline.empty() && blocks[0].text == a.headline) {
    i = 1;
  }

  // Byline: "By Name[ and Name]" with an optional job line, or a bare name
  // just before the dateline.
  static const std::regex kBy("^[Bb][Yy]:? +([^\\n]+)$");
  for (size_t k = i; k < blocks.size() && k < i + 3; ++k) {
    std::smatch m;
    const std::string line = blocks[k].text;
    if (a.authors.empty() && line.size() < 120 && std::regex_match(line, m, kBy)) {
      a.byline = line;
      std::string names = m[1];
      if (const size_t comma = names.find(", "); comma != std::string::npos && names.find(" and ") == std::string::npos) {
        names.resize(comma);  // "By Jane Doe, staff writer"
      }
      for (std::string& name : SplitNames(names)) a.authors.push_back(std::move(name));
      blocks[k].heading = true;
      // A job line right after ("BBC News business reporter") belongs to the byline.
      if (k + 1 < blocks.size() && WordCount(blocks[k + 1].text) <= 6 && blocks[k + 1].text.find('.') == std::string::npos) {
        a.byline += "\n" + blocks[k + 1].text;
        blocks[k + 1].heading = true;
        ++k;
      }
      i = k + 1;
      break;
    }
    if (a.authors.empty() && IsNameLine(line) && k + 1 < blocks.size()) {
      a.byline = line;
      a.authors.push_back(line);
      blocks[k].heading = true;
      i = k + 1;
      break;
    }
  }

  // Dateline at the start of the first paragraph of text.
  while (i < blocks.size() && blocks[i].heading) ++i;
  if (i < blocks.size() && a.dateline.empty()) {
    const std::string& text = blocks[i].text;
    static const std::regex kDateline(
        "^((?:[A-Z][A-Za-z.'’]*\\.?(?: [A-Z][A-Za-z.'’]*)*)(?:, [A-Z][A-Za-z.'’ ]*?){0,2})"  // place, region
        "(?:,? ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}))?"  // date
        " *(?:\\(([A-Za-z][A-Za-z .&-]{0,30})\\))?"                                            // (agency)
        " *(—|–|--|-|:) +");
    std::smatch m;
    const std::string head = text.substr(0, 120);
    if (std::regex_search(head, m, kDateline)) {
      const std::string place_part = m[1];
      const std::string first = place_part.substr(0, place_part.find(','));
      const bool caps_place = IsAllUpper(first) && first.size() >= 3;
      const bool has_agency = m[3].matched;
      const bool has_date = m[2].matched;
      // A dateline has an upper-case place, or a wire service, or a date; not
      // just "Overall -" or a speaker followed by a colon.
      if ((caps_place || has_agency || has_date) && (m[4] != ":" || caps_place)) {
        a.dateline = Trim(m[0].str());
        std::string place = first;
        // "INDIATIMES NEWS NETWORK ... MUMBAI:" - the place is the last word of a long caps run.
        if (m[4] == ":" && WordCount(first) > 2) place = first.substr(first.rfind(' ') + 1);
        a.dateline_place = TitleCase(Trim(place));
        if (has_agency && a.publisher.empty()) a.publisher = Trim(m[3].str());
      }
    }
  }

  // Contributor lines: "(Tiantian Zhang contributed to this report.)",
  // "Some information for this report provided by AFP and AP."
  for (const auto& b : blocks) {
    std::string who, names;
    if (ContributedLine(b.text, &who)) {
      // The name is the capitalised words just before "contributed".
      const auto tokens = Tokenize(who);
      size_t k = tokens.size();
      while (k > 0 && tokens[k - 1].kind == Token::Kind::kWord && StartsUpper(tokens[k - 1].in(who))) --k;
      if (k < tokens.size()) a.contributors.push_back(who.substr(static_cast<size_t>(tokens[k].start)));
    } else if (ProvidedLine(b.text, &names)) {
      for (std::string& name : SplitNames(names)) a.contributors.push_back(std::move(name));
    }
  }
}

}  // namespace dossier::news
