// Internal UTF-8 decoding used by the text toolkit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::utf8 {

// Decodes the character starting at text[pos]. Returns its length in bytes and
// stores the code point in *cp, or returns 0 when the bytes there are not a
// well-formed UTF-8 character (then *cp is unspecified).
size_t Decode(std::string_view text, size_t pos, char32_t* cp);

// Appends cp encoded as UTF-8.
void Append(std::string* out, char32_t cp);

}  // namespace dossier::utf8
