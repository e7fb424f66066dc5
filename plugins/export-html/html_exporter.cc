// The html exporter: writes the site file by file (style, script, a page per
// entity, document and story, the paged lists, the search index, the index
// page), streaming entities and documents from the store and keeping only a
// short row of each for the lists.
#include <algorithm>
#include <unordered_map>

#include "dossier/markup.h"
#include "dossier/text.h"
#include "dossier/plugin.h"
#include "html.h"

namespace dossier::plugins::html {
namespace {

constexpr EntityType kNamed[] = {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace};

Status Copy(ExportTarget& target, const std::string& path, const char* content) {
  auto out = target.OpenFile(path);
  if (!out.ok()) return out.status();
  **out << content;
  return **out ? Status::OK() : Status::IOError("cannot write " + path);
}

// What the site holds, gathered while its pages are written: the rows of
// its lists, in list order; and how far the writing is, for the progress
// line (pages of entities and documents, of about `total`).
struct Site {
  int64_t pages = 0;
  int64_t total = 0;
  std::vector<ListRow> named[3];  // people, organizations, places, by name
  std::vector<ListRow> documents;  // by date, newest first, then title
  std::vector<ListRow> cited;      // cited only, by title
  std::vector<ListRow> stories;    // most documents first
  std::unordered_map<std::string, size_t> document_at;  // id -> index in documents or cited
};

constexpr const char* kListName[] = {"person", "organization", "place"};
constexpr const char* kListTitle[] = {"People", "Organizations", "Places"};

bool ByName(const ListRow& a, const ListRow& b) {
  const std::string na = NormalizeName(a.name), nb = NormalizeName(b.name);
  return na != nb ? na < nb : a.id < b.id;
}

// search-index.js: one row per entity, document and story,
// [id, name, type, page, aliases joined with " | "].
Status SearchIndex(StoreView& store, const Selection& selection, const Site& site, ExportTarget& target) {
  auto file = target.OpenFile("search-index.js");
  if (!file.ok()) return file.status();
  std::ostream& out = **file;
  out << "window.DOSSIER_INDEX = [";
  bool first = true;
  auto put = [&](const Json& row) {
    out << (first ? "\n" : ",\n") << row.dump(-1, ' ', false, Json::error_handler_t::replace);
    first = false;
  };
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace, EntityType::kDocument}) {
    EntityFilter f;
    f.type = t;
    Status st = store.ForEachEntity(f, [&](const Entity& e) {
      if (!SelectsEntity(selection, e.id, e.type)) return true;
      std::string aliases;
      for (const auto& a : e.aliases) aliases += (aliases.empty() ? "" : " | ") + a.name;
      put(Json::array({e.id, e.name, TypeName(e.type), PagePath(e.id), aliases}));
      return static_cast<bool>(out);
    });
    if (!st.ok()) return st;
  }
  for (const ListRow& r : site.stories) put(Json::array({r.id, r.name, "story", PagePath(r.id), r.detail}));
  out << "\n];\n";
  return out ? Status::OK() : Status::IOError("cannot write search-index.js");
}

// A list of the index page: its first rows, and a link to all of them.
void IndexList(const std::string& title, const std::vector<const ListRow*>& rows, int64_t total,
               const std::string& all, std::ostream& out) {
  out << "<section><h2>" << XmlEscape(title) << "</h2><ul class=\"top\">\n";
  for (const ListRow* r : rows) {
    out << "<li><a href=\"" << XmlEscape(PagePath(r->id)) << "\">" << XmlEscape(r->name) << "</a> <span class=\"meta\">";
    if (r->id.rfind("doc:", 0) == 0) {
      out << XmlEscape(r->date);
    } else if (r->id.rfind("story:", 0) == 0) {
      out << r->count << " documents";
    } else {
      out << r->count << (r->count == 1 ? " mention" : " mentions");
    }
    out << "</span></li>\n";
  }
  if (rows.empty()) out << "<li class=\"empty\">None.</li>\n";
  out << "</ul>";
  if (total > 0) out << "<p class=\"all\"><a href=\"" << XmlEscape(all) << "\">All " << total << " →</a></p>";
  out << "</section>\n";
}

