// Escaping for the formats exporters write: XML (GEXF, GraphML, SVG, HTML)
// and CSV. One implementation each, so every exporter is equally safe with a
// name like `"Acme, <Ltd>" & Sons` or a newline inside a quote.
#pragma once

#include <string>
#include <string_view>

#include "dossier/export.h"

namespace dossier {

// text as XML character data or an attribute value (either quote style):
// & < > " ' escaped; characters XML 1.0 forbids (C0 controls other than tab,
// newline and carriage return; U+FFFE, U+FFFF) and ill-formed UTF-8 become
// U+FFFD. Also safe as HTML text and attribute values.
DOSSIER_API std::string XmlEscape(std::string_view text);

// text as one RFC 4180 field: quoted (with " doubled) when it holds a comma,
// a quote, CR or LF, or begins or ends with a space. Ill-formed UTF-8 becomes
// U+FFFD. Text a spreadsheet would run as a formula (it begins with =, +, -,
// @, a tab or CR, and is not a plain number such as "-12") gets a leading
// apostrophe, the spreadsheets' mark for text. Otherwise unchanged.
DOSSIER_API std::string CsvField(std::string_view text);

}  // namespace dossier
