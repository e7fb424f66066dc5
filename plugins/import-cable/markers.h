// Line-level markers shared by the header and body readers: paragraph
// numbers and portion markings, page-break lines, dashed rules and headings,
// and the debris some copies carry after the cable.
#pragma once

#include <string>
#include <string_view>

namespace dossier::cable {

// "¶1.  (C) ...", "1.(SBU) ...", "15. ...", "¶B. ...", "(U) ...".
struct ParaMarker {
  size_t end = 0;        // offset (in the string given) just after the label and marking
  int number = -1;       // the number as typed; -1 for none
  std::string label;     // "1", "15", "B"
  bool pilcrow = false;  // the label carried a ¶
  std::string marking;   // "C", "SBU", "S/NF", "C/REL NATO and AU"
};

// Reads a paragraph label and/or portion marking at the start of s (leading
// spaces allowed). False when s starts with neither. "1.4 (b)" is not a label.
bool ReadParaMarker(std::string_view s, ParaMarker* m);

// Reads a portion marking "(C)", "(SBU/NF)" at s[pos]; returns its end (or 0)
// and the marking without parentheses.
size_t ReadMarking(std::string_view s, size_t pos, std::string* marking);

// "NEW DELHI 00005135  002 OF 008": the line a telegram repeats at the top of
// each page after the first.
bool IsPageBreak(std::string_view line);

// "-------", "------------------- ------------- ---": a rule under or around a heading.
bool IsRule(std::string_view line);

// "------- Summary -------": a heading between rules on one line. Returns the
// heading's offset and length within line, or false.
bool RuledHeading(std::string_view line, size_t* start, size_t* length);

// Lines some copies carry after the cable that are not part of it: the
// end-of-message "NNNN", "BT", a lone classification word, a newspaper's print
// tracker ("Track impresión: ...", "ID:  187536"), stray quotes.
bool IsTrailer(std::string_view line);

}  // namespace dossier::cable
