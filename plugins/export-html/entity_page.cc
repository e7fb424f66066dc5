// The page of a person, organization or place: names, properties, the
// neighbour graph, claims with their quotes linked to the source passage,
// what the checkers found (conflicts, corroboration), and where it is named.
#include <map>

#include "dossier/markup.h"
#include "html.h"

namespace dossier::plugins::html {
namespace {

// Names of the entities a page refers to, looked up once each.
class Names {
 public:
  explicit Names(StoreView& store) : store_(store) {}
  std::string Link(const std::string& id) {
    auto it = names_.find(id);
    if (it == names_.end()) {
      auto e = store_.GetEntity(id);
      it = names_.emplace(id, e.ok() ? e->name : id).first;
    }
    return "<a href=\"../" + XmlEscape(PagePath(id)) + "\">" + XmlEscape(it->second) + "</a>";
  }

 private:
  StoreView& store_;
  std::map<std::string, std::string> names_;
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

std::string SourceLink(const SourceRef& src) {
  if (src.document.empty()) return src.note.empty() ? "" : "<span class=\"note\">" + XmlEscape(src.note) + "</span>";
  std::string href = "../" + PagePath(src.document);
  if (src.start >= 0) href += "#" + PassageAnchor(src.start);
  return "<a class=\"src\" href=\"" + XmlEscape(href) + "\">source passage</a>";
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
    out << "<p class=\"meta\">" << SourceLink(c.source);
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
    out << "<article class=\"finding sev-" << SeverityName(f.severity) << "\"><p><span class=\"code\">" << XmlEscape(f.code)
        << "</span> " << XmlEscape(f.message) << "</p><p class=\"meta\">" << XmlEscape(f.checker) << " checker · "
        << FindingStatusName(f.status);
    if (!f.status_reason.empty()) out << ": " << XmlEscape(f.status_reason);
    out << "</p></article>\n";
  }
  if (shown == 0) out << "<p class=\"empty\">The checkers found nothing about it.</p>\n";
  out << "</section>\n";
}

}  // namespace

Status WriteEntityPage(StoreView& store, const Selection& selection, const EntitySummary& summary, std::ostream& out) {
  DescribeOptions options;
  options.max_mentions = 30;
  auto d = store.Describe(summary.id, options);
  if (!d.ok()) return d.status();
  const Entity& e = d->entity;
  Names names(store);
  Head(out, e.name, "../");
  out << "<h1>" << XmlEscape(e.name) << " " << TypeBadge(e.type) << "</h1>\n<p class=\"id\">" << XmlEscape(e.id)
      << " · named " << d->mention_count << " times · " << d->claim_count << " claims</p>\n";
  if (!e.aliases.empty()) {
    out << "<section id=\"aliases\"><h2>Also known as</h2><ul class=\"aliases\">\n";
    for (const auto& a : e.aliases) {
      out << "<li>" << XmlEscape(a.name);
      if (!a.seen.empty()) out << " <span class=\"meta\">" << SourceLink(a.seen) << "</span>";
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
  if (Status st = NeighbourGraph(store, e.id, e.name, e.type, out); !st.ok()) return st;
  out << "<p class=\"legend\"><span class=\"rel\">relation (a claim)</span> <span class=\"co\">named in the same "
         "document</span></p></section>\n";
  Claims(d->claims, selection, names, out);
  Findings(d->findings, selection, out);
  out << "<section id=\"mentions\"><h2>Named in</h2><ul class=\"mentions\">\n";
  for (const auto& m : d->mentions) {
    if (!SelectsEntity(selection, m.mention.document, EntityType::kDocument)) continue;
    out << "<li><a href=\"../" << XmlEscape(PagePath(m.mention.document)) << "#m-" << m.mention.start << "\">"
        << XmlEscape(m.document_title) << "</a><br><span class=\"snippet\">" << XmlEscape(m.snippet) << "</span></li>\n";
  }
  if (d->mention_count > static_cast<int64_t>(d->mentions.size())) {
    out << "<li class=\"more\">and " << d->mention_count - static_cast<int64_t>(d->mentions.size()) << " more</li>\n";
  }
  out << "</ul></section>\n";
  Foot(out);
  return Status::OK();
}

}  // namespace dossier::plugins::html
