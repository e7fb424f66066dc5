// The schemas/ files compiled into the kernel (generated: schemas_embedded.cc).
#pragma once

#include <cstddef>

namespace dossier {

struct EmbeddedSchema {
  const char* name;  // "person.schema.json"
  const char* text;
};

extern const EmbeddedSchema kEmbeddedSchemas[];
extern const size_t kEmbeddedSchemaCount;

}  // namespace dossier
