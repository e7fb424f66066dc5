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

std::vector<std::string> LowerWords(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    if (t.kind == Token::Kind::kWord || t.kind == Token::Kind::kNumber) out.push_back(LowerAscii(t.in(text)));
  }
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

}  // namespace

std::vector<Figure> FindFigures(std::string_view text, const Recognition& r, const std::vector<Span>& paragraphs,
                                const std::string& document_year) {
  // Anything but four digits ("June 2009" from another importer) is no year.
  const bool has_year = document_year.size() == 4 && std::all_of(document_year.begin(), document_year.end(),
                                                                 [](char c) { return c >= '0' && c <= '9'; });
  const int doc_year = has_year ? std::stoi(document_year) : 0;  // 0: unknown
  std::vector<Figure> out;
  std::vector<EntityAt> mentions;
  for (const auto& m : r.mentions) {
    if (m.entity >= 0) mentions.push_back({&m, &r.entities[static_cast<size_t>(m.entity)]});
  }
  const RecognizedMention* last_city = nullptr;  // for "here", "this city"
  const RecognizedMention* last_country = nullptr;
  const RecognizedMention* last_person = nullptr;
  auto place_kind = [](const RecognizedEntity* e) { return e->properties.value("kind", std::string()); };

  // Quantities are read in ordinary case: in an ALL-CAPS sentence every noun
  // after a number would look like a name ("1,200 HOUSEHOLDS"). The cased
  // view costs a third of the recognizer, so it is made only for such text.
  std::string cased;
  auto in_case = [&](const Span& s) {
    const std::string_view raw = text.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start));
    if (UpperRatio(raw) <= 0.8) return raw;
    if (cased.empty()) cased = CasedView(text, paragraphs);
    return std::string_view(cased).substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start));
  };
  for (const Span& para : paragraphs) {
    const std::string_view ptext = text.substr(static_cast<size_t>(para.start), static_cast<size_t>(para.end - para.start));
    for (const Span& rel : SplitSentences(ptext)) {
      const Span s{para.start + rel.start, para.start + rel.end};
      const std::string_view sentence = text.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start));
      std::vector<EntityAt> in;
      for (const auto& ea : mentions) {
        if (ea.m->start >= s.start && ea.m->end <= s.end) in.push_back(ea);
      }
      const auto quantities = FindQuantities(in_case(s));
      const When when = quantities.empty() ? When{} : TimeOf(sentence, doc_year);
      struct Track {
        const std::vector<EntityAt>& in;
        const RecognizedMention*& last_person;
        ~Track() {
          for (const auto& ea : in) {
            if (ea.e->type == EntityType::kPerson) last_person = ea.m;
          }
        }
      } track{in, last_person};
      for (const Quantity& rq : quantities) {
        Quantity q = rq;
        const int64_t qs = s.start + q.start, qe = s.start + q.end;
        Figure f;
        f.start = s.start;
        f.end = s.end;
        const std::string before = LowerAscii(text.substr(static_cast<size_t>(s.start), static_cast<size_t>(qs - s.start)));
        const auto after_words = LowerWords(text.substr(static_cast<size_t>(qe), static_cast<size_t>(s.end - qe)));

        // The subject.
        const EntityAt* subject = nullptr;
        EntityAt deictic_subject{};
        // The first entity of a preferred type in the sentence before the figure
        // (the grammatical subject, usually): "Sutphen has sold ... to China,
        // Thailand ..., bringing in $11 million" is about Sutphen. Too far from
        // the figure (another clause), nothing.
        auto prefer = [&](std::initializer_list<EntityType> types, bool before_only) -> const EntityAt* {
          for (EntityType t : types) {
            for (const auto& ea : in) {
              if (ea.e->type != t || (before_only && ea.m->start >= qs)) continue;
              if (ea.m->end <= qs && qs - ea.m->end > 150) continue;
              return &ea;
            }
          }
          return nullptr;
        };
        if (q.kind == Quantity::Kind::kAge) {
          // "the 89-year-old Pinochet", "Pinochet, 89-year-old ...": the person next to it.
          for (const auto& ea : in) {
            if (ea.e->type == EntityType::kPerson && (ea.m->start >= qe && ea.m->start <= qe + 3)) subject = &ea;
          }
          if (!subject) subject = prefer({EntityType::kPerson}, false);
        } else {
          // Apposition: "Chongqing, a municipality of nearly 30 million people".
          for (const auto& ea : in) {
            if (ea.m->end > qs) continue;
            const std::string between = LowerAscii(text.substr(static_cast<size_t>(ea.m->end), static_cast<size_t>(qs - ea.m->end)));
            if ((between.rfind(", a ", 0) == 0 || between.rfind(", an ", 0) == 0 || between.rfind(", the ", 0) == 0) &&
                between.size() < 60 && between.find('.') == std::string::npos) {
              subject = &ea;
            }
          }
          // "here", "this city", "a huge place": the city the text was last about.
          const bool deictic = before.find(" here") != std::string::npos ||
                               std::find(after_words.begin(), after_words.end(), "here") != after_words.end() ||
                               before.find("this city") != std::string::npos || before.find("the city") != std::string::npos ||
                               before.find(" place") != std::string::npos || before.find("municipality") != std::string::npos;
          if (!subject && deictic && last_city) {
            deictic_subject = {last_city, &r.entities[static_cast<size_t>(last_city->entity)]};
            subject = &deictic_subject;
          }
          if (!subject) {
            // Death tolls and other harm are about the person (or regime) they are
            // laid at, even when the sentence only says "during his rule".
            const bool harm = (q.kind == Quantity::Kind::kCount &&
                               (!PeopleVerb(after_words).empty() || q.unit == "death" || q.unit == "disappearance" ||
                                q.unit == "victim" || q.unit == "casualty"));
            if (harm) {
              subject = prefer({EntityType::kPerson}, true);
              if (!subject && last_person && qs - last_person->end < 800) {
                deictic_subject = {last_person, &r.entities[static_cast<size_t>(last_person->entity)]};
                subject = &deictic_subject;
              }
            }
            if (!subject) switch (q.kind) {
              case Quantity::Kind::kMoney:
                subject = prefer({EntityType::kOrganization, EntityType::kPlace, EntityType::kPerson}, true);
                break;
              case Quantity::Kind::kCount:
                subject = q.unit == "person" ? prefer({EntityType::kPlace, EntityType::kOrganization, EntityType::kPerson}, true)
                                             : prefer({EntityType::kOrganization, EntityType::kPlace, EntityType::kPerson}, true);
                break;
              default:
                subject = prefer({EntityType::kPlace, EntityType::kOrganization, EntityType::kPerson}, true);
            }
          }
          if (!subject && deictic && last_country) {
            deictic_subject = {last_country, &r.entities[static_cast<size_t>(last_country->entity)]};
            subject = &deictic_subject;
          }
        }
        // Remember places for later "here", people for later "his rule".
        for (const auto& ea : in) {
          if (ea.e->type == EntityType::kPerson && ea.m->start < qs) last_person = ea.m;
          if (ea.e->type != EntityType::kPlace) continue;
          const std::string kind = place_kind(ea.e);
          if (kind != "country" && kind != "region" && kind != "subdivision") last_city = ea.m;  // "here"
          if (place_kind(ea.e) == "country") last_country = ea.m;
        }
        if (!subject) continue;
        f.subject = subject->m->entity;
        f.confidence = subject->m->end <= qs && qs - subject->m->end < 80 ? 0.75 : 0.6;

        // The predicate.
        switch (q.kind) {
          case Quantity::Kind::kCount: {
            const std::string verb = PeopleVerb(after_words);
            if (q.unit == "person") {
              f.predicate = !verb.empty() ? "people_" + verb : subject->e->type == EntityType::kPlace ? "population" : "people";
            } else {
              f.predicate = Slug(q.noun.empty() ? q.unit : q.noun);
              if (!verb.empty()) f.predicate += "_" + verb;
              // "… laptops … are assembled here": the action counted.
              for (size_t i = 0; i + 1 < after_words.size() && i < 6; ++i) {
                if ((after_words[i] == "are" || after_words[i] == "were" || after_words[i] == "is") &&
                    after_words[i + 1].size() > 3 && after_words[i + 1].back() == 'd') {
                  f.predicate += "_" + after_words[i + 1];
                  break;
                }
              }
            }
            break;
          }
          case Quantity::Kind::kMoney: {
            // "a cost of $100,000", "an external debt of more than $300bn", "$11 million in revenue".
            const auto words = LowerWords(before);
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
            f.predicate = head.empty() ? "amount" : Slug(head);
            break;
          }
          case Quantity::Kind::kPercent:
            f.predicate = q.noun.empty() ? "percent" : "percent_of_" + Slug(q.noun);
            break;
          case Quantity::Kind::kRatio:
            f.predicate = q.unit == "times" ? "times_" + Slug(q.noun.empty() ? "as_much" : q.noun)
                                            : "share_of_" + Slug(q.noun.empty() ? q.unit : q.noun);
            break;
          case Quantity::Kind::kRank:
            f.predicate = "rank_" + Slug(q.noun.empty() ? "overall" : q.noun);
            break;
          case Quantity::Kind::kMeasure:
            f.predicate = (q.noun.empty() ? "" : Slug(q.noun) + "_") + Dimension(q.unit);
            break;
          case Quantity::Kind::kAge:
            f.predicate = "age";
            break;
        }
        f.time = when.time;
        f.prospective = when.prospective;
        f.quantity = q;
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

}  // namespace dossier::ner
