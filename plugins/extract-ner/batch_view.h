// The entities and mentions already proposed in a batch (by the "ner"
// extractor, or any other), seen as a Recognition, and the document's
// paragraphs as spans: what the quote and figure extractors build on.
#pragma once

#include <string>
#include <vector>

#include "dossier/facts.h"
#include "recognizer.h"

namespace dossier::ner {

// keys[i] is the batch key of Recognition::entities[i].
Recognition FromBatch(const DocumentBatch& batch, std::vector<std::string>* keys);

// About what FromBatch's copy of a batch's entities and mentions holds.
int64_t ViewBytes(const DocumentBatch& batch);

// About what a claim of an extractor holds with its value (of text_bytes).
inline int64_t ClaimBytes(size_t text_bytes) { return static_cast<int64_t>(sizeof(ProposedClaim) + 256 + text_bytes); }

// The document's paragraphs, or its blank-line blocks when it has none.
std::vector<Span> ParagraphsOf(const Document& document);

}  // namespace dossier::ner
