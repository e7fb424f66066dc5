// Reading the header fields of a cable (see header.h).
#include "header.h"

#include <algorithm>

#include "dates.h"
#include "markers.h"
#include "tables.h"

namespace dossier::cable {
namespace {

enum class Mark { kOther, kSipdis, kNoforn, kCorrected, kEo, kTags, kSubject, kRef, kClassifiedBy, kReason };

// `word` at the start of s (ignoring case), then spaces and a colon; returns
// the length consumed, or 0. Without colon_required, "WORD " also counts.
size_t Keyword(std::string_view s, std::string_view word, bool colon_required) {
  if (!StartsWithCI(s, word)) return 0;
  size_t i = word.size();
  size_t j = i;
  while (j < s.size() && s[j] == ' ') ++j;
  if (j < s.size() && s[j] == ':') return j + 1;
  if (colon_required) return 0;
  return i < s.size() && s[i] == ' ' ? i : 0;
}

// The field marker at the start of s, and where its value starts.
Mark MarkerAt(std::string_view s, bool glued, size_t* value) {
  *value = 0;
  if (s.substr(0, 6) == "SIPDIS") {
    *value = 6;
    return Mark::kSipdis;
  }
  if (s.substr(0, 6) == "NOFORN") {
    *value = 6;
    return Mark::kNoforn;
  }
  if (MatchEoMarker(s) > 0) return Mark::kEo;  // the whole line is the value
  if (size_t n = Keyword(s, "TAGS", true); n > 0) {
    *value = n;
    return Mark::kTags;
  }
  if (!glued && s.size() > 6 && StartsWithCI(s, "TAGS ") && (IsAlpha(s[5]) || s[5] == '[')) {
    *value = 5;
    return Mark::kTags;
  }
  for (std::string_view w : {"SUBJECT", "SUBJ"}) {
    if (size_t n = Keyword(s, w, true); n > 0) {
      *value = n;
      return Mark::kSubject;
    }
  }
  for (std::string_view w : {"REFTELS", "REFTEL", "REFS", "REF"}) {
    if (size_t n = Keyword(s, w, true); n > 0) {
      *value = n;
      return Mark::kRef;
    }
  }
  if (!glued && StartsWithCI(s, "REF ") && s.size() > 6) {
    // "REF A. STATE 1234", "REF (A) ...", "REF 08 LIMA 123": no colon
    const std::string_view r = s.substr(4);
    if ((IsUpper(r[0]) && (r[1] == '.' || r[1] == ')')) || (r[0] == '(' && r.size() > 2 && r[2] == ')') || IsDigit(r[0])) {
      *value = 4;
      return Mark::kRef;
    }
  }
  if (StartsWithCI(s, "CLASSIFIED BY")) {
    size_t n = 13;
    while (n < s.size() && s[n] == ' ') ++n;
    if (n < s.size() && s[n] == ':') ++n;
    *value = n;
    return Mark::kClassifiedBy;
  }
  for (std::string_view w : {"REASONS", "REASON"}) {
    if (Keyword(s, w, true) > 0) return Mark::kReason;  // kept in the value: the reason parser reads it
  }
  if (!glued && (Squeeze(s.substr(0, std::min<size_t>(s.size(), 40))).rfind("CORRECTEDCOPY", 0) == 0)) {
    return Mark::kCorrected;
  }
  return Mark::kOther;
}

struct Piece {
  size_t start = 0;  // left-trimmed
  size_t end = 0;
  Mark mark = Mark::kOther;
  size_t value = 0;  // offset where the value starts
};

// Splits text[ls, le) where field markers run into each other.
std::vector<Piece> SplitLine(std::string_view text, size_t ls, size_t le) {
  std::vector<Piece> pieces;
  const std::string_view line = TrimView(text.substr(ls, le - ls));
  if (line.empty()) return pieces;
  const size_t base = static_cast<size_t>(line.data() - text.data());
  size_t value = 0;
  Piece cur{base, base + line.size(), MarkerAt(line, false, &value), 0};
  cur.value = base + value;
  for (size_t i = 1; i < line.size(); ++i) {
    // The initials of the markers (SIPDIS, SUBJECT, NOFORN, E.O., TAGS, REF,
    // REASON, CLASSIFIED BY): anything else cannot start one.
    static constexpr std::string_view kInitials = "SNEeTtRrCc";
    if (kInitials.find(line[i]) == std::string_view::npos) continue;
    const std::string_view rest = line.substr(i);
    const Mark m = MarkerAt(rest, true, &value);
    if (m == Mark::kOther || m == Mark::kCorrected) continue;
    if ((m == Mark::kClassifiedBy || m == Mark::kReason) && !AtWordStart(line, i)) continue;
    // "Reason: E.O. 12958 1.4 (b)" cites the order; it is not the E.O. line.
    if (m == Mark::kEo && FindCI(line.substr(i >= 24 ? i - 24 : 0, std::min<size_t>(i, 24)), "REASON") != std::string_view::npos) {
      continue;
    }
    // A caveat glued inside a word of the value is not one ("NOFORNS").
    if ((m == Mark::kSipdis || m == Mark::kNoforn) && i + 6 < line.size() && IsLower(line[i + 6])) continue;
    const size_t at = base + i;
    cur.end = at;
    if (!TrimView(text.substr(cur.start, cur.end - cur.start)).empty()) pieces.push_back(cur);
    cur = Piece{at, base + line.size(), m, at + value};
    i += std::max<size_t>(value, 1) - 1;
  }
  pieces.push_back(cur);
  return pieces;
}

std::string_view PieceText(std::string_view text, const Piece& p) { return text.substr(p.start, p.end - p.start); }

// A line of the header made of handling caveats only: "SENSITIVE",
// "NOFORN", "SENSITIVE BUT UNCLASSIFIED", "ENSITIVE" (a typo).
bool ReadCaveatLine(std::string_view text, const Piece& p, Cable* cable) {
  const std::string_view line = PieceText(text, p);
  std::vector<std::pair<std::string, size_t>> found;
  std::vector<std::string> notes;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (IsSpace(line[i]) || line[i] == '/' || line[i] == ',')) ++i;
    size_t j = i;
    while (j < line.size() && IsAlpha(line[j])) ++j;
    if (j == i) {
      if (i < line.size()) return false;
      break;
    }
    const std::string word = ToUpper(line.substr(i, j - i));
    if (found.size() == kMaxListItems) break;
    if (IsCaveatWord(word)) {
      found.emplace_back(word, p.start + i);
    } else if ((word == "BUT" || word == "UNCLASSIFIED") && !found.empty() && found.back().first == "SENSITIVE") {
      // "SENSITIVE BUT UNCLASSIFIED" is the SENSITIVE caveat spelt out
    } else if (word.size() >= 5 && EditDistance(word, "SENSITIVE", 1) <= 1) {
      found.emplace_back("SENSITIVE", p.start + i);
      notes.push_back("caveat \"" + std::string(line.substr(i, j - i)) + "\" read as SENSITIVE");
    } else if (word.size() >= 5 && EditDistance(word, "NOFORN", 1) <= 1) {
      found.emplace_back("NOFORN", p.start + i);
      notes.push_back("caveat \"" + std::string(line.substr(i, j - i)) + "\" read as NOFORN");
    } else {
      return false;
    }
    i = j;
  }
  if (found.empty()) return false;
  for (auto& [word, at] : found) {
    cable->caveats.push_back({word, {static_cast<int64_t>(at), static_cast<int64_t>(at + word.size())}});
  }
  cable->notes.insert(cable->notes.end(), notes.begin(), notes.end());
  return true;
}

