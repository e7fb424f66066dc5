// Tokenizing and sentence splitting for the extractors.
#include "dossier/tokens.h"

#include <algorithm>
#include <array>
#include <deque>
#include <string>

#include "unicode.h"
#include "utf8.h"

namespace dossier {
namespace {

// The character at pos: its code point and length (1 for an ill-formed byte,
// reported as U+FFFD so it is punctuation).
struct Char {
  char32_t cp;
  size_t len;
};

Char At(std::string_view text, size_t pos) {
  char32_t cp;
  const size_t len = utf8::Decode(text, pos, &cp);
  if (len == 0) return {0xFFFD, 1};
  return {cp, len};
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
         cp == 0x2009 || cp == 0x200A || cp == 0x202F || cp == 0x3000 || cp == 0x200B || (cp >= 0x2000 && cp <= 0x2008);
}

bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsLetter(char32_t cp) { return !IsDigit(cp) && unicode::IsWordChar(cp); }
bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool IsHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// A word: letters, digits after the first letter, and inner ' - . joiners.
size_t ScanWord(std::string_view text, size_t pos, bool* possessive_follows) {
  size_t i = pos;
  *possessive_follows = false;
  while (i < text.size()) {
    const Char c = At(text, i);
    if (unicode::IsWordChar(c.cp)) {
      i += c.len;
      continue;
    }
    if (i + c.len >= text.size()) break;
    const Char next = At(text, i + c.len);
    if (IsApostrophe(c.cp) && IsLetter(next.cp)) {
      // "China’s" splits off the possessive; "O'Brien" and "don't" stay whole.
      const size_t after = i + c.len + next.len;
      const bool just_s = (next.cp == 's' || next.cp == 'S') &&
                          (after >= text.size() || !unicode::IsWordChar(At(text, after).cp));
      if (just_s) {
        *possessive_follows = true;
        break;
      }
      i += c.len;
      continue;
    }
    if (IsHyphen(c.cp) && unicode::IsWordChar(next.cp)) {
      i += c.len;
      continue;
    }
    break;
  }
  // Dotted abbreviations: U.S., U.S.A., a.m. — letter(s) each followed by a period.
  size_t j = i;
  while (j + 1 < text.size() && text[j] == '.' && j + 1 < text.size()) {
    const Char next = At(text, j + 1);
    if (!IsLetter(next.cp)) break;
    size_t k = j + 1 + next.len;
    if (k < text.size() && text[k] == '.') {
      j = k;
      continue;
    }
    break;
  }
  if (j > i) {
    // Only short segments form an abbreviation ("U.S." yes, "end.Next" no).
    const std::string_view cand = text.substr(pos, j + 1 - pos);
    bool short_parts = true;
    size_t seg = 0;
    for (char ch : cand) {
      if (ch == '.') {
        short_parts &= seg <= 2;
        seg = 0;
      } else {
        ++seg;
      }
    }
    if (short_parts) return j + 1;
  }
  return i;
}

size_t ScanNumber(std::string_view text, size_t pos) {
  size_t i = pos;
  while (i < text.size() && IsDigit(static_cast<unsigned char>(text[i]))) ++i;
  for (;;) {
    // "7,000" groups of three; "11.5" one decimal part.
    if (i + 1 < text.size() && (text[i] == ',' || text[i] == '.') && IsDigit(static_cast<unsigned char>(text[i + 1]))) {
      size_t j = i + 1;
      while (j < text.size() && IsDigit(static_cast<unsigned char>(text[j]))) ++j;
      if (text[i] == ',' && j - (i + 1) != 3) break;
      i = j;
      continue;
    }
    break;
  }
  return i;
}

}  // namespace

bool TokenReader::Next(Token* token) {
  if (possessive_) {
    possessive_ = false;
    const Char apostrophe = At(text_, pos_);
    const size_t end = pos_ + apostrophe.len + 1;
    *token = {Token::Kind::kPossessive, static_cast<int64_t>(pos_), static_cast<int64_t>(end)};
    pos_ = end;
    return true;
  }
  Char c{0, 0};
  while (pos_ < text_.size() && IsSpace((c = At(text_, pos_)).cp)) pos_ += c.len;
  if (pos_ >= text_.size()) return false;
  size_t end = pos_ + c.len;
  Token::Kind kind = Token::Kind::kPunct;
  if (IsDigit(c.cp)) {
    kind = Token::Kind::kNumber;
    end = ScanNumber(text_, pos_);
  } else if (IsLetter(c.cp)) {
    kind = Token::Kind::kWord;
    end = ScanWord(text_, pos_, &possessive_);
  }
  *token = {kind, static_cast<int64_t>(pos_), static_cast<int64_t>(end)};
  pos_ = end;
  return true;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 5);
  TokenReader reader(text);
  for (Token t; reader.Next(&t);) out.push_back(t);
  return out;
}

