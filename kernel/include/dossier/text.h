// The text toolkit: what every importer, extractor and checker needs to treat
// text the same way. One implementation per idea lives here so that two plugins
// never disagree on, say, whether "São Paulo" and "SAO PAULO" are one name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <vector>

#include "dossier/export.h"
#include "dossier/status.h"

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

// Whether a word is a redaction placeholder ("XXXXXXXXXXXX" where a released
// cable hid a name, "Xxxxxxxxxxxx" once an all-capitals passage is read in
// mixed case, glued to a word as "RamiaXXXXXXXXXXXX"): never a name nor part
// of one. No word has six x's in a row.
DOSSIER_API bool IsRedactionPlaceholder(std::string_view word);

// Whether text is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
DOSSIER_API bool IsValidUtf8(std::string_view text);

// text with every ill-formed UTF-8 sequence replaced by U+FFFD; *replaced (when
// given) receives how many replacements were made.
DOSSIER_API std::string RepairUtf8(std::string_view text, size_t* replaced = nullptr);

// Turns a file's bytes into the text dossier stores: UTF-8 with "\n" line ends.
// UTF-8 passes through (a BOM is dropped); UTF-16 with a BOM is converted;
// bytes with no UTF-8 structure are read as Windows-1252 (which covers
// Latin-1's printable range); UTF-8 with a few broken sequences is repaired
// with U+FFFD. CRLF and lone CR become LF. Each such step is described in
// *notes (when given), so nothing changes silently. Binary data (NUL bytes
// outside UTF-16) is an InvalidArgument error.
DOSSIER_API Result<std::string> DecodeText(std::string_view bytes, std::vector<std::string>* notes = nullptr);

// Largest offset <= pos that starts a UTF-8 character of text (pos is clamped to size).
DOSSIER_API size_t Utf8Floor(std::string_view text, size_t pos);

// Text safe to print on a terminal: control characters (C0 but tab and line
// feed, DEL, and the C1 range U+0080..U+009F) become visible escapes ("\x1b",
// "\u009b"), so that a name read from a document cannot move the cursor,
// clear the screen or retitle the window. Sequences in `keep` (the CLI's own
// bold and dim) pass as they are. A trailing lead byte of a C1 character cut
// off at the end of text is left for the caller's next piece: *pending (when
// given) receives how many bytes at the end were not processed.
DOSSIER_API std::string EscapeControls(std::string_view text, const std::vector<std::string_view>& keep = {},
                                       size_t* pending = nullptr);

// Whether url may be handed to a browser or another program as a link: an
// http, https or mailto URL (scheme in any case) with no spaces or control
// characters. "javascript:", "data:", "file:" and the rest are not.
DOSSIER_API bool IsWebLink(std::string_view url);

// How deep JSON read from input (JSONL records, news JSON, JSON-LD in a
// page, --props on the command line) may nest arrays and objects. Parsing is
// iterative, but copying, printing and validating a value recurse once per
// level, so a record nested 50,000 deep would overflow the stack; real
// records nest a handful of levels.
inline constexpr size_t kMaxJsonDepth = 64;

// The deepest nesting of arrays and objects in the JSON text json ("[]" is 1),
// counted on the raw bytes: brackets inside strings do not count. Linear and
// without parsing, so it can run before a parser builds the value. For text
// that is not JSON it is what the brackets say.
DOSSIER_API size_t JsonNestingDepth(std::string_view json);

// OK when json nests at most limit levels; otherwise InvalidArgument
// "JSON nested N levels deep, over the limit of L".
DOSSIER_API Status CheckJsonDepth(std::string_view json, size_t limit = kMaxJsonDepth);

// text without the ASCII whitespace (space, tab, CR, LF, VT, FF) at its ends.
// TrimView returns a view into text; Trim a copy.
DOSSIER_API std::string_view TrimView(std::string_view text);
DOSSIER_API std::string Trim(std::string_view text);

// The edit distance between a and b (insertions, deletions, substitutions
// and transpositions of two neighbouring bytes each count one: "Gillepsie"
// is one edit from "Gillespie"), byte by byte and case-sensitive, or
// limit + 1 as soon as it is known to exceed limit. Time O(|a| * |b|) at
// most, less when the limit cuts it short.
DOSSIER_API size_t EditDistance(std::string_view a, std::string_view b, size_t limit);

// The lines of a data file (gazetteers, vocabularies, title lists): each
// trimmed, with a comment from '#' (at the start of the line or after
// whitespace) to the end of the line removed; empty lines skipped. One rule
// for every data file, so that a '#' means the same in all of them.
DOSSIER_API std::vector<std::string_view> DataLines(std::string_view text);

// Whether [start, end) is a span of text: 0 <= start <= end <= text.size(),
// both on character boundaries. Spans read from a store are checked with it
// before they cut the text: a damaged store can hold any numbers.
DOSSIER_API bool IsSpanOf(std::string_view text, int64_t start, int64_t end);

// Lowercase hex SHA-256 of data.
DOSSIER_API std::string Sha256Hex(std::string_view data);

// SHA-256 over data fed in pieces (a file read in blocks).
class DOSSIER_API Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  // Lowercase hex digest; the object must not be updated afterwards.
  std::string HexDigest();

 private:
  uint32_t h_[8];
  unsigned char buffer_[64];
  size_t buffered_ = 0;
  uint64_t total_ = 0;
};

}  // namespace dossier
