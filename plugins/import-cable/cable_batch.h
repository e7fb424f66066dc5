// A parsed cable -> what the store writes: the document (kind "cable") with
// its header in properties and its paragraphs, and the facts the format
// states, each claim pointing at the header passage that states it:
//
//   @document sent_by       the sending post          (FM line / classification line)
//   post      located_in    the post's city           (same passage)
//   @document addressed_to  each TO addressee         (its address line)
//   @document copied_to     each INFO addressee
//   @document signed_by     the signer                (the signature line)
//   @document references    each REF cable            (a stub until it is imported)
//   @document concerns      each country TAG          (the tag)
//   @document tagged        {"text": "ETRD: Foreign Trade"} for each subject TAG
#pragma once

#include <string>
#include <vector>

#include "cable.h"
#include "dossier/facts.h"

namespace dossier::cable {

struct BatchInput {
  std::string text;           // the stored text the cable was parsed from
  std::string fallback_name;  // a name for the document when the cable has no reference id (the file's stem)
  std::vector<std::string> decode_notes;  // what DecodeText converted
};

DocumentBatch BuildBatch(const Cable& cable, BatchInput input);

}  // namespace dossier::cable
