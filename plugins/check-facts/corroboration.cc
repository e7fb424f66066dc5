// The corroboration checker: how many independent sources each fact rests
// on. A fact is a group of claims stating the same thing (for figures: a
// cluster of agreeing figures); sources that count once are described in
// sources.h. Findings summarise per subject: its facts on one source, and
// its facts with several.
#include <algorithm>
#include <map>
#include <set>

#include "dossier/text.h"

#include "checkers.h"
#include "analysis.h"
#include "claim_index.h"
#include "evidence.h"
#include "sources.h"

namespace dossier::check {
namespace {

struct Fact {
  const FactGroup* group;
  const std::vector<uint32_t>* members;
};

// One subject's facts with one outcome, as they go into its finding.
struct Summary {
  Json facts = Json::array();
  std::vector<std::string> refs;
  std::vector<std::string> whats;
};

void AddFact(const ClaimIndex& index, const Fact& fact, const Sources::Count& count, EntityNames& names,
             Summary& sum) {
  const FactGroup& g = *fact.group;
  Json claims = Json::array();
  std::string figures;
  std::set<std::string> shown;
  std::string what = g.predicate;
  if (g.numeric) {
  } else if (!g.object.empty() && g.object.rfind("text:", 0) != 0 && g.object.rfind("date:", 0) != 0 &&
             g.object.rfind("value:", 0) != 0) {
    what += " " + names.Of(g.object);
  } else if (const Json& v = index.claims[fact.members->front()].value;
             g.object.rfind("text:", 0) == 0 && v.is_object() && v.contains("text") && v["text"].is_string()) {
    what += ": \"" + ShortQuote(v["text"].get<std::string>(), 80) + "\"";  // a title: "commissioner"
  } else if (const std::string& quote = index.claims[fact.members->front()].quote; !quote.empty()) {
    what += ": \"" + ShortQuote(quote, 80) + "\"";
  }
  for (uint32_t m : *fact.members) {
    const FactClaim& c = index.claims[m];
    // The fact names the subject, predicate and figures: each claim is cited short.
    claims.push_back(index.Citation(m));
    sum.refs.push_back(c.id);
    if (c.numeric) {
      const std::string fig = index.Figure(c);
      if (shown.insert(fig).second) figures += (figures.empty() ? "" : " / ") + fig;
    }
  }
  if (g.numeric) what += " = " + figures + (g.unit.empty() ? "" : " " + g.unit);
  if (g.year) what += " (" + std::to_string(g.year) + ")";
  Json j = {{"fact", what}, {"independent_sources", count.independent}, {"origins", count.origins}};
  j["claims"] = std::move(claims);  // by assignment: an initializer list would copy
  if (!count.why.empty()) j["counted_once"] = count.why;
  sum.facts.push_back(std::move(j));
  sum.whats.push_back(what + " [" + std::to_string(count.independent) + " sources]");
}

void Report(const std::string& subject, Summary& sum, EntityNames& names, FindingSink& sink) {
  Finding f;
  f.code = "corroborated";
  f.severity = Severity::kInfo;
  const size_t n = sum.facts.size();
  std::string list;
  for (size_t i = 0; i < sum.whats.size() && i < 3; ++i) list += (i ? "; " : "") + sum.whats[i];
  if (sum.whats.size() > 3) list += "; …";
  f.message = names.Of(subject) + ": " + std::to_string(n) + (n == 1 ? " fact " : " facts ") +
              (n == 1 ? "is reported by independent sources: " : "are reported by independent sources: ") + list;
  f.refs = std::move(sum.refs);
  f.refs.insert(f.refs.begin(), subject);
  f.evidence = {{"why", std::string("each fact below is reported by two or more independent sources") +
                            " (documents of one publisher, cables linked by REF, and claims quoting the same "
                            "words count once)"},
                {"subject", subject}};
  f.evidence["facts"] = std::move(sum.facts);
  f.fingerprint = Fingerprint({"corroboration", f.code, subject});
  sink.Report(std::move(f));
}

// The last word of a name, for telling two entities of one person apart
// from two people ("Sarkozy" and "Nicolas Sarkozy" are probably one).
std::string LastWord(const std::string& name) {
  const std::string n = NormalizeName(name);
  return n.substr(n.find_last_of(' ') == std::string::npos ? 0 : n.find_last_of(' ') + 1);
}

// Quotations long enough to be one person's words, not a common phrase.
constexpr size_t kMinQuoteKey = 30;

// The same words given to two speakers in two documents: one outlet has the
// wrong speaker (docs/checks.md, "corroboration"). Speakers whose names end
// alike are left to the identity checker: they are probably one person.
void ReportQuoteSpeakers(const ClaimIndex& index, const Sources& sources, EntityNames& names, FindingSink& sink) {
  std::map<std::string, std::vector<const FactGroup*>> by_words;
  for (const FactGroup& g : index.groups) {
    if (g.predicate == "said" && g.object.rfind("text:", 0) == 0 && g.object.size() >= 5 + kMinQuoteKey) {
      by_words[g.object].push_back(&g);
    }
  }
  for (const auto& [words, groups] : by_words) {
    if (groups.size() < 2) continue;
    std::set<std::string> last_words, documents;
    for (const FactGroup* g : groups) {
      last_words.insert(LastWord(names.Of(g->subject)));
      for (uint32_t m : g->members) documents.insert(index.documents[index.claims[m].document]);
    }
    if (last_words.size() < 2 || documents.size() < 2) continue;
    Finding f;
    f.code = "quote-speaker-conflict";
    f.severity = Severity::kWarning;
    std::string sides;
    Json speakers = Json::array();
    for (const FactGroup* g : groups) {
      std::set<std::string> outlets;
      Json claims = Json::array();
      for (uint32_t m : g->members) {
        outlets.insert(sources.OriginOf(index.documents[index.claims[m].document]));
        claims.push_back(index.Citation(m));
        f.refs.push_back(index.claims[m].id);
      }
      std::string who;
      for (const auto& o : outlets) who += (who.empty() ? "" : ", ") + o;
      sides += (sides.empty() ? "" : " and to ") + names.Of(g->subject) + " (" + who + ")";
      Json side = {{"speaker", g->subject}, {"outlets", outlets}};
      side["claims"] = std::move(claims);
      speakers.push_back(std::move(side));
      f.refs.insert(f.refs.begin(), g->subject);
    }
    const std::string& quote = index.claims[groups.front()->members.front()].quote;
    f.message = "\"" + ShortQuote(quote, 80) + "\" is given to " + sides;
    f.evidence = {{"why", "the same words (letters and digits) are attributed to different speakers in different documents"}};
    f.evidence["speakers"] = std::move(speakers);
    f.evidence["rank"] = static_cast<double>(documents.size());
    f.fingerprint = Fingerprint({"corroboration", f.code, words});
    sink.Report(std::move(f));
  }
}

class CorroborationChecker final : public Checker {
 public:
  std::string name() const override { return "corroboration"; }
  std::string description() const override {
    return "facts reported by two or more independent sources";
  }

