// The JSONL interchange records (DESIGN.md §6, schemas/record.schema.json):
// one definition of how each model value looks as JSON, used by `--json`
// output, the jsonl exporter and importer, and anything else that speaks JSON.
#pragma once

#include "dossier/export.h"
#include "dossier/model.h"
#include "dossier/status.h"

namespace dossier {

// {"id","type","name","aliases","properties"[,"merged_into"],"created_at","updated_at"}.
// Aliases without a source are plain strings; with one, objects.
DOSSIER_API Json EntityRecord(const Entity& entity);

// {"id","type":"document","name":title,"properties":{kind, source, sha256,
// paragraphs, metadata...},"text"}; text is left out when with_text is false.
DOSSIER_API Json DocumentRecord(const Document& document, bool with_text = true);

DOSSIER_API Json MentionRecord(const Mention& mention);
DOSSIER_API Json ClaimRecord(const Claim& claim);
DOSSIER_API Json JudgementRecord(const Judgement& judgement);
DOSSIER_API Json FindingRecord(const Finding& finding);
DOSSIER_API Json AliasJson(const Alias& alias);

}  // namespace dossier
