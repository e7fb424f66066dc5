// How findings carry their evidence: every claim a finding rests on is
// described with its value, time, document and quote, and every finding has
// a fingerprint built from what identifies the problem (not from what the
// evidence says, so the store can tell "the same problem, new evidence" and
// reopen a resolved finding).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/model.h"
#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier::check {

// {"claim", "subject", "predicate", "value", "time", "document", "quote"}.
Json ClaimEvidence(const Claim& claim);

// A stable fingerprint of the parts (joined unambiguously, hashed).
std::string Fingerprint(std::initializer_list<std::string_view> parts);

// A quote cut to at most max_bytes on a character boundary, with "…".
std::string ShortQuote(const std::string& quote, size_t max_bytes = 240);

// The evidence of the claims findings will cite, fetched after grouping so
// that grouping itself never holds quotes: few claims are read one by one,
// many in one streaming pass.
class ClaimDetails {
 public:
  void Need(const std::string& claim_id) { needed_.emplace(claim_id, Json()); }
  Status Load(StoreView& store);
  // The claim's evidence (Load first); null for a claim that vanished.
  const Json& Of(const std::string& claim_id) const;
  // The claim's evidence, moved out (for the one finding that cites it last).
  Json Take(const std::string& claim_id);

 private:
  std::unordered_map<std::string, Json> needed_;
};

// Entity names for messages, each read once.
class EntityNames {
 public:
  explicit EntityNames(StoreView& store) : store_(store) {}
  // The entity's name, or the id when it cannot be read.
  const std::string& Of(const std::string& id);

 private:
  StoreView& store_;
  std::unordered_map<std::string, std::string> names_;
};

}  // namespace dossier::check
