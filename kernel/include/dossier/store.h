// The store: the one place facts are kept.
//
// Store is an interface so that backends other than the embedded SQLite file
// (PostgreSQL for teams) can be added; nothing outside a backend may assume
// SQLite. Every mutating call is one transaction: it lands whole or not at all,
// and writes an audit entry naming the actor. Every call is safe to make while
// other processes use the same store; a writer waits (up to the busy timeout)
// for another writer instead of failing.
//
// StoreView is the read-only part that checkers and exporters receive.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/export.h"
#include "dossier/facts.h"
#include "dossier/model.h"
#include "dossier/status.h"

namespace dossier {

struct StoreOptions {
  // Create the file (and its schema) when it does not exist. When false,
  // opening a missing file is NotFound.
  bool create_if_missing = false;
  // How long a writer waits for another process's write transaction.
  int busy_timeout_ms = 30000;
  // Test hook for fault injection: called at named points inside write
  // transactions ("entity", "alias", "claim", "commit", ...). It may throw to
  // simulate a failure midway; the store must then be as it was before the
  // call. Leave empty outside tests.
  std::function<void(std::string_view point)> fault_hook;
};

// A mention as `show` presents it: with a snippet of the passage around it.
struct MentionInContext {
  Mention mention;
  std::string document_title;
  std::string snippet;  // the surrounding text, the mention marked with [ and ]
};

// Everything known about one entity, as `show` presents it. After a merge, the
// surviving entity's details include what the absorbed entities carried.
// One merge that made an entity what it is: who merged what into what, why.
struct MergeNote {
  std::string absorbed;
  std::string into;
  std::string reason;  // the curator's reason, or the resolver's evidence
  std::string by;      // "cli:alice", or "resolver" for an automatic merge
  std::string at;
};

// Who or what a document names, and how often (EntityDetails::named).
struct NamedInDocument {
  std::string entity;  // canonical id; empty for mentions no entity was found for
  std::string name;    // the entity's name, or the text as written when unresolved
  EntityType type = EntityType::kPerson;
  int64_t mentions = 0;
};

struct EntityDetails {
  Entity entity;                      // aliases include absorbed entities' names
  std::vector<std::string> absorbed;  // ids merged into this one
  std::vector<MergeNote> merges;      // how each of them was merged
  // DescribeOptions::max_mentions of them, after mention_offset, by document
  // and position
  std::vector<MentionInContext> mentions;
  int64_t mention_count = 0;               // all of them
  std::vector<Claim> claims;  // as subject, object or speaker (documents: also those sourced from it)
  int64_t claim_count = 0;
  std::vector<Judgement> judgements;
  std::vector<Finding> findings;
  std::optional<Document> document;  // set for documents (text included)
  // For documents: the people, organizations and places named in it, most
  // named first (merged entities counted under the entity they were merged
  // into), then the mentions left unresolved, by their text.
  std::vector<NamedInDocument> named;
};

struct DescribeOptions {
  int64_t max_mentions = 50;
  int64_t mention_offset = 0;  // mentions skipped first, for paging through them
  int64_t max_claims = 200;
  int snippet_bytes = 80;  // context on each side of a mention
  // Each finding's evidence (it can be megabytes: a corroboration finding
  // cites every claim of a much-named person). Pages that print only a
  // finding's message leave it out.
  bool finding_evidence = true;
};

struct EntityFilter {
  std::optional<EntityType> type;  // person, organization, place or document
  std::string name_contains;       // matched against normalised names and aliases
  // Property equality filters: {"kind", "cable"} matches properties.kind == "cable"
  // (or a list containing it).
  std::vector<std::pair<std::string, std::string>> where;
  int64_t min_mentions = 0;
  bool include_absorbed = false;  // list merged-away entities too
  enum class Sort { kName, kMentions, kId } sort = Sort::kName;
  int64_t limit = 0;  // 0: no limit
  int64_t offset = 0;
};

struct EntitySummary {
  std::string id;
  EntityType type = EntityType::kPerson;
  std::string name;
  std::string merged_into;
  int64_t aliases = 0;
  int64_t mentions = 0;  // of the entity; for a document, the mentions in it
  int64_t claims = 0;    // whose subject it is
};

struct ClaimFilter {
  std::string about;      // entity id: subject, object or attributed_to (merges followed)
  std::string predicate;  // exact predicate
  std::optional<ClaimStatus> status;
  std::string document;  // source document id
  int64_t limit = 0;
  int64_t offset = 0;
};

struct SearchQuery {
  // User query: words, "quoted phrases", prefix*, AND / OR / NOT, parentheses.
  // Anything else is taken literally (so "foo-bar" searches the phrase).
  std::string text;
  // Restrict to "person", "organization", "place", "document" (matches titles
  // and text), "claim" (quotes) or empty for all.
  std::optional<EntityType> type;
  int64_t limit = 20;
  std::string mark_open = "[";  // put around matched words in snippets
  std::string mark_close = "]";
};

struct SearchHit {
  std::string id;  // canonical entity, document or claim id
  EntityType type = EntityType::kPerson;
  std::string title;    // entity name, document title or claim summary
  std::string field;    // where it matched: "name", "text", "quote"
  std::string snippet;  // with matched words marked
  double score = 0;     // bm25: lower is better
};

struct FindingFilter {
  std::string checker;
  std::string code;
  std::optional<Severity> min_severity;
  std::optional<FindingStatus> status;
  // Entity or claim id: findings whose refs include it (merges followed). A
  // story id: findings about it, its documents, or claims sourced in them.
  std::string about;
  int64_t limit = 0;
};

// A file imported before, known by the hash of its bytes.
struct SourceFile {
  std::string sha256;
  std::string path;
  std::string importer;
  int64_t size = 0;
  std::string imported_at;
  std::vector<std::string> documents;
};

// What removing a document took out.
struct RemoveOutcome {
  int64_t mentions = 0;
  int64_t claims = 0;
  bool cited = false;  // others cite it: it stays, cited only
  // Named only in it, and the cited-only documents only it cited.
  std::vector<std::string> entities_deleted;
};

struct Stats {
  std::string path;
  int schema_version = 0;
  int64_t file_bytes = 0;
  int64_t persons = 0, organizations = 0, places = 0;
  // documents: those with their text in the store; cited_only: those known
  // only because another cites them (a cable's REF to a cable not imported).
  int64_t documents = 0, cited_only = 0;
  int64_t claims = 0, mentions = 0, aliases = 0, judgements = 0;
  int64_t findings = 0, open_findings = 0, audit_entries = 0, merged = 0;
};

// A connection between two canonical persons, organizations or places, as
// graph exports draw it.
struct Edge {
  enum class Kind { kRelation, kCoMention } kind = Kind::kRelation;
  std::string source;  // a relation's subject; for co-mentions the smaller id
  std::string target;  // a relation's object; for co-mentions the larger id
  EntityType source_type = EntityType::kPerson;
  EntityType target_type = EntityType::kPerson;
  std::string label;   // the predicate of a relation; empty for co-mentions
  // Relations: claims stating it (rejected ones are not counted). Co-mentions:
  // documents naming both.
  int64_t weight = 0;
};

struct EdgeFilter {
  std::string about;  // canonical id: only edges touching it; empty: all
  bool relations = true;
  bool co_mentions = true;
  int64_t limit = 0;  // 0: no limit
};

// A read snapshot (StoreView::BeginSnapshot). While it lives, every read made
// through that store object sees the store as of the moment the snapshot began,
// whatever other processes write meanwhile; destroying it ends the snapshot.
// Writes through the same store object must wait until it ends.
class DOSSIER_API Snapshot {
 public:
  virtual ~Snapshot();
};

// The read-only face of the store.
class DOSSIER_API StoreView {
 public:
  virtual ~StoreView();

