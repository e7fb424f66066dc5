#include "postgres/pg_search.h"

#include "sqlite/store_util.h"

namespace dossier::postgres {
namespace {

// ts_headline's options: the caller's marks around matched words, one
// fragment of about `words` words.
std::string HeadlineOptions(const SearchQuery& query, int words) {
  auto quoted = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  return "StartSel=" + quoted(query.mark_open) + ", StopSel=" + quoted(query.mark_close) +
         ", MaxWords=" + std::to_string(words) + ", MinWords=" + std::to_string(words / 3) +
         ", MaxFragments=1, FragmentDelimiter=\"…\"";
}

// The shape every part shares: the query once (?1), the newest `window`
// matches of `table` (?4), the best `limit` of them by rank (?3), then the
// columns of a hit for those alone (headline options ?2). ts_rank weighs a
// name over an alias and a title over the text (weights A and B).
// The query is parsed once (the CTE) and read as a scalar subquery, which
// the planner evaluates once before the scan and can search the GIN index
// with; a CTE joined in hides it from the index, and the expression written
// out is evaluated again for every row ranked.
constexpr const char* kQuery = "(SELECT q FROM q)";

std::string PartSql(const std::string& table, const std::string& filter, const std::string& select,
                    const std::string& joins) {
  return std::string("WITH q AS (SELECT to_tsquery('simple', unaccent(?1)) AS q), ") +
         "recent AS (SELECT x.rid, -ts_rank(x.search, " + kQuery + ") AS score FROM " + table +
         " x WHERE x.search @@ " + kQuery + filter + " ORDER BY x.rid DESC LIMIT ?4), "
         "top AS (SELECT rid, score FROM recent ORDER BY score LIMIT ?3) "
         "SELECT " + select + ", top.score FROM top JOIN " + table + " x ON x.rid = top.rid " + joins +
         " ORDER BY top.score";
}

}  // namespace

void CollectHits(sqlite::Db* db, const SearchQuery& query, const std::string& tsquery, int64_t limit, int64_t window,
                 std::vector<SearchHit>* hits) {
  auto collect = [&](const std::string& sql, int words, bool bind_type) {
    sqlite::Stmt s = db->PrepareAdHoc(sql);
    s.Bind(1, tsquery).Bind(2, HeadlineOptions(query, words)).Bind(3, limit).Bind(4, window);
    if (bind_type) s.Bind(5, sqlite::TypeText(*query.type));
    while (s.Step()) {
      SearchHit h;
      h.id = s.Text(0);
      h.type = sqlite::TypeFromText(s.Text(1));
      h.title = s.Text(2);
      h.field = s.Text(3);
      h.snippet = s.Text(4);
      h.score = s.Real(5);
      hits->push_back(std::move(h));
    }
  };
  const bool all = !query.type.has_value();
  const EntityType t = query.type.value_or(EntityType::kPerson);
  const std::string q = kQuery;
  if (all || t != EntityType::kClaim) {
    // An absorbed entity's name finds the one it was merged into.
    collect(PartSql("entity", all ? "" : " AND x.type = ?5",
                    "c.id, c.type, c.name, 'name', ts_headline('simple', x.name || coalesce(' | ' || "
                    "(SELECT string_agg(a.name, ' | ') FROM alias a WHERE a.entity = x.id), ''), " + q + ", ?2)",
                    "JOIN entity c ON c.id = x.canonical"),
            12, !all);
  }
  if (all || t == EntityType::kDocument) {
    collect(PartSql("document", "", "x.id, 'document', x.title, 'text', ts_headline('simple', x.text, " + q + ", ?2)",
                    ""),
            16, false);
  }
  if (all || t == EntityType::kClaim) {
    collect(PartSql("claim", "",
                    "x.id, 'claim', s.name || ' — ' || x.predicate, 'quote', "
                    "ts_headline('simple', coalesce(x.quote, ''), " + q + ", ?2)",
                    "JOIN entity s ON s.id = x.subject"),
            16, false);
  }
}

}  // namespace dossier::postgres
