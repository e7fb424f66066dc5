#include "figures.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "dossier/text.h"
#include "dossier/tokens.h"

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
class SentenceFacts {
 public:
  // mentions: the document's, sorted by start.
  SentenceFacts(std::string_view text, const Span& s, const std::vector<EntityAt>& mentions) : text_(text), span_(s) {
    auto it = std::lower_bound(mentions.begin(), mentions.end(), s.start,
                               [](const EntityAt& ea, int64_t at) { return ea.m->start < at; });
    for (; it != mentions.end() && it->m->start < s.end; ++it) {
      if (it->m->end > s.end) continue;
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
  }

  // The mentions inside the sentence, in text order.
  std::vector<EntityAt> in;

  // Whether phrase (lower case) is in the sentence before offset at.
  bool Before(std::string_view phrase, int64_t at) const {
    const size_t found = lower_.find(phrase);
    return found != std::string::npos && span_.start + static_cast<int64_t>(found + phrase.size()) <= at;
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
  std::vector<std::string> WordsAfter(int64_t at, size_t n) const {
    const std::string_view rest = text_.substr(static_cast<size_t>(at), static_cast<size_t>(span_.end - at));
    std::vector<std::string> out;
    TokenReader reader(rest);
    for (Token t; out.size() < n && reader.Next(&t);) {
      if (t.kind == Token::Kind::kWord || t.kind == Token::Kind::kNumber) out.push_back(LowerAscii(t.in(rest)));
    }
    return out;
  }
  bool HereFrom(int64_t at) const { return last_here_ >= at; }

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
};

// The predicate a figure's wording gives it.
std::string Predicate(const Quantity& q, const EntityAt& subject, const std::vector<std::string>& before_words,
                      const std::vector<std::string>& after_words) {
  switch (q.kind) {
    case Quantity::Kind::kCount: {
      const std::string verb = PeopleVerb(after_words);
      if (q.unit == "person") {
        return !verb.empty() ? "people_" + verb : subject.e->type == EntityType::kPlace ? "population" : "people";
      }
      std::string predicate = Slug(q.noun.empty() ? q.unit : q.noun);
      if (!verb.empty()) predicate += "_" + verb;
      // "… laptops … are assembled here": the action counted.
      for (size_t i = 0; i + 1 < after_words.size() && i < 6; ++i) {
        if ((after_words[i] == "are" || after_words[i] == "were" || after_words[i] == "is") &&
            after_words[i + 1].size() > 3 && after_words[i + 1].back() == 'd') {
          predicate += "_" + after_words[i + 1];
          break;
        }
      }
      return predicate;
    }
    case Quantity::Kind::kMoney: {
      // "a cost of $100,000", "an external debt of more than $300bn", "$11 million in revenue".
      const auto& words = before_words;
      std::string head;
      if (words.size() >= 2 && words.back() == "of") head = words[words.size() - 2];
      if (head.empty() && after_words.size() >= 2 && after_words[0] == "in") head = after_words[1];
      // "agreed to buy the docks for $2bn", "sold it for ...": the price of a deal.
      if (head.empty() && !words.empty() && words.back() == "for") {
        static const std::set<std::string> kDeal = {"buy",      "buys",      "bought",   "buying",   "acquire",
                                                    "acquires", "acquired",  "acquiring", "purchase", "purchased",
                                                    "sell",     "sells",     "sold",     "selling"};
        for (size_t i = words.size() >= 9 ? words.size() - 9 : 0; i + 1 < words.size(); ++i) {
          if (kDeal.count(words[i])) head = "price";
        }
      }
      // "a deal worth $2bn", "valued at $2bn".
      if (head.empty() && words.size() >= 2 && words.back() == "worth") head = words[words.size() - 2] + "_value";
      if (head.empty() && words.size() >= 2 && words.back() == "at" && words[words.size() - 2] == "valued") {
        head = "value";
      }
      if (head.empty() && !q.noun.empty()) head = q.noun;
      return head.empty() ? "amount" : Slug(head);
    }
    case Quantity::Kind::kPercent:
      return q.noun.empty() ? "percent" : "percent_of_" + Slug(q.noun);
    case Quantity::Kind::kRatio:
      return q.unit == "times" ? "times_" + Slug(q.noun.empty() ? "as_much" : q.noun)
                               : "share_of_" + Slug(q.noun.empty() ? q.unit : q.noun);
    case Quantity::Kind::kRank:
      return "rank_" + Slug(q.noun.empty() ? "overall" : q.noun);
    case Quantity::Kind::kMeasure:
      return (q.noun.empty() ? "" : Slug(q.noun) + "_") + Dimension(q.unit);
    case Quantity::Kind::kAge:
      return "age";
  }
  return "amount";
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
    // The last person of the sentence, for a later "his rule".
    if (const auto& people = facts.OfType(EntityType::kPerson); !people.empty()) last_person_ = facts.in[people.back()].m;
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
        return &ea;
      }
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
      if ((between.rfind(", a ", 0) == 0 || between.rfind(", an ", 0) == 0 || between.rfind(", the ", 0) == 0) &&
          between.find('.') == std::string::npos) {
        subject = &ea;
      }
    }
    // "here", "this city", "a huge place": the city the text was last about.
    const bool deictic = facts.Before(" here", qs) || facts.HereFrom(qe) || facts.Before("this city", qs) ||
                         facts.Before("the city", qs) || facts.Before(" place", qs) || facts.Before("municipality", qs);
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
        if (!subject && last_person_ && qs - last_person_->end < 800) {
          *deictic_subject = {last_person_, &r_.entities[static_cast<size_t>(last_person_->entity)]};
          subject = deictic_subject;
        }
      }
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
    if (!subject && deictic && last_country_) {
      *deictic_subject = {last_country_, &r_.entities[static_cast<size_t>(last_country_->entity)]};
      subject = deictic_subject;
    }
    return subject;
  }

  void ReadFigure(const SentenceFacts& facts, const Span& s, const Quantity& q, const When& when, const Remembered& remembered) {
    const int64_t qs = s.start + q.start, qe = s.start + q.end;
    // PeopleVerb reads eight words, the predicates fewer.
    const std::vector<std::string> after_words = facts.WordsAfter(qe, 8);
    const EntityAt* subject = nullptr;
    EntityAt deictic_subject{};
    if (q.kind == Quantity::Kind::kAge) {
      // "the 89-year-old Pinochet", "Pinochet, 89-year-old ...": the person next to it.
      const auto& people = facts.OfType(EntityType::kPerson);
      for (size_t i : people) {
        const EntityAt& ea = facts.in[i];
        if (ea.m->start > qe + 3) break;
        if (ea.m->start >= qe) subject = &ea;
      }
      if (!subject) subject = Prefer(facts, {EntityType::kPerson}, false, qs);
    } else {
      subject = Subject(facts, q, qs, qe, after_words, &deictic_subject);
    }
    // Remember places for later "here", people for later "his rule".
    const auto& people = facts.OfType(EntityType::kPerson);
    const auto first_after = std::lower_bound(people.begin(), people.end(), qs,
                                              [&](size_t i, int64_t at) { return facts.in[i].m->start < at; });
    if (first_after != people.begin()) last_person_ = facts.in[*(first_after - 1)].m;
    if (remembered.city) last_city_ = remembered.city;
    if (remembered.country) last_country_ = remembered.country;
    if (!subject) return;

    Figure f;
    f.start = s.start;
    f.end = s.end;
    f.subject = subject->m->entity;
    f.confidence = subject->m->end <= qs && qs - subject->m->end < 80 ? 0.75 : 0.6;
    // The money predicates read up to nine words back.
    f.predicate = Predicate(q, *subject, facts.WordsBefore(qs, 10), after_words);
    f.time = when.time;
    f.prospective = when.prospective;
    f.quantity = q;
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
  const RecognizedMention* last_person_ = nullptr;
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
