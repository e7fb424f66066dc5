// Claims grouped by the fact they state, built in one streaming pass over
// the store so that no check compares all pairs of claims.
//
// A claim's fact key is its canonical subject (merges followed), canonical
// predicate (data/predicates.txt) and, for a number, its canonical unit; for
// a relation, its canonical object; for a text value, its normalised text.
// Claims with one key are then split by the time they refer to: two stated
// years never meet; a claim that states no time joins the group when the
// others agree on one year (or state none), and forms its own group when
// they do not. A numeric group is cut into clusters of figures that can all
// be true at once (their hedged ranges share a value), found by one sweep
// over the ranges sorted by their low end.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "dossier/model.h"
#include "dossier/status.h"
#include "dossier/store.h"
#include "hedges.h"
#include "vocabulary.h"

namespace dossier::check {

// Entity id -> the id it is read through after merges.
class Canonical {
 public:
  static Result<Canonical> Load(StoreView& store);
  // The surviving entity of id's merges, or id itself.
  const std::string& Of(const std::string& id) const;
  void Add(const std::string& absorbed, const std::string& into) { into_[absorbed] = into; }

 private:
  std::unordered_map<std::string, std::string> into_;  // absorbed -> direct survivor
};

struct FactClaim {
  std::string id;
  uint32_t document = 0;   // index into ClaimIndex::documents
  uint64_t quote_key = 0;  // hash of the normalised quote (reprints share it)
  int year = 0;            // year the claim refers to, 0 when unstated
  bool numeric = false;
  double low = 0, high = 0, amount = 0;
  uint8_t qualifier = 0;  // index into ClaimIndex::qualifiers
  // Kept only when Build is asked for details (see ClaimIndex::Evidence):
  uint32_t predicate = 0;     // the claim's own predicate, index into ClaimIndex::predicates
  std::string quote;          // shortened to a few lines
  Json value;                 // the claim's value, or null
  std::string time;
  std::string attributed_to;
};

struct FactGroup {
  std::string subject;    // canonical entity id
  std::string predicate;  // canonical predicate
  std::string unit;       // canonical unit (numbers), else empty
  std::string object;     // canonical object id or "text:<normalised text>", else empty
  int year = 0;           // the year all dated members state, 0 when none does
  bool undated_joined = false;  // members without a time were assumed to share `year`
  bool numeric = false;
  bool comparable = true;  // false for catch-all predicates (Vocabulary::Comparable)
  std::vector<uint32_t> members;               // indices into ClaimIndex::claims, in id order
  std::vector<std::vector<uint32_t>> clusters;  // numbers: members whose ranges share a value
  // Set for a group of a story's figures aligned across the subjects the
  // extractor gave them (alignment.h): those subjects, by member.
  std::vector<std::string> laid_on;
};

struct ClaimIndex {
  std::vector<FactClaim> claims;
  std::vector<FactGroup> groups;
  std::vector<std::string> documents;
  std::vector<std::string> qualifiers;
  std::vector<std::string> predicates;  // claims' own predicates (with details)
  int64_t skipped = 0;  // rejected claims and a document's statements about itself

  // Streams the store's claims and groups them. Rejected claims and claims a
  // document makes about itself (its dateline, sender, TAGS) state no
  // checkable fact and are left out.
  // keep_details: keep what a finding cites of each claim (quote, value,
  // time, speaker), so findings need no second pass over the store.
  static Result<ClaimIndex> Build(StoreView& store, const Vocabulary& vocabulary, const Canonical& canonical,
                                  bool keep_details = false);

  // A claim's evidence as findings cite it: {"claim", "subject", "predicate",
  // "value", "time", "document", "quote", "attributed_to"} (Build with details).
  Json Evidence(uint32_t claim, const std::string& subject) const;
  // The short form, for a finding that lists many claims under facts that
  // already name their subject, predicate and figures: {"claim", "document",
  // "quote", "figure" (numbers), "time", "attributed_to"}.
  Json Citation(uint32_t claim) const;
  // "nearly 30,000,000": a figure with its hedge, without its unit.
  std::string Figure(const FactClaim& claim) const;
};

// Numeric members cut into clusters of figures that can all be true at once
// (their hedged ranges share a value), by one sweep over the ranges sorted by
// their low end; each cluster in member order.
std::vector<std::vector<uint32_t>> ClusterByRange(const std::vector<FactClaim>& claims,
                                                  const std::vector<uint32_t>& members);

// The year a time string refers to ("2006-12-11" -> 2006), or 0.
int YearOf(const std::string& time);

// The date a document was written, from its properties (a cable's date-time
// group, an article's publication date): "2006-12-13", or empty.
std::string DocumentDate(const Json& properties);

}  // namespace dossier::check
