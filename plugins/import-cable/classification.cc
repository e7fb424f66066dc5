// Reading the classification line (see classification.h).
#include "classification.h"

#include "cable.h"
#include "text_util.h"

namespace dossier::cable {
namespace {

// Matches `word` at s[pos], ignoring case. Typists and converters spaced the
// letters of classification words ("S E C R E T", "CO N F I D E N T I A L"),
// so a single space may stand between any two letters; a space inside `word`
// matches a run of spaces. *spaced tells whether letters were spaced out.
// Returns the end of the match, or npos.
size_t MatchSpaced(std::string_view s, size_t pos, std::string_view word, bool* spaced = nullptr) {
  size_t i = pos;
  bool any_space = false;
  for (size_t k = 0; k < word.size(); ++k) {
    const char w = word[k];
    if (w == ' ') {
      if (i >= s.size() || s[i] != ' ') return std::string_view::npos;
      while (i < s.size() && s[i] == ' ') ++i;
      continue;
    }
    if (k > 0 && word[k - 1] != ' ' && i + 1 < s.size() && s[i] == ' ' && Upper(s[i + 1]) == w) {
      ++i;
      any_space = true;
    }
    if (i >= s.size() || Upper(s[i]) != w) return std::string_view::npos;
    ++i;
  }
  if (spaced) *spaced = any_space;
  return i;
}

struct CaveatForm {
  std::string_view spelled;
  std::string_view canonical;
};
// Caveats that may stand between the classification and the post.
constexpr CaveatForm kLineCaveats[] = {{"EFTO", "EFTO"}, {"NOFORN", "NOFORN"}, {"SENSITIVE", "SENSITIVE"},
                                       {"EXDIS", "EXDIS"}, {"NODIS", "NODIS"},   {"LIMDIS", "LIMDIS"}};

}  // namespace

size_t MatchClassificationWord(std::string_view s, size_t pos, std::string* word, bool* doubled_letter) {
  static constexpr std::string_view kWords[] = {"TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "UNCLAS",
                                                "LIMITED OFFICIAL USE"};
  // "SS E C R E T", "UUNCLAS": the first letter struck twice.
  const bool doubled = pos + 1 < s.size() && IsAlpha(s[pos]) && Upper(s[pos]) == Upper(s[pos + 1]);
  for (size_t at : {pos, pos + 1}) {
    if (at == pos + 1 && !doubled) break;
    for (std::string_view w : kWords) {
      bool spaced = false;
      const size_t end = MatchSpaced(s, at, w, &spaced);
      // The word must end there ("SECRETARY" is not "SECRET"); a spaced-out
      // word may run straight into the post ("C O N F I D E N T I A LCAIRO").
      if (end != std::string_view::npos && (end >= s.size() || !IsAlpha(s[end]) || spaced)) {
        if (word) *word = CanonicalClassification(w);
        if (doubled_letter) *doubled_letter = at != pos;
        return end;
      }
    }
  }
  return std::string_view::npos;
}

std::string CanonicalClassification(std::string_view word) {
  return word == "UNCLAS" ? std::string("UNCLASSIFIED") : std::string(word);
}

bool MatchClassificationLine(std::string_view text, size_t pos, size_t line_end, ClassificationLine* out) {
  ClassificationLine c;
  size_t i = pos;
  while (i < line_end && (IsSpace(text[i]) || text[i] == '"' || text[i] == ',')) ++i;
  c.start = i;
  const std::string_view line = text.substr(0, line_end);
  bool doubled = false;
  size_t end = MatchClassificationWord(line, i, &c.classification, &doubled);
  if (end == std::string_view::npos) return false;
  if (doubled) c.notes.push_back("classification line: the first letter of \"" + c.classification + "\" is doubled");
  i = end;

  // "SECRET//NOFORN": caveats attached with slashes.
  while (i + 1 < line_end && text[i] == '/' && text[i + 1] == '/') {
    size_t j = i + 2;
    while (j < line_end && (IsUpper(text[j]) || text[j] == '/')) ++j;
    for (size_t k = i + 2; k < j;) {
      size_t e = k;
      while (e < j && text[e] != '/') ++e;
      if (e > k && c.caveats.size() < kMaxListItems) c.caveats.push_back({std::string(text.substr(k, e - k)), k, e});
      k = e + 1;
    }
    i = j;
  }
  i = SkipSpaces(text, i, line_end);

  // Caveats before the section or post: "E F T O", "NOFORN".
  for (bool more = true; more;) {
    more = false;
    for (const CaveatForm& cv : kLineCaveats) {
      const size_t e = MatchSpaced(line, i, cv.spelled);
      if (e != std::string_view::npos && e < line_end && text[e] == ' ') {
        c.caveats.push_back({std::string(cv.canonical), i, e});
        i = SkipSpaces(text, e, line_end);
        more = true;
        break;
      }
    }
  }

  // SECTION nn OF nn, tolerating a misspelt SECTION ("SCTION").
  {
    size_t j = i;
    while (j < line_end && IsAlpha(text[j])) ++j;
    const std::string_view word = text.substr(i, j - i);
    if (word.size() >= 5 && EditDistance(ToUpper(word), "SECTION", 1) <= 1) {
      size_t k = SkipSpaces(text, j, line_end);
      size_t digits = 0;
      const int n = LeadingNumber(text.substr(k, line_end - k), &digits);
      size_t m = SkipSpaces(text, k + digits, line_end);
      if (n >= 0 && m + 2 <= line_end && EqualsCI(text.substr(m, 2), "OF")) {
        m = SkipSpaces(text, m + 2, line_end);
        size_t digits2 = 0;
        const int of = LeadingNumber(text.substr(m, line_end - m), &digits2);
        if (of >= 0) {
          c.section = n;
          c.sections = of;
          if (!EqualsCI(word, "SECTION")) c.notes.push_back("classification line: \"" + std::string(word) + "\" read as SECTION");
          i = SkipSpaces(text, m + digits2, line_end);
        }
      }
    }
  }

  // The post, then the serial: the first number after a space. A copy may
  // have broken the line before the serial ("THE HAGUE" / "001787").
  if (line_end < text.size() && text[line_end] == '\n') {
    size_t next_end = text.find('\n', line_end + 1);
    if (next_end == std::string_view::npos) next_end = text.size();
    const std::string_view next = TrimView(text.substr(line_end + 1, next_end - line_end - 1));
    size_t digits = 0;
    LeadingNumber(next, &digits);
    bool has_digit_before = false;
    for (size_t p = i; p < line_end; ++p) has_digit_before |= IsDigit(text[p]);
    if (!next.empty() && digits == next.size() && !has_digit_before) {
      line_end = static_cast<size_t>(next.data() - text.data()) + next.size();
      c.notes.push_back("classification line: the serial is on the next line");
    }
  }
  size_t k = i;
  while (k < line_end) {
    if (text[k] == '\n') {  // the break before a serial on the next line
      ++k;
      continue;
    }
    if (IsDigit(text[k]) && k > i && (text[k - 1] == ' ' || text[k - 1] == '\n')) break;
    const char ch = text[k];
    if (!(IsAlpha(ch) || ch == ' ' || ch == '.' || ch == '\'' || ch == '-')) return false;
    ++k;
  }
  if (k >= line_end) return false;
  const std::string_view post = TrimView(text.substr(i, k - i));
  if (post.empty() || post.size() > 40) return false;
  size_t words = 0;
  for (size_t p = 0; p < post.size(); ++p) words += (p == 0 || post[p - 1] == ' ') && post[p] != ' ';
  if (words > 5) return false;
  size_t digits = 0;
  while (k + digits < line_end && IsDigit(text[k + digits])) ++digits;
  if (digits > 7) return false;
  // A serial is followed by the end of the line, a space or, in copies that
  // lost their line ends, the next header field in capitals.
  const size_t after = k + digits;
  if (after < line_end && !(IsSpace(text[after]) || IsUpper(text[after]) || text[after] == '"')) return false;
  std::string serial(text.substr(k, digits));
  serial.erase(0, serial.find_first_not_of('0'));
  if (serial.empty()) return false;

  c.post = CollapseSpaces(ToUpper(post));
  c.post_start = static_cast<size_t>(post.data() - text.data());
  c.post_end = c.post_start + post.size();
  c.serial = serial;
  c.serial_end = after;
  *out = std::move(c);
  return true;
}

}  // namespace dossier::cable
