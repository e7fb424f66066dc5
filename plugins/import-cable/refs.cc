// Reading REF items into reference ids (see refs.h).
#include "refs.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

#include "dates.h"
#include "tables.h"
#include "text_util.h"

namespace dossier::cable {
namespace {

// Words that start something that is not a cable: "IIR 6 876 0037 08",
// "STATE-LONDON SVTC MAY 9", "HOWARD-KESHAP E-MAIL 09MAR07".
constexpr std::string_view kNotPosts[] = {
    "IIR",   "EMAIL", "MAIL",  "TELCON", "MEMCON",  "FAX",  "LETTER", "SVTC", "NOTAL", "AND",   "PREVIOUS",
    "DTG",   "PARA",  "PARAS", "PARAGRAPH", "SECTION", "PAGE", "UNSCR", "RESOLUTION", "ARTICLE", "LAW",
    "DATED", "OF",    "ON",    "SEPTEL", "TEL",    "CABLE", "REFTEL", "NO", "NUMBER", "ITEM", "PART"};

bool IsNotPost(std::string_view word) {
  const std::string up = ToUpper(word);
  if (MonthNumber(up) > 0) return true;
  return std::find(std::begin(kNotPosts), std::end(kNotPosts), up) != std::end(kNotPosts);
}

struct Label {
  size_t start = 0;  // where the label begins (its ¶ or letter)
  size_t end = 0;    // where the item's text begins
  char letter = 0;
};

// A label at s[i]: "A.", "A)", "(A)", "¶B.", "A. A." (typed twice).
bool ReadLabel(const std::string& s, size_t i, Label* out) {
  if (i > 0) {
    const char prev = s[i - 1];
    if (!(IsSpace(prev) || prev == '\n' || prev == ';' || prev == ',' || prev == ':')) return false;
  }
  size_t j = i;
  if (s.compare(j, 2, "\xC2\xB6") == 0) {
    j += 2;
    while (j < s.size() && s[j] == ' ') ++j;
  }
  char letter = 0;
  if (j + 2 < s.size() + 1 && j + 1 < s.size() && IsUpper(s[j]) && (s[j + 1] == '.' || s[j + 1] == ')')) {
    letter = s[j];
    j += 2;
  } else if (j + 2 < s.size() && s[j] == '(' && IsUpper(s[j + 1]) && s[j + 2] == ')') {
    letter = s[j + 1];
    j += 3;
  } else {
    return false;
  }
  if (j < s.size() && !(IsSpace(s[j]) || s[j] == '\n')) return false;
  while (j < s.size() && (IsSpace(s[j]) || s[j] == '\n')) ++j;
  // "A. A. STATE 154174": the label typed twice.
  if (j + 2 < s.size() && s[j] == letter && (s[j + 1] == '.' || s[j + 1] == ')') && IsSpace(s[j + 2])) {
    j += 2;
    while (j < s.size() && IsSpace(s[j])) ++j;
  }
  *out = {i, j, letter};
  return true;
}

struct Found {
  size_t start = 0, end = 0;
  int year = -1;  // four digits, -1 when the item gives none
  std::string post_key;
  std::vector<std::string> serials;
  bool known_post = false;
};

// How many digits run from s[i].
size_t Digits(const std::string& s, size_t i) {
  size_t n = 0;
  LeadingNumber(std::string_view(s).substr(std::min(i, s.size())), &n);
  return n;
}

std::string Serial(std::string_view digits) {
  std::string s(digits);
  s.erase(0, s.find_first_not_of('0'));
  return s;
}

// A cable reference starting at s[p]: [YY |YYYY |YY]POST SERIAL [(YY)|--DD/MON/YYYY] [AND SERIAL].
bool ReadCableRef(const std::string& s, size_t p, size_t e, Found* out) {
  Found f;
  f.start = p;
  size_t q = p;
  bool glued_year = false;
  if (IsDigit(s[q])) {
    const size_t n = Digits(s, q);
    const int v = LeadingNumber(std::string_view(s).substr(q, n));
    if (n == 4 && q + n < e && s[q + n] == ' ' && v >= 1966 && v <= 2030) {
      f.year = v;
    } else if (n == 2 && q + n < e && s[q + n] == ' ') {
      f.year = ExpandYear(v);
    } else if (n == 2 && q + n < e && IsAlpha(s[q + n])) {
      f.year = ExpandYear(v);
      glued_year = true;
    } else {
      return false;
    }
    q += n;
    while (q < e && s[q] == ' ') ++q;
  }
  // Post words, then the serial.
  std::vector<std::string_view> words;
  size_t serial_at = 0;
  while (q < e && words.size() < 5) {
    size_t w = q;
    while (w < e && (IsAlpha(s[w]) || s[w] == '\'' || s[w] == '.')) ++w;
    if (w == q) return false;
    words.push_back(std::string_view(s).substr(q, w - q));
    if (glued_year && w < e && IsDigit(s[w]) && words.size() == 1) {  // "09BAMAKO280"
      serial_at = w;
      break;
    }
    size_t sp = w;
    while (sp < e && s[sp] == ' ') ++sp;
    if (sp == w || sp >= e) return false;
    if (IsDigit(s[sp])) {
      serial_at = sp;
      break;
    }
    q = sp;
  }
  if (serial_at == 0) return false;
  const size_t n = Digits(s, serial_at);
  if (n == 0 || n > 6 || (serial_at + n < e && IsAlpha(s[serial_at + n]))) return false;
  std::string post;
  for (auto w : words) post += (post.empty() ? "" : " ") + std::string(TrimRightOf(w, "."));
  for (auto w : words) {
    if (IsNotPost(TrimRightOf(w, "."))) return false;
  }
  f.post_key = PostKey(post);
  f.known_post = PostByKey(f.post_key) != nullptr;
  const std::string serial = Serial(std::string_view(s).substr(serial_at, n));
  if (serial.empty()) return false;
  f.serials.push_back(serial);
  size_t end = serial_at + n;
  // "(08)": the year after the serial; "--05/DEC/2008": the date.
  if (end + 4 <= e && s[end] == ' ' && s[end + 1] == '(' && IsDigit(s[end + 2]) && IsDigit(s[end + 3]) && end + 4 < e &&
      s[end + 4] == ')') {
    f.year = ExpandYear((s[end + 2] - '0') * 10 + (s[end + 3] - '0'));
    end += 5;
  } else if (end + 4 <= e && s[end] == '(' && IsDigit(s[end + 1]) && IsDigit(s[end + 2]) && s[end + 3] == ')') {
    f.year = ExpandYear((s[end + 1] - '0') * 10 + (s[end + 2] - '0'));
    end += 4;
  } else if (end + 2 < e && s[end] == '-' && s[end + 1] == '-') {
    // Looked for after the serial only: a look back to the start of the text
    // for each such item made a long REF quadratic.
    const size_t last = std::min(e, end + 14);
    const size_t in = last > end ? std::string_view(s).substr(end + 1, last - end).rfind('/') : std::string::npos;
    const size_t slash = in == std::string::npos ? std::string::npos : end + 1 + in;
    if (slash != std::string::npos && slash > end && Digits(s, slash + 1) == 4) {
      f.year = LeadingNumber(std::string_view(s).substr(slash + 1, 4));
      end = slash + 5;
    }
  }
  // "41252 AND 44603": another cable of the same post and year.
  for (;;) {
    size_t k = end;
    while (k < e && s[k] == ' ') ++k;
    if (!(k + 4 < e && StartsWithCI(std::string_view(s).substr(k), "AND "))) break;
    k += 4;
    while (k < e && s[k] == ' ') ++k;
    const size_t m = Digits(s, k);
    if (m == 0 || m > 6 || (k + m < e && IsAlnum(s[k + m])) || f.serials.size() == kMaxListItems) break;
    f.serials.push_back(Serial(std::string_view(s).substr(k, m)));
    end = k + m;
  }
  f.end = end;
  *out = std::move(f);
  return true;
}

// The item text without its punctuation and "(NOTAL)": what is left when a
// lone unknown post must be the whole item to be believed.
std::string Bare(std::string_view item) {
  std::string up = ToUpper(item);
  for (const char* drop : {"(NOTAL)", "NOTAL"}) {
    for (size_t at = up.find(drop); at != std::string::npos; at = up.find(drop)) up.erase(at, std::strlen(drop));
  }
  return std::string(TrimRightOf(up, ".,;:()"));
}

}  // namespace

std::string PostKey(std::string_view post) { return std::string(CanonicalPostKey(Squeeze(post))); }

bool IsReferenceId(std::string_view s) {
  s = TrimView(s);
  if (s.size() < 5 || !IsDigit(s[0]) || !IsDigit(s[1]) || !IsUpper(s[2])) return false;
  size_t i = 2;
  while (i < s.size() && IsUpper(s[i])) ++i;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

bool SplitReferenceId(std::string_view id, int* year, std::string* post_key, std::string* serial) {
  id = TrimView(id);
  if (id.size() < 5 || !IsDigit(id[0]) || !IsDigit(id[1])) return false;
  size_t i = 2;
  while (i < id.size() && IsAlpha(id[i])) ++i;
  if (i == 2 || i == id.size()) return false;
  for (size_t k = i; k < id.size(); ++k) {
    if (!IsDigit(id[k])) return false;
  }
  *year = ExpandYear((id[0] - '0') * 10 + (id[1] - '0'));
  *post_key = PostKey(id.substr(2, i - 2));
  *serial = Serial(id.substr(i));
  return !serial->empty();
}

std::string ReferenceId(int year, std::string_view post_key, std::string_view serial) {
  char yy[8];
  std::snprintf(yy, sizeof yy, "%02d", year % 100);
  return yy + std::string(post_key) + std::string(serial);
}

void ParseRefs(const Chunks& content, const RefContext& context, Cable* cable) {
  const std::string& s = content.str();
  // Items run from one label to the next.
  std::vector<Label> labels;
  for (size_t i = 0; i < s.size() && labels.size() < kMaxListItems; ++i) {
    Label l;
    if (ReadLabel(s, i, &l)) {
      labels.push_back(l);
      i = l.end - 1;
    }
  }
  struct Item {
    size_t start, end;
    std::string label;
  };
  std::vector<Item> items;
  const size_t first = labels.empty() ? s.size() : labels[0].start;
  if (!TrimView(std::string_view(s).substr(0, first)).empty()) items.push_back({0, first, ""});
  for (size_t k = 0; k < labels.size(); ++k) {
    const size_t end = k + 1 < labels.size() ? labels[k + 1].start : s.size();
    items.push_back({labels[k].end, end, std::string(1, labels[k].letter)});
  }

  size_t left_out = 0;
  std::set<std::string> ids;  // of the refs so far, each kept once
  for (const Ref& r : cable->refs) ids.insert(r.id);
  for (const Item& item : items) {
    if (cable->refs.size() + cable->other_refs.size() >= kMaxListItems) {
      ++left_out;
      continue;
    }
    const std::string_view item_text = TrimRightOf(std::string_view(s).substr(item.start, item.end - item.start), ";,");
    std::vector<Found> found;
    for (size_t p = item.start; p < item.end; ++p) {
      if (p > item.start && IsAlnum(s[p - 1])) continue;
      if (!IsAlnum(s[p])) continue;
      Found f;
      if (!ReadCableRef(s, p, item.end, &f)) continue;
      if (!f.known_post) {
        // An unknown post is believed only when it is the whole item: "KIGALI 830".
        const std::string whole = Bare(item_text);
        const std::string match = Bare(std::string_view(s).substr(f.start, f.end - f.start));
        bool upper = true;
        for (size_t i = f.start; i < f.end; ++i) upper &= !IsLower(s[i]);
        if (whole != match || !upper) continue;
        cable->notes.push_back("REF: post \"" + f.post_key + "\" is not in the post table");
      }
      found.push_back(f);
      p = f.end;
      if (found.size() == kMaxListItems) break;
    }
    if (found.empty()) {
      const std::string text = CollapseSpaces(item_text);
      if (!text.empty()) {
        Ref r;
        r.label = item.label;
        r.text = text;
        r.span = content.SpanOf(item.start, item.start + item_text.size());
        cable->other_refs.push_back(std::move(r));
      }
      continue;
    }
    for (const Found& f : found) {
      for (const std::string& serial : f.serials) {
        Ref r;
        r.label = item.label;
        r.text = CollapseSpaces(found.size() == 1 ? item_text : std::string_view(s).substr(f.start, f.end - f.start));
        r.span = content.SpanOf(f.start, f.end);
        int year = f.year;
        if (year < 0) {
          year = context.year;
          r.year_inferred = true;
          if (year > 0 && f.post_key == context.post_key && std::atol(serial.c_str()) > context.serial) {
            --year;
            cable->notes.push_back("REF \"" + r.text + "\": serial above this cable's own, so from " + std::to_string(year));
          }
        }
        if (year <= 0) {
          cable->notes.push_back("REF \"" + r.text + "\": no year, so no reference id");
          if (cable->refs.size() + cable->other_refs.size() < kMaxListItems) cable->other_refs.push_back(std::move(r));
          continue;
        }
        r.id = ReferenceId(year, f.post_key, serial);
        if (cable->refs.size() + cable->other_refs.size() >= kMaxListItems) {
          ++left_out;
          continue;
        }
        if (ids.insert(r.id).second) cable->refs.push_back(std::move(r));
      }
    }
  }
  if (left_out > 0 || labels.size() == kMaxListItems) {
    cable->notes.push_back("REF: more than " + std::to_string(kMaxListItems) + " items; the rest stay in the text");
  }
}

}  // namespace dossier::cable
