// Figures in running text and what they are about: each quantity the kernel
// parser finds (dossier/quantity.h) gets a subject entity from its sentence
// ("Chongqing, a municipality of nearly 30 million people" -> Chongqing), a
// predicate from its wording, one of the measures of docs/extraction.md
// ("population", "deaths", "count:laptop"),
// and the year it refers to when the sentence says.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dossier/quantity.h"
#include "recognizer.h"

namespace dossier::ner {

struct Figure {
  Quantity quantity;
  int subject = -1;       // entity index in the Recognition; -1: the document (the event it reports)
  std::string predicate;  // snake_case
  std::string time;       // "2012", "1973/1990", or empty
  bool prospective = false;  // time is after the document's year: a plan or forecast ("by 2012", "will")
  std::string direction;     // a distance's compass direction, written out: "north-east" ("40 km NE of")
  int64_t start = 0;      // the sentence that states it
  int64_t end = 0;
  double confidence = 0.7;
};

// document_year: the publication year, for "last year"; empty when unknown.
std::vector<Figure> FindFigures(std::string_view text, const Recognition& entities, const std::vector<Span>& paragraphs,
                                const std::string& document_year);

}  // namespace dossier::ner
