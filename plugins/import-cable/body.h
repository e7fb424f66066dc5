// The body of a cable: numbered paragraphs with their portion markings,
// section headings, page-break lines, the SUMMARY and COMMENT passages, and
// the signer's name at the end.
//
// What it tolerates, and notes: a paragraph number typed wrong ("15." between
// ¶4 and ¶6 is read as 5), a paragraph cut by a stray blank line or by a page
// break, a missing END SUMMARY, the signer run into the last paragraph when a
// copy lost its line ends, and debris after the cable.
#pragma once

#include <string_view>
#include <vector>

#include "cable.h"
#include "text_util.h"

namespace dossier::cable {

// Reads text[from...] as the body into cable (paragraphs, summary, comment,
// signer, all_caps, notes). The classified-by line is looked for in the
// first paragraphs when the header had none.
void ParseBody(std::string_view text, const std::vector<Line>& lines, size_t from, Cable* cable);

}  // namespace dossier::cable
