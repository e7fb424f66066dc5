// The page of a person, organization or place: names, properties, the
// neighbour graph, claims with their quotes linked to the source passage,
// what the checkers found (conflicts, corroboration), and where it is named:
// the first places on the page, all of them on pages of their own beside it.
#include <algorithm>
#include <map>

#include "dossier/markup.h"
#include "html.h"

namespace dossier::plugins::html {
namespace {

// The places named on the entity page; the rest go on pages of kNamedPerPage.
constexpr int64_t kNamedOnPage = 30;
constexpr int64_t kNamedPerPage = 200;

// Names of the entities a page refers to, looked up once each, linked to
// the page of the entity they were merged into when the site has one.
class Names {
 public:
  Names(StoreView& store, const Selection& selection) : store_(store), selection_(selection) {}
  std::string Link(const std::string& id) {
    auto it = links_.find(id);
    if (it == links_.end()) it = links_.emplace(id, Make(id)).first;
    return it->second;
  }

 private:
  std::string Make(const std::string& id) {
    auto canonical = store_.Resolve(id);
    auto e = store_.GetEntity(canonical.ok() ? *canonical : id);
    if (!e.ok()) return XmlEscape(id);
    if (!SelectsEntity(selection_, e->id, e->type)) return XmlEscape(e->name);
    return "<a href=\"../" + XmlEscape(PagePath(e->id)) + "\">" + XmlEscape(e->name) + "</a>";
  }

