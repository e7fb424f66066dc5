// What importers and extractors propose: a document and the facts found in it,
// before they are resolved against the store.
//
// Entities in a batch are referred to by a key that is local to the batch;
// the resolver links each proposed entity to an existing entity (by id, or by
// normalised name and aliases within its type, following merges) or creates
// it. The key "@document" always means the batch's own document.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "dossier/export.h"
#include "dossier/model.h"

namespace dossier {

inline constexpr const char* kThisDocument = "@document";

// An entity the format states or an extractor found.
struct ProposedEntity {
  std::string key;  // unique within the batch; referenced by mentions and claims
  EntityType type = EntityType::kPerson;
  std::string name;  // the fullest form known ("Sun Zhengcai", not "Sun")
  // How sure the proposer is of the type: 1 for what a format states or a
  // gazetteer knows, lower for a guess from capitalisation. Below 0.8 the
  // resolver lets the store's other evidence decide (kernel/src/resolver.h).
  double type_confidence = 1.0;
  std::vector<std::string> aliases;  // other names stated for it ("CCPIT")
  Json properties = Json::object();  // added to the entity where it has no value yet
  // A known id ("doc:06GUANGZHOU31300" for a referenced cable). When no entity
  // has it, one is created with it (a referenced document becomes a stub that
  // fills in when the document itself is imported).
  std::string id;
};

// A span of the document text naming an entity.
struct ProposedMention {
  std::string entity;  // key of a ProposedEntity, or empty when unresolved ("Mr. Ruan")
  EntityType type = EntityType::kPerson;  // what the span names
  int64_t start = 0;  // byte offsets into Document::text
  int64_t end = 0;
  double confidence = 1.0;
  std::string extractor;  // filled in by the pipeline when empty
};

// A statement found in the document.
struct ProposedClaim {
  std::string subject;  // entity key (or kThisDocument)
  std::string predicate;
  std::string object;  // entity key, or empty
  Json value;          // as in Claim::value, or null
  std::string time;
  int64_t start = -1;  // the supporting passage (byte offsets), or -1 for the whole document
  int64_t end = -1;
  std::string attributed_to;  // entity key, or empty
  std::string kind;
  double confidence = 1.0;
  Json properties = Json::object();
  std::string extractor;  // filled in by the pipeline when empty
};

// One document and everything proposed about it. Written in one transaction.
struct DocumentBatch {
  Document document;
  std::vector<ProposedEntity> entities;
  std::vector<ProposedMention> mentions;
  std::vector<ProposedClaim> claims;

  // The memory the batch may take with everything proposed for it, set by
  // the import pipeline before the extractors run (ImportOptions::
  // max_batch_bytes; 0: no limit). An extractor whose structures grow with
  // the text counts them against it as it goes (dossier/budget.h), starting
  // from Bytes().
  int64_t max_bytes = 0;

  // About how much memory the batch holds: its text, properties, paragraphs,
  // entities, mentions and claims (what the pipeline checks max_bytes with).
  DOSSIER_API int64_t Bytes() const;

  // Returns the key of an entity already proposed with this type and name
  // (normalised), or adds one with a fresh key. Saves callers from proposing
  // the same organization twice.
  DOSSIER_API std::string Entity(EntityType type, const std::string& name);
};

// DocumentBatch::Entity for an importer that proposes many entities (a
// header of a thousand addressees): the same keys and entities, found by
// hash instead of by a scan of every entity per name. While it is in use
// the batch's entities may only be added to at the end, never renamed,
// retyped or removed.
class DOSSIER_API EntityKeys {
 public:
  explicit EntityKeys(DocumentBatch& batch) : batch_(batch) {}
  // What batch.Entity(type, name) returns, adding what it adds.
  std::string Entity(EntityType type, const std::string& name);
  // The first entity with this key (one Entity returned), or nullptr.
  ProposedEntity* Find(const std::string& key);

 private:
  void CatchUp();  // indexes the entities added since the last call

  DocumentBatch& batch_;
  size_t indexed_ = 0;
  std::unordered_map<std::string, size_t> by_name_;  // type and NormalizeName -> first entity with no id
  std::unordered_map<std::string, size_t> by_key_;   // key -> first entity
};

}  // namespace dossier
