// Direct quotes and who said them: “…,” said Sam Kaplan / Xu said / he said
// (the nearest person before) / Scherer, the mayor, said, “…” / the mayor said
// (the person last named mayor) / according to X / “…” - X. A quotation
// continued over paragraphs is a quote per paragraph, all its speaker's.
// Works on the mentions the recognizer found, so "Sun" attributes to Sun Zhengcai.
#pragma once

#include <string_view>
#include <vector>

#include "recognizer.h"

namespace dossier::ner {

struct Quote {
  int64_t start = 0;  // the quoted words, inside the quotation marks
  int64_t end = 0;
  int speaker = -1;   // entity index in the Recognition; -1: the text leaves the speaker unclear
  int64_t speaker_start = -1;  // the words naming the speaker (a name or a pronoun)
  int64_t speaker_end = -1;
  double confidence = 0.9;
};

// Quotes in text attributed to the people recognized in it (or to an
// organization the text says spoke). A quotation whose speaker is unclear is
// kept without one when it reads as a statement; scare quotes are left out.
// Linear in the text: each quotation looks at a bounded stretch around it.
std::vector<Quote> FindQuotes(std::string_view text, const Recognition& entities, const std::vector<Span>& paragraphs);

}  // namespace dossier::ner
