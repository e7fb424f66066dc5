// The schemas/ files compiled into the kernel (generated: schemas_embedded.cc).
#pragma once

#include <cstddef>

namespace dossier {

struct EmbeddedFile {
  const char* name;  // "person.schema.json"
  const char* text;
};

extern const EmbeddedFile kEmbeddedSchemas[];
extern const size_t kEmbeddedSchemasCount;

}  // namespace dossier
