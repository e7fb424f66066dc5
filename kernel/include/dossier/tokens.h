// Tokens and sentences: the first step of every extractor, done one way.
//
// Offsets are bytes into the text given, so a token's span can go straight
// into a mention or a claim.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/export.h"

namespace dossier {

struct Token {
  enum class Kind {
    kWord,        // letters, with inner apostrophes, hyphens and periods: O'Brien, US-China, U.S.
    kNumber,      // digits with grouping commas and a decimal point: 7,000  11.5
    kPossessive,  // 's or ’s after a word (China’s -> "China" + "’s")
    kPunct,       // any other single character: , . “ ” — $ % (
  };
  Kind kind = Kind::kWord;
  int64_t start = 0;
  int64_t end = 0;

  std::string_view in(std::string_view text) const {
    return text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  }
};

// Splits text into tokens (whitespace is dropped). Letters are any alphabetic
// character of any script. A word never ends in a hyphen or apostrophe; it keeps
// a final period only when it is a dotted abbreviation like "U.S." or "a.m.".
// Ill-formed UTF-8 bytes are single punctuation tokens.
DOSSIER_API std::vector<Token> Tokenize(std::string_view text);

// The same tokens one at a time, for a caller that needs only the first few
// or must not hold all of a long text's tokens at once.
class DOSSIER_API TokenReader {
 public:
  explicit TokenReader(std::string_view text) : text_(text) {}
  // The next token; false at the end of the text.
  bool Next(Token* token);

 private:
  std::string_view text_;
  size_t pos_ = 0;
  bool possessive_ = false;  // the word just read has a possessive after it
};

// Case of a word (letters only are considered; other characters are ignored).
DOSSIER_API bool StartsUpper(std::string_view word);   // "Sun", "SUN", "McDearman", "Érico"
DOSSIER_API bool IsAllUpper(std::string_view word);    // "SUN", "U.S.", "CCPIT" (at least one letter)
// Share of letters in text that are upper case (0 when there are none). Cable
// text is typically above 0.9, prose around 0.05.
DOSSIER_API double UpperRatio(std::string_view text);

// ASCII-lowercased copy (other bytes unchanged, so offsets are kept).
DOSSIER_API std::string LowerAscii(std::string_view text);

// Whether a lower-case word is a verb that reports speech ("said", "told",
// "warned", "adds"): who stands next to one is a speaker, so the recognizer
// takes the name for a person's and the quote extractor for the one who spoke.
// One list for both, so the two never disagree on what counts as saying.
DOSSIER_API bool IsSpeechVerb(std::string_view lower_word);

struct Span {
  int64_t start = 0;
  int64_t end = 0;
};

// The most tokens a sentence has. No prose sentence comes near it (the
// longest in the test corpus, a table in a cable, has about 4,000); a longer
// run is a list, a table or hostile input, and cutting it bounds what a
// reader of sentences holds at a time.
inline constexpr size_t kMaxSentenceTokens = 8192;

// Sentences of text, as trimmed byte spans. A sentence ends at . ! ? or …
// (with any closing quotes or brackets) before a space and an upper-case
// letter, digit or opening quote, or at a blank line. Abbreviations and
// initials (Mr., Gen., Calif., U.S. before a lower-case word, J. R.) and
// decimal points do not end a sentence. A single newline is only a space:
// raw telegrams wrap lines mid-sentence. A run of more than
// kMaxSentenceTokens tokens with no sentence end is cut there.
DOSSIER_API std::vector<Span> SplitSentences(std::string_view text);

// The same sentences handed to each in text order, without holding them or
// the text's tokens: what reads a long text sentence by sentence holds one
// sentence at a time.
DOSSIER_API void ForEachSentence(std::string_view text, const std::function<void(Span)>& each);


}  // namespace dossier