bool StartsUpper(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    const Char c = At(word, i);
    if (unicode::IsUpper(c.cp)) return true;
    if (unicode::IsLower(c.cp)) return false;
    i += c.len;
  }
  return false;
}

bool IsAllUpper(std::string_view word) {
  bool letter = false;
  for (size_t i = 0; i < word.size();) {
    const Char c = At(word, i);
    if (unicode::IsLower(c.cp)) return false;
    letter |= unicode::IsUpper(c.cp);
    i += c.len;
  }
  return letter;
}

double UpperRatio(std::string_view text) {
  size_t upper = 0, cased = 0;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // fast path
      if (b >= 'A' && b <= 'Z') ++upper, ++cased;
      else if (b >= 'a' && b <= 'z') ++cased;
      ++i;
      continue;
    }
    const Char c = At(text, i);
    if (unicode::IsUpper(c.cp)) ++upper, ++cased;
    else if (unicode::IsLower(c.cp)) ++cased;
    i += c.len;
  }
  return cased == 0 ? 0.0 : static_cast<double>(upper) / static_cast<double>(cased);
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  }
  return out;
}

namespace {

// Words after which a period is not the end of a sentence (compared lower case,
// without the period).
bool IsAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 62> kAbbrev = {
      "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj", "adm",
      "st", "jr", "sr", "rev", "hon", "pres", "amb", "messrs", "mt", "ft", "no", "nos", "vs", "etc",
      "inc", "corp", "co", "ltd", "bros", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec", "calif", "ky", "kan", "wash", "ore", "mass", "conn", "fla", "ill",
      "mich", "ariz", "colo"};
  const std::string lower = LowerAscii(word);
  return std::find(kAbbrev.begin(), kAbbrev.end(), lower) != kAbbrev.end();
}

bool IsOpeningMark(char32_t cp) { return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == '(' || cp == '[' || cp == '\''; }
bool IsClosingMark(char32_t cp) { return cp == '"' || cp == 0x201D || cp == 0x2019 || cp == ')' || cp == ']' || cp == '\''; }

// Tokens read ahead of the one being looked at, as many as asked for: the
// splitter holds a few, never all of a long text's.
class Lookahead {
 public:
  explicit Lookahead(std::string_view text) : reader_(text) {}
  // The token ahead places after the current one (0: the current one); null past the end.
  const Token* Peek(size_t ahead) {
    while (buffer_.size() <= ahead) {
      Token t;
      if (!reader_.Next(&t)) return nullptr;
      buffer_.push_back(t);
    }
    return &buffer_[ahead];
  }
  void Advance() { buffer_.pop_front(); }

 private:
  TokenReader reader_;
  std::deque<Token> buffer_;
};