bool IsTagToken(std::string_view word) {
  if (word.size() < 2 || word.size() > 6) return false;
  for (char c : word) {
    if (!IsUpper(c)) return false;
  }
  return true;
}

// "PREL, IN, IR" under a TAGS line: more codes, not the subject.
bool LooksLikeMoreTags(std::string_view line) {
  line = TrimView(line);
  if (line.empty() || line.size() > 80 || line.find(':') != std::string_view::npos) return false;
  size_t words = 0, known = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == ',')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != ',') ++j;
    if (j > i) {
      const std::string_view w = line.substr(i, j - i);
      if (!IsTagToken(w)) return false;
      ++words;
      known += !TagMeaning(w).empty() || CountryByTag(w) != nullptr;
    }
    i = j;
  }
  return words > 0 && known * 2 >= words;
}

// A REF item on a line of its own: "¶B. THE HAGUE 814", "B) BAKU 1186", "(C) 02 BRASILIA 2670".
bool StartsRefItem(std::string_view line) {
  line = TrimView(line);
  if (line.substr(0, 2) == "\xC2\xB6") line = TrimView(line.substr(2));
  if (line.size() >= 3 && IsUpper(line[0]) && (line[1] == '.' || line[1] == ')') && line[2] == ' ') return true;
  return line.size() >= 4 && line[0] == '(' && IsUpper(line[1]) && line[2] == ')';
}

