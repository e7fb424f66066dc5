// Extractors: read a document's text and propose mentions, entities and claims.
#pragma once

#include <string>

#include "dossier/export.h"
#include "dossier/facts.h"
#include "dossier/status.h"

namespace dossier {

class DOSSIER_API Extractor {
 public:
  virtual ~Extractor();
  // Unique among extractors: "ner", "quotes", "numbers".
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  // Order among extractors: lower runs first (default 100). An extractor that
  // builds on another's entities (quote attribution on people) runs after it.
  virtual int order() const { return 100; }
  // Adds its proposals to batch (which already holds the importer's). Must
  // only append: keys it adds must not collide with existing ones (prefix
  // them with the extractor name). Spans must lie inside batch.document.text.
  virtual Status Extract(DocumentBatch& batch) = 0;
};

}  // namespace dossier