  StoreView& store_;
  const Selection& selection_;
  std::map<std::string, std::string> links_;
};

std::string ValueText(const Json& v) {
  if (!v.is_object()) return v.is_null() ? "" : v.dump();
  std::string s;
  if (v.contains("amount")) {
    if (v.contains("qualifier")) s += v["qualifier"].get<std::string>() + " ";
    s += v["amount"].dump();
    if (v.contains("unit")) s += " " + v["unit"].get<std::string>();
  } else if (v.contains("date")) {
    s = v["date"].get<std::string>();
  } else if (v.contains("text")) {
    s = "“" + v["text"].get<std::string>() + "”";
  } else {
    s = v.dump();
  }
  return s;
}

// A link to the source: to the passage of a claim (its document page has an
// anchor where each claim's passage starts), to the document where an alias
// was seen. A document outside the export is named, not linked.
std::string SourceLink(const SourceRef& src, const Selection& selection, bool passage) {
  if (src.document.empty()) return src.note.empty() ? "" : "<span class=\"note\">" + XmlEscape(src.note) + "</span>";
  if (!SelectsEntity(selection, src.document, EntityType::kDocument)) {
    return "<span class=\"src\">" + XmlEscape(src.document) + " (not in this export)</span>";
  }
  std::string href = "../" + PagePath(src.document);
  if (passage && src.start >= 0) href += "#" + PassageAnchor(src.start);
  return "<a class=\"src\" href=\"" + XmlEscape(href) + "\">" + (passage ? "source passage" : "seen here") + "</a>";
}

// The page's file name, for links between pages of one folder.
std::string FileName(const std::string& path) { return path.substr(path.rfind('/') + 1); }

void MentionItems(const std::vector<MentionInContext>& mentions, const Selection& selection, std::ostream& out) {
  for (const auto& m : mentions) {
    if (!SelectsEntity(selection, m.mention.document, EntityType::kDocument)) continue;
    out << "<li><a href=\"../" << XmlEscape(PagePath(m.mention.document)) << "#m-" << m.mention.start << "\">"
        << XmlEscape(m.document_title) << "</a><br><span class=\"snippet\">" << XmlEscape(m.snippet) << "</span></li>\n";
  }
}

// Pages 2.. of the places an entity is named, kNamedPerPage each, after the
// kNamedOnPage on its own page (page 1).
Status WriteNamedPages(StoreView& store, const Selection& selection, const Entity& e, int64_t count,
                       ExportTarget& target) {
  const int64_t pages = count <= kNamedOnPage ? 1 : 1 + (count - kNamedOnPage + kNamedPerPage - 1) / kNamedPerPage;
  auto href = [&](int64_t n) { return FileName(n == 1 ? PagePath(e.id) + "#mentions" : NamedPath(e.id, n)); };
  for (int64_t page = 2; page <= pages; ++page) {
    DescribeOptions options;
    options.mention_offset = kNamedOnPage + (page - 2) * kNamedPerPage;
    options.max_mentions = kNamedPerPage;
    options.max_claims = 0;
    options.finding_evidence = false;
    auto d = store.Describe(e.id, options);
    if (!d.ok()) return d.status();
    const std::string path = NamedPath(e.id, page);
    auto file = target.OpenFile(path);
    if (!file.ok()) return file.status();
    std::ostream& out = **file;
    Head(out, e.name + " (named in, page " + std::to_string(page) + ")", "../");
    out << "<h1><a href=\"" << XmlEscape(FileName(PagePath(e.id))) << "\">" << XmlEscape(e.name) << "</a> "
        << TypeBadge(e.type) << "</h1>\n<section id=\"mentions\"><h2>Named in</h2>\n<p class=\"count\">"
        << options.mention_offset + 1 << "–" << std::min(count, options.mention_offset + kNamedPerPage) << " of "
        << count << "</p>\n";
    Pager(out, page, pages, href);
    out << "<ul class=\"mentions\">\n";
    MentionItems(d->mentions, selection, out);
    out << "</ul>\n";
    Pager(out, page, pages, href);
    out << "</section>\n";
    Foot(out);
    if (!out) return Status::IOError("cannot write " + path);
  }
  return Status::OK();
}

void Claims(const std::vector<Claim>& claims, const Selection& selection, Names& names, std::ostream& out) {
  out << "<section id=\"claims\"><h2>Claims</h2>\n";
  int shown = 0;
  for (const Claim& c : claims) {
    if (!SelectsClaim(selection, c)) continue;
    ++shown;
    out << "<article class=\"claim s-" << StatusName(c.status) << "\"><p class=\"stmt\">" << names.Link(c.subject)
        << " <span class=\"pred\">" << XmlEscape(c.predicate) << "</span> "
        << (c.object.empty() ? "<strong>" + XmlEscape(ValueText(c.value)) + "</strong>" : names.Link(c.object));
    if (!c.time.empty()) out << " <span class=\"time\">(" << XmlEscape(c.time) << ")</span>";
    out << " <span class=\"status\">" << StatusName(c.status) << "</span></p>\n";
    if (!c.source.quote.empty()) out << "<blockquote>" << XmlEscape(c.source.quote) << "</blockquote>\n";
    out << "<p class=\"meta\">" << SourceLink(c.source, selection, true);
    if (!c.attributed_to.empty()) out << " · according to " << names.Link(c.attributed_to);
    if (!c.status_reason.empty()) out << " · " << StatusName(c.status) << ": " << XmlEscape(c.status_reason);
    out << "</p></article>\n";
  }
  if (shown == 0) out << "<p class=\"empty\">No claims.</p>\n";
  out << "</section>\n";
}

void Findings(const std::vector<Finding>& findings, const Selection& selection, std::ostream& out) {
  out << "<section id=\"findings\"><h2>Conflicts and corroboration</h2>\n";
  int shown = 0;
  for (const Finding& f : findings) {
    if (!selection.about.empty() && !SelectsFinding(selection, f)) continue;
    ++shown;
    FindingArticle(f, out);
  }
  if (shown == 0) out << "<p class=\"empty\">The checkers found nothing about it.</p>\n";
  out << "</section>\n";
}

}  // namespace

Status WriteEntityPages(StoreView& store, const Selection& selection, const EntitySummary& summary,
                        ExportTarget& target) {
  DescribeOptions options;
  options.max_mentions = kNamedOnPage;
  options.finding_evidence = false;  // a page shows each finding's message, not its evidence
  auto d = store.Describe(summary.id, options);
  if (!d.ok()) return d.status();
  const Entity& e = d->entity;
  const std::string path = PagePath(e.id);
  auto file = target.OpenFile(path);
  if (!file.ok()) return file.status();
  std::ostream& out = **file;
  Names names(store, selection);
  Head(out, e.name, "../");
  out << "<h1>" << XmlEscape(e.name) << " " << TypeBadge(e.type) << "</h1>\n<p class=\"id\">" << XmlEscape(e.id)
      << " · named " << d->mention_count << " times · " << d->claim_count << " claims</p>\n";
  if (!e.aliases.empty()) {
    out << "<section id=\"aliases\"><h2>Also known as</h2><ul class=\"aliases\">\n";
    for (const auto& a : e.aliases) {
      out << "<li>" << XmlEscape(a.name);
      if (!a.seen.empty()) out << " <span class=\"meta\">" << SourceLink(a.seen, selection, false) << "</span>";
      out << "</li>\n";
    }
    out << "</ul></section>\n";
  }
  if (!e.properties.empty()) {
    out << "<section id=\"properties\"><h2>Facts</h2><table class=\"props\">\n";
    for (const auto& [k, v] : e.properties.items()) {
      out << PropertyRow(k, v);
    }
    out << "</table></section>\n";
  }
  out << "<section id=\"graph\"><h2>Connections</h2>\n";
  if (Status st = NeighbourGraph(store, selection, e.id, e.name, e.type, out); !st.ok()) return st;
  out << "<p class=\"legend\"><span class=\"rel\">relation (a claim)</span> <span class=\"co\">named in the same "
         "document</span></p></section>\n";
  Claims(d->claims, selection, names, out);
  Findings(d->findings, selection, out);
  out << "<section id=\"mentions\"><h2>Named in</h2>\n";
  const int64_t count = d->mention_count;
  if (count > kNamedOnPage) {
    out << "<p class=\"count\">1–" << kNamedOnPage << " of " << count << "</p>\n";
    Pager(out, 1, 1 + (count - kNamedOnPage + kNamedPerPage - 1) / kNamedPerPage, [&](int64_t n) {
      return FileName(n == 1 ? path + "#mentions" : NamedPath(e.id, n));
    });
  }
  out << "<ul class=\"mentions\">\n";
  MentionItems(d->mentions, selection, out);
  if (count == 0) out << "<li class=\"empty\">Named in no document.</li>\n";
  out << "</ul></section>\n";
  Foot(out);
  if (!out) return Status::IOError("cannot write " + path);
  return WriteNamedPages(store, selection, e, count, target);
}

}  // namespace dossier::plugins::html
