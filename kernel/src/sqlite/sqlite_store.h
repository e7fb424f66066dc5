// The embedded SQLite backend of Store: one file, WAL, FTS5.
#pragma once

#include <memory>
#include <string>

#include "dossier/store.h"
#include "sqlite/db.h"

namespace dossier::sqlite {

class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);

  // StoreView
  Result<std::string> Resolve(std::string_view id_or_name, std::optional<EntityType> type,
                              bool follow_merges) override;
  Result<Entity> GetEntity(std::string_view id) override;
  Result<EntityDetails> Describe(std::string_view id, const DescribeOptions& options) override;
  Result<Document> GetDocument(std::string_view id) override;
  Result<Claim> GetClaim(std::string_view id) override;
  Result<std::vector<EntitySummary>> ListEntities(const EntityFilter& filter) override;
  Result<std::vector<Claim>> ListClaims(const ClaimFilter& filter) override;
  Result<std::vector<Judgement>> ListJudgements() override;
  Result<std::vector<AuditEntry>> ListAudit(int64_t limit) override;
  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override;
  Result<Stats> GetStats() override;

  // Store
  Result<Entity> AddEntity(const NewEntity& entity, const Actor& actor) override;
  Result<Document> AddDocument(const Document& document, const Actor& actor) override;
  Status AddAlias(std::string_view entity, const std::string& alias, const SourceRef& seen,
                  const Actor& actor) override;
  Status SetProperties(std::string_view entity, const Json& properties, bool merge,
                       const Actor& actor) override;
  Result<Claim> AddClaim(const NewClaim& claim, const Actor& actor) override;
  Status SetClaimStatus(std::string_view claim, ClaimStatus status, const std::string& reason,
                        const Actor& actor) override;
  Status Merge(std::string_view keep, std::string_view absorb, const std::string& reason,
               const Actor& actor) override;
  Status Split(std::string_view absorbed, const Actor& actor) override;
  Result<Judgement> Judge(std::string_view a, std::string_view b, Verdict verdict,
                          const std::string& reason, const Actor& actor) override;

 private:
  SqliteStore(std::string path, StoreOptions options, std::unique_ptr<Db> db)
      : path_(std::move(path)), options_(std::move(options)), db_(std::move(db)) {}

  // Calls the fault-injection hook (tests only).
  void Fault(std::string_view point);
  void Audit(const Actor& actor, std::string_view action, std::string_view target, const Json& detail);

  // Row-level helpers; they throw SqliteError and expect the caller's transaction.
  std::string ResolveOrThrow(std::string_view id_or_name, std::optional<EntityType> type,
                             bool follow_merges);
  std::optional<Entity> LoadEntity(std::string_view id);
  std::vector<Alias> LoadAliases(std::string_view entity);
  std::optional<Document> LoadDocument(std::string_view id);
  std::optional<Claim> LoadClaim(std::string_view id);
  Claim ReadClaimRow(Stmt& s);
  std::string UniqueId(std::string_view prefix, std::string_view slug);
  void CheckSource(SourceRef* source, bool required, std::string_view what);
  void InsertAlias(std::string_view entity, const std::string& name, const SourceRef& seen,
                   const Actor& actor, const std::string& now);
  void SetCanonical(std::string_view root, std::string_view canonical);
  void MergeLocked(const std::string& keep, const std::string& absorb, const std::string& reason,
                   const Actor& actor);
  Judgement UpsertJudgement(const std::string& a, const std::string& b, Verdict verdict,
                            const std::string& reason, const Actor& actor, const std::string& now);
  std::optional<Judgement> LoadJudgementForPair(const std::string& a, const std::string& b);
  std::vector<Finding> LoadFindingsFor(const std::vector<std::string>& refs);

  std::string path_;
  StoreOptions options_;
  std::unique_ptr<Db> db_;
};

}  // namespace dossier::sqlite
