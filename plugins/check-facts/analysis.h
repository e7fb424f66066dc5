// What the numbers and corroboration checkers both read: the claims grouped
// by fact (with the details findings cite), the merges, and which documents
// are independent sources. Building it is most of either checker's work on a
// large store (about 8 s of a million claims), so `dossier check` builds it
// once and both use it: it is kept while the store's last change (its audit
// sequence number and time) and the store object stay the same. It stays in
// memory until then (about 1 GB for a million claims): a process that checks
// once and exits, as the CLI does, pays nothing for that.
#pragma once

#include <memory>

#include "claim_index.h"
#include "dossier/store.h"
#include "sources.h"

namespace dossier::check {

struct Analysis {
  Canonical canonical;
  ClaimIndex index;  // built with details
  Sources sources;
};

// The analysis of the store as it is now: the one built before when nothing
// has changed since, else a new one (which replaces it).
Result<std::shared_ptr<const Analysis>> AnalyzeClaims(StoreView& store);

}  // namespace dossier::check
