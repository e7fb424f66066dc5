// Small ASCII text helpers the cable parser shares. Cable markers are ASCII,
// so case folding here is ASCII only; names are left to dossier::NormalizeName.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/text.h"

namespace dossier::cable {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
inline bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
inline char Upper(char c) { return IsLower(c) ? static_cast<char>(c - 32) : c; }

// Also trims trailing punctuation in `chars` (after whitespace).
std::string_view TrimRightOf(std::string_view s, std::string_view chars);
std::string ToUpper(std::string_view s);
// Runs of whitespace (newlines too) as one space, trimmed.
std::string CollapseSpaces(std::string_view s);
// Letters and digits only, upper-cased: "NEW DELHI" -> "NEWDELHI".
std::string Squeeze(std::string_view s);
bool StartsWithCI(std::string_view s, std::string_view prefix);
bool EqualsCI(std::string_view a, std::string_view b);
// Position of needle in hay from `from`, ignoring ASCII case; npos when absent.
size_t FindCI(std::string_view hay, std::string_view needle, size_t from = 0);
// Whether hay[pos] starts a word (not preceded by a letter or digit).
bool AtWordStart(std::string_view hay, size_t pos);
// Whether hay[pos] ends a word (not followed by a letter or digit).
bool AtWordEnd(std::string_view hay, size_t pos);
// At most max bytes of s, cut before a UTF-8 character rather than inside one.
std::string_view Utf8Prefix(std::string_view s, size_t max);
// s[i...] past spaces and tabs, up to end.
size_t SkipSpaces(std::string_view s, size_t i, size_t end = std::string_view::npos);
// Whether s (trimmed) ends a sentence or a clause: . ! ? : " ) ] or a closing
// curly quote. An empty s counts as ended.
bool EndsSentence(std::string_view s);
// The leading run of digits as a number; -1 when s does not start with one.
int LeadingNumber(std::string_view s, size_t* digits = nullptr);
// "GUANGZHOU" -> "Guangzhou", "NEW DELHI" -> "New Delhi", keeping words listed
// in `keep_upper` ("EU", "IAEA") as they are. Mixed-case input is returned as is.
std::string TitleCase(std::string_view s, const std::vector<std::string_view>& keep_upper = {});
// Whether the letters of s are (almost) all capitals: at least `ratio` of them.
bool MostlyUpper(std::string_view s, double ratio = 0.9);

// A line of a text: [start, end) without its '\n'.
struct Line {
  size_t start = 0;
  size_t end = 0;
};
std::vector<Line> SplitLines(std::string_view text);
bool IsBlank(std::string_view s);

}  // namespace dossier::cable