bool LooksLikeOffice(std::string_view line) {
  const std::string up = ToUpper(line);
  return up.find(" FOR ") != std::string::npos || up.rfind("FOR ", 0) == 0 || up.find("PASS") != std::string::npos ||
         up.find("ALSO ") != std::string::npos;
}

// The last line (before the first numbered paragraph) that opens a core
// header field: unknown lines above it are office lines, below it the body.
size_t CoreLimit(std::string_view text, const std::vector<Line>& lines, size_t first, size_t from) {
  size_t limit = from;
  for (size_t li = first; li < lines.size() && li < first + 60; ++li) {
    const size_t ls = li == first ? from : lines[li].start;
    const std::string_view t = TrimView(text.substr(ls, lines[li].end - ls));
    if (t.empty()) continue;
    ParaMarker pm;
    if (ReadParaMarker(t, &pm) && (pm.number >= 0 || (!pm.marking.empty() && pm.label.empty()))) break;
    for (const Piece& p : SplitLine(text, ls, lines[li].end)) {
      if (p.mark == Mark::kEo || p.mark == Mark::kTags || p.mark == Mark::kSubject) limit = lines[li].end;
    }
  }
  return limit;
}

}  // namespace

size_t MatchEoMarker(std::string_view s) {
  // "E.O. 12958", "E. O. 12958", "EO 12958", "E.0. 12958", "E.O.12958", any case.
  size_t i = 0;
  if (i >= s.size() || Upper(s[i]) != 'E') return 0;
  ++i;
  if (i < s.size() && s[i] == '.') ++i;
  if (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() || (Upper(s[i]) != 'O' && s[i] != '0')) return 0;
  ++i;
  if (i < s.size() && s[i] == '.') ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  size_t digits = 0;
  LeadingNumber(s.substr(i), &digits);
  if (digits != 5 || s[i] != '1') return 0;
  return i + digits;
}

ClassifiedBy ParseClassifiedBy(std::string_view value) {
  ClassifiedBy out;
  std::string v = CollapseSpaces(value);
  // "Classified By: Classifed by POL M/C ...": the marker typed twice.
  for (std::string_view again : {"classified by", "classifed by"}) {
    if (StartsWithCI(v, again)) {
      v = std::string(TrimRightOf(std::string_view(v).substr(again.size()), ""));
      if (!v.empty() && v[0] == ':') v = std::string(TrimView(std::string_view(v).substr(1)));
    }
  }
  // Where the reason starts: "for reasons", "reason(s):", "; reason", or the
  // bare section number "1.4 (b)".
  size_t cut = std::string::npos;
  for (std::string_view w : {" for reason", "; reason", ", reason", ". reason", " reason", "reason"}) {
    const size_t at = FindCI(v, w);
    if (at != std::string::npos && (w[0] != 'r' || at == 0 || !IsAlpha(v[at - 1]))) {
      cut = std::min(cut, at);
    }
  }
  for (size_t i = 1; i + 2 < v.size(); ++i) {
    if (v[i] == '1' && v[i + 1] == '.' && (v[i + 2] == '4' || v[i + 2] == '5') && !IsAlnum(v[i - 1])) {
      cut = std::min(cut, i);
      break;
    }
  }
  std::string who = v.substr(0, std::min(cut, v.size()));
  if (cut != std::string::npos) {
    std::string_view rest = std::string_view(v).substr(cut);
    const size_t digit = rest.find_first_of("0123456789");
    const std::string_view reason = digit == std::string_view::npos ? rest : rest.substr(digit);
    out.reason = std::string(TrimRightOf(reason, ".;,"));
  }
  std::string_view w = TrimRightOf(who, ",;:");
  if (!w.empty() && w.back() == '.' && !(w.size() >= 2 && IsUpper(w[w.size() - 2]) && (w.size() < 3 || !IsAlpha(w[w.size() - 3])))) {
    w.remove_suffix(1);  // a sentence's period, not an initial's ("S.")
  }
  w = TrimView(w);
  // "Christopher Beede, Pol/Econ Section Chief, U.S. Consulate ...": name first.
  std::string_view head = w, tail;
  if (const size_t comma = w.find(','); comma != std::string_view::npos) {
    head = TrimView(w.substr(0, comma));
    tail = TrimView(w.substr(comma + 1));
  }
  std::vector<std::string_view> words;
  for (size_t i = 0; i < head.size();) {
    while (i < head.size() && head[i] == ' ') ++i;
    size_t j = i;
    while (j < head.size() && head[j] != ' ') ++j;
    if (j > i) words.push_back(head.substr(i, j - i));
    i = j;
  }
  size_t last_title = std::string::npos;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (IsTitleWord(words[i])) last_title = i;
  }
  auto join = [&](size_t b, size_t e) {
    std::string s;
    for (size_t i = b; i < e; ++i) s += (s.empty() ? "" : " ") + std::string(words[i]);
    return s;
  };
  if (last_title == std::string::npos) {
    out.name = std::string(head);
    out.title = std::string(tail);
  } else {
    out.title = join(0, last_title + 1);
    out.name = join(last_title + 1, words.size());
    if (!tail.empty()) out.title += ", " + std::string(tail);
  }
  return out;
}

