// Direct quotes and who said them: “…,” said Sam Kaplan / Xu said / he said
// (the nearest person before) / Scherer said, “…”. Works on the mentions the
// recognizer found, so "Sun" attributes to Sun Zhengcai.
#pragma once

#include <string_view>
#include <vector>

#include "recognizer.h"

namespace dossier::ner {

struct Quote {
  int64_t start = 0;  // the quoted words, inside the quotation marks
  int64_t end = 0;
  int speaker = -1;   // entity index in the Recognition
  int64_t speaker_start = -1;  // the words naming the speaker (a name or a pronoun)
  int64_t speaker_end = -1;
  double confidence = 0.9;
};

// Quotes in text attributed to people recognized in it; quotes without a
// speaker that the text makes clear are left out.
std::vector<Quote> FindQuotes(std::string_view text, const Recognition& entities, const std::vector<Span>& paragraphs);

}  // namespace dossier::ner
