#include "sqlite/store_util.h"

#include <algorithm>
#include <cctype>

#include "dossier/record.h"
#include "dossier/text.h"
#include "resolver.h"

namespace dossier::sqlite {

Status FromSqlite(const SqliteError& e, const std::string& path) {
  switch (e.code()) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy("store " + path + " is busy: another process kept it locked too long");
    case SQLITE_CORRUPT:
      return Status::Corruption("store " + path + " is damaged (" + e.what() + ")");
    case SQLITE_NOTADB:
      return Status::Corruption(path + " is not a dossier store (not an SQLite database)");
    case SQLITE_FULL:
      return Status::IOError("store " + path + ": disk full");
    case SQLITE_READONLY:
      return Status::IOError("store " + path + " is read-only");
    case SQLITE_CANTOPEN:
      return Status::IOError("cannot open store " + path);
    case SQLITE_IOERR:
      return Status::IOError("store " + path + ": I/O error (" + e.what() + ")");
    case SQLITE_ERROR:
      // SQLite's JSON functions (property filters) meeting a JSON column
      // that is not JSON, or nests deeper than they read.
      if (std::string_view(e.what()).find("malformed JSON") != std::string_view::npos) {
        return Status::Corruption("store " + path + " is damaged (a JSON column holds text that is not JSON)");
      }
      return Status::Internal("store " + path + ": " + e.what());
    default:
      return Status::Internal("store " + path + ": " + e.what());
  }
}

ReadSnapshot::ReadSnapshot(Db* db) : db_(db) {
  if (!db_->InTransaction()) {
    db_->BeginRead();
    began_ = true;
  }
}

ReadSnapshot::~ReadSnapshot() {
  if (began_) db_->ExecQuietly("COMMIT");
}

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string TypeText(EntityType t) { return std::string(TypeName(t)); }

EntityType TypeFromText(const std::string& s) {
  auto t = ParseType(s);
  if (!t) throw SqliteError(SQLITE_CORRUPT, "unknown entity type '" + s + "' in store");
  return *t;
}

Json ParseJson(const std::string& s, Json fallback, const std::string& what) {
  if (s.empty()) return fallback;
  // Checked before parsing, as input is (kMaxJsonDepth): copying or printing
  // a deeper value would overflow the stack.
  if (Status st = CheckJsonDepth(s, kMaxStoredJsonDepth); !st.ok()) {
    throw SqliteError(SQLITE_CORRUPT, what + " holds " + st.message());
  }
  Json j = Json::parse(s, nullptr, false);
  if (j.is_discarded()) throw SqliteError(SQLITE_CORRUPT, what + " holds text that is not JSON");
  if (j.is_null()) return fallback;  // written for a value that was never set (a paragraph's properties)
  if ((fallback.is_object() && !j.is_object()) || (fallback.is_array() && !j.is_array())) {
    throw SqliteError(SQLITE_CORRUPT, what + " holds a JSON " + j.type_name() + ", not an " + fallback.type_name());
  }
  return j;
}

