#include "figures.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

#include "dossier/text.h"
#include "dossier/tokens.h"
#include "quotes.h"

namespace dossier::ner {
namespace {

std::string Slug(const std::string& words) {
  std::string out;
  for (char c : NormalizeName(words)) out += c == ' ' ? '_' : c;
  return out;
}

// Verbs of harm after a count of people turn "population" into what happened.
std::string PeopleVerb(const std::vector<std::string>& after) {
  static const std::set<std::string> kVerbs = {"killed", "died", "dead", "disappeared", "tortured", "injured",
                                               "wounded", "imprisoned", "arrested", "displaced", "detained",
                                               "executed", "missing", "murdered", "employed", "affected", "evacuated"};
  std::string out;
  for (size_t i = 0; i < after.size() && i < 8; ++i) {
    if (kVerbs.count(after[i])) {
      out += (out.empty() ? "" : "_or_") + after[i];
    } else if (!out.empty() && after[i] != "or" && after[i] != "and") {
      break;
    }
  }
  return out;
}

std::string Dimension(const std::string& unit) {
  if (unit == "pound" || unit == "kilogram" || unit == "ton" || unit == "tonne") return "weight";
  if (unit == "mile" || unit == "kilometer" || unit == "meter" || unit == "foot") return "distance";
  if (unit.rfind("square", 0) == 0 || unit == "acre" || unit == "hectare") return "area";
  return unit;
}

struct EntityAt {
  const RecognizedMention* m;
  const RecognizedEntity* e;
};

// The time a sentence's figures refer to, and whether it is looked forward to.
struct When {
  std::string time;  // "2012", "1973/1990", or empty
  bool prospective = false;
};

// The year the sentence names: "in 2012", a range ("from 1973 to 1990" is
// 1973/1990), or "last year" from the document's year (0: unknown).
When TimeOf(std::string_view sentence, int doc_year) {
  When when;
  const std::vector<Token> tokens = Tokenize(sentence);
  auto year_at = [&](size_t k) -> int {
    if (k >= tokens.size() || tokens[k].kind != Token::Kind::kNumber) return 0;
    const std::string_view w = tokens[k].in(sentence);
    if (w.size() != 4 || !(w[0] == '1' || w[0] == '2')) return 0;
    const int y = std::stoi(std::string(w));
    return y >= 1900 && y <= 2100 ? y : 0;
  };
  int last_year = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const int y = year_at(k);
    if (y == 0) continue;
    when.time = std::to_string(y);
    last_year = y;
    // "1973 to 1990", "1973-1990", "1973-90", "between 1973 and 1990"; "in 2005
    // and 2008" is two years, not a range.
    const std::string before_year = k > 0 ? LowerAscii(tokens[k - 1].in(sentence)) : "";
    size_t j = k + 1;
    bool joined = false;
    for (; j < tokens.size() && j <= k + 2; ++j) {
      const std::string w = LowerAscii(tokens[j].in(sentence));
      if (w != "to" && w != "through" && w != "until" && w != "till" && w != "-" && w != "\u2013" &&
          !(w == "and" && before_year == "between")) {
        break;
      }
      joined = true;
    }
    int end_year = year_at(j);
    if (end_year == 0 && joined && j < tokens.size() && tokens[j].kind == Token::Kind::kNumber) {
      const std::string_view two = tokens[j].in(sentence);  // "1973-90"
      if (two.size() == 2 && std::isdigit(static_cast<unsigned char>(two[0])) &&
          std::isdigit(static_cast<unsigned char>(two[1]))) {
        end_year = y / 100 * 100 + (two[0] - '0') * 10 + (two[1] - '0');
      }
    }
    if (joined && end_year > y) {
      last_year = end_year;
      when.time += "/" + std::to_string(last_year);
    }
    // "by 2012", "beyond 2010": a year looked forward to.
    when.prospective = before_year == "by" || before_year == "until" || before_year == "beyond";
    break;
  }
  // A year after the document's own is a plan or a forecast when the
  // sentence says so; without such words it may be a misread date.
  if (last_year > 0 && doc_year > 0 && last_year > doc_year) {
    static const std::set<std::string> kFuture = {"will",      "would",      "plan",  "plans",  "planned", "expect",
                                                  "expects",   "expected",   "forecast", "forecasts", "projected",
                                                  "projection", "aim",       "aims",  "target", "targets", "intend",
                                                  "intends",   "goal",       "could"};
    for (const Token& t : tokens) {
      if (t.kind == Token::Kind::kWord && kFuture.count(LowerAscii(t.in(sentence)))) when.prospective = true;
    }
  } else {
    when.prospective = false;
  }
  if (when.time.empty() && doc_year > 0) {
    const std::string lower = LowerAscii(sentence);
    if (lower.find("last year") != std::string::npos) when.time = std::to_string(doc_year - 1);
    else if (lower.find("this year") != std::string::npos) when.time = std::to_string(doc_year);
  }
  return when;
}

// A sentence as its figures read it. Everything a figure asks about its
// sentence (the mentions near it, the words before and after it, whether a
// phrase comes before it) is found here once, in time linear in the
// sentence: asked afresh for every figure, a long sentence full of figures
// and names was quadratic to read.
// Where a news dateline opening the sentence, or one of its first lines,
// ends ("BAGHDAD, Iraq (CNN) --", "COLUMBUS, Georgia —"): a place in
// capitals at the start of a line, a dash within 100 bytes of it, and
// ordinary text after the dash (an all-caps cable line is no dateline). A
// single newline does not end a sentence, so a headline line may come
// before it. 0 when there is none.
int64_t DatelineEnd(std::string_view sentence) {
  const std::string_view head = sentence.substr(0, std::min<size_t>(sentence.size(), 400));
  for (size_t line = 0; line != std::string_view::npos && line < head.size();) {
    const std::string_view from = sentence.substr(line);
    size_t dash = std::string_view::npos;
    for (std::string_view d : {" -- ", " \u2014 ", " \u2013 ", " - "}) {
      const size_t at = from.substr(0, std::min<size_t>(from.size(), 100)).find(d);
      if (at != std::string_view::npos && (dash == std::string_view::npos || at < dash)) dash = at;
    }
    size_t letters = 0;
    while (dash != std::string_view::npos && letters < dash && std::isupper(static_cast<unsigned char>(from[letters]))) ++letters;
    const bool caps_word = letters >= 3 && (letters == dash || !std::isalpha(static_cast<unsigned char>(from[letters])));
    if (caps_word) {
      const std::string_view rest = from.substr(dash);
      if (std::any_of(rest.begin(), rest.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); })) {
        return static_cast<int64_t>(line + dash);
      }
    }
    const size_t nl = head.find('\n', line);
    line = nl == std::string_view::npos ? nl : nl + 1;
  }
  return 0;
}

