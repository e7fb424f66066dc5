// The SQLite backend. All SQL of the kernel lives in this directory.
//
// Inside, failures are exceptions (SqliteError from the engine, Failure for a
// rule the caller broke) so that every write reads as a straight line under a
// Transaction guard; Guard() turns them into a Status at the public boundary.
#include "sqlite/sqlite_store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>

#include "clock.h"
#include "dossier/record.h"
#include "dossier/schema.h"
#include "dossier/text.h"
#include "query_limits.h"
#include "postgres/pg_search.h"
#include "snippet.h"
#include "sqlite/fts_pending.h"
#include "sqlite/fts_query.h"
#include "sqlite/migrations.h"
#include "sqlite/store_util.h"
#include "sqlite/wal_mode.h"

namespace dossier::sqlite {

// ---------------------------------------------------------------------------
// Opening

namespace {

// How a store file this process may not write is opened. SQLite keeps the
// WAL and its index beside the file: where the folder is not writable either
// and no WAL is there, nobody can be writing the store, and it is read as it
// stands (immutable); otherwise it is read through the WAL like any reader.
SqliteDb::Mode OpenMode(const std::string& path, bool exists) {
  if (!exists || ::access(path.c_str(), W_OK) == 0) return SqliteDb::Mode::kReadWrite;
  const std::string::size_type slash = path.rfind('/');
  const std::string folder = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  struct stat wal {};
  if (::access(folder.c_str(), W_OK) != 0 && ::stat((path + "-wal").c_str(), &wal) != 0) return SqliteDb::Mode::kImmutable;
  return SqliteDb::Mode::kReadOnly;
}

}  // namespace

Result<std::unique_ptr<Store>> SqliteStore::Open(const std::string& path, const StoreOptions& options) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (!exists) {
    if (errno != ENOENT) return Status::IOError("cannot open store " + path + ": " + std::strerror(errno));
    if (!options.create_if_missing) return Status::NotFound("no store at " + path);
  } else if (S_ISDIR(st.st_mode)) {
    return Status::InvalidArgument("store path " + path + " is a directory");
  }
  const SqliteDb::Mode mode = OpenMode(path, exists);
  return Guard(path, [&]() -> Result<std::unique_ptr<Store>> {
    auto db = std::make_unique<SqliteDb>(path, options.create_if_missing, mode);
    sqlite3_busy_timeout(db->handle(), options.busy_timeout_ms);
    // The first statement reads the header: a non-database fails here with NOTADB.
    if (mode != SqliteDb::Mode::kReadWrite) {
      db->QueryInt("PRAGMA user_version");
      if (db->QueryInt("PRAGMA user_version") != CurrentSchemaVersion()) {
        return Status::Unsupported("store " + path + " is read-only to you, and its schema (version " +
                                   std::to_string(db->QueryInt("PRAGMA user_version")) +
                                   ") must be upgraded by someone who may write it");
      }
    } else if (EnableWal(db.get(), options.busy_timeout_ms) != "wal") {
      return Status::IOError("store " + path + ": cannot switch to write-ahead logging");
    }
    db->Exec("PRAGMA foreign_keys = ON");
    // NORMAL is durable against process crashes in WAL mode, and far faster than FULL.
    db->Exec("PRAGMA synchronous = NORMAL");
    // Full-text queries touch many index pages; the default 2 MB page cache
    // makes a search on a large store re-read them from the OS each time.
    db->Exec("PRAGMA cache_size = -32768");
    db->Exec("PRAGMA temp_store = MEMORY");
    try {
      Migrate(db.get());
    } catch (const SqliteError&) {
      throw;
    } catch (const std::runtime_error& e) {
      return Status::Unsupported(path + ": " + e.what());
    }
    db->set_before_commit(IndexPendingText);
    auto store = std::unique_ptr<SqliteStore>(new SqliteStore(path, options, std::move(db)));
    store->read_only_ = mode != SqliteDb::Mode::kReadWrite;
    return std::unique_ptr<Store>(std::move(store));
  });
}

// ---------------------------------------------------------------------------
// Helpers

void SqliteStore::Fault(std::string_view point) {
  if (options_.fault_hook) options_.fault_hook(point);
}

