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
  // The store over a database server's connection, its schema migrated
  // (postgres/pg_store.h); name is how messages call it.
  static std::unique_ptr<Store> OnServer(std::string name, StoreOptions options, std::unique_ptr<Db> db);

  // StoreView
  Result<std::unique_ptr<Snapshot>> BeginSnapshot() override;
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
  Result<std::vector<Finding>> ListFindings(const FindingFilter& filter) override;
  Result<Finding> GetFinding(std::string_view id) override;
  Status ForEachEntity(const EntityFilter& filter, const std::function<bool(const Entity&)>& each) override;
  Status ForEachDocument(const std::function<bool(const Document&)>& each) override;
  Status ForEachMention(const std::function<bool(const Mention&)>& each) override;
  Status ForEachClaim(const ClaimFilter& filter, const std::function<bool(const Claim&)>& each) override;
  Status ForEachJudgement(const std::function<bool(const Judgement&)>& each) override;
  Status ForEachFinding(const std::function<bool(const Finding&)>& each) override;
  Status ForEachAudit(const std::function<bool(const AuditEntry&)>& each) override;
  Status ForEachSource(const std::function<bool(const SourceFile&)>& each) override;
  // stories.cc
  Status ForEachStory(bool include_joined, const std::function<bool(const Story&)>& each) override;
  Result<Story> GetStory(std::string_view id, bool follow_joins) override;
  Result<std::vector<std::string>> StoriesOf(std::string_view document) override;
  Result<std::vector<Mention>> MentionsIn(std::string_view document) override;
  Result<std::optional<SourceFile>> FindSource(const std::string& sha256) override;
  // export_reads.cc
  Status ForEachEntitySummary(const EntityFilter& filter,
                              const std::function<bool(const EntitySummary&)>& each) override;
  Status ForEachEdge(const EdgeFilter& filter, const std::function<bool(const Edge&)>& each) override;
  Result<std::vector<std::string>> DocumentsMentioning(std::string_view entity, int64_t limit) override;
  Result<std::vector<std::string>> Neighbourhood(std::string_view about, int depth) override;

  // Store
  std::vector<std::string> Files() const override;
  bool ReadOnly() const override { return read_only_; }
  Result<Entity> AddEntity(const NewEntity& entity, const Actor& actor) override;
  Result<Document> AddDocument(const Document& document, const Actor& actor) override;
  Status AddAlias(std::string_view entity, const std::string& alias, const SourceRef& seen,
                  const Actor& actor) override;
  Result<std::string> Retype(std::string_view entity, EntityType type, const std::string& reason,
                             const Actor& actor) override;
  Status DeleteEntity(std::string_view entity, const std::string& reason, const Actor& actor) override;
  Result<RemoveOutcome> RemoveDocument(std::string_view document, const std::string& reason,
                                       const Actor& actor) override;
  Status Rename(std::string_view entity, const std::string& name, const std::string& reason,
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
  Result<WriteOutcome> WriteDocument(const DocumentBatch& batch, const Actor& actor) override;
  Status RecordSource(const SourceFile& source) override;
  Result<std::unique_ptr<WriteGroup>> BeginGroup() override;
  Result<std::unique_ptr<RecordWriter>> BeginRecords(const Actor& actor, const RecordOptions& options) override;
  Result<std::unique_ptr<FindingWriter>> BeginFindings(const std::string& checker, const Actor& actor) override;
  Status ReplaceFindings(const std::string& checker, const std::vector<Finding>& findings,
                         const Actor& actor) override;
  Status SetFindingStatus(std::string_view finding, FindingStatus status, const std::string& reason,
                          const Actor& actor) override;
  Status SaveGrouping(const std::vector<Story>& stories, const Actor& actor) override;
  Status SetStoryMember(std::string_view story, std::string_view document, bool in, const std::string& reason,
                        const Actor& actor) override;
  Status JoinStories(std::string_view keep, std::string_view absorb, const std::string& reason,
                     const Actor& actor) override;
  Status SplitStory(std::string_view absorbed, const Actor& actor) override;

  // For the files of this backend (import.cc, records.cc, ...).
  Db* db() { return db_.get(); }
  const std::string& path() const { return path_; }

 private:
  SqliteStore(std::string path, StoreOptions options, std::unique_ptr<Db> db)
      : path_(std::move(path)), options_(std::move(options)), db_(std::move(db)) {}

  // Calls the fault-injection hook (tests only).
  void Fault(std::string_view point);
  void Audit(const Actor& actor, std::string_view action, std::string_view target, const Json& detail);

  friend class SqliteRecordWriter;
  friend class SqliteWriteGroup;
  friend class SqliteFindingWriter;

  // Row-level helpers; they throw SqliteError and expect the caller's transaction.
  std::string ResolveOrThrow(std::string_view id_or_name, std::optional<EntityType> type,
                             bool follow_merges);
  std::optional<Entity> LoadEntity(std::string_view id);
  std::vector<Alias> LoadAliases(std::string_view entity);
  std::optional<Document> LoadDocument(std::string_view id);
  std::optional<Claim> LoadClaim(std::string_view id);
  // A story, with its own members only, or (with_joined) with those of the
  // stories joined into it too.
  std::optional<Story> LoadStory(const std::string& id, bool with_joined);
  std::string UniqueId(std::string_view prefix, std::string_view slug);
  void CheckSource(SourceRef* source, bool required, std::string_view what);
  // AlreadyExists when an entity of the type other than `except` has this
  // name (normalised): adding or renaming onto it would make two of one name.
  Status NameFree(const std::string& name, EntityType type, std::string_view except, std::string_view hint);
  void InsertAlias(std::string_view entity, const std::string& name, const SourceRef& seen,
                   const Actor& actor, const std::string& now);
  void SetCanonical(std::string_view root, std::string_view canonical);
  // Every row naming entity `from` names `to` instead (retype.cc).
  void MoveId(const std::string& from, const std::string& to, EntityType type);
  void MergeLocked(const std::string& keep, const std::string& absorb, const std::string& reason,
                   const Actor& actor);
  Judgement UpsertJudgement(const std::string& a, const std::string& b, Verdict verdict,
                            const std::string& reason, const Actor& actor, const std::string& now);
  std::optional<Judgement> LoadJudgementForPair(const std::string& a, const std::string& b);
  std::vector<Finding> LoadFindingsFor(const std::vector<std::string>& refs, bool with_evidence);
  // Inserts the entity row (and, for documents, the document row and paragraphs).
  void InsertEntityRow(const std::string& id, EntityType type, const std::string& name, const Json& properties,
                       const std::string& created_at, const std::string& updated_at, const std::string& by);
  void InsertDocumentRows(const Document& d);
  void ReplaceParagraphs(const std::string& doc, const std::vector<Paragraph>& paragraphs);

  std::string path_;
  StoreOptions options_;
  std::unique_ptr<Db> db_;
  bool read_only_ = false;  // this process may not write the file
};

}  // namespace dossier::sqlite