class SentenceFacts {
 public:
  // mentions: the document's, sorted by start.
  SentenceFacts(std::string_view text, const Span& s, const std::vector<EntityAt>& mentions) : text_(text), span_(s) {
    auto it = std::lower_bound(mentions.begin(), mentions.end(), s.start,
                               [](const EntityAt& ea, int64_t at) { return ea.m->start < at; });
    // Looked for only when a mention could lie in one (most sentences have none near their start).
    const bool near_start = it != mentions.end() && it->m->start < s.end && it->m->start < s.start + 400;
    const int64_t dateline_end =
        near_start ? s.start + DatelineEnd(text.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start)))
                   : 0;
    for (; it != mentions.end() && it->m->start < s.end; ++it) {
      if (it->m->end > s.end) continue;
      // "BAGHDAD, Iraq (CNN) -- Two car bombs killed ...": the dateline says
      // where and who filed, not what the sentence is about.
      if (it->m->end <= dateline_end) continue;
      of_type_[static_cast<size_t>(it->e->type)].push_back(in.size());
      longest_ = std::max(longest_, it->m->end - it->m->start);
      in.push_back(*it);
    }
  }

  // The rest is only needed when the sentence has figures.
  void Read() {
    const std::string_view sentence = text_.substr(static_cast<size_t>(span_.start), static_cast<size_t>(span_.end - span_.start));
    lower_ = LowerAscii(sentence);
    for (const Token& t : Tokenize(sentence)) {
      if (t.kind != Token::Kind::kWord && t.kind != Token::Kind::kNumber) continue;
      words_.push_back({span_.start + t.end, LowerAscii(t.in(sentence))});
      if (t.kind == Token::Kind::kWord && words_.back().low == "here") last_here_ = span_.start + t.start;
    }
    // What every figure of the sentence asks, read once (a sentence of many
    // figures must not be searched again for each).
    personal_pronoun_ = Has(" his ") || Has(" her ") || Has(" he ") || Has(" she ");
    for (const LowWord& w : words_) {
      if (w.low == "i" || w.low == "my" || w.low == "me" || w.low == "myself" || w.low.rfind("i'", 0) == 0 ||
          w.low.rfind("i\u2019", 0) == 0) {
        first_person_ = true;
      }
    }
    names_country_ = Has("the country") || Has("the nation");
    referred_back_ = ReadReferredBack(&referred_head_);
  }
  // Whether the sentence says "his", "her", "he" or "she".
  bool PersonalPronoun() const { return personal_pronoun_; }
  // Whether it says "I", "my" or "me": in a quotation, the speaker speaks
  // of himself.
  bool FirstPerson() const { return first_person_; }
  // Whether it says "the country" or "the nation".
  bool NamesCountry() const { return names_country_; }

  // The mentions inside the sentence, in text order.
  std::vector<EntityAt> in;

  // Whether phrase (lower case) is in the sentence, with a space before the
  // sentence's first word so that " he " finds it there too.
  bool Has(std::string_view phrase) const {
    return lower_.find(phrase) != std::string::npos ||
           (phrase.size() > 1 && phrase[0] == ' ' && lower_.rfind(phrase.substr(1), 0) == 0);
  }
  // Whether phrase (lower case) is in the sentence before offset at, ending
  // a word (" place" is not in "placed").
  bool Before(std::string_view phrase, int64_t at) const {
    for (size_t found = lower_.find(phrase); found != std::string::npos; found = lower_.find(phrase, found + 1)) {
      const size_t end = found + phrase.size();
      if (span_.start + static_cast<int64_t>(end) > at) return false;
      if (end == lower_.size() || !std::isalpha(static_cast<unsigned char>(lower_[end]))) return true;
    }
    return false;
  }
  // The last n words (and numbers) of the sentence before offset at, lower case.
  std::vector<std::string> WordsBefore(int64_t at, size_t n) const {
    const auto end = std::upper_bound(words_.begin(), words_.end(), at, [](int64_t a, const LowWord& w) { return a < w.end; });
    const auto begin = end - std::min<std::ptrdiff_t>(end - words_.begin(), static_cast<std::ptrdiff_t>(n));
    std::vector<std::string> out;
    for (auto it = begin; it != end; ++it) out.push_back(it->low);
    return out;
  }
  // The first n words (and numbers) of the sentence from offset at, lower case.
  // before_comma, when asked: how many of them come before the first comma
  // or semicolon (the figure's own item of a list).
  std::vector<std::string> WordsAfter(int64_t at, size_t n, size_t* before_comma = nullptr) const {
    const std::string_view rest = text_.substr(static_cast<size_t>(at), static_cast<size_t>(span_.end - at));
    std::vector<std::string> out;
    if (before_comma) *before_comma = n;
    TokenReader reader(rest);
    for (Token t; out.size() < n && reader.Next(&t);) {
      if (t.kind == Token::Kind::kWord || t.kind == Token::Kind::kNumber) out.push_back(LowerAscii(t.in(rest)));
      if (before_comma && *before_comma == n && t.kind == Token::Kind::kPunct &&
          (t.in(rest) == "," || t.in(rest) == ";")) {
        *before_comma = out.size();
      }
    }
    return out;
  }
  bool HereFrom(int64_t at) const { return last_here_ >= at; }

  // Whether a mention is who reports the figure rather than what it is
  // about: "X said", "X told reporters", "according to X", "said X".
  bool Reports(const EntityAt& ea) const {
    // Speech verbs (the kernel's one list), and verbs that report a figure
    // without being speech.
    static const std::set<std::string> kReport = {"reported", "reports", "estimated", "estimates",
                                                  "claims",   "quoted",  "cited",     "confirmed"};
    const std::string next = WordNear(ea.m->end, true);
    if (IsSpeechVerb(next) || kReport.count(next)) return true;
    // "UBS predicts that ...", "the UBS report notes that ...": a verb of
    // knowing or foreseeing with "that" reports another's figure too.
    static const std::set<std::string> kWork = {"report", "study", "survey", "analysts", "analyst", "research", "poll", "forecast"};
    static const std::set<std::string> kThat = {"predicts", "predicted", "notes",  "noted",   "found", "finds",  "shows",
                                                "showed",   "believes",  "warns",  "warned",  "argues", "forecasts", "projects",
                                                "expects",  "estimates", "says",   "said",    "claims", "suggests", "concluded"};
    if (!next.empty() && (kWork.count(next) || kThat.count(next))) {
      const std::vector<std::string> w = WordsAfter(ea.m->end, 3);
      const size_t verb = kWork.count(next) ? 1 : 0;
      if (verb < w.size() && (IsSpeechVerb(w[verb]) || kReport.count(w[verb]) || kThat.count(w[verb]))) {
        if (verb == 1 || (w.size() > 1 && w[1] == "that")) return true;
      }
    }
    const std::string prev = WordNear(ea.m->start, false);
    if (prev == "said" || prev == "says" || prev == "told") return true;
    if (prev != "to") return false;
    const int64_t to_start = WordStartBefore(ea.m->start);
    return to_start >= 0 && WordNear(to_start, false) == "according";
  }
  // "Vonage said it had 276,000 customers": who reports a figure about
  // itself (a pronoun of its kind right after the verb) is its subject
  // after all.
  bool ReportsOnItself(const EntityAt& ea) const { return SpeaksOfItself(ea.m->end, ea.e->type); }

  // What the sentence's subject refers back to when it is a pronoun or a
  // description instead of a name: "He spent six years in jail", "A veteran
  // of 22 years, he ...", "The company expects 200,000 customers", "Its
  // sales fell 5%". kDocument when it is none of these, or when the
  // reference only reports the figure ("He said 40 people died").
  EntityType ReferredBack() const { return referred_back_; }
  // The noun of that description, singular and lower case ("community" for
  // "The new community", "bloc"), or empty: "the Community" is the body
  // named earlier with "Community" in its name, not just the last one named.
  const std::string& ReferredHead() const { return referred_head_; }
  // Nouns of a body that a description names by its own word: "the
  // Community", "the board", "the commission".
  static const std::set<std::string>& BodyNouns() {
    static const std::set<std::string> kBody = {
        "bloc",     "community", "alliance", "union",   "board",     "commission", "council",  "committee",
        "institute", "school",   "university", "party", "ministry",  "department", "network",  "league",
        "association", "federation", "coalition", "court", "foundation", "authority", "centre", "center",
        "programme", "program",   "team",     "club",    "army",      "navy",       "administration", "body"};
    return kBody;
  }
 private:
  EntityType ReadReferredBack(std::string* head) const {
    static const std::set<std::string> kOrganizationNouns = {
        "company", "firm",     "group",   "retailer", "bank",      "carrier",      "airline",  "chain",
        "maker",   "giant",    "insurer", "corporation", "agency", "organization", "organisation", "charity",
        "operator", "business", "conglomerate", "studio", "automaker", "carmaker", "publisher", "broadcaster",
        "manufacturer", "lender", "supermarket", "startup"};
    // What "it" does when it is a company (not "it is expected that ...").
    static const std::set<std::string> kItDoes = {"has",  "had",  "will",   "would", "plans", "expects", "employs", "operates",
                                                  "owns", "sold", "posted", "earned", "lost", "cut",    "closed",  "made",
                                                  "raised", "paid", "spent", "bought", "reported", "added", "hopes", "aims"};
    int clauses = 0;
    for (size_t i = 0; i < words_.size() && clauses < 2; ++i) {
      if (i > 0 && !CommaBetween(words_[i - 1].end, WordStart(words_[i]))) continue;
      ++clauses;
      const std::string& w = words_[i].low;
      const std::string next = i + 1 < words_.size() ? words_[i + 1].low : "";
      if (w == "he" || w == "she" || w == "his" || w == "her") {
        if ((w == "he" || w == "she") && IsSpeechVerb(next)) {
          return SpeaksOfItself(words_[i].end, EntityType::kPerson) ? EntityType::kPerson : EntityType::kDocument;
        }
        return EntityType::kPerson;
      }
      if (w == "its" || (w == "it" && kItDoes.count(next))) return EntityType::kOrganization;
      if (w != "the" && w != "this") continue;
      // "The new community", "the combined group": one adjective may stand
      // between.
      static const std::set<std::string> kAdjectives = {"new", "combined", "merged", "proposed", "planned", "regional",
                                                        "whole", "entire", "same", "enlarged", "expanded"};
      size_t n = i + 1;
      if (n + 1 < words_.size() && kAdjectives.count(words_[n].low)) ++n;
      if (n >= words_.size()) continue;
      std::string noun = words_[n].low;
      if (noun.size() > 2 && (noun.compare(noun.size() - 2, 2, "'s") == 0)) noun.resize(noun.size() - 2);
      if (!kOrganizationNouns.count(noun) && !BodyNouns().count(noun)) continue;
      const std::string after = n + 1 < words_.size() ? words_[n + 1].low : "";
      if (IsSpeechVerb(after) && !SpeaksOfItself(words_[n].end, EntityType::kOrganization)) return EntityType::kDocument;
      *head = noun;
      return EntityType::kOrganization;
    }
    return EntityType::kDocument;
  }

 public:
  // Whether a mention is a possessive: "Kmart's sales", "the workers' pay".
  bool Possessive(const EntityAt& ea) const {
    const std::string_view rest = text_.substr(static_cast<size_t>(ea.m->end), std::min<size_t>(4, static_cast<size_t>(span_.end - ea.m->end)));
    return rest.rfind("'s", 0) == 0 || rest.rfind("\u2019s", 0) == 0 || rest.rfind("s'", 0) == 0;
  }

  // Indices into in of the mentions of type t starting at or after offset
  // from, in order.
  const std::vector<size_t>& OfType(EntityType t) const { return of_type_[static_cast<size_t>(t)]; }
  // The first index into in whose mention could end at or after offset at.
  size_t FirstEndingFrom(int64_t at) const {
    const int64_t from = at - longest_;
    return static_cast<size_t>(std::lower_bound(in.begin(), in.end(), from, [](const EntityAt& ea, int64_t x) {
                                 return ea.m->start < x;
                               }) - in.begin());
  }

 private:
  struct LowWord {
    int64_t end;
    std::string low;
  };
  std::string_view text_;
  Span span_;
  std::vector<size_t> of_type_[5];  // by EntityType
  int64_t longest_ = 0;             // the longest mention's length
  std::string lower_;
  std::vector<LowWord> words_;
  int64_t last_here_ = -1;  // where its last "here" starts
  bool personal_pronoun_ = false;
  bool first_person_ = false;
  bool names_country_ = false;
  EntityType referred_back_ = EntityType::kDocument;
  std::string referred_head_;

  static int64_t WordStart(const LowWord& w) { return w.end - static_cast<int64_t>(w.low.size()); }
  bool CommaBetween(int64_t from, int64_t to) const {
    return text_.substr(static_cast<size_t>(from), static_cast<size_t>(std::max<int64_t>(0, to - from))).find(',') != std::string_view::npos;
  }
  // Whether the words from offset at are a speech verb's "(that) it/its ..."
  // (for an organization) or "(that) he/his/she/her ..." (for a person).
  bool SpeaksOfItself(int64_t at, EntityType type) const {
    const std::vector<std::string> next = WordsAfter(at, 3);
    if (next.empty() || !(IsSpeechVerb(next[0]) || next[0] == "estimates" || next[0] == "estimated" ||
                          next[0] == "reported" || next[0] == "reports")) return false;
    const size_t k = next.size() > 1 && next[1] == "that" ? 2 : 1;
    if (k >= next.size()) return false;
    const std::string& p = next[k];
    if (type == EntityType::kPerson) return p == "he" || p == "his" || p == "she" || p == "her";
    return p == "it" || p == "its" || p == "they" || p == "their";
  }

  // The word right after (forward) or right before offset at, lower case,
  // within the sentence; empty when punctuation stands between. Reads a
  // few bytes only, so asking it of every mention stays linear.
  std::string WordNear(int64_t at, bool forward) const {
    if (forward) {
      auto it = std::lower_bound(words_.begin(), words_.end(), at + 1, [](const LowWord& w, int64_t x) { return w.end < x; });
      if (it == words_.end()) return "";
      const int64_t start = it->end - static_cast<int64_t>(it->low.size());
      if (start < at) return "";
      for (int64_t k = at; k < start; ++k) {
        if (text_[static_cast<size_t>(k)] != ' ') return "";
      }
      return it->low;
    }
    const LowWord* w = WordBefore(at);
    return w ? w->low : "";
  }
  // Where the word right before offset at starts, or -1.
  int64_t WordStartBefore(int64_t at) const {
    const LowWord* w = WordBefore(at);
    return w ? w->end - static_cast<int64_t>(w->low.size()) : -1;
  }
  const LowWord* WordBefore(int64_t at) const {
    auto it = std::upper_bound(words_.begin(), words_.end(), at, [](int64_t x, const LowWord& w) { return x < w.end; });
    if (it == words_.begin()) return nullptr;
    --it;
    for (int64_t k = it->end; k < at; ++k) {
      if (text_[static_cast<size_t>(k)] != ' ') return nullptr;
    }
    return &*it;
  }
};

