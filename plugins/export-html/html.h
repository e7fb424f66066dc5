// The html exporter's parts: a static, self-contained site (no network): an
// index with a search box over a small JSON index, a page per entity and a
// page per document. Each page is written by its own unit.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "dossier/exporter.h"

namespace dossier::plugins::html {

// The page of an entity or document, relative to the site root
// ("e/person_sun-zhengcai.html", "d/doc_06GUANGZHOU32397.html"). Ids are
// kept readable; characters unsafe in a file name are replaced, and then a
// hash of the id keeps two ids from sharing a file.
std::string PagePath(std::string_view id);

// The opening of a page (title, stylesheet, header with a link home) and its end.
void Head(std::ostream& out, const std::string& title, const std::string& root);
void Foot(std::ostream& out);

// A table row for one property, its value as escaped text. Web addresses are
// text too, never links: the site is self-contained, and a "javascript:" URL
// from a document stays inert.
std::string PropertyRow(const std::string& key, const Json& value);

// "person", "organization", ... as a coloured label.
std::string TypeBadge(EntityType type);

// The anchor of the passage starting at byte `start` of a document's text.
std::string PassageAnchor(int64_t start);

// An inline SVG of the entity and its heaviest connections, laid out on a
// circle in a fixed order (the same store draws the same picture).
Status NeighbourGraph(StoreView& store, const std::string& id, const std::string& name, EntityType type,
                      std::ostream& out);

Status WriteEntityPage(StoreView& store, const Selection& selection, const EntitySummary& entity, std::ostream& out);
Status WriteDocumentPage(StoreView& store, const Selection& selection, const Document& document, std::ostream& out);

// The stylesheet and the search script, written once per site.
extern const char* const kStyle;
extern const char* const kSearchScript;

}  // namespace dossier::plugins::html
