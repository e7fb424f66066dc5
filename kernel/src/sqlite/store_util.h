// Helpers shared by the SQLite backend's files: error handling, row readers,
// and the small rules (ids, predicates, spans) every write path applies.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/model.h"
#include "dossier/store.h"
#include "dossier/status.h"
#include "dossier/text.h"
#include "ids.h"
#include "sqlite/db.h"

namespace dossier::sqlite {

// A rule the caller broke; carries the Status to return. Thrown inside the
// backend and turned into a return value by Guard.
struct Failure {
  Status status;
};

[[noreturn]] inline void Fail(Status s) { throw Failure{std::move(s)}; }

// The engine's error as a Status that names the store and not SQLite.
Status FromSqlite(const SqliteError& e, const std::string& path);

// Runs f, turning the backend's exceptions into a Status.
template <class F>
auto Guard(const std::string& path, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Failure& failure) {
    return failure.status;
  } catch (const SqliteError& e) {
    return FromSqlite(e, path);
  } catch (const Json::exception& e) {
    // 316: printing text that is not UTF-8 (only a damaged store holds such text).
    if (e.id == 316) return Status::Corruption("store " + path + " holds text that is not valid UTF-8");
    return Status::Corruption("store " + path + " holds malformed JSON (" + e.what() + ")");
  } catch (const std::exception& e) {
    return Status::Internal(e.what());
  }
}

// Opens a read transaction unless one is open, so a multi-query read sees
// one snapshot while other processes write; ends it on destruction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Db* db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Db* db_;
  bool began_ = false;
};

// A LIMIT that limits nothing (SQLite's LIMIT -1 is an error on PostgreSQL).
inline constexpr int64_t kNoLimit = INT64_MAX;

std::string Quoted(std::string_view s);
std::string TypeText(EntityType t);
EntityType TypeFromText(const std::string& s);  // throws SqliteError(CORRUPT) on junk
// How deep JSON read from a store may nest: more than input may
// (kMaxJsonDepth), since a finding's evidence quotes the values it compares a
// few levels down, and far below the depth that would exhaust the stack.
inline constexpr size_t kMaxStoredJsonDepth = 256;
// A JSON column's value; empty text and JSON null give fallback. The text
// must be JSON nested at most kMaxStoredJsonDepth, and an object or an array
// when fallback is one (any JSON when it is null): anything else is a damaged
// store, thrown as SqliteError(SQLITE_CORRUPT) naming what ("the properties
// column of person:x").
Json ParseJson(const std::string& s, Json fallback, const std::string& what);
// A JSON column holding an array of strings (a finding's refs).
std::vector<std::string> ParseStringList(const std::string& s, const std::string& what);
bool IsCharBoundary(std::string_view text, int64_t pos);
// The fields a document carries outside entity.properties, in record form.
Json DocumentRecordProperties(const Document& d);

// Stores the resolver's keys (NameKeys) for one name of an entity.
void AddNameKeys(Db* db, const std::string& entity, EntityType type, const std::string& name);
// Stores them again for the entity's name and every alias it carries.
void RebuildNameKeys(Db* db, const std::string& entity);

// Row readers for the column lists below.
extern const char* const kClaimColumns;  // "c.id, c.subject, ..."
extern const char* const kFindingColumns;
extern const char* const kJudgementColumns;
extern const char* const kMentionColumns;
Claim ReadClaimRow(Stmt& s);
Finding ReadFindingRow(Stmt& s);
Judgement ReadJudgementRow(Stmt& s);
Mention ReadMentionRow(Stmt& s);
// Entity summaries (EntitySummary): a query over "entity e LEFT JOIN merge m"
// to which filters are appended ("WHERE 1" ends it); the mention count is
// named "mentions" for ORDER BY.
extern const char* const kSummarySelect;
EntitySummary ReadSummaryRow(Stmt& s);

}  // namespace dossier::sqlite
