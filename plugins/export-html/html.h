// The html exporter's parts: a static, self-contained site (no network): an
// index with a search box over a small JSON index, paged lists of everything
// it holds, a page per entity, per document and per story. Each kind of page
// is written by its own unit (docs/exports.md, "html").
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/exporter.h"

namespace dossier::plugins::html {

// The page of an entity, document or story, relative to the site root
// ("e/person_sun-zhengcai.html", "d/doc_06GUANGZHOU32397.html",
// "s/story_....html"). Ids are
// kept readable; characters unsafe in a file name are replaced, and then a
// hash of the id keeps two ids from sharing a file.
std::string PagePath(std::string_view id);

// Page n (from 2) of the places an entity is named: beside its page, with a
// '~' no page name has ("e/person_x~named-2.html").
std::string NamedPath(std::string_view id, int64_t page);

// Page n (from 1) of a list: "list/person-1.html", "list/document-3.html".
std::string ListPath(std::string_view list, int64_t page);

// Links to the pages of a paged list, for a reader on `page` of `pages`
// (first, previous, a few around, next, last); nothing when there is one page.
void Pager(std::ostream& out, int64_t page, int64_t pages, const std::function<std::string(int64_t)>& href);

// The opening of a page (title, stylesheet, header with a link home) and its end.
void Head(std::ostream& out, const std::string& title, const std::string& root);
void Foot(std::ostream& out);

// A table row for one property, its value as escaped text: a list as a
// list, records (a cable's addressees) as a table, an object as a table. Web addresses
// are text too, never links: the site is self-contained, and a "javascript:"
// URL from a document stays inert.
std::string PropertyRow(const std::string& key, const Json& value);

// Whether a name belongs in a "most named" list: a redaction placeholder or
// a name without two letters is left out (it keeps its own page).
bool ShowsAmongMostNamed(std::string_view name);

// "person", "organization", ... as a coloured label.
std::string TypeBadge(EntityType type);

// The anchor of the passage starting at byte `start` of a document's text.
std::string PassageAnchor(int64_t start);

// An inline SVG of the entity and its heaviest connections, laid out on a
// circle in a fixed order (the same store draws the same picture).
// Only selected neighbours are drawn (each has a page to link to).
Status NeighbourGraph(StoreView& store, const Selection& selection, const std::string& id, const std::string& name,
                      EntityType type, std::ostream& out);

// One row of a list page: an entity, a document or a story.
struct ListRow {
  std::string id;
  std::string name;    // name or title
  std::string date;    // a document's publication date; a story's span
  std::string detail;  // a document's publisher or origin; a story's outlets
  int64_t count = 0;   // mentions of an entity, in a document; a story's documents
  bool cited_only = false;  // a document known only because another cites it
};

// Writes pages of rows, already in their order, as list/<list>-N.html; the
// number of pages (0 for no rows).
Result<int64_t> WriteList(ExportTarget& target, const std::string& list, const std::string& title,
                          const std::vector<ListRow>& rows);

// An entity's page, and the pages of all the places it is named in when they
// do not fit on it.
Status WriteEntityPages(StoreView& store, const Selection& selection, const EntitySummary& entity,
                        ExportTarget& target);
// A document's page; `row` receives what its list shows.
Status WriteDocumentPage(StoreView& store, const Selection& selection, const Document& document, std::ostream& out,
                         ListRow* row);
// The list row of a document by its id; null when it is not in the export.
using DocumentRows = std::function<const ListRow*(const std::string& id)>;

// A story's page: its documents, outlets and findings.
Status WriteStoryPage(StoreView& store, const Story& story, const DocumentRows& documents, std::ostream& out);

// A checker's finding as an article: code, message, checker and status.
void FindingArticle(const Finding& finding, std::ostream& out);

// The stylesheet and the search script, written once per site.
extern const char* const kStyle;
extern const char* const kSearchScript;

}  // namespace dossier::plugins::html
