#include "arithmetic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "checkers.h"
#include "dossier/quantity.h"
#include "dossier/tokens.h"

namespace dossier::check {
namespace {

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The lower-case word ending just before offset at (spaces skipped), and
// where it starts; empty when punctuation comes first.
std::string WordBefore(std::string_view s, size_t at, size_t* start) {
  size_t end = at;
  while (end > 0 && s[end - 1] == ' ') --end;
  size_t b = end;
  while (b > 0 && IsWordByte(s[b - 1])) --b;
  *start = b;
  return LowerAscii(s.substr(b, end - b));
}

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", v);
  return buf;
}

std::string_view Cut(std::string_view s, int64_t a, int64_t b) {
  return s.substr(static_cast<size_t>(a), static_cast<size_t>(b - a));
}

enum class Direction { kNone, kUp, kDown };

Direction DirectionOf(const std::string& verb) {
  static const std::set<std::string> kUp = {"rose",    "risen",   "rise",    "rises",   "up",      "gained",
                                            "gains",   "climbed", "climbs",  "jumped",  "jumps",   "increased",
                                            "increases", "added", "adds",    "soared",  "surged",  "advanced",
                                            "grew",    "rallied", "higher"};
  static const std::set<std::string> kDown = {"fell",    "falls",    "fallen",  "down",     "lost",    "loses",
                                              "dropped", "drops",    "declined", "declines", "slid",   "slipped",
                                              "decreased", "plunged", "tumbled", "shed",    "sank",    "eased",
                                              "lower"};
  if (kUp.count(verb)) return Direction::kUp;
  if (kDown.count(verb)) return Direction::kDown;
  return Direction::kNone;
}

// "rose $4.10 to $20.60, or 30%" and "rose from $16.50 to $20.60, or 25%":
// the percent a change and its new level make, against the one stated.
void ChangeAndPercent(std::string_view text, Span sentence, std::vector<Slip>* out) {
  const std::string_view s = Cut(text, sentence.start, sentence.end);
  const std::vector<Quantity> qs = FindQuantities(s);
  for (size_t i = 0; i + 1 < qs.size(); ++i) {
    // The change and the level: two quantities "$4.10 to $20.60", or one the
    // parser read as a range of that shape.
    const Quantity& x = qs[i];
    if (x.kind == Quantity::Kind::kPercent) continue;
    double from_amount = x.amount, to_amount = 0;
    int64_t level_end = 0;
    size_t next = i + 1;
    if (x.amount_max) {
      if (LowerAscii(Cut(s, x.start, x.end)).find(" to ") == std::string::npos) continue;
      to_amount = *x.amount_max;
      level_end = x.end;
    } else {
      const Quantity& y = qs[i + 1];
      if (y.kind != x.kind || y.unit != x.unit || y.amount_max || LowerAscii(Cut(s, x.end, y.start)) != " to ") continue;
      to_amount = y.amount;
      level_end = y.end;
      next = i + 2;
    }
    if (next >= qs.size()) continue;
    const Quantity& p = qs[next];
    if (p.kind != Quantity::Kind::kPercent) continue;
    // The percent follows the level closely: ", or 30%", " (30%)", ", a 30% rise".
    const std::string_view gap = Cut(s, level_end, p.start);
    if (gap.size() > 24 || gap.find_first_of(";.") != std::string_view::npos) continue;
    size_t at = 0;
    std::string verb = WordBefore(s, static_cast<size_t>(x.start), &at);
    bool from = false;
    if (verb == "by") verb = WordBefore(s, at, &at);
    if (verb == "from") {
      from = true;
      verb = WordBefore(s, at, &at);
    }
    const Direction dir = DirectionOf(verb);
    if (dir == Direction::kNone) continue;
    double base = 0, change = 0;
    if (from) {
      base = from_amount;
      change = std::fabs(to_amount - from_amount);
      if ((dir == Direction::kUp) != (to_amount > from_amount)) continue;  // a direction the figures do not take
    } else {
      base = dir == Direction::kUp ? to_amount - from_amount : to_amount + from_amount;
      change = from_amount;
    }
    if (base <= 0 || change <= 0) continue;
    const double computed = 100.0 * change / base;
    // The stated percent is rounded to its last digit; the writer may round
    // the inputs too. Half a step and half a point, and 5% of the value,
    // before a difference is a slip; a hedged percent ("about 30%") 10%.
    const double step = p.amount == std::floor(p.amount) ? 1.0 : 0.1;
    double allowed = std::max(step / 2 + 0.5, 0.05 * computed);
    if (p.qualifier != "exact") allowed = std::max(allowed, 0.1 * computed);
    if (std::fabs(p.amount - computed) <= allowed) continue;
    Slip slip;
    slip.code = "change-percent";
    slip.start = sentence.start;
    slip.end = sentence.end;
    slip.stated = p.amount;
    slip.computed = computed;
    slip.message = "\"" + std::string(Cut(s, static_cast<int64_t>(at), level_end)) + "\" is a change of " + Percent(computed) +
                   ", not " + std::string(Cut(s, p.start, p.end));
    out->push_back(std::move(slip));
  }
}

// Things that happen once and last a while: when one document gives one of
// them two lengths ("a five-day visit", "the six-day visit"), one is wrong.
// Plans, terms and sentences are left out: a document may name several.
const std::set<std::string>& EventNouns() {
  static const std::set<std::string> kNouns = {
      "visit",   "trip",     "tour",      "strike",   "stay",      "summit",   "conference", "festival",
      "meeting", "talks",    "mission",   "ceasefire", "truce",    "siege",    "standoff",   "journey",
      "session", "hearing",  "trial",     "protest",  "march",     "blockade", "shutdown",   "walkout",
      "offensive", "operation", "voyage", "expedition", "retreat", "lockdown", "curfew",     "manhunt",
      "search",  "rescue",   "occupation", "sit-in",  "hunger",    "fast",     "vigil",      "celebration"};
  return kNouns;
}

struct Length {
  double value;
  int64_t start, end;  // "five-day visit"
};

// The lengths are read by the kernel's one quantity parser ("five-day",
// "5-day": a measure in days), in the sentences that hold such an adjective.
void DurationTwoWays(std::string_view text, std::vector<Slip>* out) {
  static const char* kUnits[] = {"-day ", "-week ", "-month ", "-year ", "-hour ", "-minute "};
  bool any = false;
  for (const char* unit : kUnits) any = any || text.find(unit) != std::string_view::npos;
  if (!any) return;
  std::map<std::string, std::vector<Length>> by_thing;  // "day visit" -> its lengths, in order
  ForEachSentence(text, [&](Span span) {
    const std::string_view s = Cut(text, span.start, span.end);
    bool here = false;
    for (const char* unit : kUnits) here = here || s.find(unit) != std::string_view::npos;
    if (!here) return;
    for (const Quantity& q : FindQuantities(s)) {
      // An adjective: "five-day", not "five days".
      if (q.kind != Quantity::Kind::kMeasure || Cut(s, q.start, q.end).find('-') == std::string_view::npos) continue;
      size_t e = static_cast<size_t>(q.end);
      if (e >= s.size() || s[e] != ' ') continue;
      const size_t noun_start = ++e;
      while (e < s.size() && IsWordByte(s[e])) ++e;
      const std::string noun = LowerAscii(s.substr(noun_start, e - noun_start));
      if (!EventNouns().count(noun)) continue;
      by_thing[q.unit + " " + noun].push_back({q.amount, span.start + q.start, span.start + static_cast<int64_t>(e)});
    }
  });
  for (const auto& [thing, lengths] : by_thing) {
    for (size_t i = 1; i < lengths.size(); ++i) {
      if (lengths[i].value == lengths[0].value) continue;
      Slip slip;
      slip.code = "duration-two-ways";
      slip.start = std::min(lengths[0].start, lengths[i].start);
      slip.end = std::max(lengths[0].end, lengths[i].end);
      slip.stated = lengths[i].value;
      slip.computed = lengths[0].value;
      slip.message = "\"" + std::string(Cut(text, lengths[0].start, lengths[0].end)) + "\" is later called \"" +
                     std::string(Cut(text, lengths[i].start, lengths[i].end)) + "\"";
      out->push_back(std::move(slip));
      break;  // one finding per thing
    }
  }
}

}  // namespace

std::vector<Slip> FindSlips(std::string_view text) {
  std::vector<Slip> out;
  if (text.find('%') != std::string_view::npos || text.find("percent") != std::string_view::npos) {
    ForEachSentence(text, [&](Span s) {
      const std::string_view sentence = Cut(text, s.start, s.end);
      if (sentence.find('%') == std::string_view::npos && sentence.find("percent") == std::string_view::npos) return;
      ChangeAndPercent(text, s, &out);
    });
  }
  DurationTwoWays(text, &out);
  std::stable_sort(out.begin(), out.end(), [](const Slip& a, const Slip& b) { return a.start < b.start; });
  return out;
}

}  // namespace dossier::check
