// The page of a document: its metadata, its text by paragraph (each with an
// anchor, #p3), the names it mentions highlighted and linked to their pages,
// an anchor where each mention starts (#m-1234, what "Named in" links to) and
// where each claim's passage starts (#at-1234, what claims on entity pages
// link to), and the claims it is the source of. A document known only
// because others cite it says so and lists them.
#include <algorithm>
#include <limits>
#include <map>

#include "dossier/markup.h"
#include "dossier/text.h"
#include "html.h"

namespace dossier::plugins::html {
namespace {

// The paragraphs to show: the document's own, or its blank-line blocks.
std::vector<std::pair<int64_t, int64_t>> Blocks(const Document& d) {
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const auto& p : d.paragraphs) out.emplace_back(p.start, p.end);
  if (!out.empty()) return out;
  size_t start = 0;
  while (start < d.text.size()) {
    size_t end = d.text.find("\n\n", start);
    if (end == std::string::npos) end = d.text.size();
    if (end > start) out.emplace_back(start, end);
    start = end + 2;
  }
  return out;
}

// An anchor to write where the text reaches `at`: "at-1234" or "m-1234".
struct Anchor {
  int64_t at;
  std::string id;
  bool operator<(const Anchor& o) const { return at < o.at || (at == o.at && id < o.id); }
};

class Renderer {
 public:
  Renderer(const std::string& text, std::vector<Anchor> anchors, std::ostream& out)
      : text_(text), anchors_(std::move(anchors)), out_(out) {}

  // Text [from, to) with the anchors that fall in it (and any left behind:
  // one inside a highlighted name is written just after it).
  void Text(int64_t from, int64_t to) {
    while (next_ < anchors_.size() && anchors_[next_].at < to) {
      const int64_t at = std::max(anchors_[next_].at, from);
      out_ << XmlEscape(std::string_view(text_).substr(from, at - from));
      WriteAnchor();
      from = at;
    }
    out_ << XmlEscape(std::string_view(text_).substr(from, to - from));
  }
  // Anchors before `pos` not written yet (a passage starting between
  // paragraphs; at the end, those a damaged store put outside the text).
  void AnchorsBefore(int64_t pos) {
    while (next_ < anchors_.size() && anchors_[next_].at < pos) WriteAnchor();
  }

 private:
  void WriteAnchor() { out_ << "<span class=\"anchor\" id=\"" << anchors_[next_++].id << "\"></span>"; }