  // Begins a read snapshot, so that a reader that makes many reads (an
  // exporter, a checker) sees one consistent store: no reference in one pass
  // to a row that a later pass does not find. Snapshots do not nest: a second
  // one while the first lives is InvalidArgument.
  virtual Result<std::unique_ptr<Snapshot>> BeginSnapshot() = 0;

  // Turns what a user typed into the id of a canonical entity: an id
  // ("person:sun-zhengcai"), or a name or alias matched after normalisation.
  // An id of a merged-away entity resolves to the entity it was merged into
  // unless follow_merges is false. Ambiguous names are an error listing the ids.
  virtual Result<std::string> Resolve(std::string_view id_or_name,
                                      std::optional<EntityType> type = std::nullopt,
                                      bool follow_merges = true) = 0;

  // The entity with exactly this id (merged or not), with its own aliases.
  virtual Result<Entity> GetEntity(std::string_view id) = 0;
  // Everything about an entity (see EntityDetails).
  virtual Result<EntityDetails> Describe(std::string_view id, const DescribeOptions& options = {}) = 0;
  virtual Result<Document> GetDocument(std::string_view id) = 0;
  virtual Result<Claim> GetClaim(std::string_view id) = 0;

  virtual Result<std::vector<EntitySummary>> ListEntities(const EntityFilter& filter) = 0;
  virtual Result<std::vector<Claim>> ListClaims(const ClaimFilter& filter) = 0;
  virtual Result<std::vector<Judgement>> ListJudgements() = 0;
  virtual Result<std::vector<AuditEntry>> ListAudit(int64_t limit) = 0;

