// What `import --dry-run` reports of a document: read against the store,
// nothing written (docs/design.md, "5. The CLI").
#pragma once

#include "dossier/facts.h"
#include "dossier/pipeline.h"
#include "dossier/store.h"

namespace dossier {

// The plan of one document the extractors have run on: its state against
// the stored document of that id, and each proposed person, organization or
// place looked up by id or name (an ambiguous name is known: it would be
// resolved among those it names).
PlannedDocument PlanDocument(StoreView& store, const DocumentBatch& batch, const std::string& label);

}  // namespace dossier