  const std::string& text_;
  std::vector<Anchor> anchors_;
  size_t next_ = 0;
  std::ostream& out_;
};

// The mentions shown highlighted, in text order: resolved, a span of the
// text inside one block, not overlapping the one before.
std::vector<const Mention*> Highlighted(const Document& d, const std::vector<Mention>& ms,
                                        const std::vector<std::pair<int64_t, int64_t>>& blocks) {
  std::vector<const Mention*> out;
  size_t m = 0;
  for (const auto& [start, end] : blocks) {
    if (!IsSpanOf(d.text, start, end)) continue;
    int64_t pos = start;
    while (m < ms.size() && ms[m].start < end) {
      const Mention& x = ms[m++];
      if (x.start < pos || x.end > end || x.entity.empty() || !IsSpanOf(d.text, x.start, x.end)) continue;
      out.push_back(&x);
      pos = x.end;
    }
  }
  return out;
}

// Every place another page links into this one: each selected claim's
// passage, each mention that is not highlighted (the highlight carries its
// own id), each once.
std::vector<Anchor> Anchors(const std::vector<Claim>& claims, const std::vector<Mention>& ms,
                            const std::vector<const Mention*>& highlighted, const Selection& selection) {
  std::vector<Anchor> anchors;
  for (const auto& c : claims) {
    if (c.source.start >= 0 && SelectsClaim(selection, c)) anchors.push_back({c.source.start, PassageAnchor(c.source.start)});
  }
  std::vector<int64_t> lit;
  for (const Mention* x : highlighted) lit.push_back(x->start);
  for (const auto& x : ms) {
    if (!std::binary_search(lit.begin(), lit.end(), x.start)) anchors.push_back({x.start, "m-" + std::to_string(x.start)});
  }
  std::sort(anchors.begin(), anchors.end());
  anchors.erase(std::unique(anchors.begin(), anchors.end(), [](const Anchor& a, const Anchor& b) { return a.id == b.id; }),
                anchors.end());
  return anchors;
}

// A document's properties, what a reader looks for first (a cable's
// reference, date, sender and addressees, classification) at the top, the
// rest in the store's order.
void MetadataRows(const Json& properties, std::ostream& out) {
  static const char* const kFirst[] = {"reference_id", "published", "publisher", "author", "origin", "to", "info",
                                       "subject", "classification", "caveats", "classified_by", "declassify_on",
                                       "tags", "signer", "url"};
  if (!properties.is_object()) return;
  for (const char* key : kFirst) {
    if (properties.contains(key)) out << PropertyRow(key, properties[key]);
  }
  for (auto it = properties.begin(); it != properties.end(); ++it) {
    const std::string& k = it.key();
    if (k == "paragraphs" || k == "source" || k == "kind") continue;
    if (std::find_if(std::begin(kFirst), std::end(kFirst), [&](const char* f) { return k == f; }) != std::end(kFirst)) continue;
    out << PropertyRow(k, it.value());
  }
}

// The page of a document that is not in the store: who cites it.
Status CitedOnlyPage(StoreView& store, const Selection& selection, const Document& d, std::ostream& out) {
  ClaimFilter citing;
  citing.about = d.id;
  citing.predicate = "references";
  auto claims = store.ListClaims(citing);
  if (!claims.ok()) return claims.status();
  Head(out, d.title, "../");
  out << "<h1>" << XmlEscape(d.title) << " " << TypeBadge(EntityType::kDocument) << "</h1>\n<table class=\"props\">\n"
      << "<tr><th>id</th><td>" << XmlEscape(d.id) << "</td></tr>\n</table>\n<p class=\"cited-only\"><span class=\"cited\">"
      << "cited only</span> Its text is not in this dossier: it is known because other documents cite it.</p>\n"
      << "<section id=\"cited-by\"><h2>Cited by</h2><ul class=\"top\">\n";
  int shown = 0;
  for (const auto& c : *claims) {
    if (c.object != d.id || c.subject == d.id) continue;
    ++shown;
    auto by = store.GetEntity(c.subject);
    const std::string title = by.ok() ? by->name : c.subject;
    if (SelectsEntity(selection, c.subject, EntityType::kDocument)) {
      std::string href = "../" + PagePath(c.subject);
      if (c.source.start >= 0) href += "#" + PassageAnchor(c.source.start);
      out << "<li><a href=\"" << XmlEscape(href) << "\">" << XmlEscape(title) << "</a></li>\n";
    } else {
      out << "<li>" << XmlEscape(title) << "</li>\n";
    }
  }
  if (shown == 0) out << "<li class=\"empty\">No document in the store cites it any more.</li>\n";
  out << "</ul></section>\n";
  Foot(out);
  return Status::OK();
}

}  // namespace

