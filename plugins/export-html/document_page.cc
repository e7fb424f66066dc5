// The page of a document: its metadata, its text by paragraph (each with an
// anchor, #p3), the names it mentions highlighted and linked to their pages,
// an anchor where each claim's passage starts (#at-1234, what claims on
// entity pages link to), and the claims it is the source of.
#include <algorithm>
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

class Renderer {
 public:
  Renderer(const std::string& text, std::vector<int64_t> anchors, std::ostream& out)
      : text_(text), anchors_(std::move(anchors)), out_(out) {}

  // Text [from, to) with the claim anchors that fall in it.
  void Text(int64_t from, int64_t to) {
    while (next_ < anchors_.size() && anchors_[next_] < to) {
      const int64_t at = std::max(anchors_[next_], from);
      out_ << XmlEscape(std::string_view(text_).substr(from, at - from));
      Anchor();
      from = at;
    }
    out_ << XmlEscape(std::string_view(text_).substr(from, to - from));
  }
  // Anchors before `pos` not written yet (a passage starting between paragraphs).
  void AnchorsBefore(int64_t pos) {
    while (next_ < anchors_.size() && anchors_[next_] < pos) Anchor();
  }

 private:
  void Anchor() { out_ << "<span class=\"anchor\" id=\"" << PassageAnchor(anchors_[next_++]) << "\"></span>"; }

  const std::string& text_;
  std::vector<int64_t> anchors_;
  size_t next_ = 0;
  std::ostream& out_;
};

}  // namespace

Status WriteDocumentPage(StoreView& store, const Selection& selection, const Document& d, std::ostream& out) {
  auto mentions = store.MentionsIn(d.id);
  if (!mentions.ok()) return mentions.status();
  ClaimFilter sourced;
  sourced.document = d.id;
  auto claims = store.ListClaims(sourced);
  if (!claims.ok()) return claims.status();
  // Spans are as the store holds them: one that is not a span of this text
  // (a damaged store) gets no anchor and no highlight, and cuts nothing.
  std::vector<int64_t> anchors;
  for (const auto& c : *claims) {
    if (IsSpanOf(d.text, c.source.start, c.source.end) && SelectsClaim(selection, c)) {
      anchors.push_back(c.source.start);
    }
  }
  std::sort(anchors.begin(), anchors.end());
  anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());

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
  for (const auto& [k, v] : d.properties.items()) {
    if (k == "paragraphs" || k == "source" || k == "kind") continue;
    out << PropertyRow(k, v);
  }
  out << "</table>\n<section class=\"text\">\n";
  Renderer r(d.text, anchors, out);
  size_t m = 0;
  const auto& ms = *mentions;
  int seq = 0;
  for (const auto& [start, end] : Blocks(d)) {
    ++seq;
    if (!IsSpanOf(d.text, start, end)) continue;
    const Json& props = d.paragraphs.size() >= static_cast<size_t>(seq) ? d.paragraphs[seq - 1].properties : Json();
    const std::string label =
        props.is_object() && props.contains("number") ? props["number"].dump() : std::to_string(seq);
    out << "<p class=\"para\" id=\"p" << seq << "\"><a class=\"pilcrow\" href=\"#p" << seq << "\" title=\"link to this paragraph\">¶"
        << XmlEscape(label) << "</a>";
    r.AnchorsBefore(start);
    int64_t pos = start;
    while (m < ms.size() && ms[m].start < end) {
      const Mention& x = ms[m++];
      // Overlapping, crossing, unresolved, or not a span of the text.
      if (x.start < pos || x.end > end || x.entity.empty() || !IsSpanOf(d.text, x.start, x.end)) continue;
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
  r.AnchorsBefore(static_cast<int64_t>(d.text.size()) + 1);
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
