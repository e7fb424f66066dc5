// XML and CSV escaping for exporters (dossier/markup.h).
#include "dossier/markup.h"

#include "dossier/text.h"

namespace dossier {

std::string XmlEscape(std::string_view text) {
  const std::string valid = IsValidUtf8(text) ? std::string() : RepairUtf8(text);
  const std::string_view in = valid.empty() ? text : std::string_view(valid);
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (size_t i = 0; i < in.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': case '\n': case '\r': out += static_cast<char>(c); break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\xEF\xBF\xBD";
        } else if (c == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBF &&
                   (static_cast<unsigned char>(in[i + 2]) == 0xBE || static_cast<unsigned char>(in[i + 2]) == 0xBF)) {
          out += "\xEF\xBF\xBD";  // U+FFFE, U+FFFF: not characters in XML
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

namespace {

// A plain decimal number ("-12", "+3.5", "1e6"): a spreadsheet reads it as
// a number, never as a formula.
bool IsPlainNumber(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == s.size();
}

}  // namespace

std::string CsvField(std::string_view text) {
  std::string valid = IsValidUtf8(text) ? std::string(text) : RepairUtf8(text);
  // Imported text is untrusted, and a spreadsheet runs a cell that starts
  // like a formula ("=HYPERLINK(...)", "@SUM(...)"): the apostrophe makes it text.
  if (!valid.empty() && std::string_view("=+-@\t\r").find(valid.front()) != std::string_view::npos &&
      !IsPlainNumber(valid)) {
    valid.insert(valid.begin(), '\'');
  }
  const bool quote = valid.find_first_of(",\"\r\n") != std::string::npos ||
                     (!valid.empty() && (valid.front() == ' ' || valid.back() == ' '));
  if (!quote) return valid;
  std::string out = "\"";
  for (char c : valid) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace dossier