  // Ranked full-text search over names and aliases, document titles and text,
  // and claim quotes. A query that cannot be searched is InvalidArgument with a
  // message about the query, never the engine's.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;

  virtual Result<Stats> GetStats() = 0;

  virtual Result<std::vector<Finding>> ListFindings(const FindingFilter& filter) = 0;
  virtual Result<Finding> GetFinding(std::string_view id) = 0;

  // Streaming reads for checkers and exporters: rows are handed to `each` one
  // at a time in id order (memory does not grow with the store); returning
  // false from `each` stops early. `each` may read the store again.
  virtual Status ForEachEntity(const EntityFilter& filter, const std::function<bool(const Entity&)>& each) = 0;
  virtual Status ForEachDocument(const std::function<bool(const Document&)>& each) = 0;
  virtual Status ForEachMention(const std::function<bool(const Mention&)>& each) = 0;
  virtual Status ForEachClaim(const ClaimFilter& filter, const std::function<bool(const Claim&)>& each) = 0;
  virtual Status ForEachJudgement(const std::function<bool(const Judgement&)>& each) = 0;
  virtual Status ForEachFinding(const std::function<bool(const Finding&)>& each) = 0;
  // The audit log, oldest first.
  virtual Status ForEachAudit(const std::function<bool(const AuditEntry&)>& each) = 0;
  // The files imported before (FindSource), by hash.
  virtual Status ForEachSource(const std::function<bool(const SourceFile&)>& each) = 0;

  // Stories (docs/checks.md, "Stories"), in id order, each with its members
  // and outlets. Without include_joined: the canonical stories, each with the
  // members of the stories joined into it. With it: every story (merged_into
  // set on joined ones), each with its own members only, as the interchange
  // keeps them.
  virtual Status ForEachStory(bool include_joined, const std::function<bool(const Story&)>& each) = 0;
  // One story. A story joined into another reads as that one (its members
  // included) unless follow_joins is false. NotFound for an unknown id.
  virtual Result<Story> GetStory(std::string_view id, bool follow_joins = true) = 0;
  // The stories (canonical, joins followed) a document is a member of.
  virtual Result<std::vector<std::string>> StoriesOf(std::string_view document) = 0;
  // Mentions in one document, by position.
  virtual Result<std::vector<Mention>> MentionsIn(std::string_view document) = 0;

  // The file with these bytes, if it was imported before.
  virtual Result<std::optional<SourceFile>> FindSource(const std::string& sha256) = 0;

  // Reads for exporters (graphs, pages per entity). Aggregates are computed by
  // the store, so an exporter's memory does not grow with the store.

