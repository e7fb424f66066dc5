// Rule-based recognition of people, organizations and places in English text,
// with in-document coreference: capitalised chunks are split at titles,
// classified by gazetteers, cue words and context (titles, apposition, speech
// verbs, acronym definitions), and single words are resolved at the end
// against the full names the document uses ("Sun" -> "Sun Zhengcai",
// "CCPIT" -> its expansion). ALL-CAPS and headline-case sentences are first
// given ordinary case from the dictionary, so cables are read too.
//
// Pure: text in, entities and spans out. The extractor turns them into proposals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/budget.h"
#include "dossier/model.h"
#include "dossier/tokens.h"

namespace dossier::ner {

struct RecognizedEntity {
  EntityType type = EntityType::kPerson;
  std::string name;                  // the fullest form: "Sun Zhengcai", "Chongqing"
  std::vector<std::string> aliases;  // other names it is given here: "CCPIT", "Chungking"
  Json properties = Json::object();  // place kind/country/subdivision, organization kind/acronym
};

struct RecognizedMention {
  int entity = -1;  // index into Recognition::entities; -1: a person reference matching no name ("Mr. Ruan")
  EntityType type = EntityType::kPerson;
  int64_t start = 0;  // bytes into the text
  int64_t end = 0;
  double confidence = 1.0;
};

struct Recognition {
  std::vector<RecognizedEntity> entities;
  std::vector<RecognizedMention> mentions;  // in text order
};

// Recognizes entities in text. Sentences never cross the given spans
// (paragraphs); with none, blank lines separate paragraphs. With a budget,
// what the recognizer holds is counted against it as it grows, and it
// stops once over (budget->over() then says so; the result is partial).
Recognition Recognize(std::string_view text, const std::vector<Span>& paragraphs = {}, MemoryBudget* budget = nullptr);

// The text as Recognize reads it: in ALL-CAPS and headline-case sentences,
// ordinary words in lower case and names capitalised. Same length and
// offsets as text, so spans found in it hold for text.
std::string CasedView(std::string_view text, const std::vector<Span>& paragraphs = {});

}  // namespace dossier::ner
