// Taking out what is not the article: site chrome and ads, separators, photo
// credits and paragraphs repeated verbatim. Everything removed is kept in
// article.removed with the reason.
#include <set>

#include "article.h"
#include "dossier/text.h"
#include "dossier/tokens.h"

namespace dossier::news {
namespace {

// Phrases of page furniture, compared on the lower-cased block. A short
// block with one of them, or any block with two, is chrome. Literal phrases,
// not regular expressions: this runs on every paragraph of every import.
struct Phrase {
  const char* text;
  enum { kAnywhere, kStart, kWhole } where;
};

bool IsChrome(const std::string& text) {
  static const Phrase kPhrases[] = {
      {"advertisement", Phrase::kStart},      {"advertisment", Phrase::kWhole},
      {"sponsored content", Phrase::kAnywhere}, {"skip to content", Phrase::kAnywhere},
      {"skip to main content", Phrase::kAnywhere}, {"as a development site", Phrase::kAnywhere},
      {"continued...", Phrase::kAnywhere},    {"print this article", Phrase::kAnywhere},
      {"mail this article", Phrase::kAnywhere}, {"email this article", Phrase::kAnywhere},
      {"e-mail this article", Phrase::kAnywhere}, {"comment on this article", Phrase::kAnywhere},
      {"rate this article", Phrase::kAnywhere}, {"comments on this article", Phrase::kAnywhere},
      {"no comment has been posted", Phrase::kAnywhere}, {"next >>", Phrase::kAnywhere},
      {"share this", Phrase::kStart},         {"click here to", Phrase::kAnywhere},
      {"subscribe ", Phrase::kStart},         {"sign up for our", Phrase::kAnywhere},
      {"read more", Phrase::kStart},          {"all rights reserved", Phrase::kAnywhere},
      {"(file photo)", Phrase::kWhole},       {"file photo", Phrase::kWhole},
      {"photo:", Phrase::kStart},             {"=poor", Phrase::kAnywhere},
      {"switch to a production site key", Phrase::kAnywhere}, {"related stories", Phrase::kStart},
      {"related articles", Phrase::kStart},   {"related links", Phrase::kStart},
      {"most read", Phrase::kStart},          {"most popular", Phrase::kStart},
      {"correction appended", Phrase::kWhole}, {"(filed:", Phrase::kStart},
      {"getty images", Phrase::kAnywhere},    {"(photo:", Phrase::kAnywhere},
      {"ap photo", Phrase::kAnywhere},        {"afp photo", Phrase::kAnywhere},
      {"\xc2\xa9 ", Phrase::kAnywhere},        {"post an article", Phrase::kAnywhere},
      {"upload media", Phrase::kAnywhere},    {"email this feature", Phrase::kAnywhere}};
  const std::string lower = LowerAscii(text);
  int hits = 0;
  for (const Phrase& p : kPhrases) {
    const size_t at = lower.find(p.text);
    if (at == std::string::npos) continue;
    if (p.where == Phrase::kStart && at != 0) continue;
    if (p.where == Phrase::kWhole && lower != p.text) continue;
    ++hits;
  }
  return hits >= 2 || (hits == 1 && text.size() < 160);
}

// A navigation bar: items between bars or dash runs ("News | Sport | Weather",
// "Programs ------ RADIO ------ AM").
bool IsMenu(const std::string& text) {
  size_t bars = 0, dashes = 0;
  for (size_t at = text.find(" | "); at != std::string::npos; at = text.find(" | ", at + 3)) ++bars;
  for (size_t at = text.find("------"); at != std::string::npos; at = text.find("------", at + 6)) ++dashes;
  return bars >= 3 || dashes >= 2;
}

bool IsSeparator(const std::string& text) {
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) {
      continue;  // dashes, bullets and other non-ASCII marks count as separator characters
    }
    if (std::isalnum(b)) return false;
  }
  // Only marks, or non-ASCII characters that are not letters (—— ••• ———).
  return NormalizeName(text).empty();
}

// A long paragraph is mostly prose even when furniture runs into it (a page
// saved as one line: "upload media | post an article | ... Over 16,000
// people gathered ..."): only its sentences that are furniture go, not the
// article with them. Short blocks are judged whole, as before.
constexpr size_t kLongBlock = 400;

// The block without its furniture sentences; those are added to removed.
// Lines are read apart first: a caption on a line of its own ("... © Getty
// Images") has no period to end the sentence before it.
std::string WithoutChromeSentences(const std::string& text, std::vector<Removed>* removed) {
  std::string kept;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    std::string kept_line;
    ForEachSentence(line, [&](Span s) {
      const std::string sentence = line.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start));
      if (IsChrome(sentence) || IsMenu(sentence)) {
        removed->push_back({"boilerplate", sentence});
        return;
      }
      kept_line += (kept_line.empty() ? "" : " ") + sentence;
    });
    if (!kept_line.empty()) kept += (kept.empty() ? "" : "\n") + kept_line;
  }
  return kept;
}

}  // namespace

void Clean(Article& a) {
  std::vector<Block> kept;
  std::set<std::string> seen;
  for (auto& b : a.blocks) {
    if (IsSeparator(b.text)) {
      a.removed.push_back({"separator", b.text});
      continue;
    }
    if (IsChrome(b.text) || IsMenu(b.text)) {
      if (b.heading || b.text.size() < kLongBlock) {
        a.removed.push_back({"boilerplate", b.text});
        continue;
      }
      b.text = WithoutChromeSentences(b.text, &a.removed);
      if (b.text.empty()) continue;
    }
    // Verbatim repeats (a paragraph pasted twice), compared ignoring case and spacing.
    const std::string key = NormalizeName(b.text);
    if (!b.heading && key.size() > 40 && !seen.insert(key).second) {
      a.removed.push_back({"duplicate paragraph", b.text});
      continue;
    }
    kept.push_back(std::move(b));
  }
  a.blocks = std::move(kept);
}

}  // namespace dossier::news
