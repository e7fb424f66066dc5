// How many bytes of memory a unit of import work holds, estimated, so the
// pipeline can enforce ImportOptions::max_batch_bytes before a hostile file
// (a 2 GB single line, a million-mention document) takes the machine's memory.
// An estimate, not an allocator count: the strings' lengths plus each
// element's fixed size and the heap of the JSON objects elements carry (a
// paragraph's properties are a tree map each), which is what grows with
// the input.
#pragma once

#include <cstdint>

#include "dossier/facts.h"
#include "dossier/model.h"

namespace dossier {

// The document's text, title, properties and paragraphs plus every proposed
// entity, mention and claim.
int64_t BatchBytes(const DocumentBatch& batch);

// A JSON value: the length of its strings and keys plus a fixed size per value.
int64_t JsonBytes(const Json& value);

}  // namespace dossier
