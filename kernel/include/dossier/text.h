// The text toolkit: what every importer, extractor and checker needs to treat
// text the same way. One implementation per idea lives here so that two plugins
// never disagree on, say, whether "São Paulo" and "SAO PAULO" are one name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dossier/export.h"

namespace dossier {

// The matching key for names: case folded, diacritics removed (São -> sao,
// Nguyễn -> nguyen), typographic quotes and dashes made plain, periods and
// apostrophes dropped ("U.S." -> "us", "O'Brien" -> "obrien"), every other run
// of punctuation or whitespace made one space, trimmed. Letters of scripts
// without case are kept as they are. Two names match iff their keys are equal.
DOSSIER_API std::string NormalizeName(std::string_view name);

// A readable id fragment: NormalizeName with spaces as '-', cut to at most
// max_bytes on a character boundary; "unnamed" when nothing is left.
DOSSIER_API std::string Slugify(std::string_view name, size_t max_bytes = 64);

// Whether text is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
DOSSIER_API bool IsValidUtf8(std::string_view text);

// text with every ill-formed UTF-8 sequence replaced by U+FFFD; *replaced (when
// given) receives how many replacements were made.
DOSSIER_API std::string RepairUtf8(std::string_view text, size_t* replaced = nullptr);

// Largest offset <= pos that starts a UTF-8 character of text (pos is clamped to size).
DOSSIER_API size_t Utf8Floor(std::string_view text, size_t pos);

// Lowercase hex SHA-256 of data.
DOSSIER_API std::string Sha256Hex(std::string_view data);

}  // namespace dossier
