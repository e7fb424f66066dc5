// Building small stores for the checkers' tests: documents written for these
// tests (invented places, people and figures), with the mentions and claims an
// extractor would propose, written through the store's public API.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dossier/checker.h"
#include "dossier/facts.h"
#include "dossier/quantity.h"
#include "dossier/store.h"
#include "support/test_support.h"

namespace dossier::testing {

// One document and what is proposed about it.
class DocBuilder {
 public:
  DocBuilder(const std::string& id, const std::string& text, Json properties = Json::object(),
             const std::string& kind = "news_article");
  // Key of a proposed entity (one per type and name).
  std::string Entity(EntityType type, const std::string& name);
  // A mention of `surface` (its n-th occurrence) naming the entity with this key
  // (empty: unresolved, as the extractor leaves "Mr. Ruan").
  DocBuilder& Mention(const std::string& key, const std::string& surface, int nth = 0,
                      EntityType type = EntityType::kPerson);
  // A numeric claim read from `figure` (a phrase of the text) with FindQuantities.
  DocBuilder& Figure(const std::string& subject_key, const std::string& predicate, const std::string& figure,
                     const std::string& time = "");
  // A relation claim supported by `quote` (a phrase of the text).
  DocBuilder& Relation(const std::string& subject_key, const std::string& predicate, const std::string& object_key,
                       const std::string& quote, const std::string& time = "");
  // A quotation (a phrase of the text) the speaker said, as the quote extractor stores it.
  DocBuilder& Said(const std::string& speaker_key, const std::string& quote);
  // Paragraph boundaries with properties (number, label ...).
  DocBuilder& Paragraph(const std::string& text_of_paragraph, Json properties = Json::object());

  DocumentBatch batch;

 private:
  int64_t Find(const std::string& surface, int nth) const;
};

// A fresh store in a temporary folder.
struct CheckStore {
  TempDir dir;
  std::unique_ptr<Store> store;
  CheckStore();
  void Write(const DocBuilder& doc);
  // Runs the checker and returns its findings (not stored).
  std::vector<Finding> Run(Checker& checker);
};

// The findings with this code.
std::vector<Finding> WithCode(const std::vector<Finding>& findings, const std::string& code);

}  // namespace dossier::testing
