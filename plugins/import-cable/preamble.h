// What Cablegate pages put before the cable itself, and what it tells:
//
//   Cable dated:2002-11-15T12:40:00S E C R E T ...     a date, run into the cable
//   Monday, 11 January 2010, 02:51                     a date line (newspaper copies)
//   16331 / 2004-04-26 / 04THEHAGUE1049 / Embassy The Hague / CONFIDENTIAL / 04STATE1|04STATE2
//                                                      the site's metadata block, one value
//                                                      a line; often after a truncated copy
//                                                      of the cable ("SUBJECT: NETHER...")
//   122868,9/19/2007 16:13,07THEHAGUE1729,"Embassy The Hague",SECRET,07THEHAGUE1625,"VZCZC...
//                                                      a cables.csv row pasted into the page
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cable.h"
#include "text_util.h"

namespace dossier::cable {

struct Preamble {
  std::string date;  // ISO date or date-time
  std::string reference_id;
  std::string origin;
  std::string classification;  // as the site writes it: "CONFIDENTIAL//NOFORN"
  std::vector<std::string> references;  // reference ids
  Span references_span;  // where the references line is, when it is in the text
  size_t cable_start = 0;  // where the cable proper begins
  size_t block_start = 0;  // where the metadata block (or CSV row) begins, when there is one
  bool has_block = false;
};

Preamble ReadPreamble(std::string_view text, const std::vector<Line>& lines);

// Splits a references value ("07THEHAGUE1625", "03STATE1|03STATE2",
// "06STATE1, 06STATE2") into reference ids; other words are dropped.
std::vector<std::string> SplitReferenceIds(std::string_view value);

}  // namespace dossier::cable
