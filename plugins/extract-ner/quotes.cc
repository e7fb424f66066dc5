#include "quotes.h"

#include <algorithm>
#include <cctype>

#include "dossier/tokens.h"

namespace dossier::ner {
namespace {

constexpr std::string_view kLeftDouble = "\xE2\x80\x9C";   // “
constexpr std::string_view kRightDouble = "\xE2\x80\x9D";  // ”
constexpr std::string_view kLeftSingle = "\xE2\x80\x98";   // ‘
constexpr std::string_view kRightSingle = "\xE2\x80\x99";  // ’, also the apostrophe

bool Has(std::string_view p, size_t i, std::string_view s) { return i <= p.size() && p.substr(i, s.size()) == s; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsPronoun(std::string_view lw) { return lw == "he" || lw == "she"; }

// Which closing marks end a quotation depends on how it opened.
enum class Family { kDouble, kBacktick, kSingle };

// The opening quotation mark at p[i]: its length (0: none).
size_t OpeningAt(std::string_view p, size_t i, Family* f) {
  *f = Family::kDouble;
  if (p[i] == '"') return 1;
  if (Has(p, i, kLeftDouble)) return 3;
  if (Has(p, i, "``")) {  // the typewriter convention ``...'' some outlets keep
    *f = Family::kBacktick;
    return 2;
  }
  // ‘ opens only before a letter: before a digit it is an elided century (‘90s).
  if (Has(p, i, kLeftSingle) && i + 3 < p.size() && IsAsciiLetter(p[i + 3])) {
    *f = Family::kSingle;
    return 3;
  }
  return 0;
}

// The closing mark at p[i] for a quotation of family f: its length (0: none).
// Outlets mix curly and straight marks (“…"), so either closes a double quote.
size_t ClosingAt(std::string_view p, size_t i, Family f) {
  if (f == Family::kSingle) {
    if (!Has(p, i, kRightSingle)) return 0;
    // ’ is also the apostrophe: it closes only where no letter follows (don’t).
    return i + 3 < p.size() && IsAsciiLetter(p[i + 3]) ? 0 : 3;
  }
  if (p[i] == '"') return 1;
  if (Has(p, i, kRightDouble)) return 3;
  // '' closes only what `` opened: in wiki text it is italics.
  if (f == Family::kBacktick && Has(p, i, "''")) return 2;
  return 0;
}

struct Mark {
  int64_t open = 0;           // the opening mark
  int64_t start = 0, end = 0;  // the quoted words
  int64_t after = 0;          // just past the closing mark (the paragraph's end when unclosed)
  bool closed = true;         // false: the quotation runs on past its paragraph
  bool opens_paragraph = false;
};

// The quotations of a paragraph, in one pass. An opening mark with no closing
// one is a quotation running to the paragraph's end: a quotation continued over
// paragraphs closes only in its last one, each next paragraph opening anew.
std::vector<Mark> QuoteMarks(std::string_view text, const Span& para) {
  std::vector<Mark> out;
  const std::string_view p = text.substr(static_cast<size_t>(para.start), static_cast<size_t>(para.end - para.start));
  const size_t first = p.find_first_not_of(" \t\r\n");
  size_t i = 0;
  while ((i = p.find_first_of("\"`\xE2", i)) != std::string_view::npos) {
    Family f;
    const size_t open_len = OpeningAt(p, i, &f);
    if (open_len == 0) {
      ++i;
      continue;
    }
    Mark m;
    m.open = para.start + static_cast<int64_t>(i);
    m.start = m.open + static_cast<int64_t>(open_len);
    m.opens_paragraph = i == first;
    size_t j = i + open_len, close_len = 0;
    while ((j = p.find_first_of(f == Family::kSingle ? "\xE2" : "\"'\xE2", j)) != std::string_view::npos) {
      if ((close_len = ClosingAt(p, j, f)) > 0) break;
      ++j;
    }
    if (j == std::string_view::npos) {
      m.closed = false;
      m.end = m.after = para.end;
      out.push_back(m);
      break;
    }
    m.end = para.start + static_cast<int64_t>(j);
    m.after = m.end + static_cast<int64_t>(close_len);
    out.push_back(m);
    i = j + close_len;
  }
  return out;
}

// Mentions that can speak, found by binary search: a scan of every mention
// per quote made a text full of both quadratic.
class Speakers {
 public:
  Speakers(const Recognition& r, bool organizations) {
    for (const auto& m : r.mentions) {
      const bool org = m.type == EntityType::kOrganization;
      if (m.entity >= 0 && (m.type == EntityType::kPerson || (organizations && org))) list_.push_back(&m);
    }
    // By start; a stable sort keeps the order of equal starts.
    std::stable_sort(list_.begin(), list_.end(),
                     [](const RecognizedMention* a, const RecognizedMention* b) { return a->start < b->start; });
    for (size_t i = 0; i < list_.size(); ++i) by_end_.push_back(i);
    std::stable_sort(by_end_.begin(), by_end_.end(), [&](size_t a, size_t b) { return list_[a]->end < list_[b]->end; });
    size_t latest = 0;
    for (size_t k = 0; k < by_end_.size(); ++k) {
      latest = k == 0 ? by_end_[k] : std::max(latest, by_end_[k]);
      latest_by_end_.push_back(latest);
    }
  }

  // The first mention starting in [from, to).
  const RecognizedMention* StartingIn(int64_t from, int64_t to) const {
    auto it = std::lower_bound(list_.begin(), list_.end(), from,
                               [](const RecognizedMention* m, int64_t at) { return m->start < at; });
    return it != list_.end() && (*it)->start < to ? *it : nullptr;
  }

  // A mention ending in (from, to], the latest ending.
  const RecognizedMention* EndingIn(int64_t from, int64_t to) const {
    const auto it = std::upper_bound(by_end_.begin(), by_end_.end(), to,
                                     [&](int64_t at, size_t i) { return at < list_[i]->end; });
    if (it == by_end_.begin()) return nullptr;
    const RecognizedMention* m = list_[*(it - 1)];
    return m->end > from ? m : nullptr;
  }

  // The latest mention (in text order) that ends by pos.
  const RecognizedMention* LastEndingBy(int64_t pos) const {
    const size_t k = LastIndex(pos);
    return k == kNone ? nullptr : list_[k];
  }

  // The newest of the n mentions before pos for which pred holds: how a title
  // ("the minister") finds the person last named with it, in bounded time.
  template <typename Pred>
  const RecognizedMention* FindBack(int64_t pos, size_t n, Pred pred) const {
    size_t k = LastIndex(pos);
    for (size_t seen = 0; k != kNone && seen < n; ++seen, k = k == 0 ? kNone : k - 1) {
      if (list_[k]->end <= pos && pred(*list_[k])) return list_[k];
    }
    return nullptr;
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t LastIndex(int64_t pos) const {
    const auto it = std::upper_bound(by_end_.begin(), by_end_.end(), pos,
                                     [&](int64_t at, size_t i) { return at < list_[i]->end; });
    if (it == by_end_.begin()) return kNone;
    return latest_by_end_[static_cast<size_t>(it - by_end_.begin()) - 1];
  }

  std::vector<const RecognizedMention*> list_;
  std::vector<size_t> by_end_;         // indices into list_, by end
  std::vector<size_t> latest_by_end_;  // the largest index among by_end_[0..k]
};

struct Attribution {
  const RecognizedMention* speaker = nullptr;
  int64_t start = -1, end = -1;  // the words naming the speaker (a name, a pronoun, a title)
  double confidence = 0.9;
  bool cue = false;  // the text says someone spoke (a speech verb), named or not
  // A description of a person that no one was named with ("said the
  // Chilean analyst" of a man introduced as a former ambassador): the
  // caller may take the person last quoted.
  bool unmatched_description = false;
};

bool IsWord(const Token& t) { return t.kind == Token::Kind::kWord; }

// Whether t[i] is the period of an initial or a title ("Glenn R. Weidner",
// "Col. Weidner"), which ends no sentence.
bool IsAbbreviationDot(std::string_view s, const std::vector<Token>& t, size_t i) {
  if (t[i].in(s) != "." || i == 0 || !IsWord(t[i - 1]) || t[i - 1].end != t[i].start) return false;
  const std::string_view w = t[i - 1].in(s);
  if (w.size() == 1) return StartsUpper(w);
  static constexpr std::string_view kTitles[] = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Gen", "Col", "Lt", "Maj",
                                                 "Capt", "Sgt", "Sen", "Rep", "Gov", "Jr", "Sr", "St", "Adm", "Cmdr"};
  return std::find(std::begin(kTitles), std::end(kTitles), w) != std::end(kTitles);
}

bool IsSentenceEnd(std::string_view s, const std::vector<Token>& t, size_t i) {
  const std::string_view w = t[i].in(s);
  return (w == "." && !IsAbbreviationDot(s, t, i)) || w == "!" || w == "?" || w == ";";
}

// Words that may stand between a speaker and the verb: "X also said", "X has said".
bool IsVerbFiller(std::string_view lw) {
  return lw == "also" || lw == "later" || lw == "then" || lw == "has" || lw == "had" || lw == "have" ||
         lw == "again" || lw == "earlier" || lw == "once" || lw == "further" || lw == "previously" ||
         lw == "simply" || lw == "recently" || lw == "today" || lw == "yesterday";
}

bool IsArticle(std::string_view lw) { return lw == "the" || lw == "a" || lw == "an"; }

// Words after which a name is not the one who speaks: "the lawyer for X said".
bool IsLinkWord(std::string_view lw) {
  return lw == "for" || lw == "of" || lw == "to" || lw == "with" || lw == "by" || lw == "from" || lw == "and" ||
         lw == "at" || lw == "in" || lw == "on" || lw == "about" || lw == "against";
}

// The organization kind (see data/orgs.txt) a noun names: "the company said".
// Empty for other nouns.
std::string_view OrgKindOf(std::string_view noun) {
  if (noun == "company" || noun == "firm" || noun == "group" || noun == "airline" || noun == "bank" ||
      noun == "carrier" || noun == "maker" || noun == "manufacturer" || noun == "retailer") {
    return "company";
  }
  if (noun == "ministry" || noun == "department" || noun == "government" || noun == "agency" || noun == "embassy") {
    return "government";
  }
  if (noun == "party") return "party";
  return {};
}

// Nouns that stand for an organization, not a person: "the police said".
bool IsOrgNoun(std::string_view noun) {
  return !OrgKindOf(noun).empty() || noun == "police" || noun == "army" || noun == "military" || noun == "court" ||
         noun == "council" || noun == "committee" || noun == "commission" || noun == "board" || noun == "office" ||
         noun == "union" || noun == "organization" || noun == "organisation" || noun == "institute";
}

// Attributions in a text: who the words around a quotation say spoke it.
class Attributor {
 public:
  Attributor(std::string_view text, const Recognition& r) : text_(text), r_(r), people_(r, false), speakers_(r, true) {}

  // After the quotation: “…,” said X / X said / he said / X, the ..., said /
  // the minister said / according to X / “…” - X.
  Attribution After(const Mark& q, const Span& para) const;
  // Before it, in its sentence: X said, “…” / X told reporters: “…” / He added: “…”.
  Attribution Before(const Mark& q, const Span& para) const;
  // With no cue of its own: the person a sentence earlier in the paragraph said
  // spoke ("X said the talks failed. “…”"), when no one else is named since.
  Attribution Reported(const Mark& q, const Span& para) const;
  // Whether a person other than entity is named in [from, to). Organizations
  // do not count: "X, a spokesman for Acme, said" leaves X the one speaking.
  bool OtherNamed(int64_t from, int64_t to, int entity) const {
    for (const RecognizedMention* m = people_.StartingIn(from, to); m; m = people_.StartingIn(m->start + 1, to)) {
      if (m->entity != entity) return true;
    }
    return false;
  }

 private:
  // The speaker named by the words after a speech verb, from token k on.
  Attribution Object(std::string_view s, int64_t base, const std::vector<Token>& t, size_t k, int64_t quote) const;
  // The speaker named by the words [a, b) before a speech verb.
  Attribution Subject(std::string_view s, int64_t base, const std::vector<Token>& t, size_t a, size_t b,
                      int64_t quote) const;
  // "he said": the last person named. (Preferring, among the last few, one the
  // text says spoke gave more wrong speakers than right ones on the gold.)
  Attribution Pronoun(int64_t start, int64_t end, int64_t quote) const {
    Attribution a;
    a.speaker = people_.LastEndingBy(std::min(start, quote));
    a.start = start;
    a.end = end;
    a.confidence = 0.75;
    a.cue = true;
    return a;
  }
  // "the minister", "a company spokesman": the person or organization last
  // named with that noun, among the few mentions before the quote.
  Attribution Title(std::string_view noun, int64_t start, int64_t end, int64_t quote) const;
  // Whether a speech verb stands right after m (past "also", "has") or right
  // before it, looking no further than limit.
  bool SpeaksHere(const RecognizedMention& m, int64_t limit) const;
  // Whether the words around m name it with noun: "Foreign Minister X", "X, the minister".
  bool NamedWith(const RecognizedMention& m, std::string_view noun) const;

  std::string_view text_;
  const Recognition& r_;
  Speakers people_;
  Speakers speakers_;  // people and organizations: an organization speaks only where the text says so
};

bool Attributor::NamedWith(const RecognizedMention& m, std::string_view noun) const {
  const auto& e = r_.entities[static_cast<size_t>(m.entity)];
  // "the company" is an organization, never its chief named "X, the company's chief".
  if (IsOrgNoun(noun) != (m.type == EntityType::kOrganization)) return false;
  if (m.type == EntityType::kOrganization) {
    const auto kind = OrgKindOf(noun);
    if (!kind.empty() && e.properties.is_object() && e.properties.value("kind", std::string()) == kind) return true;
    if (LowerAscii(e.name).find(noun) != std::string::npos) return true;  // "the ministry": Ministry of Health
  }
  // The few words before the name, back to a punctuation mark, and an apposition after it.
  const int64_t from = std::max<int64_t>(0, m.start - 48);
  const std::string_view before = text_.substr(static_cast<size_t>(from), static_cast<size_t>(m.start - from));
  const auto bt = Tokenize(before);
  for (size_t i = bt.size(); i > 0 && bt.size() - i < 4 && bt[i - 1].kind != Token::Kind::kPunct; --i) {
    if (LowerAscii(bt[i - 1].in(before)) == noun) return true;
  }
  const int64_t to = std::min<int64_t>(static_cast<int64_t>(text_.size()), m.end + 100);
  const std::string_view after = text_.substr(static_cast<size_t>(m.end), static_cast<size_t>(to - m.end));
  const auto at = Tokenize(after);
  size_t i = 0;
  if (i < at.size() && at[i].kind == Token::Kind::kPossessive) ++i;
  if (i >= at.size() || at[i].in(after) != ",") return false;
  for (++i; i < at.size() && i < 14; ++i) {
    const std::string_view w = at[i].in(after);
    if (w == "," || w == "." || w == ";" || w == "(") break;
    if (LowerAscii(w) == noun) return true;
  }
  return false;
}

Attribution Attributor::Title(std::string_view noun, int64_t start, int64_t end, int64_t quote) const {
  Attribution a;
  a.start = start;
  a.end = end;
  a.confidence = 0.7;
  a.cue = true;
  const std::string lw = LowerAscii(noun);
  // Far enough back for a person introduced a few paragraphs earlier ("Hugo
  // Fazio, the director of ..." and, later, "said the director of CENDA").
  a.speaker = speakers_.FindBack(std::min(start, quote), 40,
                                 [&](const RecognizedMention& m) { return NamedWith(m, lw); });
  a.unmatched_description = !a.speaker && !IsOrgNoun(lw);
  return a;
}

Attribution Attributor::Object(std::string_view s, int64_t base, const std::vector<Token>& t, size_t k,
                               int64_t quote) const {
  Attribution a;
  a.cue = true;
  if (k >= t.size()) return a;
  const std::string lw = LowerAscii(t[k].in(s));
  if (IsPronoun(lw)) return Pronoun(base + t[k].start, base + t[k].end, quote);
  if (IsArticle(lw)) {
    // "said the minister" / "said a company spokesman, ...": the last plain word is the noun;
    // a capitalised adjective no name starts may come before it ("said the Chilean analyst").
    size_t n = k + 1;
    while (n < t.size() && n < k + 5 && IsWord(t[n]) && !IsLinkWord(LowerAscii(t[n].in(s))) &&
           (!StartsUpper(t[n].in(s)) ||
            (!speakers_.StartingIn(base + t[n].start, base + t[n].end) && n + 1 < t.size() && IsWord(t[n + 1]) &&
             !StartsUpper(t[n + 1].in(s))))) {
      ++n;
    }
    // "says a cheery Mark Judd", "said the veteran striker Jan Ode": the name after the words speaks.
    const bool name_follows = n < t.size() && IsWord(t[n]) && speakers_.StartingIn(base + t[n].start, base + t[n].end);
    if (n > k + 1 && !name_follows && !StartsUpper(t[n - 1].in(s))) {
      return Title(t[n - 1].in(s), base + t[k].start, base + t[n - 1].end, quote);
    }
    k = name_follows ? n : k + 1;  // "said the Rev. Jan Ode": a name follows
  }
  // The first name among the next few words ("said former coach Jan Ode"),
  // not one after a link word ("said the lawyer for X") or a possessive
  // ("said Acme's chief X": Acme does not speak).
  for (size_t n = k; n < t.size() && n < k + 8; ++n) {
    if (IsAbbreviationDot(s, t, n)) continue;
    if (!IsWord(t[n])) break;
    const std::string_view w = t[n].in(s);
    const std::string lw = LowerAscii(w);
    if (IsLinkWord(lw) || lw == "that" || lw == "when" || lw == "while" || lw == "as" || lw == "but" || lw == "if") break;
    const RecognizedMention* m = speakers_.StartingIn(base + t[n].start, base + t[n].end);
    if (!m) continue;
    const int64_t rest = m->end - base;
    const bool possessive = std::any_of(t.begin() + static_cast<std::ptrdiff_t>(n), t.end(), [&](const Token& x) {
      return x.start >= rest && x.start <= rest + 1 && x.kind == Token::Kind::kPossessive;
    });
    if (possessive) continue;
    // "- Acme vice chairman Jan Ode": the person speaks, not the organization before.
    if (m->type == EntityType::kOrganization && !a.speaker) {
      a.speaker = m;
      continue;
    }
    if (m->type == EntityType::kOrganization) continue;
    a.speaker = m;
    return a;
  }
  return a;
}

Attribution Attributor::Subject(std::string_view s, int64_t base, const std::vector<Token>& t, size_t a_, size_t b,
                                int64_t quote) const {
  Attribution a;
  a.cue = true;
  // Back over "also", "has" and the like, then over an apposition: "X, the harbour commissioner, said".
  while (b > a_ && IsWord(t[b - 1]) && IsVerbFiller(LowerAscii(t[b - 1].in(s)))) --b;
  if (b > a_ && IsPronoun(LowerAscii(t[b - 1].in(s)))) {
    return Pronoun(base + t[b - 1].start, base + t[b - 1].end, quote);  // "..., but he said"
  }
  if (b > a_ && t[b - 1].in(s) == ",") {
    size_t c = b - 1;
    while (c > a_ && t[c - 1].in(s) != ",") --c;
    if (c == a_ || b - c > 14) return a;
    // "his spokesman, Jan Ode, said": the name between the commas speaks.
    const RecognizedMention* inner = people_.EndingIn(base + t[b - 2].start, base + t[b - 2].end);
    if (inner && inner->start >= base + t[c].start) {
      a.speaker = inner;
      return a;
    }
    b = c - 1;
  }
  if (b == a_) return a;
  // The noun phrase before: its words back to a punctuation mark.
  size_t first = b;
  while (first > a_ && b - first < 9 &&
         (IsWord(t[first - 1]) || t[first - 1].kind == Token::Kind::kPossessive || IsAbbreviationDot(s, t, first - 1))) {
    --first;
  }
  if (const RecognizedMention* m = speakers_.EndingIn(base + t[b - 1].start, base + t[b - 1].end)) {
    const bool inside = m->start >= base + t[first].start;
    // "the lawyer for X said": X is not who speaks.
    size_t before = first;
    while (before < b && base + t[before].end <= m->start) ++before;
    const bool linked = before > first && IsLinkWord(LowerAscii(t[before - 1].in(s)));
    if (inside && !linked) {
      a.speaker = m;
      return a;
    }
  }
  // "the minister said", "a Lycos spokesman said": a title.
  if (first < b && IsArticle(LowerAscii(t[first].in(s))) && IsWord(t[b - 1]) && !StartsUpper(t[b - 1].in(s))) {
    return Title(t[b - 1].in(s), base + t[first].start, base + t[b - 1].end, quote);
  }
  return a;
}

bool IsQuoteMark(std::string_view w) {
  return w == "\"" || w == kLeftDouble || w == kRightDouble || w == "`" || w == "'" || w == kLeftSingle;
}
bool IsDash(std::string_view w) { return w == "-" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93"; }

Attribution Attributor::After(const Mark& q, const Span& para) const {
  const int64_t end = std::min<int64_t>(para.end, q.after + 240);
  const std::string_view s = text_.substr(static_cast<size_t>(q.after), static_cast<size_t>(end - q.after));
  const auto t = Tokenize(s);
  size_t k = 0;
  if (k < t.size() && IsDash(t[k].in(s))) return Object(s, q.after, t, k + 1, q.open);  // “…” - X, ...
  if (k < t.size() && t[k].in(s) == ",") ++k;
  if (k >= t.size()) return {};
  const std::string lw = LowerAscii(t[k].in(s));
  if (IsSpeechVerb(lw)) return Object(s, q.after, t, k + 1, q.open);
  if (lw == "according" && k + 1 < t.size() && t[k + 1].in(s) == "to") return Object(s, q.after, t, k + 2, q.open);
  // Far enough for a long apposition: “…,” Jan Ode, chief officer of ..., said.
  for (size_t j = k; j < t.size() && j < k + 30; ++j) {
    const std::string_view w = t[j].in(s);
    if (IsSentenceEnd(s, t, j) || IsQuoteMark(w)) break;
    if (IsWord(t[j]) && IsSpeechVerb(LowerAscii(w))) return Subject(s, q.after, t, k, j, q.open);
  }
  return {};
}

Attribution Attributor::Before(const Mark& q, const Span& para) const {
  const int64_t from = std::max<int64_t>(para.start, q.open - 200);
  const std::string_view s = text_.substr(static_cast<size_t>(from), static_cast<size_t>(q.open - from));
  const auto t = Tokenize(s);
  // The sentence's start: back to a sentence end or another quotation's mark.
  size_t a = t.size();
  while (a > 0 && !IsSentenceEnd(s, t, a - 1) && !IsQuoteMark(t[a - 1].in(s)) && !IsDash(t[a - 1].in(s))) --a;
  for (size_t j = t.size(); j > a; --j) {
    const std::string lw = LowerAscii(t[j - 1].in(s));
    if (lw == "according" && j < t.size() && t[j].in(s) == "to") return Object(s, from, t, j + 1, q.open);
    if (IsWord(t[j - 1]) && IsSpeechVerb(lw)) {
      // The subject begins after the last comma-free stretch before the verb.
      return Subject(s, from, t, a, j - 1, q.open);
    }
  }
  return {};
}

bool Attributor::SpeaksHere(const RecognizedMention& m, int64_t limit) const {
  const int64_t to = std::max(m.end, std::min<int64_t>(limit, m.end + 40));
  const std::string_view s = text_.substr(static_cast<size_t>(m.end), static_cast<size_t>(to - m.end));
  const auto t = Tokenize(s);
  size_t k = 0;
  while (k < t.size() && IsWord(t[k]) && IsVerbFiller(LowerAscii(t[k].in(s)))) ++k;
  if (k < t.size() && IsWord(t[k]) && IsSpeechVerb(LowerAscii(t[k].in(s)))) return true;
  // "said X." / "said X, the ...", but not "said X would ...": there X is spoken of.
  if (!t.empty() && t[0].in(s) != "," && t[0].in(s) != ".") return false;
  const int64_t from = std::max<int64_t>(0, m.start - 16);
  const std::string_view b = text_.substr(static_cast<size_t>(from), static_cast<size_t>(m.start - from));
  const auto bt = Tokenize(b);
  return !bt.empty() && IsWord(bt.back()) && IsSpeechVerb(LowerAscii(bt.back().in(b)));
}

Attribution Attributor::Reported(const Mark& q, const Span& para) const {
  Attribution a;
  const RecognizedMention* m = speakers_.LastEndingBy(q.open);
  if (!m || m->start < para.start || m->type != EntityType::kPerson || !SpeaksHere(*m, q.open)) return a;
  a.speaker = m;
  a.confidence = 0.7;
  return a;
}

// Every longer word capitalised: the title of a work ("The Merchant of
// Venice,"), a name or a slogan, not something said. Reads at most the first
// words, so a long quotation costs no more than a short one.
// ALL-CAPS text (cables) says nothing by its case; nor do short words ("I am").
bool LooksLikeTitle(std::string_view words) {
  TokenReader reader(words.substr(0, std::min<size_t>(words.size(), 200)));
  size_t capitalised = 0, all_caps = 0;
  for (Token t; reader.Next(&t);) {
    if (!IsWord(t) || t.end - t.start < 4) continue;
    if (!StartsUpper(t.in(words))) return false;
    ++capitalised;
    all_caps += IsAllUpper(t.in(words));
  }
  return capitalised >= 2 && all_caps < capitalised;
}

// Scare quotes ("not acceptable") are not statements. A quotation without a
// speaker is kept when it reads as one: a sentence's punctuation, a paragraph
// of its own, or a long run of words.
bool ReadsAsStatement(std::string_view text, const Mark& q, size_t n_words) {
  if (q.opens_paragraph || !q.closed || n_words >= 8) return true;
  const char last = q.end > q.start ? text[static_cast<size_t>(q.end - 1)] : ' ';
  return last == '.' || last == ',' || last == '!' || last == '?';
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const Recognition& r, const std::vector<Span>& paragraphs) {
  std::vector<Quote> out;
  const Attributor attribute(text, r);
  // The quotation before, for one that continues it or follows it in its paragraph.
  struct Previous {
    const RecognizedMention* speaker = nullptr;
    bool closed = true;
    size_t para = 0;
    int64_t after = 0;
    size_t chain = 0;  // its chain: a quotation continued over paragraphs
    // How far the text after it has been searched for another person, and
    // whether one was found: each stretch is searched once, however many
    // quotations follow (searching from `after` for each was quadratic).
    int64_t searched_to = 0;
    bool other_named = false;
  } prev;
  const RecognizedMention* last_quoted = nullptr;  // the person last given a quotation
  size_t last_quoted_para = 0;
  std::vector<size_t> chain_of;                           // per quote in out
  std::vector<const RecognizedMention*> chain_speaker;    // per chain, the first speaker found
  std::vector<const RecognizedMention*> speaker_mention;  // per quote in out
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    const Span& para = paragraphs[pi];
    for (const Mark& q : QuoteMarks(text, para)) {
      Quote quote;
      quote.start = q.start;
      quote.end = q.end;
      // Trim a closing comma and spaces inside the marks: “…,” said X.
      while (quote.end > quote.start && (text[static_cast<size_t>(quote.end - 1)] == ',' ||
                                         std::isspace(static_cast<unsigned char>(text[static_cast<size_t>(quote.end - 1)])))) {
        --quote.end;
      }
      const std::string_view words = text.substr(static_cast<size_t>(quote.start), static_cast<size_t>(quote.end - quote.start));
      size_t n_words = 0;
      for (TokenReader reader(words); n_words < 8;) {
        Token tok;
        if (!reader.Next(&tok)) break;
        n_words += tok.kind == Token::Kind::kWord;
      }
      if (n_words == 0) continue;  // empty marks ("" in a cable's table) quote nothing
      const bool continues = !prev.closed && q.opens_paragraph && pi <= prev.para + 2 && !out.empty();
      if (!continues && LooksLikeTitle(words)) continue;
      // A word or two in quotation marks is someone's only when the text names
      // who said it ("X called it “livid”"); else a scare quote. An exclamation
      // is a statement ("Chelizi!").
      const bool short_quote = n_words < 3 && words.find('!') == std::string_view::npos;
      Attribution a = attribute.After(q, para);
      if (!a.speaker && !a.cue) a = attribute.Before(q, para);
      const bool own = a.speaker != nullptr;
      // “…,” he said. “…”: the same speaker goes on, in the paragraph or in a
      // paragraph of its own right after, when no other person is named since.
      const bool follows = prev.para == pi || (q.opens_paragraph && pi == prev.para + 1);
      if (!a.speaker && !a.cue && !continues && prev.speaker && follows && !prev.other_named) {
        prev.other_named = attribute.OtherNamed(std::max(prev.after, prev.searched_to), q.open, prev.speaker->entity);
        prev.searched_to = q.open;
      }
      if (!a.speaker && !a.cue && !continues && prev.speaker && follows && !prev.other_named) {
        a.speaker = prev.speaker;
        a.confidence = prev.para == pi ? 0.8 : 0.65;
      }
      // "said the analyst" of a person introduced otherwise: the person last
      // quoted, in this paragraph or one of the two before.
      if (!a.speaker && a.unmatched_description && last_quoted && pi <= last_quoted_para + 2) {
        a.speaker = last_quoted;
        a.confidence = 0.6;
      }
      if (short_quote && !own) continue;
      if (!a.speaker && !a.cue && !continues) a = attribute.Reported(q, para);
      if (!a.speaker && continues && chain_speaker[prev.chain]) {
        a.speaker = chain_speaker[prev.chain];  // named in an earlier paragraph of the quotation
        a.confidence = 0.8;
      }
      if (!a.speaker && !continues && !ReadsAsStatement(text, q, n_words)) continue;
      const size_t chain = continues ? prev.chain : chain_speaker.size();
      if (!continues) chain_speaker.push_back(nullptr);
      if (a.speaker && !chain_speaker[chain]) chain_speaker[chain] = a.speaker;
      if (a.speaker) {
        quote.speaker = a.speaker->entity;
        quote.speaker_start = a.start >= 0 ? a.start : a.speaker->start;
        quote.speaker_end = a.start >= 0 ? a.end : a.speaker->end;
        quote.confidence = a.confidence * a.speaker->confidence;
      } else {
        quote.confidence = 0.5;
      }
      prev = {a.speaker, q.closed, pi, q.after, chain, q.after, false};
      if (a.speaker && a.speaker->type == EntityType::kPerson) {
        last_quoted = a.speaker;
        last_quoted_para = pi;
      }
      chain_of.push_back(chain);
      speaker_mention.push_back(own ? a.speaker : nullptr);
      out.push_back(quote);
    }
  }
  // Each paragraph of a continued quotation is its speaker's, wherever in it
  // the speaker is named (often only after its first paragraph).
  for (size_t i = 0; i < out.size(); ++i) {
    const RecognizedMention* m = chain_speaker[chain_of[i]];
    if (!m || speaker_mention[i]) continue;
    out[i].speaker = m->entity;
    out[i].speaker_start = m->start;
    out[i].speaker_end = m->end;
    out[i].confidence = 0.8 * m->confidence;
  }
  return out;
}

}  // namespace dossier::ner
