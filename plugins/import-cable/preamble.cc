// Reading what Cablegate pages put before a cable (see preamble.h).
#include "preamble.h"

#include "classification.h"
#include "csv_reader.h"
#include "dates.h"
#include "refs.h"

namespace dossier::cable {
namespace {

// How far into a page the metadata block may start: it follows a preview of
// a few hundred bytes.
constexpr size_t kScanLines = 80;

std::string_view LineText(std::string_view text, const Line& l) { return text.substr(l.start, l.end - l.start); }

// The index of the next non-blank line at or after i (lines.size() if none).
size_t NextNonBlank(std::string_view text, const std::vector<Line>& lines, size_t i) {
  while (i < lines.size() && IsBlank(LineText(text, lines[i]))) ++i;
  return i;
}

size_t PrevNonBlank(std::string_view text, const std::vector<Line>& lines, size_t i) {
  while (i > 0) {
    --i;
    if (!IsBlank(LineText(text, lines[i]))) return i;
  }
  return lines.size();
}

// "CONFIDENTIAL//NOFORN", "UNCLASSIFIED//FOR OFFICIAL USE ONLY": a whole line
// that is a classification and nothing else.
bool IsClassificationValue(std::string_view s) {
  s = TrimView(s);
  std::string word;
  const size_t end = MatchClassificationWord(s, 0, &word);
  if (end == std::string_view::npos) return false;
  const std::string_view rest = TrimView(s.substr(end));
  return rest.empty() || rest.substr(0, 2) == "//";
}

bool IsReferenceIdList(std::string_view s) {
  s = TrimView(s);
  if (s.empty()) return false;
  size_t ids = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != '|' && s[j] != ',' && s[j] != ' ') ++j;
    if (j > i) {
      if (!IsReferenceId(s.substr(i, j - i))) return false;
      ++ids;
    }
    i = j + 1;
  }
  return ids > 0;
}

// The metadata block around a reference id line at index r, if it is one.
bool ReadBlock(std::string_view text, const std::vector<Line>& lines, size_t r, Preamble* p) {
  const size_t o = NextNonBlank(text, lines, r + 1);
  if (o >= lines.size()) return false;
  const size_t c = NextNonBlank(text, lines, o + 1);
  if (c >= lines.size() || !IsClassificationValue(LineText(text, lines[c]))) return false;
  p->reference_id = std::string(TrimView(LineText(text, lines[r])));
  p->origin = CollapseSpaces(LineText(text, lines[o]));
  p->classification = CollapseSpaces(LineText(text, lines[c]));
  size_t last = c;
  const size_t refs = NextNonBlank(text, lines, c + 1);
  if (refs < lines.size() && IsReferenceIdList(LineText(text, lines[refs]))) {
    const std::string_view v = TrimView(LineText(text, lines[refs]));
    p->references = SplitReferenceIds(v);
    const auto start = static_cast<int64_t>(v.data() - text.data());
    p->references_span = {start, start + static_cast<int64_t>(v.size())};
    last = refs;
  }
  p->block_start = lines[r].start;
  // Before the id: the date, and before it the site's own row number.
  if (const size_t d = PrevNonBlank(text, lines, r); d < lines.size()) {
    const std::string_view dv = TrimView(LineText(text, lines[d]));
    size_t used = 0;
    const std::string date = ParseContainerDate(dv, &used);
    if (!date.empty() && used == dv.size()) {
      p->date = date;
      p->block_start = lines[d].start;
      if (const size_t n = PrevNonBlank(text, lines, d); n < lines.size()) {
        const std::string_view nv = TrimView(LineText(text, lines[n]));
        size_t digits = 0;
        LeadingNumber(nv, &digits);
        if (digits == nv.size() && digits > 0) p->block_start = lines[n].start;
      }
    }
  }
  p->cable_start = last + 1 < lines.size() ? lines[last + 1].start : text.size();
  p->has_block = true;
  return true;
}

// A cables.csv row pasted into the page: id,date,reference id,origin,
// classification,references,"header","body".
bool ReadCsvRow(std::string_view text, const Line& line, Preamble* p) {
  const std::string_view l = LineText(text, line);
  size_t digits = 0;
  LeadingNumber(l, &digits);
  if (digits == 0 || digits >= l.size() || l[digits] != ',') return false;
  size_t used = 0;
  const std::string date = ParseContainerDate(l.substr(digits + 1), &used);
  if (date.empty() || digits + 1 + used >= l.size() || l[digits + 1 + used] != ',') return false;
  CsvReader reader(text, line.start);
  CsvRecord row;
  if (!reader.Next(&row) || row.fields.size() < 7 || !IsReferenceId(row.fields[2])) return false;
  p->date = date;
  p->reference_id = row.fields[2];
  p->origin = CollapseSpaces(row.fields[3]);
  p->classification = CollapseSpaces(row.fields[4]);
  p->references = SplitReferenceIds(row.fields[5]);
  p->block_start = line.start;
  p->cable_start = static_cast<size_t>(row.field_starts[6]);
  p->has_block = true;
  return true;
}

}  // namespace

std::vector<std::string> SplitReferenceIds(std::string_view value) {
  std::vector<std::string> ids;
  size_t i = 0;
  while (i < value.size()) {
    size_t j = i;
    while (j < value.size() && value[j] != '|' && value[j] != ',' && !IsSpace(value[j]) && value[j] != '\n') ++j;
    if (j > i && IsReferenceId(value.substr(i, j - i)) && ids.size() < kMaxListItems) ids.emplace_back(value.substr(i, j - i));
    i = j + 1;
  }
  return ids;
}

Preamble ReadPreamble(std::string_view text, const std::vector<Line>& lines) {
  Preamble p;
  const size_t limit = std::min(lines.size(), kScanLines);
  // A date before the cable: "Cable dated:..." or a weekday date line.
  if (const size_t first = NextNonBlank(text, lines, 0); first < lines.size()) {
    const std::string_view l = LineText(text, lines[first]);
    const std::string_view t = TrimView(l);
    const size_t ts = static_cast<size_t>(t.data() - text.data());
    size_t used = 0;
    if (StartsWithCI(t, "Cable dated:")) {
      const size_t at = 12;
      const std::string date = ParseContainerDate(t.substr(at), &used);
      if (!date.empty()) {
        p.date = date;
        p.cable_start = ts + at + used;
      }
    } else if (!t.empty() && IsAlpha(t[0])) {
      const std::string date = ParseContainerDate(t, &used);
      if (!date.empty() && TrimView(t.substr(used)).empty()) {
        p.date = date;
        p.cable_start = first + 1 < lines.size() ? lines[first + 1].start : text.size();
      }
    }
  }
  for (size_t i = 0; i < limit; ++i) {
    const std::string_view t = TrimView(LineText(text, lines[i]));
    if (t.empty()) continue;
    if (IsReferenceId(t) && ReadBlock(text, lines, i, &p)) break;
    if (IsDigit(t[0]) && ReadCsvRow(text, lines[i], &p)) break;
  }
  return p;
}

}  // namespace dossier::cable
