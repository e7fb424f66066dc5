// How alike two spellings of a name are: by sound (Soundex) and by spelling
// (edit distance). Small, pure functions over NormalizeName keys, so case and
// accents never matter ("Nguyễn" sounds like "NGUYEN").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dossier::check {

// American Soundex of a word: its first letter and three digits ("Steen" ->
// "S350", "Stan" -> "S350", "Robert" -> "R163"). Letters other than a-z
// (after NormalizeName) are skipped; empty when the word has no such letter.
std::string Soundex(std::string_view word);


}  // namespace dossier::check
