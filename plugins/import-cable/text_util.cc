// ASCII text helpers for the cable parser (see text_util.h).
#include "text_util.h"

#include <algorithm>
#include <cstdlib>

namespace dossier::cable {

std::string_view TrimRightOf(std::string_view s, std::string_view chars) {
  s = TrimView(s);
  while (!s.empty() && (chars.find(s.back()) != std::string_view::npos || IsSpace(s.back()))) s.remove_suffix(1);
  return s;
}

std::string ToUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Upper(c);
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : TrimView(s)) {
    if (IsSpace(c) || c == '\n') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAlnum(c)) out += Upper(c);
  }
  return out;
}

bool StartsWithCI(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Upper(s[i]) != Upper(prefix[i])) return false;
  }
  return true;
}

bool EqualsCI(std::string_view a, std::string_view b) { return a.size() == b.size() && StartsWithCI(a, b); }

size_t FindCI(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  const char first = Upper(needle[0]);
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (Upper(hay[i]) == first && StartsWithCI(hay.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

bool AtWordStart(std::string_view hay, size_t pos) { return pos == 0 || !IsAlnum(hay[pos - 1]); }
bool AtWordEnd(std::string_view hay, size_t pos) { return pos >= hay.size() || !IsAlnum(hay[pos]); }

std::string_view Utf8Prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // s[n] continues a character
  return s.substr(0, n);
}

size_t SkipSpaces(std::string_view s, size_t i, size_t end) {
  end = std::min(end, s.size());
  while (i < end && IsSpace(s[i])) ++i;
  return i;
}

bool EndsSentence(std::string_view s) {
  s = TrimView(s);
  if (s.empty()) return true;
  const char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')' || c == ']' ||
         (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D");
}

int LeadingNumber(std::string_view s, size_t* digits) {
  size_t n = 0;
  int value = 0;
  while (n < s.size() && IsDigit(s[n]) && n < 9) value = value * 10 + (s[n++] - '0');
  if (digits) *digits = n;
  return n == 0 ? -1 : value;
}

std::string TitleCase(std::string_view s, const std::vector<std::string_view>& keep_upper) {
  bool has_lower = false;
  for (char c : s) has_lower |= IsLower(c);
  if (has_lower) return std::string(s);
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsAlpha(s[i])) {
      out += s[i++];
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsAlpha(s[j])) ++j;
    const std::string_view word = s.substr(i, j - i);
    const bool keep = std::find(keep_upper.begin(), keep_upper.end(), word) != keep_upper.end();
    for (size_t k = 0; k < word.size(); ++k) {
      // "O'BRIEN" -> "O'Brien", but "INDIA'S" -> "India's".
      const bool starts = k == 0 && !(i > 0 && s[i - 1] == '\'' && word.size() == 1);
      out += keep || starts ? word[k] : static_cast<char>(word[k] + 32);
    }
    i = j;
  }
  return out;
}

bool MostlyUpper(std::string_view s, double ratio) {
  size_t upper = 0, letters = 0;
  for (char c : s) {
    if (IsUpper(c)) ++upper;
    if (IsAlpha(c)) ++letters;
  }
  return letters > 0 && static_cast<double>(upper) >= ratio * static_cast<double>(letters);
}

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back({pos, nl});
    pos = nl + 1;
  }
  return lines;
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (!IsSpace(c) && c != '\n') return false;
  }
  return true;
}

}  // namespace dossier::cable
