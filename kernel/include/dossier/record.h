// The JSONL interchange records (DESIGN.md §6, schemas/record.schema.json):
// one definition of how each model value looks as JSON, used by `--json`
// output, the jsonl exporter and importer, and anything else that speaks JSON.
#pragma once

#include "dossier/export.h"
#include "dossier/model.h"
#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier {

// The interchange format's version. 2 added the header line and audit records.
inline constexpr int kInterchangeVersion = 2;

// The first line of a jsonl export, by which an import knows the file for
// what it is: {"id":"header","type":"header","format":"dossier-jsonl","version":2}.
DOSSIER_API Json InterchangeHeader();

// {"id":"source:<sha256>","type":"source","sha256","path","importer","size",
// "imported_at","documents"}: a file imported before (so that importing it
// again after a restore is known to change nothing).
DOSSIER_API Json SourceRecord(const SourceFile& source);

// {"id":"story:…","type":"story","name":title,"first_date","last_date",
// "members":[{"document","by"[,"excluded":true,"reason"]}],"outlets":[…]
// [,"merged_into"],"properties","created_at","updated_at"}.
DOSSIER_API Json StoryRecord(const Story& story);

// {"id":"audit:<seq>","type":"audit","seq","at","actor","action","target","detail"}.
DOSSIER_API Json AuditRecord(const AuditEntry& entry);

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

// Every record of the store in interchange order, handed to `each` one at a
// time (returning false stops): the header; persons, organizations, places
// and documents (absorbed ones too); then, when types is empty, mentions;
// claims; then judgements, findings, stories, the files imported and the
// audit log last (a restore appends it after the records it tells of). With
// types, only entities and claims of those types. The jsonl exporter writes
// these; `dossier copy` puts them into another store.
DOSSIER_API Status ForEachRecord(StoreView& store, const std::vector<EntityType>& types,
                                 const std::function<bool(const Json&)>& each);

// About how many records ForEachRecord gives (the rows the store counts;
// stories and the files imported come on top), for a progress line.
DOSSIER_API int64_t ApproximateRecordCount(StoreView& store);

}  // namespace dossier