// What a figure measures, from the words around it: one of the measures of
// docs/extraction.md ("Measures"), so that two outlets' figures for the
// same thing get the same key whatever their wording.
struct Wording {
  const std::vector<std::string>& before;  // the last words before the figure, nearest last
  const std::vector<std::string>& after;   // the first words after it, nearest first
  size_t after_item = SIZE_MAX;  // how many of `after` come before a comma: the figure's item of a list
};

// The measure the nearest cue word names: after the figure first ("$5m in
// aid", "5,000 people were killed"), then before it ("a profit of $2m",
// "killed 10 people"). Windows are short so that another clause's words
// do not name it, and the words after stop at a comma, a conjunction or
// another number: in "a GDP of $973bn and exports of $181bn" (or "of $970
// billion, exports of $188 billion") the exports are the second figure's.
bool EndsItem(const std::string& word) {
  return word == "and" || word == "or" || word == "but" || word == "while" || word == "whereas" ||
         (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0])));
}

std::string Cue(const Wording& w, const std::map<std::string, std::string>& cues, size_t after_n = 5,
                size_t before_n = 7) {
  for (size_t i = 0; i < w.after.size() && i < std::min(after_n, w.after_item) && !EndsItem(w.after[i]); ++i) {
    if (auto it = cues.find(w.after[i]); it != cues.end()) return it->second;
  }
  for (size_t i = 0; i < w.before.size() && i < before_n; ++i) {
    if (auto it = cues.find(w.before[w.before.size() - 1 - i]); it != cues.end()) return it->second;
  }
  return "";
}

