// The news importer: articles in plain text, HTML, wiki markup or JSON become
// news_article documents with their headline, byline, dateline, publisher and
// date, cleaned of page furniture (recorded, not lost), plus the facts those
// state: who wrote it, who published it, where it was filed from.
#include <filesystem>
#include <regex>

#include "article.h"
#include "dossier/budget.h"
#include "dossier/plugin.h"
#include "dossier/text.h"
#include "dossier/tokens.h"

namespace dossier::news {
namespace {

constexpr int64_t kMaxBytes = 64 << 20;

// What a block of an article may take while it is read: the block, the
// cleaner's copy, the document's paragraph with its properties, and the
// HTML parser's nodes when it comes from a page (about what a file of short
// lines took each).
constexpr int64_t kBlockBytes = 400;

// The memory reading the article may take, counted before it is read: its
// text three times (the reader's blocks, the cleaner's, the document's) and
// what each place a block may start grows into: a line, a "\n" escaped in
// JSON, an HTML tag. A file of a million short lines or tags is refused here.
Status CheckBlocks(std::string_view text, int64_t max_batch_bytes) {
  int64_t starts = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    starts += c == '\n' || c == '<' || (c == '\\' && i + 1 < text.size() && text[i + 1] == 'n');
  }
  MemoryBudget budget(max_batch_bytes, 3 * static_cast<int64_t>(text.size()));
  if (budget.Take(starts * kBlockBytes)) return Status::OK();
  return budget.Refusal("the article with its " + std::to_string(starts) + " lines and tags");
}

enum class Format { kText, kHtml, kWiki, kJson };

std::string Lower(std::string_view s) { return LowerAscii(s); }

bool LooksHtml(std::string_view head) {
  const std::string l = Lower(head.substr(0, 4096));
  return l.find("<html") != std::string::npos || l.find("<!doctype html") != std::string::npos ||
         l.find("<article") != std::string::npos || l.find("<body") != std::string::npos ||
         (l.find("<p>") != std::string::npos && l.find("</p>") != std::string::npos);
}

size_t Count(std::string_view s, std::string_view what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

// Wiki markup: Wikinews' own templates, or templates and links enough that
// plain text would not hold them. Damaged pages count too ("{{byline|date"
// without its "}}" still opens one).
bool LooksWiki(std::string_view head) {
  for (const char* t : {"{{date|", "{{w|", "{{byline", "{{Byline", "{{archive", "{{haveyoursay", "{{PD-Article"}) {
    if (head.find(t) != std::string_view::npos) return true;
  }
  const size_t templates = Count(head, "{{"), links = Count(head, "[[");
  return (links > 0 && head.find("]]") != std::string_view::npos &&
          (head.find("'''") != std::string_view::npos || head.find("[[w:") != std::string_view::npos || templates > 0)) ||
         (templates >= 2 && Count(head, "}}") >= 2);
}

// A JSON article record: an object with a text field and a title-ish field.
bool LooksJsonArticle(std::string_view head) {
  const size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || (head[start] != '{' && head[start] != '[')) return false;
  const bool text = head.find("\"text\"") != std::string_view::npos || head.find("\"body\"") != std::string_view::npos ||
                    head.find("\"content\"") != std::string_view::npos || head.find("\"articleBody\"") != std::string_view::npos;
  const bool title = head.find("\"title\"") != std::string_view::npos || head.find("\"headline\"") != std::string_view::npos;
  return text && title;
}

// Prose laid out as an article: a short first line (a headline) over several
// paragraphs of full sentences.
bool LooksLikeArticleLayout(std::string_view head) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < head.size() && lines.size() < 40) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) nl = head.size();
    std::string_view line = head.substr(pos, nl - pos);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
    pos = nl + 1;
  }
  if (lines.size() < 4 || lines[0].size() > 200) return false;
  size_t prose = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    const char last = lines[i].back();
    if (lines[i].size() >= 80 && (last == '.' || last == '"' || last == '\x9d')) ++prose;  // '\x9d' ends ”
  }
  return prose >= 3;
}

