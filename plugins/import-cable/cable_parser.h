// The cable parser: the text of one cable (as the store keeps it: UTF-8, LF
// line ends, HTML already removed) -> a Cable with every field, its span, and
// notes on the noise it tolerated. Pure: no store, no I/O.
//
//   preamble (Cablegate page metadata)  preamble.h
//   routing block (VZCZC ... FM/TO/INFO) telegram.h
//   classification line                 classification.h
//   header fields (TAGS, SUBJECT, REF)  header.h, refs.h
//   body (paragraphs, summary, signer)  body.h
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cable.h"

namespace dossier::cable {

// What the container says about the cable, for what the text leaves out.
struct ParseHints {
  Form form = Form::kTelegram;
  std::string file_name;     // "06GUANGZHOU32397.txt": a year when the text states none
  std::string reference_id;  // cables.csv columns ...
  std::string date;          // ISO date or date-time
  std::string origin;
  std::string classification;  // "CONFIDENTIAL//NOFORN"
  std::vector<std::string> references;
};

Cable ParseCable(std::string_view text, const ParseHints& hints = {});

}  // namespace dossier::cable