bool Near(const Wording& w, const std::set<std::string>& words, size_t after_n = 5, size_t before_n = 7) {
  for (size_t i = 0; i < w.after.size() && i < after_n; ++i) {
    if (words.count(w.after[i])) return true;
  }
  for (size_t i = 0; i < w.before.size() && i < before_n; ++i) {
    if (words.count(w.before[w.before.size() - 1 - i])) return true;
  }
  return false;
}

// Cue words of a few measures, built once rather than at every figure.
const std::set<std::string> kDealWords = {"deal", "contract", "merger", "takeover", "acquisition"};
const std::set<std::string> kEmployWords = {"employs", "employ", "employed", "employing", "staff", "workforce"};
const std::set<std::string> kQuakeWords = {"magnitude", "richter", "earthquake", "quake"};
const std::set<std::string> kSpeedWords = {"per", "an", "speed", "mph"};
const std::set<std::string> kLengthWords = {"long", "length", "stretch", "stretches", "stretching"};
const std::set<std::string> kHeightWords = {"tall", "high", "height", "deep", "depth", "altitude"};
const std::set<std::string> kWidthWords = {"wide", "diameter", "across", "width"};

// Moves of a share, an index or a rate: "rose 30%", "shares fell $4".
const std::set<std::string>& MoveWords() {
  static const std::set<std::string> k = {"rose",   "rise",   "rises",   "risen",  "fell",    "fall",   "falls",
                                          "fallen", "up",     "down",    "gained", "gain",    "gains",  "lost",
                                          "jumped", "jump",   "climbed", "dropped", "drop",   "slumped", "slid",
                                          "surged", "soared", "plunged", "tumbled", "declined", "increased",
                                          "decreased", "higher", "lower"};
  return k;
}

const std::set<std::string>& ShareWords() {
  static const std::set<std::string> k = {"shares", "share", "stock", "stocks"};
  return k;
}

const std::set<std::string>& IndexWords() {
  static const std::set<std::string> k = {"index", "sensex", "dow", "nasdaq", "ftse", "nikkei", "dax", "cac",
                                          "hang", "s&p", "kospi", "nifty"};
  return k;
}

const std::set<std::string>& ChanceWords() {
  static const std::set<std::string> k = {"chance", "chances", "odds", "probability", "likelihood", "risk", "likely"};
  return k;
}

std::string MoneyMeasure(const Wording& w) {
  static const std::map<std::string, std::string> kCues = {
      {"revenue", "revenue"},    {"revenues", "revenue"},   {"turnover", "revenue"},  {"income", "revenue"},
      {"earned", "revenue"},     {"sales", "sales"},        {"profit", "profit"},     {"profits", "profit"},
      {"earnings", "profit"},    {"loss", "loss"},          {"losses", "loss"},       {"aid", "aid"},
      {"pledged", "aid"},        {"pledge", "aid"},         {"pledges", "aid"},       {"donated", "aid"},
      {"donation", "aid"},       {"donations", "aid"},      {"relief", "aid"},        {"assistance", "aid"},
      {"cost", "cost"},          {"costs", "cost"},         {"costing", "cost"},      {"budget", "budget"},
      {"spent", "spending"},     {"spend", "spending"},     {"spending", "spending"}, {"debt", "debt"},
      {"debts", "debt"},         {"fine", "fine"},          {"fined", "fine"},        {"damages", "damages"},
      {"compensation", "damages"}, {"salary", "salary"},   {"salaries", "salary"},   {"wage", "salary"},
      {"wages", "salary"},       {"tax", "tax"},            {"taxes", "tax"},         {"investment", "investment"},
      {"invest", "investment"},  {"invested", "investment"}, {"investing", "investment"},
      {"grossed", "box_office"}, {"gross", "box_office"},   {"box", "box_office"},    {"weekend", "box_office"},
      {"deal", "deal_value"},    {"merger", "deal_value"},  {"acquisition", "deal_value"}, {"takeover", "deal_value"},
      {"bid", "deal_value"},     {"buy", "deal_value"},     {"buys", "deal_value"},   {"bought", "deal_value"},
      {"acquire", "deal_value"}, {"acquired", "deal_value"}, {"acquires", "deal_value"}, {"purchase", "deal_value"},
      {"sell", "deal_value"},    {"sold", "deal_value"},    {"sells", "deal_value"},  {"contract", "deal_value"},
      {"valued", "market_value"}, {"valuation", "market_value"}, {"capitalisation", "market_value"},
      {"capitalization", "market_value"}, {"worth", "market_value"},
      {"price", "price"},        {"priced", "price"},       {"tickets", "price"},     {"ticket", "price"},
      // "exports of $181bn", "a gross domestic product of $973bn" ("gross"
      // alone is a film's takings, so "domestic" names the measure first).
      {"exports", "exports"},    {"export", "exports"},     {"imports", "imports"},   {"import", "imports"},
      {"gdp", "gdp"},            {"domestic", "gdp"},       {"trade", "trade"}};
  // A share's price and its moves: "shares closed at $20.60", "shares fell $4".
  if (Near(w, ShareWords(), 3, 6)) return Near(w, MoveWords(), 3, 6) ? "share_price_change" : "share_price";
  std::string measure = Cue(w, kCues);
  // "a deal worth $2bn": the worth of a deal is its value.
  if (measure == "market_value" && Near(w, kDealWords, 0, 6)) {
    measure = "deal_value";
  }
  return measure.empty() ? "amount" : measure;
}

// The noun a count or share is of, singular, for "count:protester".
std::string NounKey(const Quantity& q) {
  const std::string& noun = q.kind == Quantity::Kind::kCount ? q.unit : q.noun;
  if (noun.empty()) return "";
  const size_t space = noun.find_last_of(' ');
  return Slug(Singular(space == std::string::npos ? noun : noun.substr(space + 1)));
}