  // Canonical entities (filter.type, include_absorbed and limit are honoured;
  // other fields ignored) with their alias, mention and claim counts, streamed
  // in id order.
  virtual Status ForEachEntitySummary(const EntityFilter& filter,
                                      const std::function<bool(const EntitySummary&)>& each) = 0;
  // Connections between canonical persons, organizations and places (see
  // Edge), streamed: relations first, then co-mentions, each in (source,
  // target) order; with filter.about, the ones touching it, heaviest first.
  virtual Status ForEachEdge(const EdgeFilter& filter, const std::function<bool(const Edge&)>& each) = 0;
  // The ids of documents in which the entity (or one merged into it) is
  // mentioned, in id order, at most limit of them (0: all).
  virtual Result<std::vector<std::string>> DocumentsMentioning(std::string_view entity, int64_t limit) = 0;
  // The canonical entities within depth steps of `about` (a canonical id),
  // following relation claims and co-mentions (ForEachEdge), `about` included;
  // sorted. NotFound when about is not a canonical entity.
  virtual Result<std::vector<std::string>> Neighbourhood(std::string_view about, int depth) = 0;
};

// What WriteDocument did.
struct WriteOutcome {
  enum class Kind {
    kImported,   // a new document
    kUnchanged,  // the same text was already stored under this id
    kReplaced,   // a new version of a document from the same source
    kFilledIn,   // a stub (a cable known only from a REF) got its text
  } kind = Kind::kImported;
  std::string document;  // the id written (may differ from the proposed one on a clash)
  int64_t entities_created = 0;
  int64_t mentions = 0;
  int64_t claims = 0;
};

struct RecordOptions {
  // Overwrite what the store holds under a record's id when the record says
  // something else (each record replaced is written to the audit log).
  // Without it such a record is AlreadyExists and nothing of the batch lands.
  bool replace = false;
  // Write an audit entry for the batch at Commit ("import-records"). A copy
  // of a whole store (CopyStore) moves the audit log as it is, without one.
  bool audit = true;
};

// Applies interchange records (DESIGN.md §6) in one transaction: nothing is
// written unless Commit succeeds. Destroying it without Commit rolls back.
class DOSSIER_API RecordWriter {
 public:
  virtual ~RecordWriter();
  // Validates the record against schemas/record.schema.json and writes it.
  // A record whose id the store holds with the same content (in every field
  // the record gives) is left alone; with other content it is refused as
  // AlreadyExists unless RecordOptions::replace. Audit records are appended
  // to the audit log (docs/exports.md, "Restoring"). References may point to
  // records later in the same batch: they are checked at Commit.
  virtual Status Put(const Json& record) = 0;
  virtual Status Commit() = 0;
  // Records written, and records left alone because the store held them.
  virtual int64_t count() const = 0;
  virtual int64_t unchanged() const = 0;
};

// Writes grouped into one transaction (Store::BeginGroup). Destroying it
// without Commit rolls back every write made since it began.
class DOSSIER_API WriteGroup {
 public:
  virtual ~WriteGroup();
  // Makes the group's writes durable and visible to other connections, and
  // ends the group. Fails when the group's transaction was lost (SQLite rolls
  // a transaction back itself after some errors, such as a full disk): then
  // none of its writes were kept.
  virtual Status Commit() = 0;
};

// A checker run's findings, given one at a time (Store::BeginFindings).
// Destroying it without Commit writes nothing.
class DOSSIER_API FindingWriter {
 public:
  virtual ~FindingWriter();
  // Takes one finding (serialized at once: the caller may free it). A finding
  // whose fingerprint was given before in this run is ignored. InvalidArgument
  // for a finding without a fingerprint, code or message.
  virtual Status Put(const Finding& finding) = 0;
  // Replaces the checker's previous findings with the ones given, in one
  // transaction (as Store::ReplaceFindings).
  virtual Status Commit() = 0;
};

// What to create with Store::AddEntity.
struct NewEntity {
  EntityType type = EntityType::kPerson;  // not kClaim (use AddClaim) or kDocument (AddDocument)
  std::string name;
  Json properties = Json::object();
  std::vector<std::string> aliases;
  SourceRef source;  // where it was seen; stored with the audit entry
  // When an entity of this type with the same normalised name exists, AddEntity
  // fails with AlreadyExists unless this is set (then the new id gets a suffix).
  bool allow_same_name = false;
};

// What to create with Store::AddClaim. source must hold a document with a span
// or a quote found in its text, or a note: an unsourced claim is refused.
struct NewClaim {
  std::string subject;  // id or name, resolved like Resolve()
  std::string predicate;
  std::string object;  // id or name, or empty
  Json value;          // null, or a value as in model.h
  std::string time;
  SourceRef source;
  std::string attributed_to;  // id or name, or empty
  std::string kind;
  std::string extractor = "curator";
  double confidence = 1.0;
  Json properties = Json::object();
};

class DOSSIER_API Store : public StoreView {
 public:
  // Opens (and migrates) the store at path. Errors: NotFound when the file is
  // missing and !create_if_missing; Corruption when the file is not a dossier
  // store; Unsupported when a newer dossier wrote it.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);

