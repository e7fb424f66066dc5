// Taking out what is not the article: site chrome and ads, separators, photo
// credits and paragraphs repeated verbatim. Everything removed is kept in
// article.removed with the reason.
#include <regex>
#include <set>

#include "article.h"
#include "dossier/text.h"

namespace dossier::news {
namespace {

// Phrases of page furniture. A short block with one of them, or any block
// with two, is chrome.
const std::vector<std::regex>& ChromePatterns() {
  static const std::vector<std::regex> kPatterns = [] {
    std::vector<std::regex> v;
    for (const char* p : {"^advertis[e]?ment$", "sponsored content", "skip to (main )?content",
                          "this site is registered on .* as a development site", "continued\\.\\.\\.",
                          "print this article", "mail this article", "e-?mail this (article|story)",
                          "comment on this article", "rate this article", "comments on this article",
                          "no comment has been posted", "next >>", "^share this", "click here to",
                          "^subscribe\\b", "sign up for our", "^read more\\b", "all rights reserved",
                          "^\\(?file photo\\)?$", "^photo:", "^\\d+ =poor", "switch to a production site key",
                          "^related (stories|articles|links)", "^most (read|popular)\\b", "^advertisement\\b"}) {
      v.emplace_back(p, std::regex::icase);
    }
    return v;
  }();
  return kPatterns;
}

bool IsChrome(const std::string& text) {
  int hits = 0;
  for (const auto& re : ChromePatterns()) hits += std::regex_search(text, re);
  return hits >= 2 || (hits == 1 && text.size() < 160);
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

}  // namespace

void Clean(Article& a) {
  std::vector<Block> kept;
  std::set<std::string> seen;
  for (auto& b : a.blocks) {
    if (IsSeparator(b.text)) {
      a.removed.push_back({"separator", b.text});
      continue;
    }
    if (IsChrome(b.text)) {
      a.removed.push_back({"boilerplate", b.text});
      continue;
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
