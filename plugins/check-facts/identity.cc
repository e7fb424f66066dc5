// The identity checker: who is who.
//
// Within a document: a surname-only or title-only mention the resolver left
// unresolved ("Mr. Ruan") is compared with the people named in full in the
// same document (same word, transliteration, sound, spelling); it is either
// paired with the likeliest person or reported as matching nobody. Two
// people of one document whose full names are probably one name written two
// ways are paired too. Across documents: entities whose names normalise
// alike but were kept apart, a surname-only person matching exactly one full
// name, and one person given two different titles at the same time.
// Findings only suggest; the curator decides with `judge` or `merge`, and
// pairs judged "different" are not suggested again.
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "checkers.h"
#include "claim_index.h"
#include "dossier/text.h"
#include "evidence.h"
#include "names.h"

namespace dossier::check {
namespace {

struct Person {
  std::string id;
  std::string name;
  std::vector<std::string> words;
};

// The word before a span, lower-cased, skipping spaces ("President" in
// "President Rob Wagner"), and the word before that.
std::pair<std::string, std::string> WordsBefore(const std::string& text, int64_t start) {
  auto word_before = [&](int64_t& pos) {
    while (pos > 0 && (text[static_cast<size_t>(pos - 1)] == ' ' || text[static_cast<size_t>(pos - 1)] == '.')) --pos;
    int64_t end = pos;
    while (pos > 0 && std::isalpha(static_cast<unsigned char>(text[static_cast<size_t>(pos - 1)]))) --pos;
    return NormalizeName(text.substr(static_cast<size_t>(pos), static_cast<size_t>(end - pos)));
  };
  int64_t pos = std::min<int64_t>(start, static_cast<int64_t>(text.size()));
  std::string first = word_before(pos);
  std::string second = word_before(pos);
  return {first, second};
}

std::string PairKey(const std::string& a, const std::string& b) { return a < b ? a + "\x1f" + b : b + "\x1f" + a; }

class IdentityChecker final : public Checker {
 public:
  std::string name() const override { return "identity"; }
  std::string description() const override {
    return "unmatched surname/title mentions, one person written two ways, same names kept apart, conflicting titles";
  }

  Status Check(StoreView& store, FindingSink& sink) override {
    const Vocabulary& vocabulary = Vocabulary::Get();
    auto canonical = Canonical::Load(store);
    if (!canonical.ok()) return canonical.status();
    std::set<std::string> judged;  // pairs with a verdict: the curator decided, do not ask again
    Status st = store.ForEachJudgement([&](const Judgement& j) {
      judged.insert(PairKey(canonical->Of(j.a), canonical->Of(j.b)));
      return true;
    });
    if (!st.ok()) return st;
    EntityNames names(store);

    // entity -> time and title category -> canonical title -> mentions giving it
    std::map<std::string, std::map<std::string, std::map<std::string, Json>>> titles;

    st = store.ForEachDocument([&](const Document& d) {
      auto mentions = store.MentionsIn(d.id);
      if (!mentions.ok()) return false;
      std::map<std::string, Person> people;
      std::map<std::string, std::vector<const Mention*>> unresolved;  // surname key -> mentions
      std::map<std::string, std::string> unresolved_word;
      for (const Mention& m : *mentions) {
        // A span that is not one of the text (a damaged store) has no words around it.
        if (m.type != EntityType::kPerson || !IsSpanOf(d.text, m.start, m.end)) continue;
        if (m.entity.empty()) {
          const auto words = NameWords(m.text, vocabulary);
          if (words.empty()) continue;
          unresolved[words.back()].push_back(&m);
          unresolved_word.emplace(words.back(), words.back());
          continue;
        }
        const std::string id = canonical->Of(m.entity);
        if (!people.count(id)) {
          const std::string& n = names.Of(id);
          people[id] = {id, n, NameWords(n, vocabulary)};
        }
        auto [before, before2] = WordsBefore(d.text, m.start);
        const auto [category, office] = vocabulary.Office(before);
        if (!category.empty() && before2 != "former" && before2 != "ex" && before2 != "then" && before2 != "late") {
          const int y = YearOf(DocumentDate(d.properties));
          const std::string year = y ? std::to_string(y) : "";
          Json& seen = titles[id][(year.empty() ? d.id : year) + "\x1f" + category][office];
          if (seen.is_null()) seen = Json::array();
          if (seen.size() < 5) seen.push_back({{"document", d.id}, {"start", m.start}, {"text", before + " " + m.text}});
        }
      }
      for (const auto& [word, ms] : unresolved) Unresolved(d, word, ms, people, vocabulary, sink);
      WrittenTwoWays(d, people, judged, vocabulary, sink);
      return true;
    });
    if (!st.ok()) return st;

    if (Status s2 = AcrossDocuments(store, *canonical, judged, vocabulary, sink); !s2.ok()) return s2;
    Titles(titles, names, sink);
    return Status::OK();
  }

