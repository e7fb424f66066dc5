// Writing imported documents: resolving proposed entities and writing a
// document with its mentions and claims in one transaction.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "clock.h"
#include "dossier/record.h"
#include "dossier/schema.h"
#include "dossier/text.h"
#include "resolver.h"
#include "sqlite/resolver_index.h"
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {
namespace {

std::string Span(int64_t start, int64_t end) {
  return "[" + std::to_string(start) + ", " + std::to_string(end) + ")";
}

// Checks everything that can be checked without the store, so a bad proposal
// (an extractor's span off by one) fails the document before anything is written.
Status ValidateBatch(const DocumentBatch& b) {
  const Document& d = b.document;
  if (Trim(d.title).empty()) return Status::InvalidArgument("document has no title");
  if (!IsValidUtf8(d.text)) return Status::InvalidArgument("document text is not valid UTF-8");
  auto span_ok = [&](int64_t start, int64_t end) { return IsSpanOf(d.text, start, end); };
  for (const auto& p : d.paragraphs) {
    if (!span_ok(p.start, p.end)) {
      return Status::InvalidArgument("paragraph " + Span(p.start, p.end) + " is not a span of the document text");
    }
  }
  std::set<std::string> keys = {kThisDocument};
  for (const auto& e : b.entities) {
    if (e.key.empty()) return Status::InvalidArgument("proposed entity " + Quoted(e.name) + " has no key");
    if (!keys.insert(e.key).second) return Status::InvalidArgument("entity key " + Quoted(e.key) + " is used twice");
    if (e.type == EntityType::kClaim) return Status::InvalidArgument("entity " + Quoted(e.key) + " cannot be a claim");
    if (e.id.empty() && NormalizeName(e.name).empty()) {
      return Status::InvalidArgument("entity " + Quoted(e.key) + " has no name");
    }
    if (!e.id.empty() && !ValidIdSyntax(e.id, IdPrefix(e.type))) {
      return Status::InvalidArgument("entity " + Quoted(e.key) + " has id " + Quoted(e.id) + ", not a " +
                                     TypeText(e.type) + " id");
    }
    if (!e.properties.empty()) {
      if (Status st = ValidateProperties(e.type, e.properties); !st.ok()) {
        return st.WithContext("entity " + Quoted(e.name));
      }
    }
  }
  for (const auto& m : b.mentions) {
    if (!span_ok(m.start, m.end) || m.start == m.end) {
      return Status::InvalidArgument("mention " + Span(m.start, m.end) + " is not a span of the document text" +
                                     (m.extractor.empty() ? "" : " (from " + m.extractor + ")"));
    }
    if (!m.entity.empty() && !keys.count(m.entity)) {
      return Status::InvalidArgument("mention " + Span(m.start, m.end) + " refers to unknown entity key " +
                                     Quoted(m.entity));
    }
  }
  for (const auto& c : b.claims) {
    const std::string what = "claim " + Quoted(c.predicate) + (c.extractor.empty() ? "" : " (from " + c.extractor + ")");
    if (CanonicalPredicate(c.predicate).empty()) return Status::InvalidArgument("a claim has no predicate");
    if (!keys.count(c.subject)) return Status::InvalidArgument(what + " has unknown subject key " + Quoted(c.subject));
    if (!c.object.empty() && !keys.count(c.object)) {
      return Status::InvalidArgument(what + " has unknown object key " + Quoted(c.object));
    }
    if (!c.attributed_to.empty() && !keys.count(c.attributed_to)) {
      return Status::InvalidArgument(what + " is attributed to unknown key " + Quoted(c.attributed_to));
    }
    if (c.object.empty() && c.value.is_null()) return Status::InvalidArgument(what + " has neither object nor value");
    const bool no_span = c.start < 0 && c.end < 0;
    if (!no_span && !span_ok(c.start, c.end)) {
      return Status::InvalidArgument(what + " span " + Span(c.start, c.end) + " is not a span of the document text");
    }
  }
  return Status::OK();
}

// Rows go in by statements of up to kRowsPerInsert rows: a document holds
// hundreds of mentions, and SQLite's fixed cost per statement (a statement
// journal, the foreign key counters) was most of what one row cost. Rows
// meet ON CONFLICT one by one in order, as if inserted by separate statements.
constexpr size_t kRowsPerInsert = 32;

// Inserts n rows by `head VALUES (?,...),... tail`; bind_row(stmt, col, i)
// binds row i's `columns` values from position col + 1 on.
template <class BindRow>
void InsertRows(Db* db, std::string_view head, int columns, std::string_view tail, size_t n, BindRow bind_row) {
  std::string row = "(?";
  for (int c = 1; c < columns; ++c) row += ",?";
  row += ")";
  for (size_t at = 0; at < n;) {
    const size_t rows = std::min(kRowsPerInsert, n - at);
    std::string sql(head);
    sql += " VALUES ";
    for (size_t r = 0; r < rows; ++r) {
      if (r > 0) sql += ",";
      sql += row;
    }
    sql += " ";
    sql += tail;
    Stmt s = db->Prepare(sql);
    for (size_t r = 0; r < rows; ++r, ++at) bind_row(s, static_cast<int>(r) * columns, at);
    s.Run();
  }
}

}  // namespace

Result<WriteOutcome> SqliteStore::WriteDocument(const DocumentBatch& in, const Actor& actor) {
  return Guard(path_, [&]() -> Result<WriteOutcome> {
    if (Status st = ValidateBatch(in); !st.ok()) return st;
    Document d = in.document;
    d.title = Trim(d.title);
    if (d.kind.empty()) d.kind = "text";
    d.sha256 = Sha256Hex(d.text);
    if (d.id.empty()) d.id = "doc:" + Slugify(d.title);
    if (!ValidIdSyntax(d.id, "doc")) return Status::InvalidArgument("document id " + Quoted(d.id) + " must look like doc:NAME");
    if (Status st = ValidateProperties(EntityType::kDocument, DocumentRecordProperties(d)); !st.ok()) return st;

    Transaction tx(db_.get());
    WriteOutcome out;
    const std::string proposed = d.id;
    for (int n = 2;; ++n) {
      Stmt s = db_->Prepare("SELECT kind, sha256, source FROM document WHERE id = ?");
      s.Bind(1, d.id);
      if (!s.Step()) break;
      const std::string kind = s.Text(0), sha = s.Text(1), source = s.Text(2);
      if (kind != "stub" && sha == d.sha256) {
        out.kind = WriteOutcome::Kind::kUnchanged;
        out.document = d.id;
        return out;  // nothing written; the transaction rolls back empty
      }
      if (kind == "stub") {
        out.kind = WriteOutcome::Kind::kFilledIn;
        break;
      }
      if (!d.source.empty() && source == d.source) {
        out.kind = WriteOutcome::Kind::kReplaced;
        break;
      }
      d.id = proposed + "-" + std::to_string(n);  // another document with the same natural id
    }
    out.document = d.id;
    const std::string now = NowIso();

    if (out.kind == WriteOutcome::Kind::kImported) {
      InsertEntityRow(d.id, EntityType::kDocument, d.title, d.properties, now, now, actor.name);
      InsertDocumentRows(d);
    } else {
      db_->Prepare("UPDATE entity SET name = ?, norm = ?, properties = ?, updated_at = ? WHERE id = ?")
          .BindAll(d.title, NormalizeName(d.title), d.properties.dump(), now, d.id)
          .Run();
      db_->Prepare("UPDATE document SET kind = ?, title = ?, text = ?, sha256 = ?, source = ? WHERE id = ?")
          .Bind(1, d.kind)
          .Bind(2, d.title)
          .Bind(3, d.text)
          .Bind(4, d.sha256)
          .BindOrNull(5, d.source)
          .Bind(6, d.id)
          .Run();
      ReplaceParagraphs(d.id, d.paragraphs);
      if (out.kind == WriteOutcome::Kind::kReplaced) {
        // Machine facts are derived again from the new text; the curator's own
        // claims and the claims a curator reviewed stay, re-anchored on their
        // quote where the new text still has it.
        db_->Prepare("DELETE FROM mention WHERE doc = ? AND extractor != 'curator'").Bind(1, d.id).Run();
        db_->Prepare("DELETE FROM claim WHERE doc = ? AND extractor != 'curator' AND status = 'unreviewed'")
            .Bind(1, d.id)
            .Run();
        std::vector<std::pair<std::string, std::string>> kept;  // id, quote
        {
          Stmt k = db_->Prepare("SELECT id, quote FROM claim WHERE doc = ? AND quote IS NOT NULL");
          k.Bind(1, d.id);
          while (k.Step()) kept.emplace_back(k.Text(0), k.Text(1));
        }
        for (const auto& [cid, quote] : kept) {
          const size_t pos = d.text.find(quote);
          if (pos != std::string::npos) {
            db_->Prepare("UPDATE claim SET start = ?, \"end\" = ? WHERE id = ?")
                .BindAll(static_cast<int64_t>(pos), static_cast<int64_t>(pos + quote.size()), cid)
                .Run();
          } else {
            db_->Prepare("UPDATE claim SET properties = json_set(properties, '$.source_changed', json('true')), "
                         "updated_at = ? WHERE id = ?")
                .BindAll(now, cid)
                .Run();
          }
        }
      }
    }
    Fault("document");

    // Resolve the proposed entities (kernel/src/resolver.h).
    std::map<std::string, std::string> ids = {{kThisDocument, d.id}};
    std::map<std::string, EntityType> types;  // the type each key is stored as
    Json created = Json::array();
    SqliteResolverIndex index(db_.get());
    for (const auto& p : in.entities) {
      std::string id;
      bool is_new = false;
      Resolution res;
      res.type = p.type;
      if (!p.id.empty()) {
        Stmt s = db_->Prepare("SELECT canonical FROM entity WHERE id = ?");
        s.Bind(1, p.id);
        if (s.Step()) {
          id = s.Text(0);
        } else {
          id = p.id;
          is_new = true;
        }
      } else {
        res = dossier::Resolve(p, index);
        id = res.merge ? std::string() : res.id;
        if (id.empty()) {
          id = UniqueId(IdPrefix(res.type), Slugify(p.name));
          is_new = true;
        }
      }
      const std::string name = Trim(p.name).empty() ? id.substr(id.find(':') + 1) : Trim(p.name);
      if (is_new) {
        InsertEntityRow(id, res.type, name, p.properties, now, now, actor.name);
        if (p.type == EntityType::kDocument) {
          // Known only by reference: a stub, filled in when the document arrives.
          Document stub;
          stub.id = id;
          stub.title = name;
          stub.kind = "stub";
          InsertDocumentRows(stub);
        }
        created.push_back(id);
      } else if (!p.properties.empty()) {
        // Fill in what the entity lacks; never overwrite what is there (a curator may have set it).
        Stmt s = db_->Prepare("SELECT properties, type FROM entity WHERE id = ?");
        s.Bind(1, id);
        s.Step();
        Json props = ParseJson(s.Text(0), Json::object(), "the properties column of " + id);
        const EntityType type = TypeFromText(s.Text(1));
        bool changed = false;
        for (auto it = p.properties.begin(); it != p.properties.end(); ++it) {
          if (!props.contains(it.key())) {
            props[it.key()] = it.value();
            changed = true;
          }
        }
        if (changed && type == p.type && ValidateProperties(type, props).ok()) {
          db_->Prepare("UPDATE entity SET properties = ?, updated_at = ? WHERE id = ?").BindAll(props.dump(), now, id).Run();
        }
      }
      if (!p.aliases.empty()) {
        Stmt s = db_->Prepare("SELECT norm FROM entity WHERE id = ?");
        s.Bind(1, id);
        s.Step();
        const std::string own = s.Text(0);
        SourceRef seen;
        seen.document = d.id;
        for (const auto& a : p.aliases) {
          const std::string alias = Trim(a);
          if (NormalizeName(alias).empty() || NormalizeName(alias) == own) continue;
          InsertAlias(id, alias, seen, actor, now);
        }
      }
      ids[p.key] = id;
      types[p.key] = res.type;
      // The resolver's merges: this entity into the one its name resolved to,
      // or surname-only people into this full name; each with its evidence.
      const Actor resolver{"resolver"};
      if (res.merge && is_new && !index.JudgedDifferent(res.id, id)) MergeLocked(res.id, id, res.evidence, resolver);
      if (is_new && p.id.empty()) {
        for (const auto& [absorbed, evidence] : AbsorbedBy(id, p, index)) MergeLocked(id, absorbed, evidence, resolver);
      }
      Fault("entity");
    }
    out.entities_created = static_cast<int64_t>(created.size());

    // A mention names what its entity was stored as (resolver rule 5).
    auto mention_type = [&](const ProposedMention& m) {
      return m.entity.empty() ? m.type : types.count(m.entity) ? types.at(m.entity) : m.type;
    };
    // Of two mentions of the same span and type (one id), the later wins: the
    // earlier is not written. (One statement may not meet the same row twice
    // on PostgreSQL.)
    std::vector<size_t> kept;
    {
      std::set<std::string> seen;
      for (size_t i = in.mentions.size(); i-- > 0;) {
        const ProposedMention& m = in.mentions[i];
        if (seen.insert(MentionId(d.id, m.start, m.end, mention_type(m))).second) kept.push_back(i);
      }
      std::reverse(kept.begin(), kept.end());
    }
    InsertRows(db_.get(), "INSERT INTO mention(id, entity, entity_type, doc, start, \"end\", text, extractor, confidence)", 9,
               "ON CONFLICT(id) DO UPDATE SET entity = excluded.entity, extractor = excluded.extractor, "
               "confidence = excluded.confidence",
               kept.size(), [&](Stmt& s, int col, size_t k) {
                 const ProposedMention& m = in.mentions[kept[k]];
                 const EntityType type = mention_type(m);
                 s.Bind(col + 1, MentionId(d.id, m.start, m.end, type));
                 s.BindOrNull(col + 2, m.entity.empty() ? std::string_view() : std::string_view(ids.at(m.entity)));
                 s.Bind(col + 3, TypeText(type));
                 s.Bind(col + 4, d.id);
                 s.Bind(col + 5, m.start);
                 s.Bind(col + 6, m.end);
                 s.Bind(col + 7, std::string_view(d.text).substr(static_cast<size_t>(m.start),
                                                                  static_cast<size_t>(m.end - m.start)));
                 s.Bind(col + 8, m.extractor.empty() ? std::string_view("unknown") : std::string_view(m.extractor));
                 s.Bind(col + 9, m.confidence);
               });
    out.mentions = static_cast<int64_t>(in.mentions.size());
    Fault("mentions");

    std::vector<Claim> claims;
    claims.reserve(in.claims.size());
    for (const auto& p : in.claims) {
      Claim& c = claims.emplace_back();
      c.subject = ids.at(p.subject);
      c.predicate = CanonicalPredicate(p.predicate);
      if (!p.object.empty()) c.object = ids.at(p.object);
      c.value = p.value;
      c.time = Trim(p.time);
      c.source.document = d.id;
      if (p.start >= 0) {
        c.source.start = p.start;
        c.source.end = p.end;
        c.source.quote = d.text.substr(static_cast<size_t>(p.start), static_cast<size_t>(p.end - p.start));
      }
      if (!p.attributed_to.empty()) c.attributed_to = ids.at(p.attributed_to);
      c.kind = p.kind;
      c.extractor = p.extractor.empty() ? std::string("unknown") : p.extractor;
      c.confidence = p.confidence;
      c.properties = p.properties.is_object() ? p.properties : Json::object();
      c.id = ClaimId(c);
      if (Status st = ValidateClaimRecord(ClaimRecord(c)); !st.ok()) {
        Fail(st.WithContext("claim " + Quoted(c.predicate) + " from " + c.extractor));
      }
    }
    InsertRows(db_.get(),
               "INSERT INTO claim(id, subject, predicate, object, value, time, doc, start, \"end\", quote, "
               "attributed_to, kind, extractor, confidence, properties, created_at, updated_at, created_by)",
               18, "ON CONFLICT(id) DO NOTHING", claims.size(), [&](Stmt& s, int col, size_t i) {
                 const Claim& c = claims[i];
                 s.Bind(col + 1, c.id)
                     .Bind(col + 2, c.subject)
                     .Bind(col + 3, c.predicate)
                     .BindOrNull(col + 4, c.object)
                     .BindOrNull(col + 5, c.value.is_null() ? std::string() : c.value.dump())
                     .BindOrNull(col + 6, c.time)
                     .Bind(col + 7, c.source.document)
                     .BindOrNull(col + 8, c.source.start)
                     .BindOrNull(col + 9, c.source.end)
                     .BindOrNull(col + 10, c.source.quote)
                     .BindOrNull(col + 11, c.attributed_to)
                     .BindOrNull(col + 12, c.kind)
                     .Bind(col + 13, c.extractor)
                     .Bind(col + 14, c.confidence)
                     .Bind(col + 15, c.properties.dump())
                     .Bind(col + 16, now)
                     .Bind(col + 17, now)
                     .Bind(col + 18, actor.name);
               });
    out.claims = static_cast<int64_t>(claims.size());
    Fault("claims");

    static const char* kKinds[] = {"imported", "unchanged", "replaced", "filled in"};
    Json detail = {{"outcome", kKinds[static_cast<int>(out.kind)]}, {"title", d.title}, {"kind", d.kind},
                   {"sha256", d.sha256}, {"mentions", out.mentions}, {"claims", out.claims}};
    if (!d.source.empty()) detail["source"] = d.source;
    if (!created.empty()) detail["created"] = created;
    Audit(actor, "import", d.id, detail);
    Fault("commit");
    tx.Commit();
    return out;
  });
}

Status SqliteStore::RecordSource(const SourceFile& source) {
  return Guard(path_, [&]() -> Status {
    Transaction tx(db_.get());
    // A file seen again keeps the time it was first imported.
    db_->Prepare(
           "INSERT INTO source_file(sha256, path, importer, size, imported_at, documents) "
           "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET path = excluded.path, "
           "importer = excluded.importer, documents = excluded.documents")
        .BindAll(source.sha256, source.path, source.importer, source.size,
                 source.imported_at.empty() ? NowIso() : source.imported_at, Json(source.documents).dump())
        .Run();
    tx.Commit();
    return Status::OK();
  });
}

namespace {

constexpr const char* kSourceColumns = "sha256, path, importer, size, imported_at, documents";

SourceFile ReadSourceRow(Stmt& s) {
  SourceFile f;
  f.sha256 = s.Text(0);
  f.path = s.Text(1);
  f.importer = s.Text(2);
  f.size = s.Int(3);
  f.imported_at = s.Text(4);
  f.documents = ParseStringList(s.Text(5), "the documents column of source file " + f.sha256);
  return f;
}

}  // namespace

Result<std::optional<SourceFile>> SqliteStore::FindSource(const std::string& sha256) {
  return Guard(path_, [&]() -> Result<std::optional<SourceFile>> {
    Stmt s = db_->Prepare(std::string("SELECT ") + kSourceColumns + " FROM source_file WHERE sha256 = ?");
    s.Bind(1, sha256);
    if (!s.Step()) return std::optional<SourceFile>();
    return std::optional<SourceFile>(ReadSourceRow(s));
  });
}

Status SqliteStore::ForEachSource(const std::function<bool(const SourceFile&)>& each) {
  return Guard(path_, [&]() -> Status {
    ReadSnapshot snapshot(db_.get());
    Stmt s = db_->Prepare(std::string("SELECT ") + kSourceColumns + " FROM source_file ORDER BY sha256");
    while (s.Step()) {
      if (!each(ReadSourceRow(s))) break;
    }
    return Status::OK();
  });
}

}  // namespace dossier::sqlite
