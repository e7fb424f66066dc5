// Reading a telegram's routing block (see telegram.h).
#include "telegram.h"

#include "classification.h"
#include "dates.h"

namespace dossier::cable {
namespace {

bool IsRoutingIndicator(std::string_view word) {
  if (word.size() < 4 || word.size() > 8) return false;
  for (char c : word) {
    if (!IsUpper(c)) return false;
  }
  return true;
}

// "RUEHCN RUEHGH RUEHVC": a line of routing indicators only.
bool AllRoutingIndicators(std::string_view line) {
  line = TrimView(line);
  if (line.empty()) return false;
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i && !IsRoutingIndicator(line.substr(i, j - i))) return false;
    i = j + 1;
  }
  return true;
}

// "PP RUEHCN RUEHGH": doubled precedence letters, then routing indicators.
char PrecedenceLine(std::string_view line) {
  line = TrimView(line);
  if (line.size() < 8 || line[2] != ' ' || line[0] != line[1] || std::string_view("ZOPR").find(line[0]) == std::string_view::npos) {
    return 0;
  }
  return AllRoutingIndicators(line.substr(3)) ? line[0] : 0;
}

// "FM AMCONSUL ...": the line opens with this word and a space.
bool OpensWith(std::string_view line, std::string_view word) {
  return line.size() > word.size() && line.substr(0, word.size()) == word && line[word.size()] == ' ';
}

constexpr std::string_view kPrecedences[] = {"IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH"};

}  // namespace

std::string_view PrecedenceName(char letter) {
  switch (letter) {
    case 'Z': return "FLASH";
    case 'O': return "IMMEDIATE";
    case 'P': return "PRIORITY";
    case 'R': return "ROUTINE";
    default: return "";
  }
}

Address ParseAddress(std::string_view text, size_t start, size_t end) {
  Address a;
  std::string_view s = TrimView(text.substr(start, end - start));
  const auto s_start = static_cast<int64_t>(s.data() - text.data());
  a.span = {s_start, s_start + static_cast<int64_t>(s.size())};
  if (const size_t slash = s.find('/'); slash != std::string_view::npos && IsRoutingIndicator(s.substr(0, slash))) {
    a.routing = std::string(s.substr(0, slash));
    s = TrimView(s.substr(slash + 1));
  }
  // "SECDEF WASHDC//USDP ADMIN/CHAIRS//": an office within the addressee.
  if (const size_t dbl = s.find("//"); dbl != std::string_view::npos) {
    a.office = std::string(TrimRightOf(s.substr(dbl + 2), "/"));
    s = TrimView(s.substr(0, dbl));
  }
  // Trailing serial, then trailing precedence.
  if (const size_t sp = s.rfind(' '); sp != std::string_view::npos) {
    const std::string_view last = s.substr(sp + 1);
    size_t digits = 0;
    LeadingNumber(last, &digits);
    if (digits == last.size() && digits > 0 && digits <= 6) {
      a.serial = std::string(last);
      s = TrimView(s.substr(0, sp));
    }
  }
  for (std::string_view p : kPrecedences) {
    if (s.size() > p.size() && s.substr(s.size() - p.size()) == p && s[s.size() - p.size() - 1] == ' ') {
      a.precedence = std::string(p);
      s = TrimView(s.substr(0, s.size() - p.size()));
      if (s.size() > 6 && s.substr(s.size() - 6) == " NIACT") {
        a.precedence = "NIACT " + a.precedence;
        s = TrimView(s.substr(0, s.size() - 6));
      }
      break;
    }
  }
  a.name = CollapseSpaces(s);
  return a;
}

