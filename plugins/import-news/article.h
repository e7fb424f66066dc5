// An article as the readers find it, before it becomes a dossier document:
// blocks of text (paragraphs, headings) plus the metadata the format states.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace dossier::news {

struct Block {
  std::string text;      // one paragraph or heading, without surrounding whitespace
  bool heading = false;  // a heading or section title, not prose
};

// Something taken out of the text, kept on the document so nothing is lost silently.
struct Removed {
  std::string reason;  // "boilerplate", "duplicate paragraph", "separator", "caption", "markup"
  std::string text;
};

struct Article {
  std::string headline;
  std::vector<std::string> authors;
  std::string byline;     // the byline as written ("By Maren Holt")
  std::string dateline;   // "CHONGQING, China —"
  std::string dateline_place;
  std::string publisher;  // wire service or site
  std::string date;       // ISO-8601 when stated: 2005-01-06 or 2005-01-06T10:00:00Z
  std::string url;
  std::vector<std::string> contributors;  // "Tiantian Zhang contributed to this report"
  std::vector<Block> blocks;
  std::vector<Removed> removed;
  std::vector<std::string> notes;
};

// The longest text the readers hand to std::regex. libstdc++ matches by
// recursion, about a stack frame per character: a 100 KB paragraph
// overflowed the stack. Every pattern is meant for a short line (a heading,
// a date, a contributor line), so longer text is never one.
inline constexpr size_t kMaxRegexInput = 500;

// Readers: file bytes (already decoded to UTF-8) -> articles. Each returns one
// article per document the input holds (JSON Lines and JSON arrays hold many).
std::vector<Article> ReadPlainText(const std::string& text);
std::vector<Article> ReadWikiMarkup(const std::string& text);
// A page nested deeper than kMaxHtmlDepth (html_depth.h) is not parsed: no
// articles, and the reason in *error when given.
std::vector<Article> ReadHtml(const std::string& html, std::string* error = nullptr);
// Errors (not JSON, no article fields) go to *error.
std::vector<Article> ReadJson(const std::string& text, std::string* error);

// Metadata a plain article states in its first lines: headline, byline,
// dateline, publisher, contributor lines. Leaves readers' own metadata alone.
void FindMetadata(Article& article);

// Removes boilerplate, separators, captions and repeated paragraphs,
// recording each in article.removed.
void Clean(Article& article);

// "January 6, 2005", "Jan. 5, 2005", "2005-01-06", "6 January 2005" -> "2005-01-06"; "" if not a date.
std::string ParseDate(const std::string& text);

}  // namespace dossier::news
