// The data model: the plain values that flow between the store, the CLI and
// plugins. See DESIGN.md §3. These are value types with no behaviour; the store
// (dossier/store.h) enforces the rules that relate them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dossier/export.h"

namespace dossier {

using Json = nlohmann::json;

// The kinds of thing the store keeps. Person, organization, place and document
// are "entities" (named, aliased, merged); claims are statements about them.
enum class EntityType { kPerson, kOrganization, kPlace, kDocument, kClaim };

// "person", "organization", "place", "document", "claim".
DOSSIER_API std::string_view TypeName(EntityType type);
// Inverse of TypeName; also accepts the id prefixes ("org", "doc") and plurals
// ("people", "organizations", ...). Empty when the word names no type.
DOSSIER_API std::optional<EntityType> ParseType(std::string_view word);
// The prefix of ids of this type: "person", "org", "place", "doc", "claim".
DOSSIER_API std::string_view IdPrefix(EntityType type);

// Where something was seen or why it is believed. Either a document passage
// (document + byte span, with the quoted text) or a free-text note (a curator's
// "phone call with the press office, 3 May"), or both.
struct SourceRef {
  std::string document;  // document id, or empty
  int64_t start = -1;    // byte offset into the document's stored text, or -1
  int64_t end = -1;      // one past the last byte, or -1
  std::string quote;     // the passage text (text[start, end) when a span is set)
  std::string note;      // free-text source or reason

  bool empty() const { return document.empty() && note.empty() && quote.empty(); }
};

// Another name an entity is known by, with where it was seen.
struct Alias {
  std::string name;
  SourceRef seen;
  std::string entity;    // the entity that carries it (an absorbed one, after a merge)
  std::string added_by;  // actor
};

// A person, organization, place or document (the shared part).
struct Entity {
  std::string id;  // "person:sun-zhengcai"
  EntityType type = EntityType::kPerson;
  std::string name;                 // canonical name (a document's title)
  Json properties = Json::object();  // validated against schemas/<type>.schema.json
  std::vector<Alias> aliases;
  std::string merged_into;  // the entity this one was merged into, or empty
  std::string created_at;   // ISO-8601 UTC
  std::string updated_at;
};

// A paragraph of a document: a byte range of its text plus what the format
// said about it ({"number": 3, "marking": "SBU"}).
struct Paragraph {
  int64_t start = 0;
  int64_t end = 0;
  Json properties = Json::object();
};

// A document: its text is stored whole (UTF-8) so every span stays checkable.
struct Document {
  std::string id;     // "doc:06GUANGZHOU32397"
  std::string title;  // also the entity name
  std::string kind;   // "cable", "news_article", "text", "stub", ...
  std::string text;
  std::vector<Paragraph> paragraphs;
  std::string sha256;  // of text, lowercase hex; computed by the store when empty
  std::string source;  // path or URI it was read from
  Json properties = Json::object();  // format metadata (cable header, byline, ...)
  std::string created_at;
  std::string updated_at;
};

// An entity seen in a document: a byte span of the document text.
struct Mention {
  std::string id;
  std::string entity;  // the entity it refers to; empty when unresolved
  EntityType type = EntityType::kPerson;  // what kind of thing the span names
  std::string document;
  int64_t start = 0;
  int64_t end = 0;
  std::string text;       // the surface text, == document text[start, end)
  std::string extractor;  // plugin/component that proposed it, or "curator"
  double confidence = 1.0;
};

enum class ClaimStatus { kUnreviewed, kConfirmed, kDisputed, kRejected };
DOSSIER_API std::string_view StatusName(ClaimStatus status);
DOSSIER_API std::optional<ClaimStatus> ParseClaimStatus(std::string_view word);

// A statement about a subject: a relation to another entity (object) or a value.
// value is null or one of
//   {"amount": 30000000, "unit": "person", "qualifier": "nearly"}   (number)
//   {"date": "2006-12-11"}                                          (date)
//   {"text": "not acceptable"}                                      (text)
// as schemas/claim.schema.json defines.
struct Claim {
  std::string id;
  std::string subject;
  std::string predicate;
  std::string object;  // entity id, or empty
  Json value;          // null when the claim relates two entities
  std::string time;    // the time the claim refers to ("2006", "2006-12-11"), or empty
  SourceRef source;
  std::string attributed_to;  // entity id of who said it, or empty
  std::string kind;           // "said", "number", "relation", ... (extractor's category)
  std::string extractor;      // component that proposed it, or "curator"
  double confidence = 1.0;
  ClaimStatus status = ClaimStatus::kUnreviewed;
  std::string status_reason;
  Json properties = Json::object();
  std::string created_at;
  std::string updated_at;
};

enum class Verdict { kSame, kDifferent, kUnsure };
DOSSIER_API std::string_view VerdictName(Verdict verdict);
DOSSIER_API std::optional<Verdict> ParseVerdict(std::string_view word);

// A curator's decision on whether two entities are the same.
struct Judgement {
  std::string id;
  std::string a;  // the pair, in the order given
  std::string b;
  Verdict verdict = Verdict::kUnsure;
  std::string reason;
  std::string by;
  std::string at;
};

enum class Severity { kInfo, kWarning, kError };
DOSSIER_API std::string_view SeverityName(Severity severity);
DOSSIER_API std::optional<Severity> ParseSeverity(std::string_view word);

enum class FindingStatus { kOpen, kResolved, kIgnored };
DOSSIER_API std::string_view FindingStatusName(FindingStatus status);
DOSSIER_API std::optional<FindingStatus> ParseFindingStatus(std::string_view word);

// Something a checker noticed, with the evidence for it.
struct Finding {
  std::string id;
  std::string checker;  // "numbers"
  std::string code;     // "value-conflict"
  Severity severity = Severity::kWarning;
  std::string message;
  std::vector<std::string> refs;  // claims, entities, documents involved
  Json evidence = Json::object();  // quotes, values, why the checker decided
  std::string fingerprint;         // same fingerprint == same finding on a re-run
  FindingStatus status = FindingStatus::kOpen;
  std::string status_reason;
  std::string created_at;
  std::string updated_at;
};

// A document's place in a story: put there by the grouping, or by a curator,
// or taken out by a curator (then the grouping never puts it back).
struct StoryMember {
  std::string document;
  std::string by;  // "grouping", or the curator who added or removed it
  bool excluded = false;
  std::string reason;
};

// Documents that report one event (docs/checks.md, "Stories"): grouped by
// their shared salient entities, their dates and their words, and curated.
struct Story {
  std::string id;     // "story:<slug>"
  std::string title;  // the title of its most central document
  std::string first_date;  // the span its documents' dates cover (ISO dates), or empty
  std::string last_date;
  std::vector<StoryMember> members;  // excluded ones included; a joined story's members too
  std::vector<std::string> outlets;  // who published its documents, each once
  std::string merged_into;  // the story a curator joined this one into, or empty
  Json properties = Json::object();
  std::string created_at;
  std::string updated_at;
};

// Who made a change: "cli:alice", "plugin:import-cable", "test".
struct Actor {
  std::string name;
};

// One row of the audit log.
struct AuditEntry {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string action;  // "add", "alias", "merge", "split", "judge", "claim", "status", ...
  std::string target;  // id acted on
  Json detail = Json::object();
};

}  // namespace dossier