  Status Check(StoreView& store, FindingSink& sink) override {
    auto analysis = AnalyzeClaims(store);  // shared with the other checker (analysis.h)
    if (!analysis.ok()) return analysis.status();
    const ClaimIndex& index = (*analysis)->index;
    const Sources& sources = (*analysis)->sources;

    std::vector<Fact> facts;
    for (const FactGroup& g : index.groups) {
      if (g.numeric) {
        for (const auto& cluster : g.clusters) facts.push_back({&g, &cluster});
      } else {
        facts.push_back({&g, &g.members});
      }
    }
    // One finding per subject and outcome (facts on one source; facts with
    // several), listing each fact: a store of a million claims yields
    // findings per subject, not per claim, and `show` still puts each
    // finding beside every claim it lists. Subject by subject, so that only
    // one subject's evidence is held at a time (all of them at once took
    // gigabytes at a million claims, and the allocator's time with them).
    std::stable_sort(facts.begin(), facts.end(),
                     [](const Fact& a, const Fact& b) { return a.group->subject < b.group->subject; });
    EntityNames names(store);
    for (size_t begin = 0, end; begin < facts.size(); begin = end) {
      const std::string& subject = facts[begin].group->subject;
      for (end = begin + 1; end < facts.size() && facts[end].group->subject == subject;) ++end;
      // A fact on one source is no finding: a listing of nearly every claim
      // buried the disagreements (docs/checks.md, "corroboration").
      Summary several;
      for (size_t i = begin; i < end; ++i) {
        const Sources::Count count = sources.CountSources(index, *facts[i].members);
        if (count.independent > 1) AddFact(index, facts[i], count, names, several);
      }
      if (!several.whats.empty()) Report(subject, several, names, sink);
    }
    ReportQuoteSpeakers(index, sources, names, sink);
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Checker> MakeCorroborationChecker() { return std::make_unique<CorroborationChecker>(); }

}  // namespace dossier::check