Status IndexPage(const Selection& selection, const Site& site, ExportTarget& target) {
  auto file = target.OpenFile("index.html");
  if (!file.ok()) return file.status();
  std::ostream& out = **file;
  Head(out, "Index", "");
  out << "<h1>The dossier</h1>\n";
  if (!selection.about.empty()) {
    out << "<p class=\"id\">Around <a href=\"" << XmlEscape(PagePath(selection.about)) << "\">" << XmlEscape(selection.about)
        << "</a>, " << selection.depth << " step(s) out.</p>\n";
  }
  out << "<input id=\"q\" type=\"search\" autofocus placeholder=\"Search a name, an alias, a title\" aria-label=\"Search\">\n"
         "<p class=\"count\" id=\"count\"></p><ul class=\"results\" id=\"results\"></ul>\n";
  out << "<nav class=\"browse\" aria-label=\"browse\">";
  for (int t = 0; t < 3; ++t) {
    if (!site.named[t].empty()) {
      out << "<a href=\"" << ListPath(kListName[t], 1) << "\">" << kListTitle[t] << " <b>" << site.named[t].size() << "</b></a> ";
    }
  }
  if (!site.documents.empty()) out << "<a href=\"" << ListPath("document", 1) << "\">Documents <b>" << site.documents.size() << "</b></a> ";
  if (!site.cited.empty()) out << "<a href=\"" << ListPath("cited", 1) << "\">Cited only <b>" << site.cited.size() << "</b></a> ";
  if (!site.stories.empty()) out << "<a href=\"" << ListPath("story", 1) << "\">Stories <b>" << site.stories.size() << "</b></a> ";
  out << "</nav>\n<div class=\"cols\">\n";
  static const char* kTitles[] = {"Most named people", "Most named organizations", "Most named places"};
  for (int t = 0; t < 3; ++t) {
    std::vector<const ListRow*> top;
    for (const ListRow& r : site.named[t]) {
      if (r.count > 0 && ShowsAmongMostNamed(r.name)) top.push_back(&r);
    }
    auto most = [](const ListRow* a, const ListRow* b) { return a->count != b->count ? a->count > b->count : ByName(*a, *b); };
    const size_t n = std::min<size_t>(top.size(), 15);
    std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(n), top.end(), most);
    top.resize(n);
    IndexList(kTitles[t], top, static_cast<int64_t>(site.named[t].size()), ListPath(kListName[t], 1), out);
  }
  std::vector<const ListRow*> first;
  for (size_t i = 0; i < site.stories.size() && i < 10; ++i) first.push_back(&site.stories[i]);
  if (!first.empty()) IndexList("Stories", first, static_cast<int64_t>(site.stories.size()), ListPath("story", 1), out);
  first.clear();
  for (size_t i = 0; i < site.documents.size() && i < 15; ++i) first.push_back(&site.documents[i]);
  IndexList("Latest documents", first, static_cast<int64_t>(site.documents.size()), ListPath("document", 1), out);
  out << "</div>\n<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>\n";
  Foot(out);
  return out ? Status::OK() : Status::IOError("cannot write index.html");
}

// The page of each selected person, organization and place.
Status EntityPages(StoreView& store, const Selection& selection, ExportTarget& target, Site* site) {
  for (int t = 0; t < 3; ++t) {
    EntityFilter f;
    f.type = kNamed[t];
    Status inner;
    Status st = store.ForEachEntitySummary(f, [&](const EntitySummary& e) {
      if (!SelectsEntity(selection, e.id, e.type)) return true;
      inner = WriteEntityPages(store, selection, e, target);
      site->named[t].push_back({e.id, e.name, "", "", e.mentions, false});
      target.Progress(++site->pages, std::max(site->pages, site->total));
      return inner.ok();
    });
    if (!st.ok()) return st;
    if (!inner.ok()) return inner;
    std::sort(site->named[t].begin(), site->named[t].end(), ByName);
  }
  return Status::OK();
}

