// The cable parser: the readers in order, then the reference id (see cable_parser.h).
#include "cable_parser.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "body.h"
#include "classification.h"
#include "dates.h"
#include "header.h"
#include "preamble.h"
#include "refs.h"
#include "telegram.h"
#include "text_util.h"

namespace dossier::cable {
namespace {

// How many lines after the routing block the classification line may be.
constexpr size_t kClassificationSearch = 40;

size_t LineOf(const std::vector<Line>& lines, size_t offset) {
  size_t i = 0;
  while (i + 1 < lines.size() && lines[i].end < offset) ++i;
  return i;
}

int YearOf(std::string_view iso) {
  if (iso.size() < 4) return 0;
  size_t digits = 0;
  const int y = LeadingNumber(iso.substr(0, 4), &digits);
  return digits == 4 ? y : 0;
}

// The year a file name gives for a cable of this post and serial:
// "06GUANGZHOU32397.txt" (or a garbled "08SCTION02OF02SAOPAULO335.txt").
int YearFromFileName(std::string_view name, const std::string& post_key, const std::string& serial) {
  const size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  name = name.substr(0, name.find('.'));
  const std::string up = Squeeze(name);
  if (up.size() < 5 || !IsDigit(up[0]) || !IsDigit(up[1]) || up.find(post_key) == std::string::npos) return 0;
  if (up.size() < serial.size() || up.compare(up.size() - serial.size(), serial.size(), serial) != 0) return 0;
  // The serial must not be the tail of a longer number ("...1066" is not serial 66).
  if (up.size() > serial.size() && IsDigit(up[up.size() - serial.size() - 1])) return 0;
  return ExpandYear((up[0] - '0') * 10 + (up[1] - '0'));
}

void SplitClassificationValue(std::string_view value, Cable* cable) {
  const size_t dbl = value.find("//");
  const std::string_view level = TrimView(value.substr(0, dbl));
  cable->classification = CanonicalClassification(ToUpper(level));
  if (dbl == std::string_view::npos) return;
  std::string_view rest = value.substr(dbl + 2);
  while (!rest.empty()) {
    const size_t next = rest.find("//");
    const std::string caveat = CollapseSpaces(rest.substr(0, next));
    if (!caveat.empty()) cable->caveats.push_back({caveat, {}});
    if (next == std::string_view::npos) break;
    rest = rest.substr(next + 2);
  }
}

// The container lists referenced cables by id; they confirm (or give) the
// year of REF items and add the ones the REF line lost.
void ReconcileReferences(const std::vector<std::string>& listed, Span listed_span, Cable* cable) {
  for (const std::string& id : listed) {
    int year = 0;
    std::string key, serial;
    if (!SplitReferenceId(id, &year, &key, &serial)) continue;
    const std::string canonical = ReferenceId(year, key, serial);
    if (canonical == cable->reference_id) continue;
    bool matched = false;
    for (Ref& r : cable->refs) {
      int ry = 0;
      std::string rk, rs;
      if (!SplitReferenceId(r.id, &ry, &rk, &rs) || rk != key || rs != serial) continue;
      matched = true;
      if (r.year_inferred && r.id != canonical) {
        cable->notes.push_back("REF \"" + r.text + "\": the page lists it as " + id + ", so " + canonical);
        r.id = canonical;
      }
      r.year_inferred = false;
    }
    if (matched) continue;
    Ref r;
    r.id = canonical;
    r.text = id;
    r.span = listed_span;
    cable->refs.push_back(std::move(r));
  }
}

}  // namespace

Cable ParseCable(std::string_view text, const ParseHints& hints) {
  Cable cable;
  cable.form = hints.form;
  const std::vector<Line> lines = SplitLines(text);
  if (lines.empty()) {
    cable.notes.push_back("the text is empty");
    return cable;
  }
  const Preamble pre = ReadPreamble(text, lines);

  // The routing block, then the classification line.
  const size_t start = pre.cable_start;
  const size_t routed = ParseRouting(text, lines, LineOf(lines, start), start, &cable);
  ClassificationLine cl;
  bool have_line = false;
  for (size_t li = LineOf(lines, routed), n = 0; li < lines.size() && n < kClassificationSearch; ++li) {
    const size_t ls = std::max(routed, lines[li].start);
    if (IsBlank(text.substr(ls, lines[li].end - ls))) continue;
    ++n;
    if (MatchClassificationLine(text, ls, lines[li].end, &cl)) {
      have_line = true;
      break;
    }
  }
  if (pre.has_block && pre.block_start > 0) {
    ClassificationLine early;
    for (size_t li = 0; li < lines.size() && lines[li].start < pre.block_start; ++li) {
      if (MatchClassificationLine(text, lines[li].start, lines[li].end, &early)) {
        cable.notes.push_back("the page shows a shortened copy of the cable before its metadata; the full copy after it was read");
        break;
      }
    }
  }

  size_t header_from = routed;
  if (have_line) {
    cable.classification = cl.classification;
    for (const auto& c : cl.caveats) {
      cable.caveats.push_back({c.word, {static_cast<int64_t>(c.start), static_cast<int64_t>(c.end)}});
    }
    cable.section = cl.section;
    cable.sections = cl.sections;
    cable.post = {cl.post, {static_cast<int64_t>(cl.post_start), static_cast<int64_t>(cl.post_end)}};
    cable.serial = cl.serial;
    cable.classification_line = {std::string(TrimView(text.substr(cl.start, cl.serial_end - cl.start))),
                                 {static_cast<int64_t>(cl.start), static_cast<int64_t>(cl.serial_end)}};
    cable.notes.insert(cable.notes.end(), cl.notes.begin(), cl.notes.end());
    header_from = cl.serial_end;
  } else {
    cable.notes.push_back("no classification line");
  }
  const HeaderResult header = ParseHeader(text, lines, header_from, &cable);
  ParseBody(text, lines, header.body_start, &cable);

  // The date: the telegram's own, else what the container or page says.
  const std::string& container_date = !hints.date.empty() ? hints.date : pre.date;
  cable.published = !cable.date_time_group.empty() ? cable.date_time_group.value : container_date;
  const std::string& container_id = !hints.reference_id.empty() ? hints.reference_id : pre.reference_id;
  cable.origin = !hints.origin.empty() ? hints.origin : pre.origin;

  // The reference id: two-digit year + post + serial.
  std::string post_key = have_line ? PostKey(cable.post.value) : "";
  int year = YearOf(cable.published);
  int cid_year = 0;
  std::string cid_key, cid_serial;
  const bool have_cid = SplitReferenceId(container_id, &cid_year, &cid_key, &cid_serial);
  if (have_line) {
    if (year == 0 && have_cid && cid_key == post_key && cid_serial == cable.serial) year = cid_year;
    if (year == 0) {
      year = YearFromFileName(hints.file_name, post_key, cable.serial);
      if (year > 0) cable.notes.push_back("the cable states no date; its year is taken from the file name");
    }
    if (year > 0) {
      cable.reference_id = ReferenceId(year, post_key, cable.serial);
    } else {
      cable.notes.push_back("the cable states no year, so its reference id is unknown");
    }
    if (have_cid && !cable.reference_id.empty() && ReferenceId(cid_year, cid_key, cid_serial) != cable.reference_id) {
      cable.notes.push_back("the page calls it " + container_id + "; the text makes it " + cable.reference_id);
    }
  } else {
    // No classification line: the container's id, else a file named by one.
    bool have = have_cid;
    if (!have) {
      std::string stem(hints.file_name.substr(hints.file_name.find_last_of('/') + 1));
      stem = stem.substr(0, stem.find('.'));
      if (IsReferenceId(stem) && SplitReferenceId(stem, &cid_year, &cid_key, &cid_serial)) {
        have = true;
        cable.notes.push_back("the reference id is taken from the file name");
      }
    }
    if (have) {
      cable.reference_id = ReferenceId(cid_year, cid_key, cid_serial);
      post_key = cid_key;
      cable.serial = cid_serial;
      if (year == 0) year = cid_year;
    }
  }
  cable.year = year;
  if (cable.classification.empty()) {
    const std::string& value = !hints.classification.empty() ? hints.classification : pre.classification;
    if (!value.empty()) SplitClassificationValue(value, &cable);
  }

  RefContext context;
  context.year = year;
  context.post_key = post_key;
  context.serial = std::atol(cable.serial.c_str());
  if (!header.refs.empty()) ParseRefs(header.refs, context, &cable);
  ReconcileReferences(hints.references, {}, &cable);
  ReconcileReferences(pre.references, pre.references_span, &cable);

  // The same caveat stated twice (SIPDIS often is) is one caveat.
  std::vector<Field> caveats;
  std::set<std::string> seen;
  for (Field& c : cable.caveats) {
    if (seen.insert(c.value).second) caveats.push_back(std::move(c));
  }
  cable.caveats = std::move(caveats);
  return cable;
}

}  // namespace dossier::cable
