// The html exporter: writes the site file by file (style, script, search
// index, index page, then a page per entity and per document), streaming
// every list from the store.
#include "dossier/markup.h"
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

// search-index.js: one row per entity and document,
// [id, name, type, page, aliases joined with " | "].
Status SearchIndex(StoreView& store, const Selection& selection, ExportTarget& target) {
  auto file = target.OpenFile("search-index.js");
  if (!file.ok()) return file.status();
  std::ostream& out = **file;
  out << "window.DOSSIER_INDEX = [";
  bool first = true;
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace, EntityType::kDocument}) {
    EntityFilter f;
    f.type = t;
    Status st = store.ForEachEntity(f, [&](const Entity& e) {
      if (!SelectsEntity(selection, e.id, e.type)) return true;
      std::string aliases;
      for (const auto& a : e.aliases) aliases += (aliases.empty() ? "" : " | ") + a.name;
      Json row = Json::array({e.id, e.name, TypeName(e.type), PagePath(e.id), aliases});
      out << (first ? "\n" : ",\n") << row.dump(-1, ' ', false, Json::error_handler_t::replace);
      first = false;
      return static_cast<bool>(out);
    });
    if (!st.ok()) return st;
  }
  out << "\n];\n";
  return out ? Status::OK() : Status::IOError("cannot write search-index.js");
}

Status IndexPage(StoreView& store, const Selection& selection, ExportTarget& target) {
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
         "<p class=\"count\" id=\"count\"></p><ul class=\"results\" id=\"results\"></ul>\n<div class=\"cols\">\n";
  static const char* kTitles[] = {"Most named people", "Most named organizations", "Most named places"};
  for (EntityType t : kNamed) {
    EntityFilter f;
    f.type = t;
    f.sort = EntityFilter::Sort::kMentions;
    f.limit = selection.about.empty() ? 15 : 500;
    auto top = store.ListEntities(f);
    if (!top.ok()) return top.status();
    out << "<section><h2>" << kTitles[static_cast<int>(t)] << "</h2><ul class=\"top\">\n";
    int shown = 0;
    for (const auto& e : *top) {
      if (shown == 15 || !SelectsEntity(selection, e.id, e.type)) continue;
      ++shown;
      out << "<li><a href=\"" << XmlEscape(PagePath(e.id)) << "\">" << XmlEscape(e.name) << "</a> <span class=\"meta\">"
          << e.mentions << (e.mentions == 1 ? " mention" : " mentions") << "</span></li>\n";
    }
    out << "</ul></section>\n";
  }
  out << "<section><h2>Documents</h2><ul class=\"top\">\n";
  EntityFilter docs;
  docs.type = EntityType::kDocument;
  int listed = 0;
  Status st = store.ForEachEntity(docs, [&](const Entity& e) {
    if (!SelectsEntity(selection, e.id, e.type)) return true;
    if (++listed > 30) {
      out << "<li class=\"meta\">more: search above</li>\n";
      return false;
    }
    out << "<li><a href=\"" << XmlEscape(PagePath(e.id)) << "\">" << XmlEscape(e.name) << "</a></li>\n";
    return true;
  });
  if (!st.ok()) return st;
  out << "</ul></section>\n</div>\n<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>\n";
  Foot(out);
  return out ? Status::OK() : Status::IOError("cannot write index.html");
}

class HtmlExporter final : public Exporter {
 public:
  std::string name() const override { return "html"; }
  std::string description() const override {
    return "a static, self-contained site: searchable index, a page per entity and per document";
  }
  bool writes_folder() const override { return true; }
  std::string default_output() const override { return "dossier-html"; }

  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    if (Status st = Copy(target, "style.css", kStyle); !st.ok()) return st;
    if (Status st = Copy(target, "search.js", kSearchScript); !st.ok()) return st;
    if (Status st = SearchIndex(store, selection, target); !st.ok()) return st;
    if (Status st = IndexPage(store, selection, target); !st.ok()) return st;
    Status inner;
    for (EntityType t : kNamed) {
      EntityFilter f;
      f.type = t;
      Status st = store.ForEachEntitySummary(f, [&](const EntitySummary& e) {
        if (!SelectsEntity(selection, e.id, e.type)) return true;
        auto file = target.OpenFile(PagePath(e.id));
        if (file.ok()) inner = WriteEntityPage(store, selection, e, **file);
        if (!file.ok()) inner = file.status();
        return inner.ok();
      });
      if (!st.ok()) return st;
      if (!inner.ok()) return inner;
    }
    Status st = store.ForEachDocument([&](const Document& d) {
      if (!SelectsEntity(selection, d.id, EntityType::kDocument)) return true;
      auto file = target.OpenFile(PagePath(d.id));
      if (file.ok()) inner = WriteDocumentPage(store, selection, d, **file);
      if (!file.ok()) inner = file.status();
      return inner.ok();
    });
    if (!st.ok()) return st;
    return inner;
  }
};

void Register(Registrar& r) { r.AddExporter(std::make_unique<HtmlExporter>()); }

}  // namespace
}  // namespace dossier::plugins::html

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "export-html", "1.0.0", &dossier::plugins::html::Register};
}
