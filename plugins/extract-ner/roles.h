// Roles: the title a person holds, and where, as the text gives it next to
// the name (docs/extraction.md, "Roles"):
//   before the name   "Yahoo spokeswoman Nicki Dugan", "UN emergency relief
//                     coordinator Jan Egeland", "President Bush"
//   in apposition     "Allan Wagner, secretary general of the Andean
//                     Community, ...", "Nadia Okonkwo, the harbour board's
//                     chief engineer, ..."
// A role needs a title word (the gazetteer's titles: "coordinator",
// "chairman", "secretary-general") as its head; honorifics ("Mr.", "Dr.")
// are no role, and descriptions without one ("a 49-year-old veteran") are
// left alone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "recognizer.h"

namespace dossier::ner {

struct Role {
  int person = -1;        // entity index in the Recognition
  int organization = -1;  // entity index (an organization or a place), or -1
  std::string title;      // lower case, as written: "emergency relief coordinator"
  int64_t start = 0;      // the passage: from the title or name to the end of the role
  int64_t end = 0;
};

std::vector<Role> FindRoles(std::string_view text, const Recognition& r, const std::vector<Span>& paragraphs);

}  // namespace dossier::ner