  // The files that hold the store, whether they exist now or not: the
  // database and the files the engine keeps beside it (SQLite's -wal, -shm
  // and -journal). An export never writes over them, nor over a folder that
  // holds them. Empty for a store on a database server.
  virtual std::vector<std::string> Files() const = 0;

  // Whether this store was opened for reading only (the user may read the
  // file but not write it). Every read works; every write fails with an
  // IOError saying the store is read-only.
  virtual bool ReadOnly() const = 0;

  virtual Result<Entity> AddEntity(const NewEntity& entity, const Actor& actor) = 0;

  // Adds a document (a hand-made one; importers go through the pipeline). Its
  // id is derived from the title unless set; paragraphs must lie inside text.
  virtual Result<Document> AddDocument(const Document& document, const Actor& actor) = 0;

  // Adds a name the entity is known by. Adding an alias it already has is ok.
  virtual Status AddAlias(std::string_view entity, const std::string& alias, const SourceRef& seen,
                          const Actor& actor) = 0;

  // Renames a person, organization or place: its id stays, the old name
  // becomes an alias (so that search and the resolver still find it), and
  // a name that was an alias stops being one. Undone by renaming back. In
  // the audit log with the names before and after and the reason.
  virtual Status Rename(std::string_view entity, const std::string& name, const std::string& reason,
                        const Actor& actor) = 0;

  // Makes a person, organization or place another of the three (a company
  // filed as a person): it and each entity merged into it get an id of the
  // new type ("person:acme" -> "org:acme"), every mention, claim, alias,
  // merge, judgement and finding follows, and its mentions read as the new
  // type. Returns its new id. Retyping back gives the old ids back. Audited
  // with both types, the ids and the reason.
  virtual Result<std::string> Retype(std::string_view entity, EntityType type, const std::string& reason,
                                     const Actor& actor) = 0;

  // Deletes a person, organization or place that is no thing at all (a
  // redaction placeholder, page furniture read as a name), with what was
  // merged into it: its claims go, quotes attributed to it stay unattributed,
  // its mentions stay in the text, unresolved. In the audit log with what
  // went; there is no undo command (the JSONL backup restores).
  virtual Status DeleteEntity(std::string_view entity, const std::string& reason, const Actor& actor) = 0;

  // Removes a document with its mentions, its paragraphs and the claims
  // sourced from it; entities an import made that are then named nowhere and
  // hold nothing a curator gave them go too, and so do the cited-only
  // documents it alone cited. A document other documents cite
  // becomes a cited-only stub again. Importing its file again imports it
  // again. In the audit log with what went.
  virtual Result<RemoveOutcome> RemoveDocument(std::string_view document, const std::string& reason,
                                               const Actor& actor) = 0;

  // Replaces (merges, when merge is true) the entity's properties; validated.
  virtual Status SetProperties(std::string_view entity, const Json& properties, bool merge,
                               const Actor& actor) = 0;

  virtual Result<Claim> AddClaim(const NewClaim& claim, const Actor& actor) = 0;
  // A reason is required; rejected claims are kept, with it.
  virtual Status SetClaimStatus(std::string_view claim, ClaimStatus status, const std::string& reason,
                                const Actor& actor) = 0;

