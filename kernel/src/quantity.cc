// Quantity parsing: hedges, currencies, numbers in digits or words, scales,
// units, ranges, ratios, ranks and ages, over the tokens of a text.
#include "dossier/quantity.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "dossier/tokens.h"

namespace dossier {
namespace {

struct Tok {
  Token::Kind kind;
  int64_t start, end;
  std::string low;        // lower-case ASCII text
  size_t line_start = 0;  // where its line starts in the text
};

const std::map<std::string, double>& SmallNumbers() {
  static const std::map<std::string, double> kWords = {
      {"zero", 0},     {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},       {"five", 5},
      {"six", 6},      {"seven", 7},      {"eight", 8},      {"nine", 9},      {"ten", 10},       {"eleven", 11},
      {"twelve", 12},  {"thirteen", 13},  {"fourteen", 14},  {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17},
      {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},    {"thirty", 30},   {"forty", 40},     {"fifty", 50},
      {"sixty", 60},   {"seventy", 70},   {"eighty", 80},    {"ninety", 90},   {"dozen", 12}};
  return kWords;
}

const std::map<std::string, double>& Scales() {
  static const std::map<std::string, double> kScales = {
      {"hundred", 1e2},  {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
      {"mn", 1e6},       {"mln", 1e6},      {"bn", 1e9},      {"bln", 1e9},     {"tn", 1e12},
      {"crore", 1e7},    {"crores", 1e7},   {"lakh", 1e5},    {"lakhs", 1e5},   {"millions", 1e6},
      {"billions", 1e9}, {"thousands", 1e3}};
  return kScales;
}

// Scales only valid glued to a number ("5m", "11.5b", "20k").
const std::map<std::string, double>& GluedScales() {
  static const std::map<std::string, double> kGlued = {{"m", 1e6}, {"b", 1e9}, {"k", 1e3}, {"bn", 1e9}, {"mn", 1e6},
                                                       {"tn", 1e12}, {"mln", 1e6}, {"bln", 1e9}};
  return kGlued;
}

const std::map<std::string, int>& Ordinals() {
  static const std::map<std::string, int> kOrd = {
      {"first", 1}, {"second", 2}, {"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6}, {"seventh", 7},
      {"eighth", 8}, {"ninth", 9}, {"tenth", 10}, {"1st", 1}, {"2nd", 2}, {"3rd", 3}, {"4th", 4}, {"5th", 5},
      {"6th", 6}, {"7th", 7}, {"8th", 8}, {"9th", 9}, {"10th", 10}};
  return kOrd;
}

// Currency words after a number, and symbols or codes before it.
const std::map<std::string, std::string>& CurrencyWords() {
  static const std::map<std::string, std::string> kWords = {
      {"dollar", "USD"}, {"dollars", "USD"}, {"usd", "USD"},   {"euro", "EUR"},    {"euros", "EUR"},
      {"eur", "EUR"},    {"yuan", "CNY"},    {"renminbi", "CNY"}, {"rmb", "CNY"},  {"cny", "CNY"},
      {"yen", "JPY"},    {"jpy", "JPY"},     {"rupee", "INR"},   {"rupees", "INR"}, {"inr", "INR"},
      {"gbp", "GBP"},    {"sterling", "GBP"}, {"pesos", "MXN"},  {"reais", "BRL"},  {"real", "BRL"},
      {"won", "KRW"},    {"rubles", "RUB"},  {"roubles", "RUB"}, {"francs", "CHF"}, {"cents", "USD/100"}};
  return kWords;
}

const std::map<std::string, std::string>& CurrencyPrefixes() {
  static const std::map<std::string, std::string> kPrefix = {
      {"$", "USD"},   {"us$", "USD"}, {"usd", "USD"}, {"€", "EUR"},   {"eur", "EUR"}, {"£", "GBP"},
      {"gbp", "GBP"}, {"¥", "CNY"},   {"rmb", "CNY"}, {"cny", "CNY"}, {"rs", "INR"},  {"inr", "INR"},
      {"₹", "INR"},   {"jpy", "JPY"}, {"a$", "AUD"},  {"c$", "CAD"},  {"hk$", "HKD"}, {"r$", "BRL"}};
  return kPrefix;
}

const std::map<std::string, std::string>& MeasureUnits() {
  static const std::map<std::string, std::string> kUnits = {
      {"pound", "pound"},     {"pounds", "pound"},   {"lb", "pound"},      {"lbs", "pound"},
      {"kilogram", "kilogram"}, {"kilograms", "kilogram"}, {"kg", "kilogram"}, {"kilo", "kilogram"},
      {"kilos", "kilogram"},  {"ton", "ton"},        {"tons", "ton"},      {"tonne", "tonne"},
      {"tonnes", "tonne"},    {"mile", "mile"},      {"miles", "mile"},    {"kilometer", "kilometer"},
      {"kilometers", "kilometer"}, {"kilometre", "kilometer"}, {"kilometres", "kilometer"}, {"km", "kilometer"},
      {"meter", "meter"},     {"meters", "meter"},   {"metre", "meter"},   {"metres", "meter"},
      {"feet", "foot"},       {"foot", "foot"},      {"acre", "acre"},     {"acres", "acre"},
      {"hectare", "hectare"}, {"hectares", "hectare"}, {"barrel", "barrel"}, {"barrels", "barrel"},
      {"megawatt", "megawatt"}, {"megawatts", "megawatt"}, {"mw", "megawatt"}, {"gallon", "gallon"},
      {"gallons", "gallon"},  {"liter", "liter"},    {"liters", "liter"},  {"litres", "liter"}};
  return kUnits;
}

const std::set<std::string>& Months() {
  static const std::set<std::string> kMonths = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  return kMonths;
}

// Words that end the noun phrase after a number.
const std::set<std::string>& NounStops() {
  static const std::set<std::string> kStops = {
      "of", "in", "on", "at", "to", "from", "for", "with", "by", "as", "than", "that", "which", "who", "whom",
      "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "will", "would", "could", "should",
      "may", "might", "can", "said", "says", "say", "annually", "a", "an", "the", "this", "these", "those", "or",
      "but", "per", "each", "every", "more", "less", "fewer", "over", "under", "about", "into", "during", "since",
      "after", "before", "while", "according", "last", "next", "this", "year", "years", "ago", "old", "when",
      "where", "if", "so", "not", "no", "all", "both", "its", "their", "his", "her", "our", "your", "my", "it",
      "they", "he", "she", "we", "you", "i", "do", "did", "does", "there", "here", "then", "now", "also",
      "still", "just", "only", "up", "down", "out", "off", "across", "through", "between", "among", "against",
      "including", "such", "other", "another", "times", "percent", "plus", "minus", "compared", "versus", "and",
      "whose", "many", "much", "several", "few", "most", "what", "how", "why", "odd", "only", "even", "very",
      // A telegram's serial numbers run into its INFO line ("WASHDC 2211 INFO").
      "info", "above", "below"};
  return kStops;
}

double ParseDigits(std::string_view s) {
  std::string clean;
  for (char c : s) {
    if (c != ',') clean += c;
  }
  return std::strtod(clean.c_str(), nullptr);
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The most words a number written in words may take.
constexpr size_t kMaxNumberWords = 16;

class Finder {
 public:
  // Each token's line start is found once here: looking back for it from
  // every numbered-paragraph candidate made a long line quadratic.
  explicit Finder(std::string_view text) : text_(text) {
    size_t line_start = 0, scanned = 0;
    for (const Token& t : Tokenize(text)) {
      const std::string_view gap = text.substr(scanned, static_cast<size_t>(t.start) - scanned);
      if (const size_t nl = gap.rfind('\n'); nl != std::string_view::npos) line_start = scanned + nl + 1;
      scanned = static_cast<size_t>(t.end);
      t_.push_back({t.kind, t.start, t.end, LowerAscii(t.in(text)), line_start});
    }
  }

  std::vector<Quantity> Run() {
    std::vector<Quantity> out;
    for (size_t i = 0; i < t_.size();) {
      Quantity q;
      size_t next = 0;
      skip_to_ = 0;
      if (TryAt(i, &q, &next)) {
        out.push_back(std::move(q));
        i = next;
      } else {
        i = std::max(i + 1, skip_to_);
      }
    }
    return out;
  }

  // A number in words or digits starting at i; *next is the token after it.
  // Scale words ("million") are included.
  std::optional<double> NumberAt(size_t i, size_t* next) const {
    if (i >= t_.size()) return std::nullopt;
    double value = 0;
    size_t j = i;
    if (t_[i].kind == Token::Kind::kNumber) {
      value = ParseDigits(t_[i].low);
      j = i + 1;
    } else if (t_[i].kind == Token::Kind::kWord) {
      // Words: "nine", "twenty-five", "one hundred", "a million", "half a million".
      // At most kMaxNumberWords of them ("nine hundred ninety-nine thousand
      // nine hundred and ninety-nine" is nine): a number is looked for at
      // each word of a run, so reading a whole run of a million made it quadratic.
      double total = 0, current = 0;
      bool any = false;
      size_t k = i;
      while (k < t_.size() && k - i < kMaxNumberWords && t_[k].kind == Token::Kind::kWord) {
        const std::string& w = t_[k].low;
        if (auto s = SmallNumbers().find(w); s != SmallNumbers().end()) {
          current += s->second;
        } else if (auto dash = w.find('-'); dash != std::string::npos && SmallNumbers().count(w.substr(0, dash)) &&
                                             SmallNumbers().count(w.substr(dash + 1))) {
          current += SmallNumbers().at(w.substr(0, dash)) + SmallNumbers().at(w.substr(dash + 1));
        } else if ((w == "a" || w == "an") && !any && k + 1 < t_.size() &&
                   (Scales().count(t_[k + 1].low) || t_[k + 1].low == "dozen")) {
          current = 1;
        } else if (w == "half" && !any && k + 2 < t_.size() && t_[k + 1].low == "a" && Scales().count(t_[k + 2].low)) {
          current = 0.5;
          ++k;  // skip "a"
        } else if (w == "hundred" && any) {
          current = (current == 0 ? 1 : current) * 100;
        } else if (auto sc = Scales().find(w); sc != Scales().end() && any && w != "hundred") {
          total += (current == 0 ? 1 : current) * sc->second;
          current = 0;
        } else if (w == "and" && any && k + 1 < t_.size() && SmallNumbers().count(t_[k + 1].low) &&
                   (current >= 100 || total > 0)) {
          // "one hundred and five"
        } else {
          break;
        }
        any = true;
        ++k;
      }
      if (!any) return std::nullopt;
      value = total + current;
      j = k;
      *next = j;
      return value;  // word numbers already took their scale words
    } else {
      return std::nullopt;
    }
    // Scale after digits: glued ("11.5bn") or spaced ("30 million").
    if (j < t_.size() && t_[j].kind == Token::Kind::kWord) {
      const bool glued = t_[j].start == t_[j - 1].end;
      if (glued) {
        if (auto g = GluedScales().find(t_[j].low); g != GluedScales().end()) {
          value *= g->second;
          ++j;
        }
      } else if (auto sc = Scales().find(t_[j].low); sc != Scales().end()) {
        value *= sc->second;
        ++j;
      } else {
        // "1 million-square-foot": the scale is glued to what follows by a hyphen.
        const std::string& w = t_[j].low;
        const size_t dash = w.find('-');
        if (dash != std::string::npos && Scales().count(w.substr(0, dash))) {
          value *= Scales().at(w.substr(0, dash));
          split_scale_ = j;  // the rest of that word is the noun
        }
      }
    }
    *next = j;
    return value;
  }

 private:
  bool Is(size_t i, std::string_view w) const { return i < t_.size() && t_[i].low == w; }
  bool Glued(size_t a, size_t b) const { return b < t_.size() && t_[a].end == t_[b].start; }

  // A hedge starting at i: sets qualifier and returns how many tokens it takes.
  size_t HedgeAt(size_t i, std::string* qualifier, bool* between) const {
    *between = false;
    struct Hedge {
      std::vector<std::string> words;
      const char* qualifier;
    };
    static const std::vector<Hedge> kHedges = {
        {{"no", "fewer", "than"}, "at least"}, {{"no", "less", "than"}, "at least"},
        {{"no", "more", "than"}, "at most"},   {{"in", "excess", "of"}, "more than"},
        {{"more", "than"}, "more than"},       {{"upwards", "of"}, "more than"},
        {{"less", "than"}, "less than"},       {{"fewer", "than"}, "less than"},
        {{"at", "least"}, "at least"},         {{"at", "most"}, "at most"},
        {{"up", "to"}, "at most"},             {{"as", "many", "as"}, "at most"},
        {{"close", "to"}, "nearly"},           {{"just", "under"}, "nearly"},
        {{"just", "over"}, "more than"},       {{"an", "estimated"}, "approximately"},
        {{"nearly"}, "nearly"},                {{"almost"}, "nearly"},
        {{"about"}, "approximately"},          {{"around"}, "approximately"},
        {{"approximately"}, "approximately"},  {{"roughly"}, "approximately"},
        {{"some"}, "approximately"},           {{"estimated"}, "approximately"},
        {{"approx"}, "approximately"},         {{"over"}, "more than"},
        {{"above"}, "more than"},              {{"under"}, "less than"},
        {{"below"}, "less than"},              {{"between"}, "exact"},
    };
    // Asked at every token: only the hedges starting with this token's word
    // are tried, longest first as in the list.
    static const auto kByFirstWord = [] {
      std::unordered_map<std::string, std::vector<const Hedge*>> by;
      for (const auto& h : kHedges) by[h.words[0]].push_back(&h);
      return by;
    }();
    if (i >= t_.size()) return 0;
    const auto found = kByFirstWord.find(t_[i].low);
    if (found == kByFirstWord.end()) return 0;
    for (const Hedge* hp : found->second) {
      const Hedge& h = *hp;
      bool match = true;
      for (size_t k = 1; k < h.words.size() && match; ++k) match = Is(i + k, h.words[k]);
      if (!match) continue;
      *qualifier = h.qualifier;
      *between = h.words.size() == 1 && h.words[0] == "between";
      return h.words.size();
    }
    return 0;
  }

  std::string CurrencyBefore(size_t i, size_t* taken) const {
    *taken = 0;
    if (i >= t_.size()) return "";
    // "US$" is the word US glued to "$".
    if (t_[i].low == "us" && i + 1 < t_.size() && t_[i + 1].low == "$" && Glued(i, i + 1)) {
      *taken = 2;
      return "USD";
    }
    if ((t_[i].low == "hk" || t_[i].low == "a" || t_[i].low == "c" || t_[i].low == "r") && i + 1 < t_.size() &&
        t_[i + 1].low == "$" && Glued(i, i + 1)) {
      *taken = 2;
      return CurrencyPrefixes().at(t_[i].low + "$");
    }
    if (auto p = CurrencyPrefixes().find(t_[i].low); p != CurrencyPrefixes().end()) {
      // Codes are words: "USD 5 million" needs a number next; "Rs." may carry a period.
      size_t n = 1;
      if (t_[i].low == "rs" && Is(i + 1, ".")) n = 2;
      if (i + n < t_.size() && (t_[i + n].kind == Token::Kind::kNumber || SmallNumbers().count(t_[i + n].low))) {
        *taken = n;
        return p->second;
      }
    }
    return "";
  }

  // Year-like: a bare four-digit number 1500..2100, or "1973-90".
  bool LooksLikeYear(size_t i) const {
    if (t_[i].kind != Token::Kind::kNumber) return false;
    const std::string& s = t_[i].low;
    if (s.size() != 4 || s.find_first_not_of("0123456789") != std::string::npos) return false;
    const int v = std::atoi(s.c_str());
    return v >= 1500 && v <= 2100;
  }

  bool NearMonth(size_t first, size_t last) const {
    if (first > 0 && Months().count(t_[first - 1].low)) return true;
    if (first > 1 && t_[first - 1].low == "." && Months().count(t_[first - 2].low)) return true;  // "Jan. 5"
    if (last + 1 < t_.size() && Months().count(t_[last + 1].low)) return true;                  // "5 January"
    return false;
  }

  // A capitalised word in mid-sentence right before a number makes the
  // number part of a name: "Chapter 11", "Boeing 767", "Route 66", "Flight
  // 93", "Windows 95". Not at a sentence's start ("Only 5 ..."), and not
  // after an all-caps word (cable text shouts "SAID 1,200").
  bool NamesNumber(size_t number) const {
    if (number == 0 || t_[number].kind != Token::Kind::kNumber) return false;
    const Tok& w = t_[number - 1];
    if (w.kind != Token::Kind::kWord || w.start <= static_cast<int64_t>(w.line_start)) return false;
    const std::string_view raw = text_.substr(static_cast<size_t>(w.start), static_cast<size_t>(w.end - w.start));
    if (!StartsUpper(raw) || IsAllUpper(raw) || Months().count(w.low)) return false;
    if (number < 2) return false;
    const std::string& before = t_[number - 2].low;
    if (before == "." || before == "!" || before == "?" || before == ":" || before == "\"" || before == "\u201c" ||
        before == "(" || before == "-" || before == "\u2014") {
      return false;
    }
    return true;
  }

  // A unit of time ending a hyphenated adjective ("five-day", "17-year"),
  // or empty.
  static std::string TimeUnitWord(const std::string& w) {
    static const std::set<std::string> kUnits = {"second", "minute", "hour", "day", "week", "month", "year", "decade"};
    return kUnits.count(w) ? w : "";
  }

  // A duration as an adjective in words: "a five-day visit", "a
  // twenty-year-old" (an age).
  bool DurationWordAt(size_t k, Quantity* q) const {
    const std::string& w = t_[k].low;
    const size_t dash = w.find('-');
    if (dash == std::string::npos) return false;
    auto number = SmallNumbers().find(w.substr(0, dash));
    if (number == SmallNumbers().end()) return false;
    const std::string tail = w.substr(dash + 1);
    if (tail == "year-old" || tail == "years-old") {
      q->kind = Quantity::Kind::kAge;
      q->unit = "year";
    } else if (std::string unit = TimeUnitWord(tail); !unit.empty()) {
      q->kind = Quantity::Kind::kMeasure;
      q->unit = unit;
    } else {
      return false;
    }
    q->amount = number->second;
    q->end = t_[k].end;
    return true;
  }

  static bool LooksPlural(const std::string& w) {
    if (w == "people" || w == "men" || w == "women" || w == "children" || w == "police" || w == "staff" ||
        w == "personnel" || w == "cattle") {
      return true;
    }
    return w.size() > 2 && w.back() == 's' && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is");
  }

  static bool LooksLikeVerb(const std::string& w) {
    return (w.size() > 4 && (EndsWith(w, "ed") || EndsWith(w, "ing"))) || w == "met" || w == "made" || w == "sold";
  }

  // The noun phrase after position i: adjectives and nouns up to the first
  // plural noun ("infrastructure projects"), or "X and Y" of two plurals
  // ("cars and motorcycles"); without a plural, up to five words before a
  // verb-looking word ("annual trade relationship").
  // names_modify: capitalised words may modify the noun (see
  // ModifiesPluralAfter); asked only after digits, since a number in words
  // before names is more often a phrase than a count ("two existing South
  // American blocs").
  void NounAfter(size_t i, Quantity* q, bool names_modify = false) const {
    size_t k = i;
    size_t first = t_.size(), last = t_.size();
    int words = 0;
    while (k < t_.size() && words < 5) {
      const Tok& w = t_[k];
      if (w.kind != Token::Kind::kWord) break;
      if (NounStops().count(w.low) || Months().count(w.low)) break;
      // A letter alone is a list label or an initial, not a noun ("STATE 33127 B. ...").
      if (w.low.size() == 1) break;
      if (LooksLikeVerb(w.low) && words > 0) break;
      // Proper names end the phrase; short all-caps modifiers do not ("US jobs"),
      // nor names that modify a common plural right after them ("75 Cuban
      // dissidents", "12 American Seahawk helicopters").
      const std::string_view raw = text_.substr(static_cast<size_t>(w.start), static_cast<size_t>(w.end - w.start));
      if (StartsUpper(raw) && !(IsAllUpper(raw) && raw.size() <= 4) && !(names_modify && ModifiesPluralAfter(k, 5 - words))) break;
      if (first == t_.size()) first = k;
      last = k;
      ++words;
      ++k;
      if (LooksPlural(w.low)) {
        // "cars and motorcycles": a second plural joined by "and".
        if (Is(k, "and") && k + 1 < t_.size() && t_[k + 1].kind == Token::Kind::kWord && LooksPlural(t_[k + 1].low) &&
            !NounStops().count(t_[k + 1].low)) {
          last = k + 1;
        }
        break;
      }
    }
    if (first == t_.size()) return;
    q->noun_start = t_[first].start;
    q->noun_end = t_[last].end;
    q->noun = std::string(text_.substr(static_cast<size_t>(q->noun_start), static_cast<size_t>(q->noun_end - q->noun_start)));
  }

  // Whether the capitalised words from k are modifiers of a lower-case
  // plural noun within `room` words ("Cuban dissidents", "American Seahawk
  // helicopters"), not a name of their own ("5 Downing Street", "20
  // Democrats"). Only capitalised words may stand between.
  bool ModifiesPluralAfter(size_t k, int room) const {
    for (int n = 0; k < t_.size() && n < room; ++k, ++n) {
      const Tok& w = t_[k];
      if (w.kind != Token::Kind::kWord || NounStops().count(w.low) || Months().count(w.low)) return false;
      const std::string_view raw = text_.substr(static_cast<size_t>(w.start), static_cast<size_t>(w.end - w.start));
      if (!StartsUpper(raw)) return LooksPlural(w.low) && !LooksLikeVerb(w.low);
    }
    return false;
  }

  // "Micevic, 22, is charged", "Smith, 45, said": a whole number under 120
  // between commas right after a capitalised word. ("December 31, 2004" and
  // "Dec. 5," are dates, found before this is asked.)
  bool AppositiveAge(size_t number, double amount) const {
    if (number < 2 || amount < 1 || amount >= 120 || amount != std::floor(amount)) return false;
    if (!Is(number - 1, ",") || !Is(number + 1, ",") || !Glued(number, number + 1)) return false;
    const Tok& name = t_[number - 2];
    if (name.kind != Token::Kind::kWord || !Glued(number - 2, number - 1) || Months().count(name.low)) return false;
    const std::string_view raw = text_.substr(static_cast<size_t>(name.start), static_cast<size_t>(name.end - name.start));
    return StartsUpper(raw) && !IsAllUpper(raw);
  }

  // What a bare number counts, from the words around it, or empty: people
  // by what they did or what befell them ("20 were arrested", "138,000 who
  // died", "316 said they were raped"), or what a toll or "the number of"
  // before it counts ("the number of U.S. troops killed in Iraq now stands
  // at 1,270", "the toll rose to 94,000").
  // digits: the number is written in digits; one in words ("twenty two
  // were arrested") is read only by what follows it.
  std::string BareCountUnit(size_t number, size_t after, bool digits) const {
    static const std::set<std::string> kSaid = {"died", "said", "perished", "drowned", "told", "testified"};
    static const std::set<std::string> kBe = {"were", "was", "are", "have", "had", "remain", "remained"};
    static const std::set<std::string> kBefell = {
        "killed", "injured", "wounded", "arrested", "detained", "jailed", "raped", "executed", "missing",
        "dead", "hurt", "hospitalized", "hospitalised", "evacuated", "tortured", "displaced", "rescued",
        "imprisoned", "abducted", "kidnapped", "murdered", "disappeared", "held", "freed", "released", "charged"};
    if (Is(after, "who") && after + 1 < t_.size() && t_[after + 1].kind == Token::Kind::kWord) return "person";
    if (after < t_.size() && kSaid.count(t_[after].low)) return "person";
    if (after < t_.size() && kBe.count(t_[after].low)) {
      const size_t p = Is(after + 1, "been") ? after + 2 : after + 1;
      if (p < t_.size() && kBefell.count(t_[p].low)) return "person";
      // "23,856 were men; 3,399 were women".
      static const std::set<std::string> kWho = {"men", "women", "children", "minors", "civilians", "foreigners",
                                                 "soldiers", "students", "boys", "girls"};
      if (Is(after, "were") && after + 1 < t_.size() && kWho.count(t_[after + 1].low)) return Singular(t_[after + 1].low);
    }
    if (!digits) return "";
    // A toll or a number named before, with a verb of reaching just before the figure.
    static const std::set<std::string> kReach = {"at",      "to",     "reached", "hit",   "topped", "passed",
                                                 "exceeded", "is",    "was",     "stands", "stood",  "now"};
    // "Bombs ... kill 16", "an attack that killed 7": people, in a headline's shorthand.
    static const std::set<std::string> kKill = {"kill", "kills", "killed", "killing", "injure", "injures",
                                                "injured", "injuring", "wound", "wounds", "wounded", "wounding"};
    if (number > 0 && kKill.count(t_[number - 1].low)) return "person";
    if (number == 0 || !kReach.count(t_[number - 1].low)) return "";
    for (size_t back = 1; back <= 14 && back <= number; ++back) {
      const Tok& w = t_[number - back];
      if (w.kind == Token::Kind::kPunct && (w.low == "." || w.low == ";" || w.low == ":")) break;
      if (w.low == "toll" || w.low == "tolls") return "person";
      if (w.low == "number" && Is(number - back + 1, "of")) {
        Quantity counted;
        NounAfter(number - back + 2, &counted);
        return counted.noun.empty() ? "" : HeadUnit(counted.noun);
      }
    }
    return "";
  }

  // The counted unit: the head of the first noun group ("multinational companies
  // and firms" -> "company").
  static std::string HeadUnit(const std::string& noun) {
    std::string phrase = noun;
    if (auto a = phrase.find(" and "); a != std::string::npos) phrase = phrase.substr(0, a);
    auto space = phrase.find_last_of(' ');
    return Singular(space == std::string::npos ? phrase : phrase.substr(space + 1));
  }

  size_t PerAfter(size_t i, Quantity* q) const {
    static const std::map<std::string, std::string> kPeriods = {
        {"year", "year"}, {"month", "month"}, {"week", "week"}, {"day", "day"}, {"hour", "hour"}};
    if (Is(i, "annually") || Is(i, "yearly")) {
      q->per = "year";
      return 1;
    }
    if ((Is(i, "a") || Is(i, "per") || Is(i, "each") || Is(i, "every")) && i + 1 < t_.size()) {
      if (auto p = kPeriods.find(t_[i + 1].low); p != kPeriods.end()) {
        q->per = p->second;
        return 2;
      }
    }
    return 0;
  }

  bool TryAt(size_t i, Quantity* q, size_t* next) {
    if (t_[i].kind == Token::Kind::kPossessive) return false;
    size_t k = i;
    std::string qualifier = "exact";
    bool between = false;
    k += HedgeAt(k, &qualifier, &between);
    size_t taken = 0;
    std::string currency = CurrencyBefore(k, &taken);
    k += taken;
    if (k >= t_.size()) return false;
    // Ranks without a number: "third-largest", "2nd-biggest".
    if (k == i && t_[k].kind == Token::Kind::kWord) {
      const std::string& w = t_[k].low;
      const size_t dash = w.find('-');
      if (dash != std::string::npos) {
        const std::string head = w.substr(0, dash), tail = w.substr(dash + 1);
        const bool superlative = EndsWith(tail, "est") || tail == "most";
        if (auto o = Ordinals().find(head); o != Ordinals().end() && superlative) {
          q->kind = Quantity::Kind::kRank;
          q->amount = o->second;
          q->unit = "rank";
          q->start = t_[k].start;
          q->end = t_[k].end;
          NounAfter(k + 1, q);
          *next = k + 1;
          return true;
        }
      }
    }
    if (t_[k].kind == Token::Kind::kWord && DurationWordAt(k, q)) {
      q->start = t_[i].start;
      q->qualifier = qualifier;
      *next = k + 1;
      return true;
    }
    if (k == i && NamesNumber(k)) return false;
    // Digits glued to letters on the left are part of an identifier (32397 in 06GUANGZHOU32397).
    if (t_[k].kind == Token::Kind::kNumber && k > 0 && Glued(k - 1, k) &&
        (t_[k - 1].kind == Token::Kind::kWord || t_[k - 1].low == "/" || t_[k - 1].low == "#" || t_[k - 1].low == ":")) {
      return false;
    }
    split_scale_ = static_cast<size_t>(-1);
    size_t after = 0;
    auto value = NumberAt(k, &after);
    if (!value) return false;
    const size_t number_first = k;
    const size_t number_last = after - 1;
    // Things that are not quantities.
    if (t_[number_first].kind == Token::Kind::kNumber) {
      if (Glued(number_last, after) && (Is(after, ":") || Is(after, "/") || t_[after].kind == Token::Kind::kNumber)) return false;
      // "1973-90", "7-9 December": a year or date range, not a quantity range.
      if (Is(after, "-") && Glued(number_last, after) && Glued(after, after + 1) &&
          t_[after + 1].kind == Token::Kind::kNumber &&
          (LooksLikeYear(number_first) || NearMonth(number_first, after + 1))) {
        skip_to_ = after + 2;
        return false;
      }
      if (Glued(number_last, after) && t_[after].kind == Token::Kind::kWord) {
        const std::string& w = t_[after].low;
        const bool ordinal = w == "th" || w == "st" || w == "nd" || w == "rd" || w == "s" || w == "z";
        if (ordinal && !(Glued(after, after + 1) && after + 2 < t_.size())) return false;  // 19th century, 1970s
        if (!GluedScales().count(w) && !MeasureUnits().count(w) && !Scales().count(w) && !ordinal) return false;
      }
      if (NearMonth(number_first, number_last)) return false;
      if (Is(after, "a.m.") || Is(after, "p.m.") || Is(after, "am") || Is(after, "pm") || Is(after, "gmt") ||
          Is(after, "utc")) {
        return false;  // a clock time
      }
      // A numbered paragraph or list item: "1." or "(2)" at the start of a line.
      if (number_first == i && Is(after, ".") && Glued(number_last, after)) {
        const size_t from = t_[number_first].line_start;
        const std::string_view before = text_.substr(from, static_cast<size_t>(t_[number_first].start) - from);
        if (before.find_first_not_of(" \t(¶") == std::string_view::npos) return false;
      }
    }
    q->start = t_[i].start;
    q->qualifier = qualifier;
    size_t end_tok = number_last;
    double amount = *value;
    size_t k2 = after;

    // Ranges: "between 3,000 and 4,000", "3,000 to 4,000", "3,000-4,000".
    if ((between && Is(k2, "and")) || Is(k2, "to") || (Is(k2, "-") && Glued(number_last, k2) && Glued(k2, k2 + 1))) {
      size_t taken2 = 0;
      CurrencyBefore(k2 + 1, &taken2);
      size_t after2 = 0;
      split_scale_ = static_cast<size_t>(-1);
      if (auto hi = NumberAt(k2 + 1 + taken2, &after2)) {
        if (LooksLikeYear(number_first) && t_[k2 + 1 + taken2].kind == Token::Kind::kNumber) return false;  // 1973-90
        // "3 to 4 million": the second number's scale applies to both.
        double lo = amount;
        const double hi_digits = ParseDigits(t_[k2 + 1 + taken2].low);
        if (*hi >= 1000 && lo < 1000 && hi_digits > 0 && t_[k2 + 1 + taken2].kind == Token::Kind::kNumber &&
            t_[number_first].kind == Token::Kind::kNumber) {
          const double scale = *hi / hi_digits;
          if (scale > 1) lo *= scale;
        }
        amount = lo;
        q->amount_max = *hi;
        end_tok = after2 - 1;
        k2 = after2;
      } else if (between) {
        return false;
      }
    } else if (between) {
      return false;
    }
    if (Is(k2, "-") && Glued(end_tok, k2) && k2 + 1 < t_.size() && Glued(k2, k2 + 1) &&
        t_[k2 + 1].kind == Token::Kind::kWord) {
      const std::string& w = t_[k2 + 1].low;
      if (w == "year-old" || w == "years-old") {
        q->kind = Quantity::Kind::kAge;
        q->amount = amount;
        q->unit = "year";
        q->end = t_[k2 + 1].end;
        *next = k2 + 2;
        return true;
      }
      if (w == "odd") {  // "20-odd delegates"
        q->qualifier = "approximately";
        end_tok = k2 + 1;
        k2 += 2;
      } else if (std::string unit = TimeUnitWord(w); !unit.empty()) {
        // A duration used as an adjective: "a 17-year reign".
        q->kind = Quantity::Kind::kMeasure;
        q->amount = amount;
        q->unit = unit;
        q->end = t_[k2 + 1].end;
        *next = k2 + 2;
        return true;
      } else if (EndsWith(w, "year") || EndsWith(w, "day") || EndsWith(w, "month") || EndsWith(w, "week") ||
                 EndsWith(w, "hour") || EndsWith(w, "minute")) {
        return false;  // "a 17-yearlong reign", a run-together form this does not read
      } else if (auto m = MeasureUnits().find(w); m != MeasureUnits().end()) {
        // "600-pound" as an adjective
        q->kind = Quantity::Kind::kMeasure;
        q->amount = amount;
        q->unit = m->second;
        q->end = t_[k2 + 1].end;
        *next = k2 + 2;
        return true;
      }
    }
    // Ratios: "1 of every 4 laptops", "one in five Americans".
    if ((Is(k2, "of") && Is(k2 + 1, "every")) || (Is(k2, "in") && (Is(k2 + 1, "every") || NumberAt(k2 + 1, &after)))) {
      const size_t denom_at = Is(k2 + 1, "every") ? k2 + 2 : k2 + 1;
      size_t after_d = 0;
      split_scale_ = static_cast<size_t>(-1);
      if (auto d = NumberAt(denom_at, &after_d); d && *d > 0 && !LooksLikeYear(denom_at)) {
        q->kind = Quantity::Kind::kRatio;
        q->amount = amount / *d;
        NounAfter(after_d, q);
        q->unit = q->noun.empty() ? "ratio" : HeadUnit(q->noun);
        q->end = q->noun_end > 0 ? q->noun_end : t_[after_d - 1].end;
        *next = after_d;
        return true;
      }
    }
    // Multiples: "four times more goods", "three times as many".
    if (Is(k2, "times")) {
      q->kind = Quantity::Kind::kRatio;
      q->amount = amount;
      q->unit = "times";
      size_t k3 = k2 + 1;
      if (Is(k3, "more") || Is(k3, "less") || Is(k3, "fewer") || Is(k3, "larger") || Is(k3, "bigger") ||
          Is(k3, "higher") || Is(k3, "greater")) {
        ++k3;
        NounAfter(k3, q);
      } else if (Is(k3, "as")) {
        k3 += 2;  // "as many", "as much"
        NounAfter(k3, q);
      }
      q->end = q->noun_end > 0 ? q->noun_end : t_[k2].end;
      *next = k2 + 1;
      return true;
    }
    // Percent.
    if (Is(k2, "percentage") && Is(k2 + 1, "points")) {
      q->kind = Quantity::Kind::kPercent;
      q->amount = amount;
      q->unit = "percentage point";
      q->end = t_[k2 + 1].end;
      *next = k2 + 2;
      return true;
    }
    if (Is(k2, "%") || Is(k2, "percent") || (Is(k2, "per") && Is(k2 + 1, "cent")) || Is(k2, "pct")) {
      q->kind = Quantity::Kind::kPercent;
      q->amount = amount;
      q->unit = "percent";
      end_tok = Is(k2, "per") ? k2 + 1 : k2;
      if (Is(end_tok + 1, "points") || (Is(end_tok + 1, "percentage") && Is(end_tok + 2, "points"))) {
        q->unit = "percentage point";
        end_tok = Is(end_tok + 1, "points") ? end_tok + 1 : end_tok + 2;
      }
      if (Is(end_tok + 1, "of")) NounAfter(end_tok + 2, q);
      q->end = t_[end_tok].end;
      *next = end_tok + 1;
      return true;
    }
    // Money.
    std::string unit_word_currency;
    if (currency.empty()) {
      if (auto c = CurrencyWords().find(t_[k2 < t_.size() ? k2 : 0].low); k2 < t_.size() && c != CurrencyWords().end()) {
        // "pounds" is money only with a currency cue; alone it is weight.
        currency = c->second;
        end_tok = k2;
        ++k2;
      } else if (Is(k2, "pounds") && Is(k2 + 1, "sterling")) {
        currency = "GBP";
        end_tok = k2 + 1;
        k2 += 2;
      }
    }
    if (!currency.empty()) {
      q->kind = Quantity::Kind::kMoney;
      if (currency == "USD/100") {  // "75 cents"
        currency = "USD";
        amount /= 100;
      }
      q->amount = amount;
      q->unit = currency;
      NounAfter(k2, q);
      size_t stop = k2;
      if (q->noun_end > 0) {
        while (stop < t_.size() && t_[stop].end <= q->noun_end) ++stop;
      }
      stop += PerAfter(stop, q);
      q->end = std::max(t_[end_tok].end, q->noun_end);
      if (!q->per.empty()) q->end = t_[stop - 1].end;
      *next = std::max(k2, stop);
      return true;
    }
    // Measures: "600 pounds", "7,000 miles", "1 million-square-foot".
    if (split_scale_ != static_cast<size_t>(-1)) {
      const std::string rest = t_[split_scale_].low.substr(t_[split_scale_].low.find('-') + 1);
      q->kind = Quantity::Kind::kMeasure;
      q->amount = amount;
      q->unit = rest == "square-foot" || rest == "square-feet" ? "square foot" : Singular(rest);
      q->end = t_[split_scale_].end;
      *next = split_scale_ + 1;
      return true;
    }
    if (k2 < t_.size()) {
      std::string w = t_[k2].low;
      if (w == "square" && k2 + 1 < t_.size() && MeasureUnits().count(t_[k2 + 1].low)) {
        q->kind = Quantity::Kind::kMeasure;
        q->amount = amount;
        q->unit = "square " + MeasureUnits().at(t_[k2 + 1].low);
        q->end = t_[k2 + 1].end;
        *next = k2 + 2;
        return true;
      }
      if (auto m = MeasureUnits().find(w); m != MeasureUnits().end()) {
        q->kind = Quantity::Kind::kMeasure;
        q->amount = amount;
        q->unit = m->second;
        end_tok = k2;
        if (Is(k2 + 1, "of")) NounAfter(k2 + 2, q);
        q->end = std::max(t_[end_tok].end, q->noun_end);
        *next = k2 + 1;
        return true;
      }
    }
    // Counts: "nearly 30 million people", "46 countries".
    if (LooksLikeYear(number_first) && number_last == number_first && qualifier == "exact") return false;
    // Years counted are a duration ("jailed for 14 years"), "89 years old"
    // an age, "two years ago" a date. ("year" ends other noun phrases.)
    if ((Is(k2, "years") || (Is(k2, "year") && amount == 1 && t_[number_first].kind == Token::Kind::kNumber))) {
      if (Is(k2 + 1, "ago")) return false;
      const bool old = Is(k2 + 1, "old");
      q->kind = old ? Quantity::Kind::kAge : Quantity::Kind::kCount;
      q->amount = amount;
      q->unit = "year";
      if (!old) {
        q->noun = std::string(text_.substr(static_cast<size_t>(t_[k2].start), static_cast<size_t>(t_[k2].end - t_[k2].start)));
        q->noun_start = t_[k2].start;
        q->noun_end = t_[k2].end;
      }
      q->end = t_[old ? k2 + 1 : k2].end;
      *next = old ? k2 + 2 : k2 + 1;
      return true;
    }
    // "Zdravko Micevic, 22, is charged": an age in apposition to a name.
    if (k == i && number_first == number_last && AppositiveAge(number_first, amount)) {
      q->kind = Quantity::Kind::kAge;
      q->amount = amount;
      q->unit = "year";
      q->end = t_[number_last].end;
      *next = k2;
      return true;
    }
    NounAfter(k2, q, t_[number_first].kind == Token::Kind::kNumber);
    if (q->noun.empty()) {
      // A bare number says nothing on its own, unless what follows or comes
      // before says what it counts.
      const std::string unit = amount >= 2 && amount == std::floor(amount)
                                   ? BareCountUnit(number_first, k2, t_[number_first].kind == Token::Kind::kNumber)
                                   : std::string();
      if (unit.empty()) return false;
      q->kind = Quantity::Kind::kCount;
      q->amount = amount;
      q->unit = unit;
      q->end = t_[end_tok].end;
      *next = k2;
      return true;
    }
    // "one reason", "the only one hosted", "two existing": number words count
    // something only when a plural noun follows.
    if (t_[number_first].kind == Token::Kind::kWord) {
      const std::string head = q->noun.substr(q->noun.find_last_of(' ') == std::string::npos ? 0 : q->noun.find_last_of(' ') + 1);
      if (amount < 2 || !LooksPlural(LowerAscii(head))) {
        q->noun.clear();
        return false;
      }
    }
    q->kind = Quantity::Kind::kCount;
    q->amount = amount;
    q->unit = HeadUnit(q->noun);
    size_t stop = k2;
    while (stop < t_.size() && t_[stop].end <= q->noun_end) ++stop;
    stop += PerAfter(stop, q);
    q->end = !q->per.empty() ? t_[stop - 1].end : q->noun_end;
    *next = stop;
    return true;
  }

  std::string_view text_;
  std::vector<Tok> t_;
  mutable size_t split_scale_ = static_cast<size_t>(-1);
  size_t skip_to_ = 0;  // set by TryAt: tokens proven not to start a quantity
};

}  // namespace

std::string_view KindName(Quantity::Kind kind) {
  switch (kind) {
    case Quantity::Kind::kMoney: return "money";
    case Quantity::Kind::kPercent: return "percent";
    case Quantity::Kind::kCount: return "count";
    case Quantity::Kind::kRatio: return "ratio";
    case Quantity::Kind::kRank: return "rank";
    case Quantity::Kind::kMeasure: return "measure";
    case Quantity::Kind::kAge: return "age";
  }
  return "?";
}

std::vector<Quantity> FindQuantities(std::string_view text) {
  std::vector<Quantity> out = Finder(text).Run();
  for (auto& q : out) {
    q.amount = std::round(q.amount * 1e6) / 1e6;  // 11.5 * 1e9 without float noise
    if (q.amount_max) *q.amount_max = std::round(*q.amount_max * 1e6) / 1e6;
  }
  return out;
}

std::optional<double> ParseNumber(std::string_view words) {
  Finder f(words);
  size_t next = 0;
  auto v = f.NumberAt(0, &next);
  if (!v) return std::nullopt;
  // The whole input must be the number.
  const auto tokens = Tokenize(words);
  if (next != tokens.size()) return std::nullopt;
  return v;
}

std::string Singular(std::string_view noun) {
  std::string w = LowerAscii(noun);
  static const std::map<std::string, std::string> kIrregular = {
      {"people", "person"}, {"persons", "person"}, {"men", "man"}, {"women", "woman"}, {"children", "child"},
      {"feet", "foot"}, {"teeth", "tooth"}, {"mice", "mouse"}, {"geese", "goose"}, {"data", "data"},
      {"news", "news"}, {"series", "series"}, {"species", "species"}, {"police", "police"}};
  if (auto it = kIrregular.find(w); it != kIrregular.end()) return it->second;
  auto ends = [&](std::string_view s) { return EndsWith(w, s); };
  if (w.size() > 4 && ends("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 4 && (ends("ches") || ends("shes") || ends("sses") || ends("xes") || ends("zes"))) {
    return w.substr(0, w.size() - 2);
  }
  if (w.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) return w.substr(0, w.size() - 1);
  return w;
}

}  // namespace dossier