 private:
  static Json MentionsJson(const Document& d, const std::vector<const Mention*>& ms) {
    Json out = Json::array();
    for (const Mention* m : ms) {
      const int64_t from = std::max<int64_t>(0, m->start - 60);
      const int64_t to = std::min<int64_t>(static_cast<int64_t>(d.text.size()), m->end + 60);
      const size_t a = Utf8Floor(d.text, static_cast<size_t>(from)), b = Utf8Floor(d.text, static_cast<size_t>(to));
      out.push_back({{"mention", m->id}, {"text", m->text}, {"start", m->start}, {"end", m->end},
                     {"context", d.text.substr(a, b - a)}});
    }
    return out;
  }

  static void Unresolved(const Document& d, const std::string& word, const std::vector<const Mention*>& ms,
                         const std::map<std::string, Person>& people, const Vocabulary& vocabulary, FindingSink& sink) {
    // The best link to any word of any person named in the document.
    NameLink best = NameLink::kNone;
    std::vector<std::pair<const Person*, std::string>> candidates;
    Json considered = Json::array();
    for (const auto& [id, p] : people) {
      NameLink person_best = NameLink::kNone;
      std::string why;
      for (const std::string& w : p.words) {
        const WordMatch m = MatchWord(word, w, vocabulary);
        if (m.link > person_best) {
          person_best = m.link;
          why = m.why;
        }
      }
      if (person_best == NameLink::kNone) continue;
      considered.push_back({{"entity", id}, {"name", p.name}, {"why", why}});
      if (person_best > best) {
        best = person_best;
        candidates.clear();
      }
      if (person_best == best) candidates.push_back({&p, why});
    }
    const std::string surface = ms.front()->text;
    Finding f;
    f.refs = {d.id};
    f.evidence = {{"document", d.id}, {"mentions", MentionsJson(d, ms)}};
    if (candidates.empty()) {
      f.code = "unmatched-reference";
      f.severity = Severity::kWarning;
      f.message = d.id + ": \"" + surface + "\" matches no person named in full in the document";
      f.evidence["why"] = "no person named in the document has a name that is the same, a transliteration, "
                          "or sounds or is spelled alike";
    } else if (candidates.size() == 1) {
      const Person& p = *candidates[0].first;
      f.code = "probable-same-person";
      // "David" for David DeBatto: one of the person's own names, a reference
      // to confirm (info); "Gillepsie" for Gillespie: a name written wrong
      // (warning).
      f.severity = best == NameLink::kSame ? Severity::kInfo : Severity::kWarning;
      f.message = d.id + ": \"" + surface + "\" is probably " + p.name + " (" + candidates[0].second +
                  "); merge or judge to decide";
      f.refs.push_back(p.id);
      f.evidence["why"] = candidates[0].second;
      f.evidence["suggested"] = {{"entity", p.id}, {"name", p.name}};
    } else {
      f.code = "ambiguous-reference";
      f.severity = Severity::kWarning;
      std::string list;
      for (const auto& [p, why] : candidates) {
        list += (list.empty() ? "" : ", ") + p->name;
        f.refs.push_back(p->id);
      }
      f.message = d.id + ": \"" + surface + "\" could be any of " + list;
      f.evidence["why"] = "several people named in the document match equally well";
    }
    f.evidence["considered"] = considered;
    for (const Mention* m : ms) f.refs.push_back(m->id);
    f.fingerprint = Fingerprint({"identity-mention", d.id, word});
    sink.Report(std::move(f));
  }

  static void WrittenTwoWays(const Document& d, const std::map<std::string, Person>& people,
                             const std::set<std::string>& judged, const Vocabulary& vocabulary, FindingSink& sink) {
    // People of one document are few; past a few hundred, only names that
    // share a Soundex code of their last word are compared.
    std::vector<const Person*> list;
    for (const auto& [id, p] : people) {
      if (!p.words.empty()) list.push_back(&p);
    }
    if (list.size() > 300) return;
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        const Person& a = *list[i];
        const Person& b = *list[j];
        if (judged.count(PairKey(a.id, b.id))) continue;
        WordMatch m;
        if (a.words.size() >= 2 && b.words.size() >= 2) {
          m = MatchFullNames(a.words, b.words, vocabulary);
        } else if (a.words.size() == 1 || b.words.size() == 1) {
          const Person& one = a.words.size() == 1 ? a : b;
          const Person& full = a.words.size() == 1 ? b : a;
          if (full.words.size() >= 2) m = MatchWord(one.name, full.words.back(), vocabulary);
        }
        if (m.link == NameLink::kNone) continue;
        Finding f;
        f.code = "probable-same-person";
        f.severity = Severity::kWarning;
        f.message = d.id + ": " + a.name + " and " + b.name + " are probably one person (" + m.why +
                    "); merge or judge to decide";
        f.refs = {a.id, b.id, d.id};
        f.evidence = {{"why", m.why},
                      {"document", d.id},
                      {"entities", {{{"entity", a.id}, {"name", a.name}}, {{"entity", b.id}, {"name", b.name}}}}};
        f.fingerprint = Fingerprint({"identity-pair", d.id, PairKey(a.id, b.id)});
        sink.Report(std::move(f));
      }
    }
  }

