// The classification line that opens every cable's text:
//
//   UNCLAS GUANGZHOU 032397
//   C O N F I D E N T I A L SECTION 01 OF 02 NEW DELHI 005135
//   UNCLAS E F T O SECTION 01 OF 03 TRIPOLI 000648
//   S E C R E T SECTION 01 OF 05 ANKARA 008305S/CT FOR REAP...   (header run together)
//
// It names the overall classification, the section, the post and the serial,
// which make the reference id. Spaced letters, lower case and a misspelt
// SECTION are read (and noted); the serial may run straight into the next
// header field when a copy lost its line ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier::cable {

struct ClassificationLine {
  size_t start = 0;       // offset of the classification word in the text
  size_t serial_end = 0;  // offset just after the serial: the header goes on from here
  std::string classification;  // UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP SECRET, LIMITED OFFICIAL USE
  struct Caveat {
    std::string word;  // "EFTO"
    size_t start = 0, end = 0;  // as written: "E F T O"
  };
  std::vector<Caveat> caveats;
  int section = 0;
  int sections = 0;
  std::string post;  // upper case, single spaces: "NEW DELHI"
  size_t post_start = 0, post_end = 0;
  std::string serial;  // without leading zeros
  std::vector<std::string> notes;
};

// Reads a classification line at text[pos] (leading spaces, quotes and commas
// are skipped), looking no further than line_end. False when there is none.
bool MatchClassificationLine(std::string_view text, size_t pos, size_t line_end, ClassificationLine* out);

// Reads a classification word (spaced or not, any case) at s[pos]; returns its
// end and sets *word to the canonical word, or npos. *doubled_letter tells
// whether the word's first letter was typed twice ("UUNCLAS").
size_t MatchClassificationWord(std::string_view s, size_t pos, std::string* word, bool* doubled_letter = nullptr);

// "UNCLAS" -> "UNCLASSIFIED"; other words as they are.
std::string CanonicalClassification(std::string_view word);

}  // namespace dossier::cable