void SqliteStore::Audit(const Actor& actor, std::string_view action, std::string_view target,
                        const Json& detail) {
  db_->Prepare("INSERT INTO audit(at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
      .BindAll(NowIso(), actor.name.empty() ? std::string("unknown") : actor.name, action, target,
               detail.dump())
      .Run();
}

std::string SqliteStore::ResolveOrThrow(std::string_view id_or_name, std::optional<EntityType> type,
                                        bool follow_merges) {
  const std::string input = Trim(id_or_name);
  if (input.empty()) Fail(Status::InvalidArgument("empty entity id or name"));
  const std::string pick = follow_merges ? "canonical" : "id";
  if (input.find(':') != std::string::npos && input.find(' ') == std::string::npos) {
    Stmt s = db_->Prepare("SELECT id, canonical, type FROM entity WHERE id = ?");
    s.Bind(1, input);
    if (s.Step()) {
      if (type && TypeFromText(s.Text(2)) != *type) {
        Fail(Status::InvalidArgument(input + " is a " + s.Text(2) + ", not a " + TypeText(*type)));
      }
      return follow_merges ? s.Text(1) : s.Text(0);
    }
    if (input.rfind("claim:", 0) == 0) Fail(Status::NotFound("no claim with id " + input));
    // An id-looking string that is no id may still be a name ("Re: ..."); fall through.
  }
  const std::string norm = NormalizeName(input);
  if (norm.empty()) Fail(Status::InvalidArgument(Quoted(input) + " has no letters or digits to match"));
  // Exact names win over aliases: "Sun" the person named Sun beats Sun Zhengcai's alias.
  for (const std::string& sql :
       {"SELECT DISTINCT e." + pick + ", e.type FROM entity e WHERE e.norm = ?1 ORDER BY 1",
        "SELECT DISTINCT e." + pick + ", e.type FROM alias a JOIN entity e ON e.id = a.entity "
        "WHERE a.norm = ?1 ORDER BY 1"}) {
    std::vector<std::string> ids;
    Stmt s = db_->Prepare(sql);
    s.Bind(1, norm);
    while (s.Step()) {
      if (type && TypeFromText(s.Text(1)) != *type) continue;
      std::string id = s.Text(0);
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
    }
    if (ids.size() == 1) return ids[0];
    if (ids.size() > 1) {
      std::string list;
      for (size_t i = 0; i < ids.size() && i < 8; ++i) list += (i ? ", " : "") + ids[i];
      if (ids.size() > 8) list += ", ...";
      Fail(Status::Ambiguous(Quoted(input) + " matches " + std::to_string(ids.size()) +
                             " entities (" + list + "); use an id"));
    }
  }
  Fail(Status::NotFound("no " + (type ? TypeText(*type) : std::string("entity")) + " named " +
                        Quoted(input)));
}

std::vector<Alias> SqliteStore::LoadAliases(std::string_view entity) {
  std::vector<Alias> out;
  Stmt s = db_->Prepare(
      "SELECT name, doc, start, \"end\", quote, note, added_by FROM alias WHERE entity = ? ORDER BY rid");
  s.Bind(1, entity);
  while (s.Step()) {
    Alias a;
    a.name = s.Text(0);
    a.seen.document = s.Text(1);
    a.seen.start = s.IntOr(2, -1);
    a.seen.end = s.IntOr(3, -1);
    a.seen.quote = s.Text(4);
    a.seen.note = s.Text(5);
    a.added_by = s.Text(6);
    a.entity = std::string(entity);
    out.push_back(std::move(a));
  }
  return out;
}

std::optional<Entity> SqliteStore::LoadEntity(std::string_view id) {
  Stmt s = db_->Prepare(
      "SELECT e.id, e.type, e.name, e.properties, e.created_at, e.updated_at, m.into_id "
      "FROM entity e LEFT JOIN merge m ON m.absorbed = e.id WHERE e.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  Entity e;
  e.id = s.Text(0);
  e.type = TypeFromText(s.Text(1));
  e.name = s.Text(2);
  e.properties = ParseJson(s.Text(3), Json::object(), "the properties column of " + e.id);
  e.created_at = s.Text(4);
  e.updated_at = s.Text(5);
  e.merged_into = s.Text(6);
  e.aliases = LoadAliases(e.id);
  return e;
}

std::optional<Document> SqliteStore::LoadDocument(std::string_view id) {
  Stmt s = db_->Prepare(
      "SELECT d.id, d.title, d.kind, d.text, d.sha256, d.source, e.properties, e.created_at, e.updated_at "
      "FROM document d JOIN entity e ON e.id = d.id WHERE d.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  Document d;
  d.id = s.Text(0);
  d.title = s.Text(1);
  d.kind = s.Text(2);
  d.text = s.Text(3);
  d.sha256 = s.Text(4);
  d.source = s.Text(5);
  d.properties = ParseJson(s.Text(6), Json::object(), "the properties column of " + d.id);
  d.created_at = s.Text(7);
  d.updated_at = s.Text(8);
  Stmt p = db_->Prepare("SELECT start, \"end\", properties FROM paragraph WHERE doc = ? ORDER BY seq");
  p.Bind(1, id);
  while (p.Step()) {
    const std::string what =
        "the properties column of paragraph " + std::to_string(d.paragraphs.size() + 1) + " of " + d.id;
    d.paragraphs.push_back({p.Int(0), p.Int(1), ParseJson(p.Text(2), Json::object(), what)});
  }
  return d;
}

std::optional<Claim> SqliteStore::LoadClaim(std::string_view id) {
  Stmt s = db_->Prepare(std::string("SELECT ") + kClaimColumns + " FROM claim c WHERE c.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadClaimRow(s);
}

std::string SqliteStore::UniqueId(std::string_view prefix, std::string_view slug) {
  return FreeId(prefix, slug, [&](const std::string& id) {
    Stmt s = db_->Prepare("SELECT 1 FROM entity WHERE id = ?");
    s.Bind(1, id);
    return s.Step();
  });
}

void SqliteStore::CheckSource(SourceRef* src, bool required, std::string_view what) {
  src->note = Trim(src->note);
  if (src->document.empty()) {
    if (!src->quote.empty()) Fail(Status::InvalidArgument(std::string(what) + ": a quote needs its document"));
    if (src->start >= 0 || src->end >= 0) {
      Fail(Status::InvalidArgument(std::string(what) + ": a span needs its document"));
    }
    if (required && src->note.empty()) {
      Fail(Status::InvalidArgument(std::string(what) +
                                   " needs a source: a document with a span or a quote, or a source note"));
    }
    return;
  }
  src->document = ResolveOrThrow(src->document, EntityType::kDocument, true);
  Stmt s = db_->Prepare("SELECT text FROM document WHERE id = ?");
  s.Bind(1, src->document);
  if (!s.Step()) Fail(Status::NotFound("no document " + src->document));
  const std::string text = s.Text(0);
  const auto size = static_cast<int64_t>(text.size());
  if (src->start >= 0 || src->end >= 0) {
    if (src->start < 0 || src->end < src->start || src->end > size) {
      Fail(Status::InvalidArgument(std::string(what) + ": span [" + std::to_string(src->start) + ", " +
                                   std::to_string(src->end) + ") is outside " + src->document + " (" +
                                   std::to_string(size) + " bytes)"));
    }
    if (!IsCharBoundary(text, src->start) || !IsCharBoundary(text, src->end)) {
      Fail(Status::InvalidArgument(std::string(what) + ": span [" + std::to_string(src->start) + ", " +
                                   std::to_string(src->end) + ") cuts a UTF-8 character in " +
                                   src->document));
    }
    std::string at = text.substr(static_cast<size_t>(src->start), static_cast<size_t>(src->end - src->start));
    if (!src->quote.empty() && src->quote != at) {
      Fail(Status::InvalidArgument(std::string(what) + ": the quote does not match the text of " +
                                   src->document + " at [" + std::to_string(src->start) + ", " +
                                   std::to_string(src->end) + ")"));
    }
    src->quote = std::move(at);
    return;
  }
  if (!src->quote.empty()) {
    const size_t pos = text.find(src->quote);
    if (pos == std::string::npos) {
      Fail(Status::InvalidArgument(std::string(what) + ": the quote is not in " + src->document));
    }
    src->start = static_cast<int64_t>(pos);
    src->end = static_cast<int64_t>(pos + src->quote.size());
    return;
  }
  if (required && src->note.empty()) {
    Fail(Status::InvalidArgument(std::string(what) + ": a source document needs a span or a quote"));
  }
}

void SqliteStore::InsertAlias(std::string_view entity, const std::string& name, const SourceRef& seen,
                              const Actor& actor, const std::string& now) {
  db_->Prepare(
         "INSERT INTO alias(entity, name, norm, doc, start, \"end\", quote, note, added_by, added_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(entity, name) DO NOTHING")
      .Bind(1, entity)
      .Bind(2, name)
      .Bind(3, NormalizeName(name))
      .BindOrNull(4, seen.document)
      .BindOrNull(5, seen.start)
      .BindOrNull(6, seen.end)
      .BindOrNull(7, seen.quote)
      .BindOrNull(8, seen.note)
      .Bind(9, actor.name)
      .Bind(10, now)
      .Run();
  Stmt type = db_->Prepare("SELECT type FROM entity WHERE id = ?");
  type.Bind(1, entity);
  if (type.Step()) AddNameKeys(db_.get(), std::string(entity), TypeFromText(type.Text(0)), name);
}

Status SqliteStore::NameFree(const std::string& name, EntityType type, std::string_view except, std::string_view hint) {
  Stmt s = db_->Prepare("SELECT id FROM entity WHERE norm = ? AND type = ? AND id <> ? ORDER BY id LIMIT 1");
  s.Bind(1, NormalizeName(name)).Bind(2, TypeText(type)).Bind(3, std::string(except));
  if (!s.Step()) return Status::OK();
  return Status::AlreadyExists("a " + TypeText(type) + " named " + Quoted(name) + " already exists: " + s.Text(0) +
                               std::string(hint));
}

void SqliteStore::InsertEntityRow(const std::string& id, EntityType type, const std::string& name,
                                  const Json& properties, const std::string& created_at,
                                  const std::string& updated_at, const std::string& by) {
  db_->Prepare(
         "INSERT INTO entity(id, type, name, norm, properties, canonical, created_at, updated_at, created_by) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?1, ?6, ?7, ?8)")
      .BindAll(id, TypeText(type), name, NormalizeName(name), properties.dump(), created_at, updated_at, by)
      .Run();
  AddNameKeys(db_.get(), id, type, name);
}

void SqliteStore::InsertDocumentRows(const Document& d) {
  db_->Prepare("INSERT INTO document(id, kind, title, text, sha256, source) VALUES (?, ?, ?, ?, ?, ?)")
      .Bind(1, d.id)
      .Bind(2, d.kind)
      .Bind(3, d.title)
      .Bind(4, d.text)
      .Bind(5, d.sha256.empty() ? Sha256Hex(d.text) : d.sha256)
      .BindOrNull(6, d.source)
      .Run();
  ReplaceParagraphs(d.id, d.paragraphs);
}

void SqliteStore::ReplaceParagraphs(const std::string& doc, const std::vector<Paragraph>& paragraphs) {
  db_->Prepare("DELETE FROM paragraph WHERE doc = ?").Bind(1, doc).Run();
  int64_t seq = 0;
  for (const auto& p : paragraphs) {
    db_->Prepare("INSERT INTO paragraph(doc, seq, start, \"end\", properties) VALUES (?, ?, ?, ?, ?)")
        .BindAll(doc, seq++, p.start, p.end, p.properties.dump())
        .Run();
  }
}

// ---------------------------------------------------------------------------
// Reading

Result<std::string> SqliteStore::Resolve(std::string_view id_or_name, std::optional<EntityType> type,
                                         bool follow_merges) {
  return Guard(path_, [&]() -> Result<std::string> { return ResolveOrThrow(id_or_name, type, follow_merges); });
}

Result<Entity> SqliteStore::GetEntity(std::string_view id) {
  return Guard(path_, [&]() -> Result<Entity> {
    auto e = LoadEntity(id);
    if (!e) return Status::NotFound("no entity with id " + std::string(id));
    return std::move(*e);
  });
}

Result<Document> SqliteStore::GetDocument(std::string_view id) {
  return Guard(path_, [&]() -> Result<Document> {
    auto d = LoadDocument(id);
    if (!d) return Status::NotFound("no document with id " + std::string(id));
    return std::move(*d);
  });
}

Result<Claim> SqliteStore::GetClaim(std::string_view id) {
  return Guard(path_, [&]() -> Result<Claim> {
    auto c = LoadClaim(id);
    if (!c) return Status::NotFound("no claim with id " + std::string(id));
    return std::move(*c);
  });
}

std::vector<Finding> SqliteStore::LoadFindingsFor(const std::vector<std::string>& refs, bool with_evidence) {
  // The ids first, then each finding once: a finding that cites a person's
  // two hundred claims (corroboration lists them all) was read, evidence and
  // all, once per claim, and its evidence can be megabytes.
  std::set<std::string> ids;
  for (const auto& ref : refs) {
    Stmt s = db_->Prepare("SELECT finding FROM finding_ref WHERE ref = ?");  // cached: prepared once
    s.Bind(1, ref);
    while (s.Step()) ids.insert(s.Text(0));
  }
  // Without evidence, the column is not read at all (its pages are skipped).
  std::string columns = kFindingColumns;
  if (!with_evidence) columns.replace(columns.find("f.evidence"), std::string("f.evidence").size(), "'{}'");
  std::vector<Finding> out;
  for (const auto& id : ids) {  // in id order
    Stmt s = db_->Prepare("SELECT " + columns + " FROM finding f WHERE f.id = ?");
    s.Bind(1, id);
    if (s.Step()) out.push_back(ReadFindingRow(s));
  }
  return out;
}

Result<EntityDetails> SqliteStore::Describe(std::string_view id, const DescribeOptions& options) {
  return Guard(path_, [&]() -> Result<EntityDetails> {
    ReadSnapshot snapshot(db_.get());  // a consistent picture while others write

    EntityDetails d;
    auto e = LoadEntity(id);
    if (!e) return Status::NotFound("no entity with id " + std::string(id));
    d.entity = std::move(*e);

    std::vector<std::string> members = {d.entity.id};
    {
      Stmt s = db_->Prepare("SELECT id FROM entity WHERE canonical = ? AND id != canonical ORDER BY id");
      s.Bind(1, d.entity.id);
      while (s.Step()) d.absorbed.push_back(s.Text(0));
    }
    for (const auto& m : d.absorbed) {
      Stmt note = db_->Prepare("SELECT into_id, reason, by, at FROM merge WHERE absorbed = ?");
      note.Bind(1, m);
      if (note.Step()) d.merges.push_back({m, note.Text(0), note.Text(1), note.Text(2), note.Text(3)});
    }
    for (const auto& m : d.absorbed) {
      auto absorbed = LoadEntity(m);
      if (!absorbed) continue;
      Alias as_name;
      as_name.name = absorbed->name;
      as_name.entity = absorbed->id;
      as_name.added_by = "merge";
      d.entity.aliases.push_back(std::move(as_name));
      for (auto& a : absorbed->aliases) d.entity.aliases.push_back(std::move(a));
      members.push_back(m);
    }

    const std::string member_set = "(SELECT id FROM entity WHERE canonical = ?1)";
    {
      Stmt s = db_->Prepare("SELECT count(*) FROM mention WHERE entity IN " + member_set);
      s.Bind(1, d.entity.id);
      s.Step();
      d.mention_count = s.Int(0);
    }
    {
      Stmt s = db_->Prepare(
          // The page of mentions first, then the windows of text for those
          // alone: a much-named entity's other mentions cost no text.
          "SELECT m.id, m.entity, m.entity_type, m.doc, m.start, m.\"end\", m.text, m.extractor, m.confidence, "
          "d.title, length(" + db_->Bytes("d.text") + "), max(m.start - ?2, 0), "
          "substr(" + db_->Bytes("d.text") + ", max(m.start - ?2, 0) + 1, m.\"end\" - max(m.start - ?2, 0) + ?2) "
          "FROM (SELECT * FROM mention WHERE entity IN " + member_set +
          " ORDER BY doc, start, id LIMIT ?3 OFFSET ?4) m JOIN document d ON d.id = m.doc "
          "ORDER BY m.doc, m.start, m.id");
      s.Bind(1, d.entity.id).Bind(2, static_cast<int64_t>(options.snippet_bytes)).Bind(3, options.max_mentions);
      s.Bind(4, std::max<int64_t>(options.mention_offset, 0));
      while (s.Step()) {
        MentionInContext mc;
        Mention& m = mc.mention;
        m.id = s.Text(0);
        m.entity = s.Text(1);
        m.type = TypeFromText(s.Text(2));
        m.document = s.Text(3);
        m.start = s.Int(4);
        m.end = s.Int(5);
        m.text = s.Text(6);
        m.extractor = s.Text(7);
        m.confidence = s.Real(8);
        mc.document_title = s.Text(9);
        const int64_t doc_size = s.Int(10);
        const int64_t from = s.Int(11);
        const std::string window = s.Text(12);
        if (m.start < 0 || m.end < m.start || m.end > doc_size) {
          // A damaged store: say so rather than show a window of nothing.
          mc.snippet = "(offsets [" + std::to_string(m.start) + ", " + std::to_string(m.end) +
                       ") lie outside the document's " + std::to_string(doc_size) + " bytes)";
        } else {
          mc.snippet = MakeSnippet(window, m.start - from, m.end - from, from > 0,
                                   from + static_cast<int64_t>(window.size()) < doc_size, "[", "]");
        }
        d.mentions.push_back(std::move(mc));
      }
    }
    // A document's page also lists the claims sourced from it.
    // One index lookup per role (PostgreSQL scans the whole table for an OR
    // of IN lists).
    const std::string about =
        " FROM claim c WHERE c.rid IN (SELECT rid FROM claim WHERE subject IN " + member_set +
        " UNION SELECT rid FROM claim WHERE object IN " + member_set +
        " UNION SELECT rid FROM claim WHERE attributed_to IN " + member_set +
        " UNION SELECT rid FROM claim WHERE doc IN " + member_set + ")";
    {
      Stmt s = db_->Prepare("SELECT count(*)" + about);
      s.Bind(1, d.entity.id);
      s.Step();
      d.claim_count = s.Int(0);
    }
    {
      Stmt s = db_->Prepare(std::string("SELECT ") + kClaimColumns + about + " ORDER BY c.rid LIMIT ?2");
      s.Bind(1, d.entity.id).Bind(2, options.max_claims);
      while (s.Step()) d.claims.push_back(ReadClaimRow(s));
    }
    {
      Stmt s = db_->Prepare(std::string("SELECT ") + kJudgementColumns + " FROM judgement WHERE a IN " +
                            member_set + " OR b IN " + member_set + " ORDER BY rid");
      s.Bind(1, d.entity.id);
      while (s.Step()) d.judgements.push_back(ReadJudgementRow(s));
    }
    std::vector<std::string> refs = members;
    for (const auto& c : d.claims) refs.push_back(c.id);
    d.findings = LoadFindingsFor(refs, options.finding_evidence);
    if (d.entity.type == EntityType::kDocument) {
      d.document = LoadDocument(d.entity.id);
      Stmt s = db_->Prepare(
          // (min(): one name per group, as PostgreSQL wants it said.)
          "SELECT coalesce(e.canonical, '') AS canon, min(coalesce(c.name, m.text)) AS name, m.entity_type, "
          "count(*) AS n "
          "FROM mention m LEFT JOIN entity e ON e.id = m.entity LEFT JOIN entity c ON c.id = e.canonical "
          "WHERE m.doc = ?1 GROUP BY coalesce(e.canonical, ''), CASE WHEN e.canonical IS NULL THEN m.text END, "
          "m.entity_type ORDER BY (coalesce(e.canonical, '') = ''), n DESC, name");
      s.Bind(1, d.entity.id);
      while (s.Step()) d.named.push_back({s.Text(0), s.Text(1), TypeFromText(s.Text(2)), s.Int(3)});
    }
    return d;
  });
}

Result<std::vector<EntitySummary>> SqliteStore::ListEntities(const EntityFilter& filter) {
  return Guard(path_, [&]() -> Result<std::vector<EntitySummary>> {
    if (filter.type == EntityType::kClaim) return Status::InvalidArgument("claims are listed with ListClaims");
    std::string sql = kSummarySelect;
    std::vector<std::string> binds;
    if (filter.type) {
      sql += " AND e.type = ?" + std::to_string(binds.size() + 1);
      binds.push_back(TypeText(*filter.type));
    }
    if (!filter.include_absorbed) sql += " AND e.canonical = e.id";
    if (!filter.name_contains.empty()) {
      const std::string norm = NormalizeName(filter.name_contains);
      if (norm.empty()) return Status::InvalidArgument("name filter has no letters or digits");
      const std::string n = std::to_string(binds.size() + 1);
      sql += " AND (instr(e.norm, ?" + n + ") > 0 OR EXISTS (SELECT 1 FROM alias a WHERE a.entity = e.id AND "
             "instr(a.norm, ?" + n + ") > 0))";
      binds.push_back(norm);
    }
    for (const auto& [key, value] : filter.where) {
      if (key.empty() || key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") !=
                             std::string::npos) {
        return Status::InvalidArgument("property filter key " + Quoted(key) + " must be letters, digits, _ or -");
      }
      const std::string k = std::to_string(binds.size() + 1);
      const std::string v = std::to_string(binds.size() + 2);
      // json_each yields a scalar itself or each element of a list.
      sql += " AND (EXISTS (SELECT 1 FROM json_each(e.properties, ?" + k + ") j WHERE CAST(j.value AS TEXT) = ?" +
             v + ")";
      if (key == "kind" || key == "source") {
        sql += " OR EXISTS (SELECT 1 FROM document d WHERE d.id = e.id AND d." + key + " = ?" + v + ")";
      }
      sql += ")";
      binds.push_back("$.\"" + key + "\"");
      binds.push_back(value);
    }
    if (filter.min_mentions > 0) sql += " AND mentions >= " + std::to_string(filter.min_mentions);
    switch (filter.sort) {
      case EntityFilter::Sort::kName: sql += " ORDER BY e.norm, e.id"; break;
      case EntityFilter::Sort::kMentions: sql += " ORDER BY mentions DESC, e.norm, e.id"; break;
      case EntityFilter::Sort::kId: sql += " ORDER BY e.id"; break;
    }
    sql += " LIMIT " + std::to_string(filter.limit > 0 ? filter.limit : kNoLimit) + " OFFSET " +
           std::to_string(std::max<int64_t>(filter.offset, 0));
    Stmt s = db_->Prepare(sql);
    for (size_t i = 0; i < binds.size(); ++i) s.Bind(static_cast<int>(i + 1), binds[i]);
    std::vector<EntitySummary> out;
    while (s.Step()) out.push_back(ReadSummaryRow(s));
    return out;
  });
}

Result<std::vector<Claim>> SqliteStore::ListClaims(const ClaimFilter& filter) {
  return Guard(path_, [&]() -> Result<std::vector<Claim>> {
    std::string sql = std::string("SELECT ") + kClaimColumns + " FROM claim c WHERE TRUE";
    std::vector<std::string> binds;
    auto next = [&] { return "?" + std::to_string(binds.size() + 1); };
    if (!filter.about.empty()) {
      const std::string canonical = ResolveOrThrow(filter.about, std::nullopt, true);
      const std::string p = next();
      const std::string set = "(SELECT id FROM entity WHERE canonical = " + p + ")";
      sql += " AND c.rid IN (SELECT rid FROM claim WHERE subject IN " + set +
             " UNION SELECT rid FROM claim WHERE object IN " + set +
             " UNION SELECT rid FROM claim WHERE attributed_to IN " + set + ")";
      binds.push_back(canonical);
    }
    if (!filter.predicate.empty()) {
      sql += " AND c.predicate = " + next();
      binds.push_back(CanonicalPredicate(filter.predicate));
    }
    if (filter.status) {
      sql += " AND c.status = " + next();
      binds.push_back(std::string(StatusName(*filter.status)));
    }
    if (!filter.document.empty()) {
      const std::string doc = ResolveOrThrow(filter.document, EntityType::kDocument, true);
      sql += " AND c.doc = " + next();
      binds.push_back(doc);
    }
    sql += " ORDER BY c.rid LIMIT " + std::to_string(filter.limit > 0 ? filter.limit : kNoLimit) + " OFFSET " +
           std::to_string(std::max<int64_t>(filter.offset, 0));
    Stmt s = db_->Prepare(sql);
    for (size_t i = 0; i < binds.size(); ++i) s.Bind(static_cast<int>(i + 1), binds[i]);
    std::vector<Claim> out;
    while (s.Step()) out.push_back(ReadClaimRow(s));
    return out;
  });
}

Result<std::vector<Judgement>> SqliteStore::ListJudgements() {
  return Guard(path_, [&]() -> Result<std::vector<Judgement>> {
    Stmt s = db_->Prepare(std::string("SELECT ") + kJudgementColumns + " FROM judgement ORDER BY rid");
    std::vector<Judgement> out;
    while (s.Step()) out.push_back(ReadJudgementRow(s));
    return out;
  });
}

Result<std::vector<AuditEntry>> SqliteStore::ListAudit(int64_t limit) {
  return Guard(path_, [&]() -> Result<std::vector<AuditEntry>> {
    Stmt s = db_->Prepare("SELECT seq, at, actor, action, target, detail FROM audit ORDER BY seq DESC LIMIT ?");
    s.Bind(1, limit > 0 ? limit : kNoLimit);
    std::vector<AuditEntry> out;
    while (s.Step()) {
      const int64_t seq = s.Int(0);
      Json detail = ParseJson(s.Text(5), Json::object(), "the detail column of audit entry " + std::to_string(seq));
      out.push_back({seq, s.Text(1), s.Text(2), s.Text(3), s.Text(4), std::move(detail)});
    }
    std::reverse(out.begin(), out.end());
    return out;
  });
}

Result<std::vector<SearchHit>> SqliteStore::Search(const SearchQuery& query) {
  if (Status st = CheckQueryLimits(query.text); !st.ok()) return st;
  const bool server = db_->dialect() == Dialect::kPostgres;
  auto expr = ToFtsExpression(query.text, server ? QuerySyntax::kTsquery : QuerySyntax::kFts5);
  if (!expr.ok()) return expr.status();
  return Guard(path_, [&]() -> Result<std::vector<SearchHit>> {
    const int64_t limit = query.limit > 0 ? query.limit : 20;
    std::vector<SearchHit> hits;
    auto collect = [&](const std::string& sql, bool bind_type) {
      Stmt s = db_->Prepare(sql);
      s.Bind(1, *expr).Bind(2, query.mark_open).Bind(3, query.mark_close).Bind(4, limit).Bind(6, kRankWindow);
      if (bind_type) s.Bind(5, TypeText(*query.type));
      while (s.Step()) {
        SearchHit h;
        h.id = s.Text(0);
        h.type = TypeFromText(s.Text(1));
        h.title = s.Text(2);
        h.field = s.Text(3);
        h.snippet = s.Text(4);
        h.score = s.Real(5);
        hits.push_back(std::move(h));
      }
    };
    const bool all = !query.type.has_value();
    const EntityType t = query.type.value_or(EntityType::kPerson);
    // Each part ranks inside the full-text index first and joins, snippets
    // and all, only for its best `limit` rows: computing a snippet for every
    // match of a frequent word or short prefix would dominate the query.
    // It ranks the newest kRankWindow matches, read in rowid order so that
    // the index stops there: ranking every match of a word most documents
    // hold grows with the archive (41 ms at 10,000 cables, about a second at
    // 250,000; docs/performance.md). A query with fewer matches is ranked whole.
    // The snippets of a prefix query are then made in one more pass over its
    // matches (CROSS JOIN keeps the full-text table outside): joined the
    // other way, the index expands the prefix again for each of the `limit`
    // rows, a few milliseconds each for two letters. Words are looked up by
    // rowid, which is cheaper than a pass over a frequent word's matches.
    const bool prefix = expr->find('*') != std::string::npos;
    auto Snippets = [&](const std::string& fts) {
      return prefix ? fts + " CROSS JOIN top ON top.rid = " + fts + ".rowid"
                    : "top JOIN " + fts + " ON " + fts + ".rowid = top.rid";
    };
    try {
      if (server) {
        postgres::CollectHits(db_.get(), query, *expr, limit, kRankWindow, &hits);
      } else if (all || t != EntityType::kClaim) {
        // Names and aliases; an absorbed entity's name finds the one it was merged into.
        collect(
            // A name match outranks an alias match.
            "WITH recent AS (SELECT f.rowid AS rid, bm25(entity_fts, 2.0, 1.0) AS score FROM entity_fts f" +
                std::string(all ? "" : " JOIN entity e ON e.rid = f.rowid AND e.type = ?5") +
                " WHERE entity_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?6), "
                "top AS (SELECT rid, score FROM recent ORDER BY score LIMIT ?4) "
                "SELECT c.id, c.type, c.name, 'name', snippet(entity_fts, -1, ?2, ?3, '…', 12), top.score "
                "FROM " + Snippets("entity_fts") + " JOIN entity e ON e.rid = top.rid "
                "JOIN entity c ON c.id = e.canonical WHERE entity_fts MATCH ?1 ORDER BY top.score",
            !all);
      }
      if (!server && (all || t == EntityType::kDocument)) {
        collect(
            // A title match outranks a match in the text.
            "WITH recent AS (SELECT rowid AS rid, bm25(document_fts, 4.0, 1.0) AS score FROM document_fts "
            "WHERE document_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?6), "
            "top AS (SELECT rid, score FROM recent ORDER BY score LIMIT ?4) "
            "SELECT d.id, 'document', d.title, 'text', snippet(document_fts, -1, ?2, ?3, '…', 16), top.score "
            "FROM " + Snippets("document_fts") + " JOIN document d ON d.rid = top.rid "
            "WHERE document_fts MATCH ?1 ORDER BY top.score",
            false);
      }
      if (!server && (all || t == EntityType::kClaim)) {
        collect(
            "WITH recent AS (SELECT rowid AS rid, bm25(claim_fts) AS score FROM claim_fts WHERE claim_fts MATCH ?1 "
            "ORDER BY rowid DESC LIMIT ?6), "
            "top AS (SELECT rid, score FROM recent ORDER BY score LIMIT ?4) "
            "SELECT c.id, 'claim', s.name || ' — ' || c.predicate, 'quote', "
            "snippet(claim_fts, 0, ?2, ?3, '…', 16), top.score "
            "FROM " + Snippets("claim_fts") + " JOIN claim c ON c.rid = top.rid "
            "JOIN entity s ON s.id = c.subject WHERE claim_fts MATCH ?1 ORDER BY top.score",
            false);
      }
    } catch (const SqliteError& e) {
      if (e.code() == SQLITE_ERROR) {
        return Status::InvalidArgument("cannot search for " + Quoted(query.text) + ": not a valid query");
      }
      throw;
    }
    // Best first; one hit per id. A document can match by title or alias (names)
    // and by text: it ranks by its best match but shows the text snippet, which
    // says more than its title.
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score < b.score; });
    std::map<std::string, const SearchHit*> text_hit;
    for (const auto& h : hits) {
      if (h.field == "text") text_hit.emplace(h.id, &h);
    }
    std::vector<SearchHit> out;
    std::set<std::string> seen;
    for (const auto& h : hits) {
      if (static_cast<int64_t>(out.size()) >= limit) break;
      if (!seen.insert(h.id).second) continue;
      SearchHit best = h;
      if (auto it = text_hit.find(h.id); it != text_hit.end() && h.field != "text") {
        best.field = it->second->field;
        best.snippet = it->second->snippet;
      }
      out.push_back(std::move(best));
    }
    return out;
  });
}

Result<Stats> SqliteStore::GetStats() {
  return Guard(path_, [&]() -> Result<Stats> {
    Stats st;
    st.path = path_;
    st.schema_version = db_->SchemaVersion();
    st.file_bytes = db_->SizeBytes();
    Stmt s = db_->Prepare("SELECT type, count(*) FROM entity WHERE canonical = id GROUP BY type");
    while (s.Step()) {
      const EntityType t = TypeFromText(s.Text(0));
      const int64_t n = s.Int(1);
      switch (t) {
        case EntityType::kPerson: st.persons = n; break;
        case EntityType::kOrganization: st.organizations = n; break;
        case EntityType::kPlace: st.places = n; break;
        case EntityType::kDocument: st.documents = n; break;
        case EntityType::kClaim: break;
      }
    }
    // A stub document stands for a cited cable not imported (docs/cables.md):
    // counted apart, it is no document a curator has.
    st.cited_only = db_->QueryInt("SELECT count(*) FROM document WHERE kind = 'stub'");
    st.documents -= st.cited_only;
    st.claims = db_->QueryInt("SELECT count(*) FROM claim");
    st.mentions = db_->QueryInt("SELECT count(*) FROM mention");
    st.aliases = db_->QueryInt("SELECT count(*) FROM alias");
    st.judgements = db_->QueryInt("SELECT count(*) FROM judgement");
    st.findings = db_->QueryInt("SELECT count(*) FROM finding");
    st.open_findings = db_->QueryInt("SELECT count(*) FROM finding WHERE status = 'open'");
    st.audit_entries = db_->QueryInt("SELECT count(*) FROM audit");
    st.merged = db_->QueryInt("SELECT count(*) FROM merge");
    return st;
  });
}

// ---------------------------------------------------------------------------
// Writing

Result<Entity> SqliteStore::AddEntity(const NewEntity& in, const Actor& actor) {
  return Guard(path_, [&]() -> Result<Entity> {
    if (in.type == EntityType::kClaim) return Status::InvalidArgument("claims are added with AddClaim");
    if (in.type == EntityType::kDocument) return Status::InvalidArgument("documents are added with AddDocument");
    const std::string name = Trim(in.name);
    const std::string norm = NormalizeName(name);
    if (norm.empty()) return Status::InvalidArgument("name " + Quoted(name) + " has no letters or digits");
    if (Status st = ValidateProperties(in.type, in.properties); !st.ok()) return st;
    for (const auto& a : in.aliases) {
      if (NormalizeName(a).empty()) return Status::InvalidArgument("alias " + Quoted(a) + " has no letters or digits");
    }
    Transaction tx(db_.get());
    if (!in.allow_same_name) {
      if (Status st = NameFree(name, in.type, "", ""); !st.ok()) return st;
    }
    SourceRef source = in.source;
    CheckSource(&source, false, "source");
    const std::string id = UniqueId(IdPrefix(in.type), Slugify(name));
    const std::string now = NowIso();
    InsertEntityRow(id, in.type, name, in.properties, now, now, actor.name);
    Fault("entity");
    for (const auto& a : in.aliases) {
      const std::string alias = Trim(a);
      if (alias != name) InsertAlias(id, alias, source, actor, now);
      Fault("alias");
    }
    Json detail = {{"type", TypeText(in.type)}, {"name", name}};
    if (!in.properties.empty()) detail["properties"] = in.properties;
    if (!source.empty()) detail["source"] = {{"document", source.document}, {"note", source.note}};
    Audit(actor, "add", id, detail);
    Fault("commit");
    tx.Commit();
    return *LoadEntity(id);
  });
}

Result<Document> SqliteStore::AddDocument(const Document& in, const Actor& actor) {
  return Guard(path_, [&]() -> Result<Document> {
    Document d = in;
    d.title = Trim(d.title);
    if (d.title.empty()) return Status::InvalidArgument("a document needs a title");
    if (d.kind.empty()) d.kind = "text";
    if (!IsValidUtf8(d.text)) return Status::InvalidArgument("document text is not valid UTF-8");
    const std::string sha = Sha256Hex(d.text);
    if (!d.sha256.empty() && d.sha256 != sha) {
      return Status::InvalidArgument("document sha256 does not match its text");
    }
    d.sha256 = sha;
    for (const auto& p : d.paragraphs) {
      if (!IsSpanOf(d.text, p.start, p.end)) {
        return Status::InvalidArgument("paragraph [" + std::to_string(p.start) + ", " + std::to_string(p.end) +
                                       ") is not a span of the document text");
      }
    }
    if (Status st = ValidateProperties(EntityType::kDocument, DocumentRecordProperties(d)); !st.ok()) return st;
    if (!d.id.empty() && !ValidIdSyntax(d.id, "doc")) {
      return Status::InvalidArgument("document id " + Quoted(d.id) + " must look like doc:NAME");
    }
    Transaction tx(db_.get());
    if (d.id.empty()) {
      d.id = UniqueId("doc", Slugify(d.title));
    } else if (db_->Prepare("SELECT 1 FROM entity WHERE id = ?").Bind(1, d.id).Step()) {
      return Status::AlreadyExists("document " + d.id + " already exists");
    }
    const std::string now = NowIso();
    InsertEntityRow(d.id, EntityType::kDocument, d.title, d.properties, now, now, actor.name);
    Fault("entity");
    InsertDocumentRows(d);
    Fault("document");
    Audit(actor, "add", d.id,
          {{"type", "document"}, {"title", d.title}, {"kind", d.kind}, {"sha256", d.sha256}, {"source", d.source}});
    Fault("commit");
    tx.Commit();
    return *LoadDocument(d.id);
  });
}

Status SqliteStore::AddAlias(std::string_view entity, const std::string& alias_in, const SourceRef& seen,
                             const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    const std::string alias = Trim(alias_in);
    if (NormalizeName(alias).empty()) return Status::InvalidArgument("alias " + Quoted(alias) + " has no letters or digits");
    Transaction tx(db_.get());
    const std::string id = ResolveOrThrow(entity, std::nullopt, true);
    auto e = LoadEntity(id);
    if (e->name == alias) return Status::OK();
    for (const auto& a : e->aliases) {
      if (a.name == alias) return Status::OK();
    }
    SourceRef source = seen;
    CheckSource(&source, false, "alias source");
    InsertAlias(id, alias, source, actor, NowIso());
    Fault("alias");
    Json detail = {{"alias", alias}};
    if (!source.document.empty()) detail["document"] = source.document;
    if (!source.note.empty()) detail["note"] = source.note;
    Audit(actor, "alias", id, detail);
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

Status SqliteStore::Rename(std::string_view entity, const std::string& name_in, const std::string& reason,
                           const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    const std::string name = Trim(name_in);
    if (NormalizeName(name).empty()) return Status::InvalidArgument("the name " + Quoted(name) + " has no letters or digits");
    Transaction tx(db_.get());
    const std::string id = ResolveOrThrow(entity, std::nullopt, true);
    auto e = LoadEntity(id);
    if (e->type == EntityType::kDocument) {
      return Status::InvalidArgument(id + " is a document: its title is what its source says");
    }
    if (e->name == name) return Status::OK();
    // Two of one type under one name is what merge is for, not rename.
    if (Status st = NameFree(name, e->type, id, " (dossier merge joins the two)"); !st.ok()) return st;
    const std::string now = NowIso();
    // The new name is no longer an alias of the entity; the old one is.
    db_->Prepare("DELETE FROM alias WHERE entity = ? AND name = ?").BindAll(id, name).Run();
    db_->Prepare("UPDATE entity SET name = ?, norm = ?, updated_at = ? WHERE id = ?")
        .BindAll(name, NormalizeName(name), now, id)
        .Run();
    Fault("rename");
    SourceRef was;
    was.note = "its name before a rename";
    InsertAlias(id, e->name, was, actor, now);
    RebuildNameKeys(db_.get(), id);
    Audit(actor, "rename", id, {{"before", e->name}, {"after", name}, {"reason", reason}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

Status SqliteStore::SetProperties(std::string_view entity, const Json& properties, bool merge,
                                  const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    if (!properties.is_object()) return Status::InvalidArgument("properties must be a JSON object");
    Transaction tx(db_.get());
    const std::string id = ResolveOrThrow(entity, std::nullopt, true);
    auto e = LoadEntity(id);
    Json next = merge ? e->properties : Json::object();
    if (merge) {
      next.merge_patch(properties);  // null deletes a key
    } else {
      next = properties;
    }
    if (e->type == EntityType::kDocument) {
      auto doc = LoadDocument(id);
      doc->properties = next;
      if (Status st = ValidateProperties(EntityType::kDocument, DocumentRecordProperties(*doc)); !st.ok()) return st;
    } else if (Status st = ValidateProperties(e->type, next); !st.ok()) {
      return st;
    }
    db_->Prepare("UPDATE entity SET properties = ?, updated_at = ? WHERE id = ?")
        .BindAll(next.dump(), NowIso(), id)
        .Run();
    Fault("properties");
    Audit(actor, "properties", id, {{"before", e->properties}, {"after", next}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

Result<Claim> SqliteStore::AddClaim(const NewClaim& in, const Actor& actor) {
  return Guard(path_, [&]() -> Result<Claim> {
    Claim c;
    c.predicate = CanonicalPredicate(in.predicate);
    if (c.predicate.empty()) return Status::InvalidArgument("a claim needs a predicate");
    c.value = in.value;
    c.time = Trim(in.time);
    c.kind = in.kind;
    c.extractor = in.extractor.empty() ? "curator" : in.extractor;
    c.confidence = in.confidence;
    c.properties = in.properties.is_object() ? in.properties : Json::object();
    Transaction tx(db_.get());
    c.subject = ResolveOrThrow(in.subject, std::nullopt, true);
    if (!in.object.empty()) c.object = ResolveOrThrow(in.object, std::nullopt, true);
    if (!in.attributed_to.empty()) c.attributed_to = ResolveOrThrow(in.attributed_to, std::nullopt, true);
    if (c.object.empty() && c.value.is_null()) {
      return Status::InvalidArgument("a claim needs an object entity or a value");
    }
    c.source = in.source;
    CheckSource(&c.source, true, "claim");
    c.id = ClaimId(c);
    if (Status st = ValidateClaimRecord(ClaimRecord(c)); !st.ok()) return st;
    if (LoadClaim(c.id)) return Status::AlreadyExists("the same claim already exists: " + c.id);
    const std::string now = NowIso();
    db_->Prepare(
           "INSERT INTO claim(id, subject, predicate, object, value, time, doc, start, \"end\", quote, source_note, "
           "attributed_to, kind, extractor, confidence, status, properties, created_at, updated_at, created_by) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unreviewed', ?, ?, ?, ?)")
        .Bind(1, c.id)
        .Bind(2, c.subject)
        .Bind(3, c.predicate)
        .BindOrNull(4, c.object)
        .BindOrNull(5, c.value.is_null() ? std::string() : c.value.dump())
        .BindOrNull(6, c.time)
        .BindOrNull(7, c.source.document)
        .BindOrNull(8, c.source.start)
        .BindOrNull(9, c.source.end)
        .BindOrNull(10, c.source.quote)
        .BindOrNull(11, c.source.note)
        .BindOrNull(12, c.attributed_to)
        .BindOrNull(13, c.kind)
        .Bind(14, c.extractor)
        .Bind(15, c.confidence)
        .Bind(16, c.properties.dump())
        .Bind(17, now)
        .Bind(18, now)
        .Bind(19, actor.name)
        .Run();
    Fault("claim");
    Audit(actor, "claim", c.id, ClaimRecord(c));
    Fault("commit");
    tx.Commit();
    return *LoadClaim(c.id);
  });
}

Status SqliteStore::SetClaimStatus(std::string_view claim, ClaimStatus status, const std::string& reason_in,
                                   const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    const std::string reason = Trim(reason_in);
    if (reason.empty()) return Status::InvalidArgument("changing a claim's status needs a reason");
    Transaction tx(db_.get());
    auto c = LoadClaim(Trim(claim));
    if (!c) return Status::NotFound("no claim with id " + std::string(claim));
    db_->Prepare("UPDATE claim SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?")
        .BindAll(std::string(StatusName(status)), reason, NowIso(), c->id)
        .Run();
    Fault("status");
    Audit(actor, "status", c->id,
          {{"from", std::string(StatusName(c->status))}, {"to", std::string(StatusName(status))}, {"reason", reason}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

void SqliteStore::SetCanonical(std::string_view root, std::string_view canonical) {
  db_->Prepare(
         // The root read from its row, not given as ?1: its text then compares as
         // the column does on either engine.
         "WITH RECURSIVE sub(id) AS (SELECT id FROM entity WHERE id = ?1 "
         "UNION SELECT m.absorbed FROM merge m JOIN sub ON m.into_id = sub.id) "
         "UPDATE entity SET canonical = ?2 WHERE id IN (SELECT id FROM sub)")
      .Bind(1, root)
      .Bind(2, canonical)
      .Run();
}

std::optional<Judgement> SqliteStore::LoadJudgementForPair(const std::string& a, const std::string& b) {
  Stmt s = db_->Prepare(std::string("SELECT ") + kJudgementColumns + " FROM judgement WHERE lo = ? AND hi = ?");
  s.Bind(1, std::min(a, b)).Bind(2, std::max(a, b));
  if (!s.Step()) return std::nullopt;
  return ReadJudgementRow(s);
}

Judgement SqliteStore::UpsertJudgement(const std::string& a, const std::string& b, Verdict verdict,
                                       const std::string& reason, const Actor& actor, const std::string& now) {
  Judgement j;
  j.id = "judgement:" + ShortHash(std::min(a, b) + "\x1f" + std::max(a, b));
  j.a = a;
  j.b = b;
  j.verdict = verdict;
  j.reason = reason;
  j.by = actor.name;
  j.at = now;
  db_->Prepare("DELETE FROM judgement WHERE lo = ? AND hi = ?").Bind(1, std::min(a, b)).Bind(2, std::max(a, b)).Run();
  db_->Prepare("INSERT INTO judgement(id, a, b, lo, hi, verdict, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .Bind(1, j.id)
      .Bind(2, a)
      .Bind(3, b)
      .Bind(4, std::min(a, b))
      .Bind(5, std::max(a, b))
      .Bind(6, std::string(VerdictName(verdict)))
      .BindOrNull(7, reason)
      .Bind(8, j.by)
      .Bind(9, j.at)
      .Run();
  return j;
}

void SqliteStore::MergeLocked(const std::string& keep, const std::string& absorb, const std::string& reason,
                              const Actor& actor) {
  if (keep == absorb) Fail(Status::InvalidArgument(keep + " and " + absorb + " are already one entity"));
  auto k = LoadEntity(keep);
  auto a = LoadEntity(absorb);
  if (k->type != a->type) {
    Fail(Status::InvalidArgument("cannot merge a " + TypeText(a->type) + " into a " + TypeText(k->type) + " (" +
                                 absorb + " into " + keep + ")"));
  }
  auto previous = LoadJudgementForPair(keep, absorb);
  if (previous && previous->verdict == Verdict::kDifferent) {
    Fail(Status::InvalidArgument(keep + " and " + absorb + " were judged different by " + previous->by +
                                 (previous->reason.empty() ? "" : " (" + previous->reason + ")") +
                                 "; judge them again to change that"));
  }
  const std::string now = NowIso();
  Judgement j = UpsertJudgement(keep, absorb, Verdict::kSame, reason, actor, now);
  Fault("judgement");
  Json saved = nullptr;
  if (previous) {
    saved = {{"id", previous->id}, {"a", previous->a}, {"b", previous->b},
             {"verdict", std::string(VerdictName(previous->verdict))}, {"reason", previous->reason},
             {"by", previous->by}, {"at", previous->at}};
  }
  db_->Prepare("INSERT INTO merge(absorbed, into_id, judgement, reason, by, at) VALUES (?, ?, ?, ?, ?, ?)")
      .Bind(1, absorb)
      .Bind(2, keep)
      .BindOrNull(3, saved.is_null() ? std::string() : saved.dump())
      .BindOrNull(4, reason)
      .Bind(5, actor.name)
      .Bind(6, now)
      .Run();
  Fault("merge");
  SetCanonical(absorb, keep);
  Fault("canonical");
  Audit(actor, "merge", keep, {{"absorbed", absorb}, {"reason", reason}, {"judgement", j.id}});
}

Status SqliteStore::Merge(std::string_view keep, std::string_view absorb, const std::string& reason,
                          const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    Transaction tx(db_.get());
    const std::string k = ResolveOrThrow(keep, std::nullopt, true);
    const std::string a = ResolveOrThrow(absorb, std::nullopt, true);
    MergeLocked(k, a, Trim(reason), actor);
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

Status SqliteStore::Split(std::string_view absorbed, const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    Transaction tx(db_.get());
    const std::string id = ResolveOrThrow(absorbed, std::nullopt, false);
    Stmt s = db_->Prepare("SELECT into_id, judgement, by, reason FROM merge WHERE absorbed = ?");
    s.Bind(1, id);
    if (!s.Step()) {
      // Named the survivor? Say what could be split from it.
      std::vector<std::string> children;
      Stmt c = db_->Prepare("SELECT absorbed FROM merge WHERE into_id = ? ORDER BY absorbed");
      c.Bind(1, id);
      while (c.Step()) children.push_back(c.Text(0));
      if (children.empty()) return Status::InvalidArgument(id + " is not merged with anything");
      std::string list;
      for (const auto& ch : children) list += (list.empty() ? "" : ", ") + ch;
      return Status::InvalidArgument(id + " is the entity others were merged into; split one of: " + list);
    }
    const std::string into = s.Text(0);
    const Json saved = ParseJson(s.Text(1), Json(), "the judgement column of the merge of " + std::string(id));
    const bool automatic = s.Text(2) == "resolver";
    const std::string merge_reason = s.Text(3);
    db_->Prepare("DELETE FROM merge WHERE absorbed = ?").Bind(1, id).Run();
    Fault("merge");
    SetCanonical(id, id);
    Fault("canonical");
    db_->Prepare("DELETE FROM judgement WHERE lo = ? AND hi = ?").Bind(1, std::min(id, into)).Bind(2, std::max(id, into)).Run();
    if (saved.is_object()) {
      db_->Prepare("INSERT INTO judgement(id, a, b, lo, hi, verdict, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .Bind(1, saved.at("id").get<std::string>())
          .Bind(2, saved.at("a").get<std::string>())
          .Bind(3, saved.at("b").get<std::string>())
          .Bind(4, std::min(id, into))
          .Bind(5, std::max(id, into))
          .Bind(6, saved.at("verdict").get<std::string>())
          .BindOrNull(7, saved.value("reason", ""))
          .Bind(8, saved.at("by").get<std::string>())
          .Bind(9, saved.at("at").get<std::string>())
          .Run();
    }
    if (automatic && !saved.is_object()) {
      // The curator undid the resolver: remember it, so that the next import
      // does not merge the two again.
      UpsertJudgement(into, id, Verdict::kDifferent, "split from an automatic merge (" + merge_reason + ")", actor, NowIso());
    }
    Fault("judgement");
    Audit(actor, "split", id, {{"from", into}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

Result<Judgement> SqliteStore::Judge(std::string_view a_in, std::string_view b_in, Verdict verdict,
                                     const std::string& reason_in, const Actor& actor) {
  return Guard(path_, [&]() -> Result<Judgement> {
    const std::string reason = Trim(reason_in);
    Transaction tx(db_.get());
    const std::string a = ResolveOrThrow(a_in, std::nullopt, true);
    const std::string b = ResolveOrThrow(b_in, std::nullopt, true);
    Judgement j;
    if (verdict == Verdict::kSame) {
      MergeLocked(a, b, reason, actor);
      j = *LoadJudgementForPair(a, b);
    } else {
      if (a == b) {
        return Status::InvalidArgument(std::string(a_in) + " and " + std::string(b_in) +
                                       " are merged into one entity (" + a + "); split them first");
      }
      auto ea = LoadEntity(a);
      auto eb = LoadEntity(b);
      if (ea->type != eb->type) {
        return Status::InvalidArgument("cannot judge a " + TypeText(ea->type) + " against a " + TypeText(eb->type));
      }
      j = UpsertJudgement(a, b, verdict, reason, actor, NowIso());
      Fault("judgement");
      Audit(actor, "judge", a, {{"other", b}, {"verdict", std::string(VerdictName(verdict))}, {"reason", reason}});
    }
    Fault("commit");
    tx.Commit();
    return j;
  });
}

}  // namespace dossier::sqlite
