// The header fields between the classification line and the first paragraph:
//
//   SIPDIS / SENSITIVE / NOFORN                      caveats (typos like "ENSITIVE" read and noted)
//   USDOC FOR 4420/ITA/MAC/MCQUEEN, DAS LEVINE       office lines
//   E.O. 12958: DECL: 07/11/2016                     executive order, declassification date
//   TAGS: PREL PGOV PTER PINR IN                     topics and countries (wrapped, typos)
//   SUBJECT: INDIA'S NATIONAL SECURITY ...           subject (wrapped)
//   REF: A. NEW DELHI 420 / B. ...                   referenced cables (read by refs.h)
//   Classified By: A/PolCouns Jon Dorschner for Reasons 1.4 (B, D)
//
// Copies that lost their line ends run these fields together on one line
// ("ISLAMABAD 022025SIPDISNOFORN SIPDISE.O. 12958: ..."); the reader splits
// such lines at the field markers.
#pragma once

#include <string_view>
#include <vector>

#include "cable.h"
#include "chunks.h"
#include "text_util.h"

namespace dossier::cable {

struct HeaderResult {
  size_t body_start = 0;  // offset where the body begins
  Chunks refs;            // the REF field's text, for ParseRefs once the year is known
  Span refs_span;
};

// Reads the header fields from text[from...] (from is usually just after the
// classification line's serial) into cable.
HeaderResult ParseHeader(std::string_view text, const std::vector<Line>& lines, size_t from, Cable* cable);

// Parses "Classified By: ..." text (after the marker) into name, title, reason.
ClassifiedBy ParseClassifiedBy(std::string_view value);

// Reads TAGS content into cable->tags (with spans) and notes.
void ParseTags(const Chunks& content, Cable* cable);

// Whether a header line could be the E.O. line ("E.O. 12958: ...", "EO 12958 ..."):
// returns the length of the marker or 0.
size_t MatchEoMarker(std::string_view s);

}  // namespace dossier::cable
