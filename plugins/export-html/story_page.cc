// The page of a story (docs/checks.md, "Stories"): the documents that report
// one event, who published them and when, the documents a curator took out,
// and what the checkers found across them.
#include "dossier/markup.h"
#include "html.h"

namespace dossier::plugins::html {

Status WriteStoryPage(StoreView& store, const Story& story, const DocumentRows& documents, std::ostream& out) {
  Head(out, story.title, "../");
  out << "<h1>" << XmlEscape(story.title) << " <span class=\"badge t-story\">story</span></h1>\n<table class=\"props\">\n"
      << "<tr><th>id</th><td>" << XmlEscape(story.id) << "</td></tr>\n";
  if (!story.first_date.empty()) {
    out << "<tr><th>dates</th><td>" << XmlEscape(story.first_date)
        << (story.last_date != story.first_date ? " to " + XmlEscape(story.last_date) : "") << "</td></tr>\n";
  }
  if (!story.outlets.empty()) out << PropertyRow("outlets", story.outlets);
  out << "</table>\n<section id=\"documents\"><h2>Documents</h2><ul class=\"top\">\n";
  for (const auto& m : story.members) {
    if (m.excluded) continue;
    const ListRow* row = documents(m.document);
    if (!row) continue;  // outside this export
    out << "<li><a href=\"../" << XmlEscape(PagePath(m.document)) << "\">" << XmlEscape(row->name) << "</a> <span class=\"meta\">";
    std::string meta;
    for (const std::string* part : {&row->detail, &row->date}) {
      if (!part->empty()) meta += (meta.empty() ? "" : " · ") + XmlEscape(*part);
    }
    if (m.by != "grouping") meta += (meta.empty() ? "" : " · ") + ("put in by " + XmlEscape(m.by));
    out << meta << "</span></li>\n";
  }
  out << "</ul></section>\n";
  bool any_out = false;
  for (const auto& m : story.members) {
    if (!m.excluded) continue;
    if (!any_out) out << "<section id=\"taken-out\"><h2>Taken out</h2><ul class=\"top\">\n";
    any_out = true;
    const ListRow* row = documents(m.document);
    out << "<li>" << XmlEscape(row ? row->name : m.document) << " <span class=\"meta\">by " << XmlEscape(m.by)
        << (m.reason.empty() ? "" : ": " + XmlEscape(m.reason)) << "</span></li>\n";
  }
  if (any_out) out << "</ul></section>\n";
  FindingFilter about;
  about.about = story.id;
  auto findings = store.ListFindings(about);
  if (!findings.ok()) return findings.status();
  out << "<section id=\"findings\"><h2>Across its documents</h2>\n";
  for (const Finding& f : *findings) FindingArticle(f, out);
  if (findings->empty()) out << "<p class=\"empty\">The checkers found nothing across its documents.</p>\n";
  out << "</section>\n";
  Foot(out);
  return out ? Status::OK() : Status::IOError("cannot write the page of " + story.id);
}

}  // namespace dossier::plugins::html
