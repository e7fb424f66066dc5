// HTML articles, parsed with gumbo (a real HTML5 parser): the text of the
// <article> (or <main>, or <body>) as paragraphs and headings; the headline,
// authors, date and publisher from JSON-LD, OpenGraph and meta tags first,
// the page's own elements second.
#include <gumbo.h>

#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "article.h"
#include "dossier/text.h"
#include "html_depth.h"

namespace dossier::news {
namespace {

using Json = nlohmann::json;

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool Skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Text under a node with runs of whitespace made single spaces; iterative so
// pathologically deep documents cannot exhaust the stack.
std::string TextOf(const GumboNode* root) {
  std::string out;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      out += n->v.text.text;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (Skipped(n->v.element.tag)) continue;
    if (n->v.element.tag == GUMBO_TAG_BR) {
      out += ' ';
      continue;
    }
    const GumboVector& kids = n->v.element.children;
    for (size_t i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
  std::string squeezed;
  bool space = true;
  for (char c : out) {
    const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (ws) {
      if (!space) squeezed += ' ';
      space = true;
    } else {
      squeezed += c;
      space = false;
    }
  }
  while (!squeezed.empty() && squeezed.back() == ' ') squeezed.pop_back();
  return squeezed;
}

bool HasClass(const GumboNode* n, const std::string& word) {
  const char* cls = Attr(n, "class");
  const char* rel = Attr(n, "rel");
  const char* itemprop = Attr(n, "itemprop");
  auto contains = [&](const char* v) { return v && std::string(v).find(word) != std::string::npos; };
  return contains(cls) || contains(rel) || contains(itemprop);
}

struct Page {
  std::map<std::string, std::string> meta;  // property or name -> content (first wins)
  std::vector<Json> json_ld;
  std::string title;
  const GumboNode* article = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  std::string time_datetime;
  std::string canonical;
  std::vector<std::string> byline_texts;
  std::vector<std::string> notes;  // what was read but not used, and why
};

void Scan(const GumboNode* root, Page* page) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_META) {
      const char* key = Attr(n, "property") ? Attr(n, "property") : Attr(n, "name");
      const char* content = Attr(n, "content");
      if (key && content) page->meta.emplace(key, content);
    } else if (tag == GUMBO_TAG_TITLE && page->title.empty()) {
      page->title = TextOf(n);
    } else if (tag == GUMBO_TAG_SCRIPT) {
      const char* type = Attr(n, "type");
      if (type && std::string(type) == "application/ld+json" && n->v.element.children.length > 0) {
        const auto* text = static_cast<const GumboNode*>(n->v.element.children.data[0]);
        if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA) {
          // Depth first: LdArticle and every copy of the value recurse per level.
          if (Status st = CheckJsonDepth(text->v.text.text); !st.ok()) {
            page->notes.push_back("JSON-LD ignored: " + st.message());
          } else if (Json j = Json::parse(text->v.text.text, nullptr, false); !j.is_discarded()) {
            page->json_ld.push_back(std::move(j));
          }
        }
      }
      continue;
    } else if (tag == GUMBO_TAG_ARTICLE && !page->article) {
      page->article = n;
    } else if (tag == GUMBO_TAG_MAIN && !page->main) {
      page->main = n;
    } else if (tag == GUMBO_TAG_BODY) {
      page->body = n;
    } else if (tag == GUMBO_TAG_TIME && page->time_datetime.empty() && Attr(n, "datetime")) {
      page->time_datetime = Attr(n, "datetime");
    } else if (tag == GUMBO_TAG_LINK && Attr(n, "rel") && std::string(Attr(n, "rel")) == "canonical" && Attr(n, "href")) {
      page->canonical = Attr(n, "href");
    }
    if (tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HEAD && HasClass(n, "byline") &&
        page->byline_texts.size() < 3) {
      page->byline_texts.push_back(TextOf(n));
    }
    if (!page->main && Attr(n, "role") && std::string(Attr(n, "role")) == "main") page->main = n;
    const GumboVector& kids = n->v.element.children;
    for (size_t i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
}

// The first JSON-LD object that is an article (also inside @graph arrays).
// Recursive, but over values nested at most kMaxJsonDepth deep (Scan).
const Json* LdArticle(const Page& page) {
  static const std::set<std::string> kTypes = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting",
                                               "AnalysisNewsArticle", "OpinionNewsArticle"};
  std::function<const Json*(const Json&)> find = [&](const Json& j) -> const Json* {
    if (j.is_array()) {
      for (const auto& e : j) {
        if (const Json* f = find(e)) return f;
      }
      return nullptr;
    }
    if (!j.is_object()) return nullptr;
    if (j.contains("@type")) {
      const Json& t = j["@type"];
      if (t.is_string() && kTypes.count(t.get<std::string>())) return &j;
      if (t.is_array()) {
        for (const auto& e : t) {
          if (e.is_string() && kTypes.count(e.get<std::string>())) return &j;
        }
      }
    }
    if (j.contains("@graph")) return find(j["@graph"]);
    return nullptr;
  };
  for (const auto& j : page.json_ld) {
    if (const Json* f = find(j)) return f;
  }
  return nullptr;
}

