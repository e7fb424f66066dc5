// Recognizing cables from a file's first bytes (see sniff.h).
#include "sniff.h"

#include <sstream>
#include <string>

#include "classification.h"
#include "csv_reader.h"
#include "dates.h"
#include "header.h"
#include "html.h"
#include "preamble.h"
#include "refs.h"
#include "text_util.h"

namespace dossier::cable {
namespace {

// How much of the head the telegram and header markers are looked for in.
constexpr size_t kLook = 16 * 1024;
constexpr size_t kLookLines = 60;

}  // namespace

bool LooksLikeCablesCsv(std::string_view head) {
  const std::string first(head.substr(0, std::min<size_t>(head.size(), 1 << 16)));
  CsvReader reader(first, 0);
  CsvRecord row;
  if (!reader.Next(&row) || row.fields.size() < 3) return false;
  const auto& f = row.fields;
  // A data row: numeric id, a date, a reference id.
  size_t digits = 0;
  LeadingNumber(f[0], &digits);
  size_t used = 0;
  if (digits > 0 && digits == f[0].size() && !ParseContainerDate(f[1], &used).empty() && IsReferenceId(f[2])) return true;
  // A header row naming the columns.
  bool ref = false, body = false;
  for (const std::string& name : f) {
    const std::string key = Squeeze(name);
    ref |= key == "REFERENCEID" || key == "REFID" || key == "REFERENCE";
    body |= key == "BODY";
  }
  return ref && body;
}

double SniffCable(std::string_view head) {
  if (head.empty() || head.find('\0') != std::string_view::npos) return 0;
  if (LooksLikeCablesCsv(head)) return 0.95;
  std::string stripped;
  std::string_view text = head.substr(0, std::min(head.size(), kLook));
  if (LooksLikeHtml(text)) {
    stripped = StripHtml(text);
    text = stripped;
  }
  int strong = 0, weak = 0;
  bool classification = false, eo = false, tags = false, subject = false, vzczc = false, fm = false, to = false,
       dtg = false;
  size_t n = 0;
  for (const Line& l : SplitLines(text)) {
    std::string_view t = TrimView(text.substr(l.start, l.end - l.start));
    if (t.empty()) continue;
    if (++n > kLookLines) break;
    if (StartsWithCI(t, "Cable dated:")) {
      size_t used = 0;
      if (!ParseContainerDate(t.substr(12), &used).empty()) t = t.substr(12 + used);
    }
    const size_t ts = static_cast<size_t>(t.data() - text.data());
    ClassificationLine cl;
    if (!classification && MatchClassificationLine(text, ts, ts + t.size(), &cl) && cl.serial.size() >= 1) classification = true;
    vzczc |= t.substr(0, 5) == "VZCZC";
    fm |= t.substr(0, 3) == "FM ";
    to |= t.substr(0, 3) == "TO ";
    DateTimeGroup g;
    dtg |= ParseDateTimeGroup(t, &g);
    // Markers may be run together on one line in some copies: look inside.
    for (size_t i = 0; i < t.size(); ++i) {
      const std::string_view rest = t.substr(i);
      if (!eo && (rest[0] == 'E' || rest[0] == 'e') && MatchEoMarker(rest) > 0) eo = true;
      if (!tags && StartsWithCI(rest, "TAGS") && rest.size() > 5 && (rest[4] == ':' || (i == 0 && rest[4] == ' '))) tags = true;
      if (!subject && StartsWithCI(rest, "SUBJECT") && rest.find(':') != std::string_view::npos && rest.find(':') < 10) {
        subject = true;
      }
    }
  }
  strong = classification + eo + vzczc + (fm && to);
  weak = tags + subject + dtg;
  return strong >= 2 || (strong == 1 && weak >= 2) ? 0.95 : 0;
}

}  // namespace dossier::cable