  // Merges `absorb` into `keep` (same type, both unmerged). Nothing is copied
  // or deleted: absorbed rows keep their ids and are read through `keep`, so
  // Split restores both exactly. Records a "same" judgement. Refused when a
  // curator judged the two different.
  virtual Status Merge(std::string_view keep, std::string_view absorb, const std::string& reason,
                       const Actor& actor) = 0;
  // Undoes the merge that absorbed `absorbed` (and removes its judgement).
  virtual Status Split(std::string_view absorbed, const Actor& actor) = 0;
  // Records a verdict on a pair (replacing an earlier one). "same" merges b
  // into a; "different" is refused while the two are merged.
  virtual Result<Judgement> Judge(std::string_view a, std::string_view b, Verdict verdict,
                                  const std::string& reason, const Actor& actor) = 0;

  // Writes one document with its proposed facts in one transaction: resolves
  // each proposed entity (its id; else its normalised name and aliases within
  // its type, following merges; else a new entity), then writes the document,
  // its mentions and claims. Same id and same text: unchanged, nothing
  // written. Same id from the same source with new text: replaced (machine
  // facts re-derived; the curator's claims and reviewed claims kept). A stub
  // is filled in. Same id from another source: the document gets the next
  // free id ("-2").
  virtual Result<WriteOutcome> WriteDocument(const DocumentBatch& batch, const Actor& actor) = 0;

  // Remembers that a file was imported (see FindSource).
  virtual Status RecordSource(const SourceFile& source) = 0;

  // Groups the writes that follow on this store (WriteDocument, RecordSource,
  // BeginRecords, ...) into one transaction until the group commits, so that
  // importing many small documents pays one commit per group rather than one
  // per document. Each write inside still succeeds or fails whole. Other
  // connections wait for the group's commit to write, and do not see its
  // writes until then: keep groups short. Search finds the group's writes
  // once it commits (they are indexed then), not before, even on this store.
  // InvalidArgument while a group or another transaction is open on this store.
  virtual Result<std::unique_ptr<WriteGroup>> BeginGroup() = 0;

  // Starts writing interchange records (the jsonl importer).
  virtual Result<std::unique_ptr<RecordWriter>> BeginRecords(const Actor& actor,
                                                             const RecordOptions& options = {}) = 0;

  // Replaces a checker's findings with the ones of its latest run, in one
  // transaction. A finding whose fingerprint was seen before keeps its id and
  // its curator status (resolved, ignored) unless its evidence changed, when
  // it opens again. Findings not reported again are removed.
  virtual Status ReplaceFindings(const std::string& checker, const std::vector<Finding>& findings,
                                 const Actor& actor) = 0;
  // ReplaceFindings for findings that come one at a time, so a large run
  // need not hold them all as they were built.
  virtual Result<std::unique_ptr<FindingWriter>> BeginFindings(const std::string& checker, const Actor& actor) = 0;
  // Stores what the story grouping found (kernel/src/story_grouping.h): each
  // story by id, title and date span, with the documents the grouping puts in
  // it. The grouping's earlier memberships not given again are removed, and
  // so are its stories left with no member; every curator decision stays (a
  // document a curator took out is not put back, one a curator added stays,
  // a join holds). One transaction, in the audit log.
  virtual Status SaveGrouping(const std::vector<Story>& stories, const Actor& actor) = 0;
  // Takes a document out of a story (in false) or puts it in (in true), with
  // a reason; the grouping keeps to it from then on.
  virtual Status SetStoryMember(std::string_view story, std::string_view document, bool in, const std::string& reason,
                                const Actor& actor) = 0;
  // Joins `absorb` into `keep`: one story from then on, read through keep;
  // SplitStory undoes it. Both must be canonical stories.
  virtual Status JoinStories(std::string_view keep, std::string_view absorb, const std::string& reason,
                             const Actor& actor) = 0;
  virtual Status SplitStory(std::string_view absorbed, const Actor& actor) = 0;

  // Resolves or ignores a finding (or opens it again), with a reason.
  virtual Status SetFindingStatus(std::string_view finding, FindingStatus status, const std::string& reason,
                                  const Actor& actor) = 0;
};

}  // namespace dossier