// The page of each selected document; cited-only ones listed apart.
Status DocumentPages(StoreView& store, const Selection& selection, ExportTarget& target, Site* site) {
  Status inner;
  Status st = store.ForEachDocument([&](const Document& d) {
    if (!SelectsEntity(selection, d.id, EntityType::kDocument)) return true;
    auto file = target.OpenFile(PagePath(d.id));
    if (!file.ok()) {
      inner = file.status();
      return false;
    }
    ListRow row;
    inner = WriteDocumentPage(store, selection, d, **file, &row);
    (row.cited_only ? site->cited : site->documents).push_back(std::move(row));
    target.Progress(++site->pages, std::max(site->pages, site->total));
    return inner.ok();
  });
  if (!st.ok()) return st;
  if (!inner.ok()) return inner;
  std::sort(site->documents.begin(), site->documents.end(), [](const ListRow& a, const ListRow& b) {
    return a.date != b.date ? a.date > b.date : ByName(a, b);
  });
  std::sort(site->cited.begin(), site->cited.end(), ByName);
  for (size_t i = 0; i < site->documents.size(); ++i) site->document_at[site->documents[i].id] = i;
  for (size_t i = 0; i < site->cited.size(); ++i) site->document_at[site->cited[i].id] = site->documents.size() + i;
  return Status::OK();
}

// The page of each story with a document in the export.
Status StoryPages(StoreView& store, ExportTarget& target, Site* site) {
  const DocumentRows row_of = [site](const std::string& id) -> const ListRow* {
    auto it = site->document_at.find(id);
    if (it == site->document_at.end()) return nullptr;
    return it->second < site->documents.size() ? &site->documents[it->second]
                                               : &site->cited[it->second - site->documents.size()];
  };
  Status inner;
  Status st = store.ForEachStory(false, [&](const Story& s) {
    int64_t in = 0;
    for (const auto& m : s.members) in += !m.excluded && row_of(m.document);
    if (in == 0) return true;
    auto file = target.OpenFile(PagePath(s.id));
    if (!file.ok()) {
      inner = file.status();
      return false;
    }
    inner = WriteStoryPage(store, s, row_of, **file);
    std::string outlets;
    for (const auto& o : s.outlets) outlets += (outlets.empty() ? "" : ", ") + o;
    const std::string span = s.first_date == s.last_date ? s.first_date : s.first_date + " to " + s.last_date;
    site->stories.push_back({s.id, s.title, span, outlets, in, false});
    return inner.ok();
  });
  if (!st.ok()) return st;
  if (!inner.ok()) return inner;
  std::stable_sort(site->stories.begin(), site->stories.end(),
                   [](const ListRow& a, const ListRow& b) { return a.count > b.count; });
  return Status::OK();
}

Status Lists(const Site& site, ExportTarget& target) {
  for (int t = 0; t < 3; ++t) {
    if (auto pages = WriteList(target, kListName[t], kListTitle[t], site.named[t]); !pages.ok()) return pages.status();
  }
  if (auto pages = WriteList(target, "document", "Documents", site.documents); !pages.ok()) return pages.status();
  if (auto pages = WriteList(target, "cited", "Cited only: documents known because others cite them", site.cited);
      !pages.ok()) {
    return pages.status();
  }
  auto pages = WriteList(target, "story", "Stories", site.stories);
  return pages.ok() ? Status::OK() : pages.status();
}

class HtmlExporter final : public Exporter {
 public:
  std::string name() const override { return "html"; }
  std::string description() const override {
    return "a static, self-contained site: searchable index, paged lists, a page per entity, document and story";
  }
  bool writes_folder() const override { return true; }
  std::string default_output() const override { return "dossier-html"; }

  // Pages first, gathering the rows of the lists; the lists, the search
  // index and the index page from them.
  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    Site site;
    if (auto s = store.GetStats(); s.ok()) {
      site.total = selection.about.empty() ? s->persons + s->organizations + s->places + s->documents + s->cited_only
                                           : static_cast<int64_t>(selection.members.size());
    }
    if (Status st = Copy(target, "style.css", kStyle); !st.ok()) return st;
    if (Status st = Copy(target, "search.js", kSearchScript); !st.ok()) return st;
    if (Status st = EntityPages(store, selection, target, &site); !st.ok()) return st;
    if (Status st = DocumentPages(store, selection, target, &site); !st.ok()) return st;
    if (Status st = StoryPages(store, target, &site); !st.ok()) return st;
    if (Status st = Lists(site, target); !st.ok()) return st;
    if (Status st = SearchIndex(store, selection, site, target); !st.ok()) return st;
    return IndexPage(selection, site, target);
  }
};

void Register(Registrar& r) { r.AddExporter(std::make_unique<HtmlExporter>()); }

}  // namespace
}  // namespace dossier::plugins::html

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "export-html", "1.0.0", &dossier::plugins::html::Register};
}
