// Whether two ways of writing a name may be one person: the same word, one
// surname in two languages (data/transliteration.txt), words that sound alike
// (equal Soundex and at most two edits apart: "Stan" / "Steen"), or a
// one-letter misspelling of a long word. The identity checker's rules, kept
// apart so each can be tested on its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vocabulary.h"

namespace dossier::check {

enum class NameLink { kNone = 0, kSpelling, kSound, kTransliteration, kSame };  // weakest first

struct WordMatch {
  NameLink link = NameLink::kNone;
  std::string why;  // "Nguyen and Ruan are one surname in two languages", ...
};

// The name's words as NormalizeName keys, leading titles and honorifics
// ("Mr.", "President") dropped: "Mr. Ruan" -> {"ruan"}.
std::vector<std::string> NameWords(std::string_view name, const Vocabulary& vocabulary);

// How two single words of names relate (a and b as written, for messages).
WordMatch MatchWord(std::string_view a, std::string_view b, const Vocabulary& vocabulary);

// Whether two full names (two or more words each) are probably one person
// written two ways: the last words link and the first words are equal or
// link; two identical keys are kSame.
WordMatch MatchFullNames(const std::vector<std::string>& a, const std::vector<std::string>& b,
                         const Vocabulary& vocabulary);

}  // namespace dossier::check