void ParseTags(const Chunks& content, Cable* cable) {
  const std::string& s = content.str();
  std::string last;
  std::vector<std::string> annotation;
  bool markdown = false;
  auto flush_annotation = [&] {
    if (annotation.empty()) return;
    std::string words;
    for (const auto& a : annotation) words += (words.empty() ? "" : " ") + a;
    cable->notes.push_back("TAGS: \"" + words + "\" is not a code" + (last.empty() ? "" : "; read as a note on " + last));
    annotation.clear();
  };
  auto add = [&](const std::string& code, size_t b, size_t e) {
    flush_annotation();
    cable->tags.push_back({code, content.SpanOf(b, e)});
    last = code;
  };
  size_t i = 0;
  while (i < s.size()) {
    if (cable->tags.size() + annotation.size() >= kMaxListItems) {
      cable->notes.push_back("TAGS: more than " + std::to_string(kMaxListItems) + " words; the rest stay in the text");
      break;
    }
    const char c = s[i];
    if (c == '(') {
      const size_t close = s.find(')', i);
      const size_t end = close == std::string::npos ? s.size() : close + 1;
      const std::string_view inner = TrimView(std::string_view(s).substr(i + 1, end - i - 2 + (close == std::string::npos)));
      if (inner == "#") {
        markdown = true;
      } else if (!inner.empty()) {
        annotation.push_back("(" + std::string(inner) + ")");
        flush_annotation();
      }
      i = end;
      continue;
    }
    if (!IsAlpha(c)) {
      if (c == '[' || c == ']') markdown = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsAlpha(s[j])) ++j;
    const std::string word = ToUpper(std::string_view(s).substr(i, j - i));
    const bool known = !TagMeaning(word).empty() || (word.size() == 2 && CountryByTag(word));
    static constexpr std::string_view kStop[] = {"AND", "THE", "OF", "FOR", "TO", "BY", "ON"};
    if (known) {
      add(word, i, j);
    } else if (std::find(std::begin(kStop), std::end(kStop), word) != std::end(kStop) || word.size() < 2) {
      annotation.push_back(std::string(std::string_view(s).substr(i, j - i)));
    } else if (word.size() <= 5) {
      // One letter too many: "POGOV" for PGOV, "PTERS" for PTER.
      std::string fixed;
      for (size_t k = 0; k < word.size() && word.size() == 5; ++k) {
        std::string shorter = word;
        shorter.erase(k, 1);
        if (!TagMeaning(shorter).empty()) {
          fixed = shorter;
          break;
        }
      }
      if (!fixed.empty()) {
        cable->notes.push_back("TAGS: \"" + word + "\" read as " + fixed);
        add(fixed, i, j);
      } else {
        add(word, i, j);  // a code the table does not know: kept as written
      }
    } else {
      // Codes run together ("EINDETRD"): split when the whole word is made of known codes.
      std::vector<int> from(word.size() + 1, -1);
      from[0] = 0;
      for (size_t a = 0; a < word.size(); ++a) {
        if (from[a] < 0) continue;
        for (size_t len : {2u, 3u, 4u, 5u}) {
          if (a + len > word.size()) break;
          const std::string part = word.substr(a, len);
          if (!TagMeaning(part).empty() || (len == 2 && CountryByTag(part))) from[a + len] = static_cast<int>(a);
        }
      }
      if (from[word.size()] >= 0) {
        std::vector<std::pair<size_t, size_t>> parts;
        for (size_t e = word.size(); e > 0; e = static_cast<size_t>(from[e])) parts.emplace_back(from[e], e);
        std::reverse(parts.begin(), parts.end());
        std::string list;
        for (const auto& [b, e] : parts) list += (list.empty() ? "" : " ") + word.substr(b, e - b);
        cable->notes.push_back("TAGS: \"" + word + "\" read as " + list);
        for (const auto& [b, e] : parts) add(word.substr(b, e - b), i + b, i + e);
      } else {
        annotation.push_back(std::string(std::string_view(s).substr(i, j - i)));
      }
    }
    i = j;
  }
  flush_annotation();
  if (markdown) cable->notes.push_back("TAGS carry leftover link markup");
}