std::string PercentMeasure(const Quantity& q, const Wording& w) {
  static const std::map<std::string, std::string> kCues = {
      {"stake", "stake"},         {"vote", "vote_share"},    {"votes", "vote_share"}, {"growth", "growth"},
      {"grew", "growth"},         {"grow", "growth"},        {"gdp", "growth"},       {"economy", "growth"},
      {"inflation", "inflation"}, {"unemployment", "unemployment"}, {"jobless", "unemployment"},
      {"rate", "rate"},           {"rates", "rate"},         {"chance", "probability"}, {"chances", "probability"},
      {"odds", "probability"},    {"probability", "probability"}, {"likely", "probability"}};
  if (Near(w, ShareWords(), 3, 6) && Near(w, MoveWords(), 3, 6)) return "share_price_change";
  if (Near(w, IndexWords(), 3, 6) && Near(w, MoveWords(), 3, 6)) return "index_change";
  const std::string measure = Cue(w, kCues, 3, 6);
  if (!measure.empty()) return measure;
  const std::string noun = NounKey(q);
  return noun.empty() ? "percent" : "percent:" + noun;
}

// Units of time: a count of them is a duration, or a prison term.
bool TimeUnit(const std::string& unit) {
  return unit == "second" || unit == "minute" || unit == "hour" || unit == "day" || unit == "week" ||
         unit == "month" || unit == "year" || unit == "decade" || unit == "century";
}

std::string DurationMeasure(const Wording& w) {
  static const std::set<std::string> kPenalty = {"sentenced", "sentence", "jailed", "jail", "prison", "imprisoned",
                                                 "imprisonment", "term", "serve", "serving", "behind"};
  return Near(w, kPenalty, 3, 7) ? "sentence" : "duration";
}

// What happened to people counted: "10 people were killed", "killed 10
// people", "10 dead".
std::string HarmMeasure(const Wording& w) {
  static const std::map<std::string, std::string> kCues = {
      {"killed", "deaths"},     {"kill", "deaths"},       {"killing", "deaths"},     {"dead", "deaths"},
      {"died", "deaths"},       {"die", "deaths"},        {"deaths", "deaths"},      {"lives", "deaths"},
      {"perished", "deaths"},   {"murdered", "deaths"},   {"executed", "deaths"},    {"injured", "injured"},
      {"injuring", "injured"},  {"wounded", "injured"},   {"wounding", "injured"},   {"hurt", "injured"},
      {"missing", "missing"},   {"disappeared", "missing"}, {"displaced", "displaced"}, {"homeless", "displaced"},
      {"evacuated", "displaced"}, {"fled", "displaced"},  {"arrested", "arrested"},  {"arresting", "arrested"},
      {"detained", "detained"}, {"detaining", "detained"}, {"held", "detained"},     {"jailed", "detained"},
      {"imprisoned", "detained"}, {"affected", "affected"}};
  return Cue(w, kCues, 6, 3);
}

std::string CountMeasure(const Quantity& q, const EntityAt* subject, const Wording& w) {
  const std::string& unit = q.unit;
  if (TimeUnit(unit)) return DurationMeasure(w);
  static const std::map<std::string, std::string> kUnits = {
      {"death", "deaths"},       {"fatality", "deaths"},    {"casualty", "deaths"},   {"victim", "victims"},
      {"injury", "injured"},     {"arrest", "arrested"},    {"store", "stores"},      {"shop", "stores"},
      {"branch", "stores"},      {"outlet", "stores"},      {"job", "employees"},     {"employee", "employees"},
      {"worker", "employees"},   {"staff", "employees"},    {"troop", "troops"},      {"peacekeeper", "troops"},
      {"protester", "participants"}, {"demonstrator", "participants"}, {"marcher", "participants"},
      {"participant", "participants"}, {"attendee", "participants"}, {"spectator", "participants"},
      {"member", "members"},     {"seat", "seats"},         {"vote", "votes"},        {"user", "users"},
      {"customer", "customers"}, {"client", "customers"},   {"subscriber", "subscribers"}, {"visitor", "visitors"},
      {"tourist", "visitors"},   {"resident", "population"}, {"inhabitant", "population"},
      {"wounded", "injured"},    {"injured", "injured"},    {"dead", "deaths"}};
  static const std::set<std::string> kPeople = {"person", "man", "woman", "child", "civilian", "adult", "resident",
                                                "student", "soldier", "villager", "worker", "employee", "passenger",
                                                "pilgrim", "refugee", "prisoner", "miner", "policeman", "officer",
                                                // "killed 16 and wounded 38 others"
                                                "other"};
  // What happened to the people counted comes first: "200 workers were
  // killed" is a death toll, not a staff count.
  if (kPeople.count(unit) || unit == "troop") {
    if (const std::string harm = HarmMeasure(w); !harm.empty()) return harm;
  }
  std::string measure;
  if (auto it = kUnits.find(unit); it != kUnits.end()) measure = it->second;
  static const std::set<std::string> kCut = {"cut", "cuts", "cutting", "shed", "shedding", "axe", "axed", "lose",
                                             "lost", "losing", "eliminate", "eliminated", "slash", "slashed", "go",
                                             "redundant", "layoffs", "laid"};
  static const std::set<std::string> kClose = {"close", "closed", "closing", "closes", "shut", "shutting", "closure",
                                               "closures"};
  if (measure == "employees" && Near(w, kCut, 4, 5)) return "jobs_cut";
  if (measure == "stores" && Near(w, kClose, 4, 5)) return "stores_closed";
  if (!measure.empty()) return measure;
  if (unit == "person") {
    static const std::set<std::string> kTurnout = {"protest", "protested", "protesting", "rally", "rallied", "march",
                                                   "marched", "demonstrated", "demonstration", "attended", "gathered",
                                                   "turned", "joined", "crowd", "crowds", "protesters"};
    if (Near(w, kTurnout, 5, 6)) return "participants";
    static const std::set<std::string> kHome = {"population", "inhabitants", "home", "live", "lives", "living"};
    if ((subject && subject->e->type == EntityType::kPlace) || Near(w, kHome, 4, 5)) return "population";
    if (Near(w, kEmployWords, 4, 5)) return "employees";
  }
  if ((unit == "point" || unit == "magnitude") && Near(w, kQuakeWords, 3, 3)) {
    return "magnitude";
  }
  if (unit == "point" && Near(w, IndexWords(), 3, 6)) return Near(w, MoveWords(), 3, 6) ? "index_change" : "index_level";
  return "count:" + NounKey(q);
}

std::string MeasureMeasure(const Quantity& q, const Wording& w) {
  if (TimeUnit(q.unit)) return DurationMeasure(w);
  const std::string d = Dimension(q.unit);
  if (d == "distance") {
    if (!q.per.empty() || Near(w, kSpeedWords, 2, 0)) return "speed";
    if (Near(w, kLengthWords, 3, 2)) return "length";
    if (Near(w, kHeightWords, 3, 2)) return "height";
    if (Near(w, kWidthWords, 3, 2)) return "diameter";
    return "distance";
  }
  if (d == "weight" || d == "area") return d;
  return "count:" + Slug(q.unit);
}

// The predicate: the measure, and for a plain count or share the noun.
std::string Predicate(const Quantity& q, const EntityAt* subject, const std::vector<std::string>& before_words,
                      const std::vector<std::string>& after_words, size_t after_item) {
  const Wording w{before_words, after_words, after_item};
  switch (q.kind) {
    case Quantity::Kind::kCount:
      return CountMeasure(q, subject, w);
    case Quantity::Kind::kMoney:
      return MoneyMeasure(w);
    case Quantity::Kind::kPercent:
      return PercentMeasure(q, w);
    case Quantity::Kind::kRatio:
      // "four times more": a multiple; "1 in 300 chance": odds; "1 of every 3 ferries": a share.
      if (q.unit == "times") return "count:times";
      if (Near(w, ChanceWords(), 4, 3)) return "probability";
      return q.unit == "ratio" ? "percent" : "percent:" + Slug(q.unit);
    case Quantity::Kind::kRank:
      return "rank";
    case Quantity::Kind::kMeasure:
      return MeasureMeasure(q, w);
    case Quantity::Kind::kAge:
      return "age";
  }
  return "amount";
}