std::string NameOf(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("name") && v["name"].is_string()) return v["name"].get<std::string>();
  return "";
}

}  // namespace

std::vector<Article> ReadHtml(const std::string& html, std::string* error) {
  if (const size_t depth = HtmlNestingDepth(html); depth > kMaxHtmlDepth) {
    if (error) {
      *error = "HTML nested " + std::to_string(depth) + " elements deep, over the limit of " +
               std::to_string(kMaxHtmlDepth);
    }
    return {};
  }
  Article a;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 1000;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  Page page;
  Scan(out->root, &page);
  a.notes = page.notes;

  const Json* ld = LdArticle(page);
  auto meta = [&](const char* key) -> std::string {
    auto it = page.meta.find(key);
    return it == page.meta.end() ? "" : it->second;
  };
  if (ld && (*ld).contains("headline")) a.headline = NameOf((*ld)["headline"]);
  if (a.headline.empty()) a.headline = meta("og:title");
  if (a.headline.empty()) a.headline = meta("twitter:title");
  if (ld && ld->contains("author")) {
    const Json& au = (*ld)["author"];
    if (au.is_array()) {
      for (const auto& e : au) {
        if (std::string n = NameOf(e); !n.empty()) a.authors.push_back(n);
      }
    } else if (std::string n = NameOf(au); !n.empty()) {
      a.authors.push_back(n);
    }
  }
  if (a.authors.empty()) {
    for (const char* key : {"author", "article:author", "byl", "sailthru.author", "dc.creator"}) {
      std::string v = meta(key);
      if (!v.empty() && v.rfind("http", 0) != 0) {
        a.authors.push_back(v);
        break;
      }
    }
  }
  if (a.authors.empty() && !page.byline_texts.empty()) a.byline = page.byline_texts[0];
  std::string date;
  if (ld && ld->contains("datePublished")) date = NameOf((*ld)["datePublished"]);
  for (const char* key : {"article:published_time", "datePublished", "date", "pubdate", "dc.date", "og:pubdate"}) {
    if (date.empty()) date = meta(key);
  }
  if (date.empty()) date = page.time_datetime;
  a.date = ParseDate(date);
  if (ld && ld->contains("publisher")) a.publisher = NameOf((*ld)["publisher"]);
  if (a.publisher.empty()) a.publisher = meta("og:site_name");
  a.url = meta("og:url");
  if (a.url.empty()) a.url = page.canonical;

  // The text: blocks under the article element, else main, else body.
  const GumboNode* root = page.article ? page.article : page.main ? page.main : page.body ? page.body : out->root;
  std::vector<const GumboNode*> stack = {root};
  bool first_h1 = true;
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = n->v.element.tag;
    if (Skipped(tag)) continue;
    if (tag == GUMBO_TAG_HEADER && root == page.body) continue;  // the site's header, not the article's
    if (IsBlock(tag)) {
      std::string text = TextOf(n);
      if (text.empty()) continue;
      if (tag == GUMBO_TAG_FIGCAPTION) {
        a.removed.push_back({"caption", text});
      } else if (tag == GUMBO_TAG_H1 && first_h1 && (a.headline.empty() || text == a.headline)) {
        if (a.headline.empty()) a.headline = text;  // the headline opens the text below
        a.blocks.push_back({text, true});
        first_h1 = false;
      } else {
        a.blocks.push_back({text, IsHeading(tag)});
      }
      continue;
    }
    const GumboVector& kids = n->v.element.children;
    for (size_t i = kids.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(kids.data[i - 1]));
  }
  // Pages built of bare <div>s: fall back to the text of the whole root.
  if (a.blocks.empty()) {
    std::string text = TextOf(root);
    if (!text.empty()) a.blocks.push_back({text, false});
  }
  if (a.headline.empty()) {
    a.headline = page.title;
    // "Headline - Site Name" / "Headline | Site": drop the site part.
    for (const char* sep : {" | ", " - ", " — ", " – "}) {
      if (const size_t at = a.headline.rfind(sep); at != std::string::npos && at > 10) {
        a.headline.resize(at);
        break;
      }
    }
  }
  gumbo_destroy_output(&options, out);
  return {a};
}

}  // namespace dossier::news