HeaderResult ParseHeader(std::string_view text, const std::vector<Line>& lines, size_t from, Cable* cable) {
  HeaderResult r;
  r.body_start = text.size();
  size_t first = 0;
  while (first < lines.size() && lines[first].end < from) ++first;
  const size_t core_limit = CoreLimit(text, lines, first, from);

  enum class In { kNone, kOffice, kEo, kTags, kSubject, kRef, kClassifiedBy } field = In::kNone;
  bool blank = false;  // a blank line since the field's last line
  int field_lines = 0;
  bool seen_tags = false;
  Chunks subject, eo, tags, classified_by;

  auto start_field = [&](In f) {
    field = f;
    field_lines = 1;
  };
  for (size_t li = first; li < lines.size(); ++li) {
    const size_t ls = li == first ? std::max(from, lines[li].start) : lines[li].start;
    const size_t le = lines[li].end;
    const std::string_view line = text.substr(ls, le - ls);
    if (IsBlank(line) || IsPageBreak(line)) {
      blank = true;
      continue;
    }
    for (const Piece& p : SplitLine(text, ls, le)) {
      const std::string_view pt = PieceText(text, p);
      const std::string_view value = TrimView(text.substr(p.value, p.end - p.value));
      const size_t vs = static_cast<size_t>(value.data() - text.data());
      switch (p.mark) {
        case Mark::kSipdis:
          cable->caveats.push_back({"SIPDIS", {static_cast<int64_t>(p.start), static_cast<int64_t>(p.start + 6)}});
          field = In::kNone;
          continue;
        case Mark::kNoforn:
          cable->caveats.push_back({"NOFORN", {static_cast<int64_t>(p.start), static_cast<int64_t>(p.start + 6)}});
          field = In::kNone;
          continue;
        case Mark::kCorrected:
          cable->notes.push_back("a corrected copy: \"" + CollapseSpaces(pt) + "\"");
          field = In::kNone;
          continue;
        case Mark::kEo:
          if (eo.empty()) eo.Add(text, p.start, p.end);
          start_field(In::kEo);
          continue;
        case Mark::kTags:
          tags.Add(text, vs, vs + value.size());
          seen_tags = true;
          start_field(In::kTags);
          continue;
        case Mark::kSubject:
          if (subject.empty()) {
            subject.Add(text, vs, vs + value.size());
            start_field(In::kSubject);
          } else {
            field = In::kNone;
          }
          continue;
        case Mark::kRef:
          r.refs.Add(text, vs, vs + value.size());
          start_field(In::kRef);
          continue;
        case Mark::kClassifiedBy:
          if (classified_by.empty()) {
            classified_by.Add(text, vs, vs + value.size());
            start_field(In::kClassifiedBy);
          }
          continue;
        case Mark::kReason:
          classified_by.Add(text, p.start, p.end);
          start_field(In::kClassifiedBy);
          continue;
        case Mark::kOther:
          break;
      }
      // A line that is no field marker: the rest of the field above, a
      // caveat, an office line, or the start of the body.
      ParaMarker pm;
      const bool para = ReadParaMarker(pt, &pm);
      const bool numbered = para && (pm.number >= 0 || (pm.pilcrow && pm.label.empty()));
      if (!blank && field == In::kSubject && field_lines < 4 && !para && !IsRule(pt)) {
        subject.Add(text, p.start, p.end);
        ++field_lines;
        continue;
      }
      if (!blank && field == In::kTags && LooksLikeMoreTags(pt)) {
        tags.Add(text, p.start, p.end);
        continue;
      }
      // More REF items: lettered lines, or (before any blank line) short lines
      // naming a serial. Either way they hold a number: "(U) This message is
      // sensitive ..." after a REF is the body's first paragraph, not item U.
      const bool has_number = pt.find_first_of("0123456789") != std::string_view::npos && pt.size() < 120;
      if (field == In::kRef && has_number && (StartsRefItem(pt) || (!blank && !numbered))) {
        r.refs.Add(text, p.start, p.end);
        continue;
      }
      if (!blank && field == In::kClassifiedBy && field_lines < 4 && !numbered &&
          (pm.marking.empty() || !EndsSentence(classified_by.str()))) {
        classified_by.Add(text, p.start, p.end);
        ++field_lines;
        continue;
      }
      if (ReadCaveatLine(text, p, cable)) {
        field = In::kNone;
        continue;
      }
      if (para || IsRule(pt)) {
        r.body_start = p.start;
        goto done;
      }
      size_t hs = 0, hl = 0;
      if (RuledHeading(pt, &hs, &hl) || StartsWithCI(pt, "SUMMARY")) {
        r.body_start = p.start;
        goto done;
      }
      if (p.end <= core_limit || (field == In::kNone && eo.empty() && tags.empty() && subject.empty() && LooksLikeOffice(pt))) {
        // An office line, or the rest of one left unfinished above ("... NSC FOR" / "SCHEINMAN, CONNERY").
        const bool unfinished = !cable->office_lines.empty() && [&] {
          const std::string& prev = cable->office_lines.back().value;
          return !prev.empty() && (prev.back() == ',' || prev.back() == ';' || prev.back() == '/' ||
                                   (prev.size() > 4 && (prev.compare(prev.size() - 4, 4, " FOR") == 0 ||
                                                        prev.compare(prev.size() - 4, 4, " AND") == 0)));
        }();
        if (field == In::kOffice && !blank && unfinished) {
          Field& last = cable->office_lines.back();
          last.value += " " + CollapseSpaces(pt);
          last.span.end = static_cast<int64_t>(p.end);
        } else {
          cable->office_lines.push_back({CollapseSpaces(pt), {static_cast<int64_t>(p.start), static_cast<int64_t>(p.end)}});
        }
        field = In::kOffice;
        blank = false;
        continue;
      }
      if (subject.empty() && seen_tags && MostlyUpper(pt) && pt.size() <= 200 && !EndsSentence(pt)) {
        subject.Add(text, p.start, p.end);
        cable->notes.push_back("the subject line has no SUBJECT marker");
        start_field(In::kSubject);
        blank = false;
        continue;
      }
      r.body_start = p.start;
      goto done;
    }
    blank = false;
  }
done:
  if (!eo.empty()) {
    const std::string& e = eo.str();
    cable->eo = {CollapseSpaces(e), eo.SpanOf(0, e.size())};
    const size_t decl = FindCI(e, "DECL");
    if (decl != std::string::npos) {
      size_t k = decl + 4;
      while (k < e.size() && (e[k] == ':' || e[k] == ' ')) ++k;
      size_t end = k;
      while (end < e.size() && e[end] != ' ') ++end;
      const std::string_view when = std::string_view(e).substr(k, end - k);
      cable->declassify_on = ParseSlashDate(when);
      if (cable->declassify_on.empty() && when.find('/') != std::string_view::npos && !EqualsCI(when, "N/A")) {
        cable->notes.push_back("declassification date \"" + std::string(when) + "\" is not a date");
      }
    }
  }
  if (!tags.empty()) ParseTags(tags, cable);
  if (!subject.empty()) {
    std::string s = CollapseSpaces(subject.str());
    std::string marking;
    if (const size_t e = ReadMarking(s, 0, &marking); e > 0) s = std::string(TrimView(std::string_view(s).substr(e)));
    cable->subject = {s, subject.SpanOf(0, subject.str().size())};
  }
  if (!classified_by.empty()) {
    cable->classified_by = ParseClassifiedBy(classified_by.str());
    cable->classified_by.span = classified_by.SpanOf(0, classified_by.str().size());
  }
  if (!r.refs.empty()) r.refs_span = r.refs.SpanOf(0, r.refs.str().size());
  return r;
}

}  // namespace dossier::cable