Status WriteDocumentPage(StoreView& store, const Selection& selection, const Document& d, std::ostream& out,
                         ListRow* row) {
  row->id = d.id;
  row->name = d.title;
  row->date = d.properties.is_object() ? d.properties.value("published", std::string()) : "";
  row->detail = d.properties.is_object() ? d.properties.value("publisher", d.properties.value("origin", std::string())) : "";
  row->cited_only = d.kind == "stub";
  if (row->cited_only) return CitedOnlyPage(store, selection, d, out);
  auto mentions = store.MentionsIn(d.id);
  if (!mentions.ok()) return mentions.status();
  row->count = static_cast<int64_t>(mentions->size());
  ClaimFilter sourced;
  sourced.document = d.id;
  auto claims = store.ListClaims(sourced);
  if (!claims.ok()) return claims.status();
  // Spans are as the store holds them: one that is not a span of this text
  // (a damaged store) gets no highlight and cuts nothing; its anchor goes
  // where the text reaches it, or at the end.
  const auto blocks = Blocks(d);
  const auto highlighted = Highlighted(d, *mentions, blocks);

  // Mentions link to the entity they were resolved to (after merges).
  std::map<std::string, std::string> canonical;
  auto page_of = [&](const Mention& m) -> std::string {
    auto it = canonical.find(m.entity);
    if (it == canonical.end()) {
      auto c = store.Resolve(m.entity);
      it = canonical.emplace(m.entity, c.ok() ? *c : std::string()).first;
    }
    if (it->second.empty() || !SelectsEntity(selection, it->second, m.type)) return "";
    return "../" + PagePath(it->second);
  };

  Head(out, d.title, "../");
  out << "<h1>" << XmlEscape(d.title) << " " << TypeBadge(EntityType::kDocument) << "</h1>\n<table class=\"props\">\n";
  out << "<tr><th>id</th><td>" << XmlEscape(d.id) << "</td></tr><tr><th>kind</th><td>" << XmlEscape(d.kind) << "</td></tr>\n";
  // The file name, not the curator's folders (docs/exports.md).
  if (!d.source.empty()) out << "<tr><th>source</th><td>" << XmlEscape(SourceToHandOver(selection, d.source)) << "</td></tr>\n";
  MetadataRows(d.properties, out);
  out << "</table>\n<section class=\"text\">\n";
  Renderer r(d.text, Anchors(*claims, *mentions, highlighted, selection), out);
  size_t next = 0;
  int seq = 0;
  for (const auto& [start, end] : blocks) {
    ++seq;
    if (!IsSpanOf(d.text, start, end)) continue;
    const Json& props = d.paragraphs.size() >= static_cast<size_t>(seq) ? d.paragraphs[seq - 1].properties : Json();
    const std::string label =
        props.is_object() && props.contains("number") ? props["number"].dump() : std::to_string(seq);
    out << "<p class=\"para\" id=\"p" << seq << "\"><a class=\"pilcrow\" href=\"#p" << seq << "\" title=\"link to this paragraph\">¶"
        << XmlEscape(label) << "</a>";
    r.AnchorsBefore(start);
    int64_t pos = start;
    while (next < highlighted.size() && highlighted[next]->start < end) {
      const Mention& x = *highlighted[next++];
      r.Text(pos, x.start);
      const std::string href = page_of(x);
      out << "<a class=\"m t-" << TypeName(x.type) << "\" id=\"m-" << x.start << "\"";
      if (!href.empty()) out << " href=\"" << XmlEscape(href) << "\"";
      out << ">" << XmlEscape(std::string_view(d.text).substr(x.start, x.end - x.start)) << "</a>";
      pos = x.end;
    }
    r.Text(pos, end);
    out << "</p>\n";
  }
  r.AnchorsBefore(std::numeric_limits<int64_t>::max());
  out << "</section>\n<section id=\"claims\"><h2>Claims resting on this document</h2>\n<ul class=\"sourced\">\n";
  int shown = 0;
  for (const auto& c : *claims) {
    if (!SelectsClaim(selection, c)) continue;
    ++shown;
    out << "<li><a href=\"#" << (c.source.start >= 0 ? PassageAnchor(c.source.start) : "claims") << "\">"
        << XmlEscape(c.predicate) << "</a> <span class=\"status\">" << StatusName(c.status) << "</span>";
    if (!c.source.quote.empty()) out << " <q>" << XmlEscape(c.source.quote) << "</q>";
    out << "</li>\n";
  }
  if (shown == 0) out << "<li class=\"empty\">None.</li>\n";
  out << "</ul></section>\n";
  Foot(out);
  return Status::OK();
}

}  // namespace dossier::plugins::html