  static Status AcrossDocuments(StoreView& store, const Canonical& canonical, const std::set<std::string>& judged,
                                const Vocabulary& vocabulary, FindingSink& sink) {
    // Blocks: normalised name (all types), and for people the last word.
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_name;  // type|norm -> (id, name)
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_last;  // last word -> full names
    std::vector<std::pair<std::string, std::string>> single_word_people;
    for (EntityType type : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace}) {
      EntityFilter filter;
      filter.type = type;
      Status st = store.ForEachEntity(filter, [&](const Entity& e) {
        by_name[std::string(TypeName(type)) + "|" + NormalizeName(e.name)].push_back({e.id, e.name});
        if (type == EntityType::kPerson) {
          const auto words = NameWords(e.name, vocabulary);
          if (words.size() >= 2) by_last[words.back()].push_back({e.id, e.name});
          if (words.size() == 1) single_word_people.push_back({e.id, e.name});
        }
        return true;
      });
      if (!st.ok()) return st;
    }
    for (const auto& [key, list] : by_name) {
      if (list.size() < 2) continue;
      std::vector<std::string> ids;
      for (const auto& [id, _] : list) ids.push_back(id);
      bool all_judged = true;
      for (size_t i = 0; i + 1 < ids.size(); ++i) all_judged = all_judged && judged.count(PairKey(ids[i], ids[i + 1]));
      if (all_judged) continue;
      Finding f;
      f.code = "same-name-apart";
      f.severity = Severity::kWarning;
      f.message = std::to_string(list.size()) + " entities are named \"" + list[0].second +
                  "\" but kept apart: " ;
      for (size_t i = 0; i < ids.size(); ++i) f.message += (i ? ", " : "") + ids[i];
      f.message += "; merge them or judge them different";
      f.refs = ids;
      Json entities = Json::array();
      for (const auto& [id, n] : list) entities.push_back({{"entity", id}, {"name", n}});
      f.evidence = {{"why", "their names are equal after normalisation (case, accents, punctuation)"},
                    {"entities", entities}};
      f.fingerprint = Fingerprint({"same-name-apart", key});
      sink.Report(std::move(f));
    }
    for (const auto& [id, name] : single_word_people) {
      auto it = by_last.find(NormalizeName(name));
      if (it == by_last.end() || it->second.size() != 1) continue;
      const auto& [full_id, full_name] = it->second[0];
      if (canonical.Of(full_id) == canonical.Of(id) || judged.count(PairKey(id, full_id))) continue;
      Finding f;
      f.code = "surname-only";
      f.severity = Severity::kInfo;
      f.message = id + " (\"" + name + "\") is known only by a surname that one person, " + full_name +
                  ", carries; merge if they are the same";
      f.refs = {id, full_id};
      f.evidence = {{"why", "exactly one person in the store has \"" + name + "\" as the last word of a full name"},
                    {"entities", {{{"entity", id}, {"name", name}}, {{"entity", full_id}, {"name", full_name}}}}};
      f.fingerprint = Fingerprint({"surname-only", id, full_id});
      sink.Report(std::move(f));
    }
    return Status::OK();
  }

  using Titles3 = std::map<std::string, std::map<std::string, std::map<std::string, Json>>>;
  static void Titles(const Titles3& titles, EntityNames& names, FindingSink& sink) {
    for (const auto& [id, by_time] : titles) {
      for (const auto& [when, by_title] : by_time) {
        if (by_title.size() < 2) continue;
        std::string list;
        Json seen = Json::object();
        for (const auto& [title, where] : by_title) {
          list += (list.empty() ? "" : ", ") + title;
          seen[title] = where;
        }
        const std::string time = when.substr(0, when.find('\x1f'));
        const std::string category = when.substr(when.find('\x1f') + 1);
        Finding f;
        f.code = "conflicting-title";
        f.severity = Severity::kWarning;
        const bool is_doc = time.rfind("doc:", 0) == 0;
        f.message = names.Of(id) + " is given different " + category + "s in " + time + ": " + list;
        f.refs = {id};
        f.evidence = {{"why", "a person holds one " + category + " at a time; these mentions " +
                                  (is_doc ? "are in one document" : "are in documents of the same year")},
                      {"time", time},
                      {"category", category},
                      {"titles", seen}};
        f.fingerprint = Fingerprint({"conflicting-title", id, when});
        sink.Report(std::move(f));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Checker> MakeIdentityChecker() { return std::make_unique<IdentityChecker>(); }

}  // namespace dossier::check