size_t ParseRouting(std::string_view text, const std::vector<Line>& lines, size_t line, size_t from, Cable* cable) {
  enum class In { kNothing, kTo, kInfo, kLog } in = In::kNothing;
  bool found = false;
  size_t end = from;
  for (size_t li = line; li < lines.size(); ++li) {
    const size_t ls = li == line ? from : lines[li].start;
    const size_t le = lines[li].end;
    std::string_view t = TrimView(text.substr(ls, le - ls));
    const size_t ts = t.empty() ? ls : static_cast<size_t>(t.data() - text.data());
    // In a cables.csv row pasted into a page, the header field ends with
    // `","` and the body (the classification line) follows on the same line.
    size_t field_end = std::string_view::npos;
    if (const size_t q = t.find("\",\""); q != std::string_view::npos && found) {
      field_end = ts + q + 3;
      t = TrimRightOf(t.substr(0, q), "");
    }
    if (t.empty()) {
      if (in == In::kTo || in == In::kInfo) in = In::kNothing;
      if (found) end = le < text.size() ? le + 1 : le;
      continue;
    }
    if (in == In::kLog) {
      // The old distribution block: indented office codes ending with "/000W".
      if (t.find("/000W") != std::string_view::npos || t.find("-00") != std::string_view::npos) {
        if (t.find("/000W") != std::string_view::npos) in = In::kNothing;
        end = le;
        continue;
      }
      in = In::kNothing;
    }
    // The classification line ends the block.
    ClassificationLine cl;
    if (MatchClassificationLine(text, ts, le, &cl)) break;

    DateTimeGroup dtg;
    if (size_t v = t.find("VZCZC"); v != std::string_view::npos && v < 3 && !found) {
      found = true;
    } else if (const char p = PrecedenceLine(t); p && !(in == In::kTo || in == In::kInfo)) {
      if (cable->precedence.empty()) {
        cable->precedence = {std::string(PrecedenceName(p)), {static_cast<int64_t>(ts), static_cast<int64_t>(ts + 2)}};
      }
      found = true;
    } else if (found && in == In::kNothing && AllRoutingIndicators(t) && cable->from_routing.empty()) {
      // more routing indicators of the precedence line
    } else if (OpensWith(t, "DE")) {
      const std::string_view rest = TrimView(t.substr(3));
      const size_t sp = rest.find(' ');
      const std::string_view ri = rest.substr(0, sp);
      if (IsRoutingIndicator(ri)) cable->from_routing = std::string(ri);
      found = true;
    } else if ((OpensWith(t, "ZNR") || OpensWith(t, "ZNY")) && found) {
      // the transmission's own classification code (UUUUU, CCCCC, SSSSS)
    } else if (StartsWithCI(t, "INFO") && t.find("LOG-") != std::string_view::npos && t.find("LOG-") < 12) {
      in = In::kLog;
      found = true;
    } else if (ParseDateTimeGroup(t, &dtg)) {
      const Span span{static_cast<int64_t>(ts), static_cast<int64_t>(ts + t.size())};
      cable->date_time_group = {dtg.iso, span};
      cable->precedence = {std::string(PrecedenceName(dtg.precedence)), {span.start, span.start + 1}};
      if (!dtg.rest.empty()) cable->notes.push_back("date-time group is followed by \"" + dtg.rest + "\"");
      found = true;
    } else if (OpensWith(t, "FM")) {
      const std::string_view v = TrimView(t.substr(3));
      const size_t vs = static_cast<size_t>(v.data() - text.data());
      cable->from = {CollapseSpaces(v), {static_cast<int64_t>(vs), static_cast<int64_t>(vs + v.size())}};
      in = In::kNothing;
      found = true;
    } else if (OpensWith(t, "TO") && found) {
      cable->to.push_back(ParseAddress(text, ts + 3, ts + t.size()));
      in = In::kTo;
    } else if (OpensWith(t, "INFO") && found) {
      cable->info.push_back(ParseAddress(text, ts + 5, ts + t.size()));
      in = In::kInfo;
    } else if (t == "BT" && found) {
      // the break line around the text of older telegrams
    } else if (in == In::kTo) {
      cable->to.push_back(ParseAddress(text, ts, ts + t.size()));
    } else if (in == In::kInfo) {
      cable->info.push_back(ParseAddress(text, ts, ts + t.size()));
    } else {
      break;
    }
    if (field_end != std::string_view::npos) return field_end;
    end = le < text.size() ? le + 1 : le;
  }
  return found ? end : from;
}

}  // namespace dossier::cable
