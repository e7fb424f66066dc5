// The id rules (docs/design.md §3): how ids of entities, claims and mentions
// are made, the same for every storage backend. Imported things get
// deterministic ids: the same input gives the same ids.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "dossier/model.h"

namespace dossier {

// "Deal value" -> "deal_value": predicates are identifiers in the schema. A
// measure's counted noun after ':' is kept ("count:protester").
std::string CanonicalPredicate(std::string_view predicate);

// A short stable hash for derived ids.
std::string ShortHash(std::string_view s, size_t n = 16);

// Whether id is "<prefix>:<something without spaces>".
bool ValidIdSyntax(std::string_view id, std::string_view prefix);

// The id of a claim: the same statement from the same source always gets the
// same id, so re-imports do not duplicate it.
std::string ClaimId(const Claim& claim);

// The id of a mention: its document, span and type.
std::string MentionId(const std::string& document, int64_t start, int64_t end, EntityType type);

// "<prefix>:<slug>", or with "-2", "-3", ... after it, the first that
// `taken` says is free.
std::string FreeId(std::string_view prefix, std::string_view slug, const std::function<bool(const std::string&)>& taken);

}  // namespace dossier