// "40 km north-east of Baghdad", "25 miles (40 km) to the south": the
// compass direction after a distance, as one spelling ("north-east"), so
// that two outlets' directions can be compared (docs/checks.md).
std::string DirectionAfter(const Quantity& q, const std::vector<std::string>& after_words) {
  static const std::set<std::string> kLength = {"kilometer", "mile", "meter", "foot", "yard", "nautical mile"};
  if (q.kind != Quantity::Kind::kMeasure || !kLength.count(q.unit)) return "";
  static const std::map<std::string, std::string> kCompass = {
      {"north", "north"},          {"south", "south"},          {"east", "east"},            {"west", "west"},
      {"northeast", "north-east"}, {"north-east", "north-east"}, {"northwest", "north-west"}, {"north-west", "north-west"},
      {"southeast", "south-east"}, {"south-east", "south-east"}, {"southwest", "south-west"}, {"south-west", "south-west"},
      {"ne", "north-east"},        {"nw", "north-west"},        {"se", "south-east"},        {"sw", "south-west"}};
  // Up to four words may come between: "(40 km)", "to the".
  for (size_t i = 0; i < after_words.size() && i < 5; ++i) {
    auto it = kCompass.find(after_words[i]);
    if (it != kCompass.end()) {
      // A direction of something: "north of", "northeast from"; not "north Korea".
      const std::string next = i + 1 < after_words.size() ? after_words[i + 1] : "";
      return next == "of" || next == "from" || next.empty() ? it->second : "";
    }
    const std::string& w = after_words[i];
    const bool filler = w == "to" || w == "the" || w == "km" || w == "miles" || w == "mi" || w == "kilometres" ||
                        w == "kilometers" || (!w.empty() && std::isdigit(static_cast<unsigned char>(w[0])));
    if (!filler) return "";
  }
  return "";
}

// The figures of a document sentence by sentence, with what earlier
// sentences said: the city "here" means, the person "his rule" means.
class FigureReader {
 public:
  FigureReader(std::string_view text, const Recognition& r, const std::vector<Span>& paragraphs, int doc_year)
      : text_(text), r_(r), paragraphs_(paragraphs), doc_year_(doc_year) {
    for (const auto& m : r.mentions) {
      if (m.entity >= 0) mentions_.push_back({&m, &r.entities[static_cast<size_t>(m.entity)]});
    }
    mention_counts_.assign(r.entities.size(), 0);
    for (const auto& m : r.mentions) {
      if (m.entity >= 0) ++mention_counts_[static_cast<size_t>(m.entity)];
    }
    // In text order (a stable sort keeps an order already right as it is).
    std::stable_sort(mentions_.begin(), mentions_.end(),
                     [](const EntityAt& a, const EntityAt& b) { return a.m->start < b.m->start; });
  }

  std::vector<Figure> Run() {
    for (const Span& para : paragraphs_) {
      const std::string_view ptext = text_.substr(static_cast<size_t>(para.start), static_cast<size_t>(para.end - para.start));
      ForEachSentence(ptext, [&](Span rel) { Sentence({para.start + rel.start, para.start + rel.end}); });
    }
    return std::move(out_);
  }

