// Paged lists of what the site holds (list/<list>-N.html): people,
// organizations, places, documents and stories. Every page links to the
// others, so every entity, document and story is reached from index.html by
// links alone; the search box is a shortcut, not the only way in.
#include <algorithm>

#include "dossier/markup.h"
#include "html.h"

namespace dossier::plugins::html {
namespace {

// Rows to a page: a screenful or two, and a page of 250,000 documents' list
// stays small (2,500 pages of a few kilobytes).
constexpr int64_t kRowsPerPage = 100;

void Row(const ListRow& r, std::ostream& out) {
  out << "<li><a href=\"../" << XmlEscape(PagePath(r.id)) << "\">" << XmlEscape(r.name) << "</a>";
  if (r.cited_only) out << " <span class=\"cited\">cited only</span>";
  out << " <span class=\"meta\">";
  std::string meta;
  for (const std::string* part : {&r.date, &r.detail}) {
    if (!part->empty()) meta += (meta.empty() ? "" : " · ") + XmlEscape(*part);
  }
  out << meta;
  if (r.count > 0) {
    const bool story = r.id.rfind("story:", 0) == 0;
    const bool document = r.id.rfind("doc:", 0) == 0;
    out << (meta.empty() ? "" : " · ") << r.count
        << (story ? " documents" : document ? " names" : (r.count == 1 ? " mention" : " mentions"));
  }
  out << "</span></li>\n";
}

}  // namespace

Result<int64_t> WriteList(ExportTarget& target, const std::string& list, const std::string& title,
                          const std::vector<ListRow>& rows) {
  const int64_t total = static_cast<int64_t>(rows.size());
  const int64_t pages = (total + kRowsPerPage - 1) / kRowsPerPage;
  auto href = [&](int64_t n) { return "../" + ListPath(list, n); };
  for (int64_t page = 1; page <= pages; ++page) {
    const std::string path = ListPath(list, page);
    auto file = target.OpenFile(path);
    if (!file.ok()) return file.status();
    std::ostream& out = **file;
    const int64_t first = (page - 1) * kRowsPerPage;
    const int64_t last = std::min(total, first + kRowsPerPage);
    Head(out, title + (pages > 1 ? " (page " + std::to_string(page) + ")" : ""), "../");
    out << "<h1>" << XmlEscape(title) << "</h1>\n<p class=\"count\">" << first + 1 << "–" << last << " of " << total
        << (pages > 1 ? ", page " + std::to_string(page) + " of " + std::to_string(pages) : "") << "</p>\n";
    Pager(out, page, pages, href);
    out << "<ul class=\"top list\">\n";
    for (int64_t i = first; i < last; ++i) Row(rows[static_cast<size_t>(i)], out);
    out << "</ul>\n";
    Pager(out, page, pages, href);
    Foot(out);
    if (!out) return Status::IOError("cannot write " + path);
  }
  return pages;
}

}  // namespace dossier::plugins::html
