// Character classes beyond ASCII, shared by normalisation and tokenizing so
// both agree on what a letter is.
#pragma once

namespace dossier::unicode {

// A letter or digit of any script (CJK, Arabic, Cyrillic, ...): not punctuation,
// a symbol, a space, a private-use or a replacement character.
bool IsWordChar(char32_t cp);

// Upper case in the scripts dossier sees in names: Latin (with diacritics),
// Greek and Cyrillic. Scripts without case are neither upper nor lower.
bool IsUpper(char32_t cp);
bool IsLower(char32_t cp);

}  // namespace dossier::unicode
