// Reads for exporters: entity summaries, graph edges (relations and
// co-mentions), documents naming an entity, and the neighbourhood walk behind
// `export --about X --depth N`. Every aggregate is computed by SQLite and
// streamed, so an export of a million entities holds one row at a time.
#include <algorithm>
#include <set>

#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {
namespace {

// The connection keeps temporary data in memory (fast for the small sorts of
// interactive commands), which lets SQLite's sorter grow without bound on a
// whole-store GROUP BY. For those, temporary data goes to a file instead.
class TempOnDisk {
 public:
  // (PostgreSQL spills large sorts to disk by itself.)
  explicit TempOnDisk(Db* db) : db_(db->dialect() == Dialect::kSqlite ? db : nullptr) {
    if (db_) db_->ExecQuietly("PRAGMA temp_store = FILE");
  }
  ~TempOnDisk() {
    if (db_) db_->ExecQuietly("PRAGMA temp_store = MEMORY");
  }
  TempOnDisk(const TempOnDisk&) = delete;
  TempOnDisk& operator=(const TempOnDisk&) = delete;

 private:
  Db* db_;
};

constexpr const char* kGraphTypes = "('person','organization','place')";

// An edge from a row of (source, target, label, weight, source type, target type).
Edge ReadEdgeRow(Stmt& s, Edge::Kind kind) {
  Edge e;
  e.kind = kind;
  e.source = s.Text(0);
  e.target = s.Text(1);
  e.label = s.Text(2);
  e.weight = s.Int(3);
  e.source_type = TypeFromText(s.Text(4));
  e.target_type = TypeFromText(s.Text(5));
  return e;
}

// The ids read through `canonical` (it, and what was merged into it).
constexpr const char* kMembers = "(SELECT id FROM entity WHERE canonical = ?1)";

}  // namespace

Status SqliteStore::ForEachEntitySummary(const EntityFilter& filter,
                                         const std::function<bool(const EntitySummary&)>& each) {
  return Guard(path_, [&]() -> Status {
    if (filter.type == EntityType::kClaim) return Status::InvalidArgument("claims are read with ForEachClaim");
    ReadSnapshot snapshot(db_.get());
    std::string sql = kSummarySelect;
    if (filter.type) sql += " AND e.type = ?1";
    if (!filter.include_absorbed) sql += " AND e.canonical = e.id";
    sql += " ORDER BY e.id";
    if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
    Stmt s = db_->Stream(sql);
    if (filter.type) s.Bind(1, TypeText(*filter.type));
    while (s.Step()) {
      if (!each(ReadSummaryRow(s))) break;
    }
    return Status::OK();
  });
}

