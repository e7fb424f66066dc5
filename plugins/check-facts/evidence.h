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