 private:
  // Quantities are read in ordinary case: in an ALL-CAPS sentence every noun
  // after a number would look like a name ("1,200 HOUSEHOLDS"). The cased
  // view costs a third of the recognizer, so it is made only for such text.
  std::string_view InCase(const Span& s) {
    const std::string_view raw = text_.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start));
    if (UpperRatio(raw) <= 0.8) return raw;
    if (cased_.empty()) cased_ = CasedView(text_, paragraphs_);
    return std::string_view(cased_).substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start));
  }

  void Sentence(const Span& s) {
    SentenceFacts facts(text_, s, mentions_);
    const auto quantities = FindQuantities(InCase(s));
    if (!quantities.empty()) {
      facts.Read();
      const When when = TimeOf(text_.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start)), doc_year_);
      Remembered remembered = RememberedIn(facts);
      for (const Quantity& q : quantities) ReadFigure(facts, s, q, when, remembered);
    }
    // The places of the sentence, for a later "here" or "the country's".
    const Remembered places = RememberedIn(facts);
    if (places.city) last_city_ = places.city;
    if (places.country) last_country_ = places.country;
    // The last organization of the sentence, for a later "the company".
    if (const auto& orgs = facts.OfType(EntityType::kOrganization); !orgs.empty()) last_organization_ = facts.in[orgs.back()].m;
  }

  // The places a sentence names: what "here" and "the country" mean after it.
  struct Remembered {
    const RecognizedMention* city = nullptr;
    const RecognizedMention* country = nullptr;
  };
  static Remembered RememberedIn(const SentenceFacts& facts) {
    Remembered r;
    for (size_t i : facts.OfType(EntityType::kPlace)) {
      const EntityAt& ea = facts.in[i];
      const std::string kind = ea.e->properties.value("kind", std::string());
      if (kind != "country" && kind != "region" && kind != "subdivision") r.city = ea.m;  // "here"
      if (kind == "country") r.country = ea.m;
    }
    return r;
  }

  // The first mention of a preferred type in the sentence before the figure
  // (the grammatical subject, usually): "Sutphen has sold ... to China,
  // Thailand ..., bringing in $11 million" is about Sutphen. Too far from
  // the figure (another clause), nothing.
  static const EntityAt* Prefer(const SentenceFacts& facts, std::initializer_list<EntityType> types, bool before_only,
                                int64_t qs) {
    const size_t from = facts.FirstEndingFrom(qs - 150);
    for (EntityType t : types) {
      const auto& of = facts.OfType(t);
      for (auto it = std::lower_bound(of.begin(), of.end(), from); it != of.end(); ++it) {
        const EntityAt& ea = facts.in[*it];
        if (before_only && ea.m->start >= qs) break;
        if (ea.m->end <= qs && qs - ea.m->end > 150) continue;
        // "..., police chief Ana Ruiz said": who reports a figure is not
        // what it is about.
        if (facts.Reports(ea) && !facts.ReportsOnItself(ea)) continue;
        return &ea;
      }
    }
    return nullptr;
  }

  // Whom "he", "his rule" or "the 89-year-old general" means at offset at:
  // of the people named in the text just before, the one the document
  // names most (the story's protagonist, usually), the latest of equals.
  // A pronoun refers to whoever the text is about more often than to the
  // last name it happened to give.
  const RecognizedMention* SalientPerson(int64_t at, int64_t within) const {
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), at - within,
                               [](const EntityAt& ea, int64_t x) { return ea.m->start < x; });
    const RecognizedMention* best = nullptr;
    for (; it != mentions_.end() && it->m->end <= at; ++it) {
      if (it->e->type != EntityType::kPerson) continue;
      if (!best || mention_counts_[static_cast<size_t>(it->m->entity)] >= mention_counts_[static_cast<size_t>(best->entity)]) {
        best = it->m;
      }
    }
    return best;
  }
  // The organization "the company", "the Community" or "its" means at
  // offset at: the last one named whose name has the description's noun in
  // it ("the Community" after "the South American Community of Nations",
  // further back than the last organization named), else the last one named
  // within kReferBack for a company's noun ("the company", "the firm"). A
  // body's noun no name has ("the board" with no board named) means none.
  const RecognizedMention* OrganizationMeant(const std::string& head, int64_t at) const {
    if (!head.empty()) {
      auto it = std::lower_bound(mentions_.begin(), mentions_.end(), at,
                                 [](const EntityAt& ea, int64_t x) { return ea.m->start < x; });
      while (it != mentions_.begin()) {
        --it;
        if (at - it->m->end > kReferBack * 3) break;
        if (it->e->type == EntityType::kOrganization && HasWord(it->e->name, head)) return it->m;
      }
      if (SentenceFacts::BodyNouns().count(head)) return nullptr;
    }
    return last_organization_ && at - last_organization_->end < kReferBack ? last_organization_ : nullptr;
  }
  // The person whose quotation holds offset at, as a mention of them (the
  // one naming them as speaker, else, for "he said", the last naming them
  // within a few sentences before at), or null. The quotations are found
  // once, the first time a figure asks; each lookup is a binary search, so
  // that a quotation full of figures stays linear to read.
  const RecognizedMention* SpeakerAt(int64_t at) const {
    if (!quotes_) quotes_ = FindQuotes(text_, r_, paragraphs_);
    auto q = std::upper_bound(quotes_->begin(), quotes_->end(), at, [](int64_t x, const Quote& qt) { return x < qt.start; });
    if (q == quotes_->begin()) return nullptr;
    --q;
    if (at >= q->end || q->speaker < 0 || r_.entities[static_cast<size_t>(q->speaker)].type != EntityType::kPerson) return nullptr;
    auto first_from = [&](int64_t from) {
      return std::lower_bound(mentions_.begin(), mentions_.end(), from,
                              [](const EntityAt& ea, int64_t x) { return ea.m->start < x; });
    };
    if (auto named = first_from(q->speaker_start); named != mentions_.end() && named->m->start == q->speaker_start &&
                                                   named->m->entity == q->speaker) {
      return named->m;
    }
    for (auto it = first_from(at); it != mentions_.begin();) {
      --it;
      if (at - it->m->end > kReferBack * 3) break;
      if (it->m->entity == q->speaker) return it->m;
    }
    return nullptr;
  }
  // " daughter ", " retired general "? Only one word, in lower case.
  static bool OneLowerWord(std::string_view between) {
    if (between.size() < 3 || between.front() != ' ' || between.back() != ' ') return false;
    const std::string_view w = between.substr(1, between.size() - 2);
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }
  // Whether a name has this word (lower case) as one of its words.
  static bool HasWord(const std::string& name, const std::string& word) {
    return (" " + NormalizeName(name) + " ").find(" " + word + " ") != std::string::npos;
  }
  void Refer(const RecognizedMention* m, EntityAt* to) const { *to = {m, &r_.entities[static_cast<size_t>(m->entity)]}; }

  // The first of these mentions (indices into facts.in, in text order)
  // starting at or after offset at: a binary search, so that a sentence of
  // many figures and names stays linear to read.
  static std::vector<size_t>::const_iterator FirstAtOrAfter(const SentenceFacts& facts, const std::vector<size_t>& of,
                                                            int64_t at) {
    return std::lower_bound(of.begin(), of.end(), at, [&](size_t i, int64_t x) { return facts.in[i].m->start < x; });
  }

  // A place after "in" ("across", "throughout") within a few words of offset
  // at, in the same clause.
  const EntityAt* PlaceAfter(const SentenceFacts& facts, int64_t at) const {
    const auto& places = facts.OfType(EntityType::kPlace);
    for (auto it = FirstAtOrAfter(facts, places, at); it != places.end(); ++it) {
      const EntityAt& ea = facts.in[*it];
      if (ea.m->start - at > 60) break;
      const std::string_view between = text_.substr(static_cast<size_t>(at), static_cast<size_t>(ea.m->start - at));
      if (between.find_first_of(",;:(") != std::string_view::npos) break;
      // "died in Indonesia", "who died across Asia", "throughout the region".
      for (std::string_view prep : {" in ", " across ", " throughout "}) {
        if (between.size() >= prep.size() && between.substr(between.size() - prep.size()) == prep) return &ea;
      }
      break;
    }
    return nullptr;
  }

  // The subject of a figure other than an age.
  const EntityAt* Subject(const SentenceFacts& facts, const Quantity& q, int64_t qs, int64_t qe,
                          const std::vector<std::string>& after_words, EntityAt* deictic_subject) const {
    const EntityAt* subject = nullptr;
    // Apposition: "Chongqing, a municipality of nearly 30 million people".
    for (size_t i = facts.FirstEndingFrom(qs - 59); i < facts.in.size() && facts.in[i].m->start <= qs; ++i) {
      const EntityAt& ea = facts.in[i];
      if (ea.m->end > qs || qs - ea.m->end >= 60) continue;
      const std::string between = LowerAscii(text_.substr(static_cast<size_t>(ea.m->end), static_cast<size_t>(qs - ea.m->end)));
      // A relative clause says the same of its name: "Time Warner Cable,
      // which has 10.9 million subscribers", "Okafor, whose firm employs 300".
      const bool relative = between.rfind(", which ", 0) == 0 || between.rfind(", who ", 0) == 0 ||
                            between.rfind(", whose ", 0) == 0;
      if ((between.rfind(", a ", 0) == 0 || between.rfind(", an ", 0) == 0 || between.rfind(", the ", 0) == 0 || relative) &&
          between.find('.') == std::string::npos && (!relative || between.find(',', 1) == std::string::npos)) {
        subject = &ea;
      }
    }
    // A possessive close before the figure: "Kmart's sales fell 5%".
    for (size_t i = facts.FirstEndingFrom(qs - 40); !subject && i < facts.in.size() && facts.in[i].m->start < qs; ++i) {
      const EntityAt& ea = facts.in[i];
      if (ea.m->end <= qs && qs - ea.m->end < 40 && facts.Possessive(ea)) subject = &ea;
    }
    // "I've been trying for 10 years", inside a quotation: the speaker's own.
    if (!subject && facts.FirstPerson()) {
      if (const RecognizedMention* speaker = SpeakerAt(qs)) {
        Refer(speaker, deictic_subject);
        subject = deictic_subject;
      }
    }
    // "here", "this city", "a huge place": the city the text was last about.
    const bool deictic = facts.Before(" here", qs) || facts.HereFrom(qe) || facts.Before("this city", qs) ||
                         facts.Before("the city", qs) || facts.Before(" place", qs) || facts.Before("municipality", qs);
    // "40% of the country's energy": the country the text was last about.
    if (!subject && last_country_ && facts.NamesCountry()) {
      *deictic_subject = {last_country_, &r_.entities[static_cast<size_t>(last_country_->entity)]};
      subject = deictic_subject;
    }
    if (!subject && deictic && last_city_) {
      *deictic_subject = {last_city_, &r_.entities[static_cast<size_t>(last_city_->entity)]};
      subject = deictic_subject;
    }
    if (!subject) {
      // Death tolls and other harm are about the person (or regime) they are
      // laid at, even when the sentence only says "during his rule".
      const bool harm = (q.kind == Quantity::Kind::kCount &&
                         (!PeopleVerb(after_words).empty() || q.unit == "death" || q.unit == "disappearance" ||
                          q.unit == "victim" || q.unit == "casualty"));
      if (harm) {
        subject = Prefer(facts, {EntityType::kPerson}, true, qs);
        // "... were killed during General Pinochet's rule".
        const auto& people = facts.OfType(EntityType::kPerson);
        for (auto it = FirstAtOrAfter(facts, people, qe); !subject && it != people.end(); ++it) {
          if (facts.in[*it].m->start - qe > 120) break;  // another clause
          if (facts.Possessive(facts.in[*it])) subject = &facts.in[*it];
        }
        const RecognizedMention* him = SalientPerson(qs, 800);
        if (!subject && him && facts.PersonalPronoun()) {
          Refer(him, deictic_subject);
          subject = deictic_subject;
        }
      }
      // "More than 94,000 people died in Indonesia", "some 100,000 people
      // live in Marlow": people counted in a place named right after. When
      // the place is what the whole story is about ("16 killed in
      // Baghdad"), the checker reads it as the story's own toll.
      if (!subject && q.kind == Quantity::Kind::kCount && (harm || q.unit == "person")) subject = PlaceAfter(facts, qe);
      if (!subject) switch (q.kind) {
        case Quantity::Kind::kMoney:
          subject = Prefer(facts, {EntityType::kOrganization, EntityType::kPlace, EntityType::kPerson}, true, qs);
          break;
        case Quantity::Kind::kCount:
          subject = q.unit == "person" ? Prefer(facts, {EntityType::kPlace, EntityType::kOrganization, EntityType::kPerson}, true, qs)
                                       : Prefer(facts, {EntityType::kOrganization, EntityType::kPlace, EntityType::kPerson}, true, qs);
          break;
        default:
          subject = Prefer(facts, {EntityType::kPlace, EntityType::kOrganization, EntityType::kPerson}, true, qs);
      }
    }
    // "He spent six years in jail", "The company expects ...": the person
    // or organization last named before.
    if (!subject) {
      const EntityType back = facts.ReferredBack();
      const RecognizedMention* referent = back == EntityType::kPerson         ? SalientPerson(qs, kReferBack)
                                          : back == EntityType::kOrganization ? OrganizationMeant(facts.ReferredHead(), qs)
                                                                               : nullptr;
      if (referent && qs - referent->end < kReferBack * 3) {
        Refer(referent, deictic_subject);
        subject = deictic_subject;
      }
    }
    if (!subject && deictic && last_country_) {
      *deictic_subject = {last_country_, &r_.entities[static_cast<size_t>(last_country_->entity)]};
      subject = deictic_subject;
    }
    return subject;
  }

  // Whether the quantity is digits alone, without a word of unit ("22").
  bool IsBareNumber(int64_t qs, int64_t qe) const {
    const std::string_view t = text_.substr(static_cast<size_t>(qs), static_cast<size_t>(qe - qs));
    return std::none_of(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  }

  void ReadFigure(const SentenceFacts& facts, const Span& s, const Quantity& q, const When& when, const Remembered& remembered) {
    const int64_t qs = s.start + q.start, qe = s.start + q.end;
    // PeopleVerb reads eight words, the predicates fewer.
    size_t after_item = 0;
    const std::vector<std::string> after_words = facts.WordsAfter(qe, 8, &after_item);
    const EntityAt* subject = nullptr;
    EntityAt deictic_subject{};
    if (q.kind == Quantity::Kind::kAge && IsBareNumber(qs, qe)) {
      // "Micevic, 22, is charged": the person named right before the comma,
      // or no age at all ("Georgia, 20, ..." is no one's).
      const auto& people = facts.OfType(EntityType::kPerson);
      for (size_t i : people) {
        const EntityAt& ea = facts.in[i];
        if (ea.m->end <= qs && qs - ea.m->end <= 3) subject = &ea;
      }
      if (!subject) return;
    } else if (q.kind == Quantity::Kind::kAge) {
      // "the 89-year-old Pinochet", "Pinochet, 89-year-old ...": the person next to it.
      const auto& people = facts.OfType(EntityType::kPerson);
      for (size_t i : people) {
        const EntityAt& ea = facts.in[i];
        if (ea.m->start > qe + 24) break;
        if (ea.m->start < qe) continue;
        // "whose 14-year-old daughter Leslie": one lower-case word may stand
        // between the age and the name.
        const std::string_view between = text_.substr(static_cast<size_t>(qe), static_cast<size_t>(ea.m->start - qe));
        if (ea.m->start <= qe + 3 || OneLowerWord(between)) subject = &ea;
        break;
      }
      // Not "Daschle's" in "the 64-year-old ..., Daschle's second-in-command":
      // a possessive names someone else's.
      if (!subject) {
        subject = Prefer(facts, {EntityType::kPerson}, false, qs);
        if (subject && facts.Possessive(*subject)) subject = nullptr;
      }
      // "The 89-year-old retired general": the person last named.
      if (const RecognizedMention* him = subject ? nullptr : SalientPerson(qs, kReferBack)) {
        Refer(him, &deictic_subject);
        subject = &deictic_subject;
      }
    } else {
      subject = Subject(facts, q, qs, qe, after_words, &deictic_subject);
    }
    // Remember places for later "here".
    if (remembered.city) last_city_ = remembered.city;
    if (remembered.country) last_country_ = remembered.country;
    Figure f;
    f.start = s.start;
    f.end = s.end;
    // A figure no name goes with ("at least 40 people were killed", "a
    // five-day visit") is about the event the document reports: kept, on
    // the document, rather than lost.
    f.subject = subject ? subject->m->entity : -1;
    f.confidence = !subject ? 0.5 : subject->m->end <= qs && qs - subject->m->end < 80 ? 0.75 : 0.6;
    // The cues of a measure are read up to seven words back.
    f.predicate = Predicate(q, subject, facts.WordsBefore(qs, 10), after_words, after_item);
    f.time = when.time;
    f.prospective = when.prospective;
    f.quantity = q;
    f.direction = DirectionAfter(q, after_words);
    out_.push_back(std::move(f));
  }

  std::string_view text_;
  const Recognition& r_;
  const std::vector<Span>& paragraphs_;
  const int doc_year_;  // 0: unknown
  std::vector<EntityAt> mentions_;  // with an entity, in text order
  std::string cased_;
  const RecognizedMention* last_city_ = nullptr;  // for "here", "this city"
  const RecognizedMention* last_country_ = nullptr;
  const RecognizedMention* last_organization_ = nullptr;
  std::vector<int> mention_counts_;  // by entity index: how often the document names it
  mutable std::optional<std::vector<Quote>> quotes_;  // in text order; found when a figure first asks
  // How far back (bytes) "he" or "the company" looks for whom it means: a
  // few sentences; further, the text has likely moved on.
  static constexpr int64_t kReferBack = 1200;
  std::vector<Figure> out_;
};

}  // namespace

std::vector<Figure> FindFigures(std::string_view text, const Recognition& r, const std::vector<Span>& paragraphs,
                                const std::string& document_year) {
  // Anything but four digits ("June 2009" from another importer) is no year.
  const bool has_year = document_year.size() == 4 && std::all_of(document_year.begin(), document_year.end(),
                                                                 [](char c) { return c >= '0' && c <= '9'; });
  return FigureReader(text, r, paragraphs, has_year ? std::stoi(document_year) : 0).Run();
}

}  // namespace dossier::ner