Status SqliteStore::ForEachEdge(const EdgeFilter& filter, const std::function<bool(const Edge&)>& each) {
  return Guard(path_, [&]() -> Status {
    std::optional<TempOnDisk> on_disk;
    if (filter.about.empty()) on_disk.emplace(db_.get());
    ReadSnapshot snapshot(db_.get());
    EntityType about_type = EntityType::kPerson;
    if (!filter.about.empty()) {
      Stmt t = db_->Prepare("SELECT type FROM entity WHERE id = ?1 AND canonical = id");
      t.Bind(1, filter.about);
      if (!t.Step()) return Status::NotFound("no entity with id " + filter.about);
      about_type = TypeFromText(t.Text(0));
    }
    int64_t emitted = 0;
    auto room = [&] { return filter.limit <= 0 || emitted < filter.limit; };
    auto limit = [&] { return filter.limit > 0 ? " LIMIT " + std::to_string(filter.limit - emitted) : std::string(); };
    bool stopped = false;
    auto emit = [&](const Edge& e) {
      ++emitted;
      if (!each(e)) stopped = true;
      return !stopped;
    };
    if (filter.relations && room()) {
      // CROSS JOIN fixes the join order: claims first (by rowid, for one
      // entity), then their two ends by primary key. Left to itself the
      // planner may walk every entity of the right type instead. (The
      // members of a canonical entity are all of its type: min() picks it,
      // as PostgreSQL wants a column outside GROUP BY picked.)
      std::string sql =
          std::string("SELECT es.canonical, eo.canonical, c.predicate, count(*), min(es.type), min(eo.type) "
                      "FROM claim c CROSS JOIN entity es CROSS JOIN entity eo "
                      "WHERE es.id = c.subject AND eo.id = c.object "
                      "AND c.status != 'rejected' AND es.canonical != eo.canonical AND es.type IN ") +
          kGraphTypes + " AND eo.type IN " + kGraphTypes;
      if (!filter.about.empty()) {
        sql += std::string(" AND c.rid IN (SELECT rid FROM claim WHERE subject IN ") + kMembers +
               " UNION SELECT rid FROM claim WHERE object IN " + kMembers + ")";
      }
      sql += " GROUP BY 1, 2, 3";
      sql += filter.about.empty() ? " ORDER BY 1, 2, 3" : " ORDER BY 4 DESC, 1, 2, 3";
      sql += limit();
      Stmt s = db_->Stream(sql);
      if (!filter.about.empty()) s.Bind(1, filter.about);
      while (s.Step()) {
        if (!emit(ReadEdgeRow(s, Edge::Kind::kRelation))) return Status::OK();
      }
    }
    if (filter.co_mentions && room()) {
      if (filter.about.empty()) {
        // One row per (document, entity) first, so an entity named ten times
        // in a document counts that document once and the self-join stays small.
        Stmt s = db_->Stream(
            std::string("WITH dm AS (SELECT DISTINCT m.doc AS doc, e.canonical AS id, e.type AS type "
                        "FROM mention m JOIN entity e ON e.id = m.entity WHERE e.type IN ") +
            kGraphTypes +
            ") SELECT a.id, b.id, '', count(*), min(a.type), min(b.type) FROM dm a JOIN dm b ON b.doc = a.doc AND a.id < b.id "
            "GROUP BY a.id, b.id ORDER BY a.id, b.id" + limit());
        while (s.Step()) {
          if (!emit(ReadEdgeRow(s, Edge::Kind::kCoMention))) return Status::OK();
        }
      } else {
        Stmt s = db_->Prepare(
            std::string("SELECT eb.canonical, count(DISTINCT ma.doc), min(eb.type) FROM mention ma "
                        "CROSS JOIN mention mb CROSS JOIN entity eb "
                        "WHERE mb.doc = ma.doc AND eb.id = mb.entity AND ma.entity IN ") +
            kMembers + " AND eb.canonical != ?1 AND eb.type IN " + kGraphTypes +
            " GROUP BY eb.canonical ORDER BY 2 DESC, 1" + limit());
        s.Bind(1, filter.about);
        while (s.Step()) {
          Edge e;
          e.kind = Edge::Kind::kCoMention;
          const std::string other = s.Text(0);
          const EntityType other_type = TypeFromText(s.Text(2));
          const bool about_first = filter.about < other;
          e.source = about_first ? filter.about : other;
          e.target = about_first ? other : filter.about;
          e.source_type = about_first ? about_type : other_type;
          e.target_type = about_first ? other_type : about_type;
          e.weight = s.Int(1);
          if (!emit(e)) return Status::OK();
        }
      }
    }
    return Status::OK();
  });
}

Result<std::vector<std::string>> SqliteStore::DocumentsMentioning(std::string_view entity, int64_t limit) {
  return Guard(path_, [&]() -> Result<std::vector<std::string>> {
    std::string sql = std::string("SELECT DISTINCT m.doc FROM mention m WHERE m.entity IN ") + kMembers + " ORDER BY m.doc";
    if (limit > 0) sql += " LIMIT " + std::to_string(limit);
    Stmt s = db_->Prepare(sql);
    s.Bind(1, entity);
    std::vector<std::string> out;
    while (s.Step()) out.push_back(s.Text(0));
    return out;
  });
}

Result<std::vector<std::string>> SqliteStore::Neighbourhood(std::string_view about, int depth) {
  std::set<std::string> seen = {std::string(about)};
  std::vector<std::string> frontier = {std::string(about)};
  for (int step = 0; step < depth && !frontier.empty(); ++step) {
    std::vector<std::string> next;
    for (const auto& id : frontier) {
      EdgeFilter f;
      f.about = id;
      Status st = ForEachEdge(f, [&](const Edge& e) {
        const std::string& other = e.source == id ? e.target : e.source;
        if (seen.insert(other).second) next.push_back(other);
        return true;
      });
      if (!st.ok()) return st;
    }
    frontier = std::move(next);
  }
  if (depth <= 0) {
    // Still check the entity exists, as a walk would.
    EdgeFilter f;
    f.about = std::string(about);
    f.limit = 1;
    if (Status st = ForEachEdge(f, [](const Edge&) { return false; }); !st.ok()) return st;
  }
  return std::vector<std::string>(seen.begin(), seen.end());
}

}  // namespace dossier::sqlite