// Plain text that reads like journalism: a dateline, a byline, a wire
// service, or attributed quotes. Plain string searches: this runs on every
// file of every import, so no regular expressions here.
bool LooksLikeNews(std::string_view head) {
  head = head.substr(0, 16384);
  for (const char* cue : {"(Reuters)", "(AP)", "(AFP)", "(UPI)", "(IPS)", "(Xinhua)", "(Bloomberg)",
                          "contributed to this report", "\xE2\x80\x9D said ", ",\" said ", " said, \xE2\x80\x9C",
                          "\xE2\x80\x9D he said", "\xE2\x80\x9D she said"}) {
    if (head.find(cue) != std::string_view::npos) return true;
  }
  // A byline or a dateline among the first lines.
  size_t pos = 0;
  for (int line = 0; line < 12 && pos < head.size(); ++line) {
    size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) nl = head.size();
    const std::string_view l = head.substr(pos, nl - pos);
    pos = nl + 1;
    if (l.size() > 4 && l.substr(0, 3) == "By " && l[3] >= 'A' && l[3] <= 'Z') return true;
    // "CITY, Region — ": an upper-case word of three letters or more, then a dash within 60 bytes.
    size_t caps = 0;
    while (caps < l.size() && ((l[caps] >= 'A' && l[caps] <= 'Z') || l[caps] == ' ' || l[caps] == '.')) ++caps;
    if (caps >= 4 && (caps == l.size() || l[caps] == ',' || l[caps] == ' ' || l[caps] == '(' || l[caps] == '\xE2' || l[caps] == '-')) {
      const std::string_view start = l.substr(0, std::min<size_t>(l.size(), 80));
      if (start.find(" \xE2\x80\x94 ") != std::string_view::npos || start.find(" -- ") != std::string_view::npos ||
          start.find(" - ") != std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

Format Detect(std::string_view head) {
  if (LooksJsonArticle(head)) return Format::kJson;
  if (LooksHtml(head)) return Format::kHtml;
  if (LooksWiki(head)) return Format::kWiki;
  return Format::kText;
}

// The title when there is no headline: the first sentence, cut at a word.
std::string FallbackTitle(const Article& a, const std::string& text, const std::string& stem) {
  size_t k = 0;
  while (k + 1 < a.blocks.size() && a.blocks[k].heading) ++k;  // byline, kicker
  if (a.blocks.empty()) return stem;
  std::string first = a.blocks[k].text;
  if (!a.dateline.empty() && first.rfind(a.dateline, 0) == 0) first = Trim(first.substr(a.dateline.size()));
  const auto sentences = SplitSentences(first);
  std::string t = sentences.empty() ? first
                                    : first.substr(static_cast<size_t>(sentences[0].start),
                                                   static_cast<size_t>(sentences[0].end - sentences[0].start));
  if (t.size() > 100) {
    size_t cut = t.rfind(' ', 100);
    t = t.substr(0, cut == std::string::npos ? Utf8Floor(t, 100) : cut) + "…";
  }
  (void)text;
  return t.empty() ? stem : t;
}

bool LooksLikePersonName(const std::string& s) {
  const auto tokens = Tokenize(s);
  if (tokens.size() < 2 || tokens.size() > 4) return false;
  for (const Token& t : tokens) {
    const std::string_view w = t.in(s);
    if (t.kind != Token::Kind::kWord || !StartsUpper(w) || (IsAllUpper(w) && w.size() <= 4)) return false;
  }
  return true;
}

class NewsImporter final : public Importer {
 public:
  std::string name() const override { return "news"; }
  std::string description() const override {
    return "news articles: plain text, HTML, Wikinews markup or JSON records; headline, byline, dateline, publisher";
  }

  double Sniff(std::string_view head, std::string_view path) const override {
    if (head.empty() || head.find('\0') != std::string_view::npos) return 0;
    switch (Detect(head)) {
      case Format::kJson: return 0.8;
      case Format::kHtml: return 0.7;
      case Format::kWiki: return 0.7;
      case Format::kText: return LooksLikeNews(head) ? 0.4 : LooksLikeArticleLayout(head) ? 0.3 : 0.05;
    }
    return 0;
  }

  Status Import(ImportInput& input, ImportSink& sink) override {
    auto bytes = input.ReadAll(kMaxBytes);
    if (!bytes.ok()) return bytes.status();
    std::vector<std::string> notes;
    auto decoded = DecodeText(*bytes, &notes);
    std::string().swap(*bytes);  // the decoded text is all that is kept
    if (!decoded.ok()) return decoded.status();
    const std::string& text = *decoded;
    if (Status st = CheckBlocks(text, input.max_batch_bytes()); !st.ok()) return st;
    std::vector<Article> articles;
    std::string error;
    switch (Detect(std::string_view(text).substr(0, 64 * 1024))) {
      case Format::kJson: articles = ReadJson(text, &error); break;
      case Format::kHtml: articles = ReadHtml(text, &error); break;
      case Format::kWiki: articles = ReadWikiMarkup(text); break;
      case Format::kText: articles = ReadPlainText(text); break;
    }
    if (articles.empty()) return Status::InvalidArgument(error.empty() ? "no article found" : error);
    if (!error.empty()) sink.Warn(error);
    const std::string stem = std::filesystem::path(input.path()).stem().string();
    Status last;
    int emitted = 0;
    for (size_t i = 0; i < articles.size(); ++i) {
      Article& a = articles[i];
      for (const auto& n : notes) a.notes.push_back(n);
      Clean(a);
      FindMetadata(a);
      if (a.blocks.empty()) {
        // Kept, empty and saying why: the file is in the store as what it
        // is (a page of templates only, an error page), not lost.
        const std::string why = "no article text: the file held only markup or page furniture";
        sink.Warn("article " + std::to_string(i + 1) + ": " + why);
        a.notes.push_back(why);
      }
      Status st = sink.Emit(ToBatch(a, articles.size() > 1 ? stem + "-" + std::to_string(i + 1) : stem));
      if (st.ok()) {
        ++emitted;
      } else {
        last = st;
      }
    }
    if (emitted == 0 && !last.ok()) return last;
    return Status::OK();
  }

 private:
  static DocumentBatch ToBatch(const Article& a, const std::string& stem) {
    DocumentBatch b;
    Document& d = b.document;
    d.kind = "news_article";
    for (const auto& block : a.blocks) {
      if (!d.text.empty()) d.text += "\n\n";
      Paragraph p;
      p.start = static_cast<int64_t>(d.text.size());
      d.text += block.text;
      p.end = static_cast<int64_t>(d.text.size());
      if (block.heading) p.properties["heading"] = true;
      d.paragraphs.push_back(std::move(p));
    }
    d.title = !a.headline.empty() ? a.headline : FallbackTitle(a, d.text, stem);
    d.id = "doc:" + Slugify(d.title, 60);
    Json& props = d.properties;
    if (!a.headline.empty()) props["headline"] = a.headline;
    if (!a.byline.empty()) props["byline"] = a.byline;
    if (!a.authors.empty()) props["authors"] = a.authors;
    if (!a.dateline.empty()) props["dateline"] = a.dateline;
    if (!a.publisher.empty()) props["publisher"] = a.publisher;
    if (!a.date.empty()) props["published"] = a.date;
    if (!a.url.empty()) props["url"] = a.url;
    if (!a.contributors.empty()) props["contributors"] = a.contributors;
    if (!a.notes.empty()) props["notes"] = a.notes;
    if (!a.removed.empty()) {
      Json removed = Json::array();
      for (const auto& r : a.removed) removed.push_back({{"reason", r.reason}, {"text", r.text}});
      props["removed"] = removed;
    }

    // The facts the article states about itself, each on the passage stating it.
    auto span_of = [&](const std::string& needle, int64_t* start, int64_t* end) {
      const size_t at = needle.empty() ? std::string::npos : d.text.find(needle);
      *start = at == std::string::npos ? -1 : static_cast<int64_t>(at);
      *end = at == std::string::npos ? -1 : static_cast<int64_t>(at + needle.size());
    };
    EntityKeys keys(b);  // by hash: a scan per name made a long contributor list quadratic
    auto relate = [&](const char* predicate, EntityType type, const std::string& name, const std::string& passage) {
      ProposedClaim c;
      c.subject = kThisDocument;
      c.predicate = predicate;
      c.object = keys.Entity(type, name);
      c.kind = "relation";
      span_of(passage, &c.start, &c.end);
      if (c.start >= 0) {
        // The entity's own name inside the passage is a mention of it.
        const size_t at = d.text.find(name, static_cast<size_t>(c.start));
        if (at != std::string::npos && static_cast<int64_t>(at + name.size()) <= c.end) {
          b.mentions.push_back({c.object, type, static_cast<int64_t>(at), static_cast<int64_t>(at + name.size()), 1.0, ""});
        }
      }
      b.claims.push_back(c);
    };
    // Each name is looked for in the whole text, so only the first few
    // authors and contributors become claims (an article names a handful;
    // all stay in its "authors" and "contributors" properties).
    constexpr size_t kMaxRelated = 64;
    for (size_t k = 0; k < a.authors.size() && k < kMaxRelated; ++k) {
      relate("written_by", EntityType::kPerson, a.authors[k], a.authors[k]);
    }
    if (!a.publisher.empty()) relate("published_by", EntityType::kOrganization, a.publisher, a.dateline);
    if (!a.dateline_place.empty()) relate("dateline", EntityType::kPlace, a.dateline_place, a.dateline);
    for (size_t k = 0; k < a.contributors.size() && k < kMaxRelated; ++k) {
      const std::string& c = a.contributors[k];
      if (LooksLikePersonName(c)) {
        relate("contributed_by", EntityType::kPerson, c, c);
      } else if (NormalizeName(c).size() >= 2) {
        relate("information_from", EntityType::kOrganization, c, c);
      }
    }
    return b;
  }
};

}  // namespace

std::unique_ptr<Importer> MakeNewsImporter() { return std::make_unique<NewsImporter>(); }

}  // namespace dossier::news