std::vector<std::string> ParseStringList(const std::string& s, const std::string& what) {
  std::vector<std::string> out;
  for (const Json& item : ParseJson(s, Json::array(), what)) {
    if (!item.is_string()) {
      throw SqliteError(SQLITE_CORRUPT, what + " holds a JSON " + item.type_name() + ", not a string");
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

bool IsCharBoundary(std::string_view text, int64_t pos) {
  if (pos <= 0 || pos >= static_cast<int64_t>(text.size())) return true;
  return (static_cast<unsigned char>(text[static_cast<size_t>(pos)]) & 0xC0) != 0x80;
}

void AddNameKeys(Db* db, const std::string& entity, EntityType type, const std::string& name) {
  for (const auto& [kind, key] : NameKeys(type, name)) {
    db->Prepare("INSERT INTO name_key(entity, kind, key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        .BindAll(entity, std::string(kind == NameKey::kOrgCore ? "org-core" : "surname"), key)
        .Run();
  }
}

void RebuildNameKeys(Db* db, const std::string& entity) {
  db->Prepare("DELETE FROM name_key WHERE entity = ?").Bind(1, entity).Run();
  Stmt s = db->Prepare(
      "SELECT type, name FROM entity WHERE id = ?1 UNION ALL "
      "SELECT (SELECT type FROM entity WHERE id = ?1), name FROM alias WHERE entity = ?1");
  s.Bind(1, entity);
  while (s.Step()) AddNameKeys(db, entity, TypeFromText(s.Text(0)), s.Text(1));
}

Json DocumentRecordProperties(const Document& d) { return DocumentRecord(d, false)["properties"]; }

const char* const kClaimColumns =
    "c.id, c.subject, c.predicate, c.object, c.value, c.time, c.doc, c.start, c.\"end\", c.quote, "
    "c.source_note, c.attributed_to, c.kind, c.extractor, c.confidence, c.status, c.status_reason, "
    "c.properties, c.created_at, c.updated_at";

const char* const kFindingColumns =
    "f.id, f.checker, f.code, f.severity, f.message, f.refs, f.evidence, f.fingerprint, f.status, "
    "f.status_reason, f.created_at, f.updated_at";

const char* const kJudgementColumns = "id, a, b, verdict, reason, by, at";

const char* const kMentionColumns =
    "m.id, m.entity, m.entity_type, m.doc, m.start, m.\"end\", m.text, m.extractor, m.confidence";

namespace {

// A claim's value as claim.schema.json shapes it, field types only (its
// patterns are the writer's business): readers print and compare values by
// these fields, so a damaged one is refused here, naming the claim.
void CheckClaimValue(const Json& value, const std::string& claim) {
  const std::string what = "the value column of " + claim;
  if (value.is_null()) return;
  if (!value.is_object()) {
    throw SqliteError(SQLITE_CORRUPT, what + " holds a JSON " + value.type_name() + ", not an object");
  }
  auto check = [&](const char* key, bool number) {
    auto it = value.find(key);
    if (it == value.end() || (number ? it->is_number() : it->is_string())) return;
    throw SqliteError(SQLITE_CORRUPT, what + " holds " + key + " as a JSON " + it->type_name() + ", not a " +
                                          (number ? "number" : "string"));
  };
  for (const char* key : {"amount", "amount_max"}) check(key, true);
  for (const char* key : {"unit", "qualifier", "date", "text"}) check(key, false);
}

}  // namespace

Claim ReadClaimRow(Stmt& s) {
  Claim c;
  c.id = s.Text(0);
  c.subject = s.Text(1);
  c.predicate = s.Text(2);
  c.object = s.Text(3);
  c.value = s.IsNull(4) ? Json() : ParseJson(s.Text(4), Json(), "the value column of " + c.id);
  CheckClaimValue(c.value, c.id);
  c.time = s.Text(5);
  c.source.document = s.Text(6);
  c.source.start = s.IntOr(7, -1);
  c.source.end = s.IntOr(8, -1);
  c.source.quote = s.Text(9);
  c.source.note = s.Text(10);
  c.attributed_to = s.Text(11);
  c.kind = s.Text(12);
  c.extractor = s.Text(13);
  c.confidence = s.Real(14);
  c.status = ParseClaimStatus(s.Text(15)).value_or(ClaimStatus::kUnreviewed);
  c.status_reason = s.Text(16);
  c.properties = ParseJson(s.Text(17), Json::object(), "the properties column of " + c.id);
  c.created_at = s.Text(18);
  c.updated_at = s.Text(19);
  return c;
}

Finding ReadFindingRow(Stmt& s) {
  Finding f;
  f.id = s.Text(0);
  f.checker = s.Text(1);
  f.code = s.Text(2);
  f.severity = ParseSeverity(s.Text(3)).value_or(Severity::kWarning);
  f.message = s.Text(4);
  f.refs = ParseStringList(s.Text(5), "the refs column of " + f.id);
  f.evidence = ParseJson(s.Text(6), Json::object(), "the evidence column of " + f.id);
  f.fingerprint = s.Text(7);
  f.status = ParseFindingStatus(s.Text(8)).value_or(FindingStatus::kOpen);
  f.status_reason = s.Text(9);
  f.created_at = s.Text(10);
  f.updated_at = s.Text(11);
  return f;
}

Judgement ReadJudgementRow(Stmt& s) {
  Judgement j;
  j.id = s.Text(0);
  j.a = s.Text(1);
  j.b = s.Text(2);
  j.verdict = ParseVerdict(s.Text(3)).value_or(Verdict::kUnsure);
  j.reason = s.Text(4);
  j.by = s.Text(5);
  j.at = s.Text(6);
  return j;
}

Mention ReadMentionRow(Stmt& s) {
  Mention m;
  m.id = s.Text(0);
  m.entity = s.Text(1);
  m.type = TypeFromText(s.Text(2));
  m.document = s.Text(3);
  m.start = s.Int(4);
  m.end = s.Int(5);
  m.text = s.Text(6);
  m.extractor = s.Text(7);
  m.confidence = s.Real(8);
  return m;
}

const char* const kSummarySelect =
    "SELECT e.id, e.type, e.name, m.into_id, "
    "(SELECT count(*) FROM alias a WHERE a.entity IN (SELECT id FROM entity x WHERE x.canonical = e.id)), "
    // A document's mentions are those in it; an entity's, those of it.
    "CASE WHEN e.type = 'document' THEN (SELECT count(*) FROM mention mm WHERE mm.doc = e.id) "
    "ELSE (SELECT count(*) FROM mention mm WHERE mm.entity IN (SELECT id FROM entity x WHERE x.canonical = e.id)) END "
    "AS mentions, "
    "(SELECT count(*) FROM claim c WHERE c.subject IN (SELECT id FROM entity x WHERE x.canonical = e.id)) "
    "FROM entity e LEFT JOIN merge m ON m.absorbed = e.id WHERE TRUE";

EntitySummary ReadSummaryRow(Stmt& s) {
  EntitySummary e;
  e.id = s.Text(0);
  e.type = TypeFromText(s.Text(1));
  e.name = s.Text(2);
  e.merged_into = s.Text(3);
  e.aliases = s.Int(4);
  e.mentions = s.Int(5);
  e.claims = s.Int(6);
  return e;
}

}  // namespace dossier::sqlite
