// JSON Schema validation against the schemas in schemas/ (compiled into the
// kernel, so a store never runs with schemas other than the ones it was built with).
#pragma once

#include <string_view>

#include "dossier/export.h"
#include "dossier/model.h"
#include "dossier/status.h"

namespace dossier {

// Checks an entity's properties against schemas/<type>.schema.json (for
// documents, the record form: kind, source, sha256, paragraphs and metadata).
// The error names the offending field: `person property "birth_date": ...`.
DOSSIER_API Status ValidateProperties(EntityType type, const Json& properties);

// Checks a claim in its record form (schemas/claim.schema.json).
DOSSIER_API Status ValidateClaimRecord(const Json& claim);

// Checks one JSONL interchange record (schemas/record.schema.json).
DOSSIER_API Status ValidateRecord(const Json& record);

// The text of a compiled-in schema by file name ("person.schema.json"), or
// empty when there is none.
DOSSIER_API std::string_view SchemaText(std::string_view file_name);

}  // namespace dossier