// Whether the tokens after the one at k end a sentence after it (see
// SplitSentences); *last is then the last token of the sentence (closing
// quotes and brackets included), as a count of places after k.
bool EndsSentence(std::string_view text, Lookahead& ahead, const Token* prev, size_t* last) {
  const Token& t = *ahead.Peek(0);
  if (t.kind != Token::Kind::kPunct && t.kind != Token::Kind::kWord) return false;
  const std::string_view s = t.in(text);
  const bool dotted_word = t.kind == Token::Kind::kWord && s.back() == '.';  // "U.S."
  const bool terminal = s == "." || s == "!" || s == "?" || s == "…" || dotted_word;
  if (!terminal) return false;
  if (s == "." && prev) {
    const std::string_view pw = prev->in(text);
    const bool adjacent = prev->end == t.start;
    if (adjacent && prev->kind == Token::Kind::kWord) {
      // "St." is Saint or Street, but "31st." ends a sentence: a suffix glued
      // to digits is an ordinal's.
      const bool ordinal_suffix = prev->start > 0 && IsDigit(static_cast<unsigned char>(text[static_cast<size_t>(prev->start) - 1]));
      if (IsAbbreviation(pw) && !ordinal_suffix) return false;
      // An initial: a single upper-case letter ("J. R. Smith").
      if (At(pw, 0).len == pw.size() && StartsUpper(pw)) return false;
    }
  }
  // Closing quotes and brackets belong to the sentence they close.
  size_t n = 0;
  for (const Token* c; (c = ahead.Peek(n + 1)) && c->kind == Token::Kind::kPunct && c->start == ahead.Peek(n)->end &&
                       IsClosingMark(At(text, static_cast<size_t>(c->start)).cp);) {
    ++n;
  }
  *last = n;
  const Token* next = ahead.Peek(n + 1);
  if (!next) return true;  // the end of the text
  if (next->start == ahead.Peek(n)->end) return false;  // "3.5", "end.Next": no space, no boundary
  const Char nc = At(text, static_cast<size_t>(next->start));
  const bool starts_sentence = unicode::IsUpper(nc.cp) || IsDigit(nc.cp) || IsOpeningMark(nc.cp) ||
                               nc.cp == 0x2014 || nc.cp == '-';
  if (!starts_sentence) return false;
  if (dotted_word) {
    // "U.S. officials" continues; "in the U.S. The next" ends: only a capitalised
    // word that is not itself part of a name after a dotted abbreviation ends it.
    static constexpr std::array<std::string_view, 16> kStarters = {
        "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "A", "This", "That", "There", "His", "Her"};
    return std::find(kStarters.begin(), kStarters.end(), next->in(text)) != kStarters.end();
  }
  return true;
}

}  // namespace

void ForEachSentence(std::string_view text, const std::function<void(Span)>& each) {
  Lookahead ahead(text);
  // The sentence being read: its first token's start and how many tokens it
  // has so far; tokens to skip are the closing marks of one already given.
  int64_t start = 0;
  size_t count = 0, skip = 0;
  Token prev;
  bool have_prev = false;
  for (const Token* t; (t = ahead.Peek(0)); prev = *t, have_prev = true, ahead.Advance()) {
    if (skip > 0) {
      --skip;
      continue;
    }
    if (count == kMaxSentenceTokens) {  // a run with no end: cut before this token
      each({start, prev.end});
      count = 0;
    }
    if (count++ == 0) start = t->start;
    // A blank line between this token and the next ends the sentence.
    if (const Token* next = ahead.Peek(1)) {
      const std::string_view gap =
          text.substr(static_cast<size_t>(t->end), static_cast<size_t>(next->start - t->end));
      const size_t nl = gap.find('\n');
      if (nl != std::string_view::npos && gap.find('\n', nl + 1) != std::string_view::npos) {
        each({start, t->end});
        count = 0;
        continue;
      }
    }
    size_t last = 0;
    if (!EndsSentence(text, ahead, have_prev ? &prev : nullptr, &last)) continue;
    each({start, ahead.Peek(last)->end});
    count = 0;
    skip = last;
  }
  if (count > 0) each({start, prev.end});
}

std::vector<Span> SplitSentences(std::string_view text) {
  std::vector<Span> out;
  ForEachSentence(text, [&](Span s) { out.push_back(s); });
  return out;
}

bool IsSpeechVerb(std::string_view w) {
  // Sorted, for a binary search: no static set to build or destroy. Words
  // that are as often nouns ("claims", "notes", "States") are left out.
  static constexpr std::array<std::string_view, 53> kVerbs = {
      "acknowledged", "acknowledges", "added", "adds", "admits", "admitted", "announced", "argued", "argues",
      "asked", "asks", "cautioned", "claimed", "commented", "complained", "conceded", "concedes", "continued",
      "declared", "declares", "emphasised", "emphasized", "explained", "explains", "insisted", "insists",
      "joked", "laughed", "noted", "observed", "predicted", "proclaimed", "quipped", "recalled", "recalls",
      "remarked", "replied", "replies", "responded", "said", "say", "says", "stated", "stressed", "suggested",
      "tells", "told", "urged", "urges", "warned", "warns", "writes", "wrote"};
  return std::binary_search(kVerbs.begin(), kVerbs.end(), w);
}

}  // namespace dossier
