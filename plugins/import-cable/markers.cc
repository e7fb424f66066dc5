// Line-level cable markers (see markers.h).
#include "markers.h"

#include "classification.h"
#include "text_util.h"

namespace dossier::cable {
namespace {

constexpr std::string_view kPilcrow = "\xC2\xB6";  // ¶

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

}  // namespace

size_t ReadMarking(std::string_view s, size_t pos, std::string* marking) {
  if (pos >= s.size() || s[pos] != '(') return 0;
  const size_t close = s.find(')', pos);
  if (close == std::string_view::npos || close - pos > 48) return 0;
  const std::string_view inner = TrimView(s.substr(pos + 1, close - pos - 1));
  // A marking opens with a classification level; what follows a slash is
  // dissemination control (NF, REL ...).
  static constexpr std::string_view kLevels[] = {"TS", "SBU", "LOU", "FOUO", "U", "C", "S"};
  for (std::string_view level : kLevels) {
    if (inner.substr(0, level.size()) != level) continue;
    const std::string_view rest = inner.substr(level.size());
    if (!rest.empty() && rest[0] != '/' && rest[0] != ' ') continue;
    if (!rest.empty() && rest[0] == ' ' && TrimView(rest).substr(0, 1) != "/") continue;
    if (marking) *marking = CollapseSpaces(inner);
    return close + 1;
  }
  return 0;
}

bool ReadParaMarker(std::string_view s, ParaMarker* m) {
  ParaMarker r;
  size_t i = SkipSpaces(s, 0);
  if (s.substr(i, kPilcrow.size()) == kPilcrow) {
    r.pilcrow = true;
    i = SkipSpaces(s, i + kPilcrow.size());
  }
  size_t digits = 0;
  const int n = LeadingNumber(s.substr(i), &digits);
  size_t j = i + digits;
  if (n >= 1 && digits <= 3) {
    if (j < s.size() && s[j] == '.') {
      if (j + 1 < s.size() && IsDigit(s[j + 1])) return false;  // "1.4 (b)" is a reason, not a label
      ++j;
    } else if (j < s.size() && s[j] == ')' && !r.pilcrow) {
      return false;  // "1) Conflict Resolution": an item of a list, not a paragraph
    } else if (j < s.size() && s[j] == ')') {
      ++j;  // "¶1)"
    } else if (j < s.size() && s[j] == ' ' && ReadMarking(s, SkipSpaces(s, j), nullptr)) {
      // "6 (C) ...": the period was lost
    } else if (!r.pilcrow) {
      return false;
    }
    r.number = n;
    r.label = std::string(s.substr(i, digits));
  } else if (i < s.size() && IsUpper(s[i]) && i + 1 < s.size() && (s[i + 1] == '.' || s[i + 1] == ')') &&
             (i + 2 == s.size() || s[i + 2] == ' ')) {
    // "¶B. THE HAGUE 814", "B) ...": a lettered item
    r.label = std::string(1, s[i]);
    j = i + 2;
  } else if (i < s.size() && s[i] == '(' && ReadMarking(s, i, nullptr)) {
    j = i;  // "(U) This message is sensitive ..."
  } else if (r.pilcrow) {
    j = i;
  } else {
    return false;
  }
  size_t k = SkipSpaces(s, j);
  if (const size_t e = ReadMarking(s, k, &r.marking); e > 0) k = e;
  r.end = r.marking.empty() ? j : k;
  if (m) *m = std::move(r);
  return true;
}

bool IsPageBreak(std::string_view line) {
  line = TrimView(line);
  // ... <serial> <page>[.<n>] OF <pages>
  const size_t of = line.rfind(" OF ");
  if (of == std::string_view::npos || line.size() > 60) return false;
  if (!AllDigits(TrimView(line.substr(of + 4)))) return false;
  std::string_view before = TrimRightOf(line.substr(0, of), "");
  const size_t sp = before.rfind(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view page = before.substr(sp + 1);
  if (const size_t dot = page.find('.'); dot != std::string_view::npos) {
    if (!AllDigits(page.substr(dot + 1))) return false;
    page = page.substr(0, dot);
  }
  if (!AllDigits(page)) return false;
  before = TrimView(before.substr(0, sp));
  const size_t sp2 = before.rfind(' ');
  if (sp2 == std::string_view::npos) return false;
  const std::string_view serial = before.substr(sp2 + 1);
  if (serial.size() < 5 || !AllDigits(serial)) return false;
  const std::string_view post = TrimView(before.substr(0, sp2));
  if (post.empty()) return false;
  for (char c : post) {
    if (!(IsUpper(c) || c == ' ' || c == '.' || c == '-')) return false;
  }
  return true;
}

bool IsRule(std::string_view line) {
  line = TrimView(line);
  size_t dashes = 0;
  for (char c : line) {
    if (c == '-') ++dashes;
    else if (c != ' ') return false;
  }
  return dashes >= 3;
}

bool RuledHeading(std::string_view line, size_t* start, size_t* length) {
  const std::string_view t = TrimView(line);
  if (t.size() < 8 || t.substr(0, 3) != "---" || t.substr(t.size() - 3) != "---") return false;
  size_t b = 0, e = t.size();
  while (b < e && (t[b] == '-' || t[b] == ' ')) ++b;
  while (e > b && (t[e - 1] == '-' || t[e - 1] == ' ')) --e;
  if (b >= e) return false;
  *start = static_cast<size_t>(t.data() - line.data()) + b;
  *length = e - b;
  return true;
}

bool IsTrailer(std::string_view line) {
  const std::string_view t = TrimView(line);
  if (t == "NNNN" || t == "BT" || t == "\"" || t == "\",") return true;
  if (StartsWithCI(t, "Track impresi") || t.find("Este documento es propiedad") != std::string_view::npos) return true;
  if (StartsWithCI(t, "ID:") && AllDigits(TrimView(t.substr(3)))) return true;
  // ">  2002ROME01196 - Classification: CONFIDENTIAL": a site's footer.
  if (t[0] == '>' && t.find("Classification:") != std::string_view::npos) return true;
  std::string word;
  const size_t end = MatchClassificationWord(t, 0, &word);
  return end != std::string_view::npos && TrimView(t.substr(end)).empty();
}

}  // namespace dossier::cable
