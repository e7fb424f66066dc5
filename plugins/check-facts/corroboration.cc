// The corroboration checker: how many independent sources each fact rests
// on. A fact is a group of claims stating the same thing (for figures: a
// cluster of agreeing figures); sources that count once are described in
// sources.h.
#include <set>

#include "checkers.h"
#include "claim_index.h"
#include "evidence.h"
#include "sources.h"

namespace dossier::check {
namespace {

class CorroborationChecker final : public Checker {
 public:
  std::string name() const override { return "corroboration"; }
  std::string description() const override {
    return "each fact's number of independent sources; facts resting on one source listed";
  }

  Status Check(StoreView& store, FindingSink& sink) override {
    auto canonical = Canonical::Load(store);
    if (!canonical.ok()) return canonical.status();
    auto index = ClaimIndex::Build(store, Vocabulary::Get(), *canonical);
    if (!index.ok()) return index.status();
    auto sources = Sources::Load(store);
    if (!sources.ok()) return sources.status();

    struct Fact {
      const FactGroup* group;
      const std::vector<uint32_t>* members;
      Sources::Count count;
    };
    std::vector<Fact> facts;
    ClaimDetails details;
    for (const FactGroup& g : index->groups) {
      if (g.numeric) {
        for (const auto& cluster : g.clusters) facts.push_back({&g, &cluster, sources->CountSources(*index, cluster)});
      } else {
        facts.push_back({&g, &g.members, sources->CountSources(*index, g.members)});
      }
    }
    for (const Fact& f : facts) {
      for (uint32_t m : *f.members) details.Need(index->claims[m].id);
    }
    if (Status st = details.Load(store); !st.ok()) return st;

    EntityNames names(store);
    for (const Fact& fact : facts) {
      const FactGroup& g = *fact.group;
      const bool single = fact.count.independent <= 1;
      Finding f;
      f.code = single ? "single-source" : "corroborated";
      f.severity = Severity::kInfo;
      Json claims = Json::array();
      std::string figures;
      std::set<std::string> shown;
      for (uint32_t m : *fact.members) {
        const FactClaim& c = index->claims[m];
        claims.push_back(details.Of(c.id));
        f.refs.push_back(c.id);
        if (c.numeric) {
          const std::string& q = index->qualifiers[c.qualifier];
          const std::string fig = (q == "exact" ? "" : q + " ") + FormatAmount(c.amount);
          if (shown.insert(fig).second) figures += (figures.empty() ? "" : " / ") + fig;
        }
      }
      std::string what = names.Of(g.subject) + " " + g.predicate;
      if (g.numeric) {
        what += " = " + figures + (g.unit.empty() ? "" : " " + g.unit);
      } else if (!g.object.empty() && g.object.rfind("text:", 0) != 0 && g.object.find(':') != std::string::npos &&
                 g.object.rfind("date:", 0) != 0 && g.object.rfind("value:", 0) != 0) {
        what += " " + names.Of(g.object);
      } else if (const Json& first = details.Of(index->claims[fact.members->front()].id);
                 first.contains("quote")) {
        what += ": \"" + ShortQuote(first["quote"].get<std::string>(), 80) + "\"";
      }
      if (g.year) what += " (" + std::to_string(g.year) + ")";
      const std::string sources_text = std::to_string(fact.count.independent) + " independent source" +
                                       (fact.count.independent == 1 ? "" : "s");
      f.message = single ? what + " rests on one source (" + (fact.count.origins.empty() ? "" : fact.count.origins[0]) + ")"
                         : what + " is reported by " + sources_text;
      f.evidence = {{"why", sources_text + " among " + std::to_string(fact.members->size()) +
                                " claim" + (fact.members->size() == 1 ? "" : "s") +
                                " (documents of one publisher, cables linked by REF, and claims quoting the same "
                                "words count once)"},
                    {"independent_sources", fact.count.independent},
                    {"origins", fact.count.origins},
                    {"claims", std::move(claims)}};
      if (!fact.count.why.empty()) f.evidence["counted_once"] = fact.count.why;
      f.refs.insert(f.refs.begin(), g.subject);
      // A fact is identified by its key (and, when figures under one key
      // disagree, by its first claim), so a fact that gains a second source
      // is the same finding with new evidence.
      const bool several = g.numeric && g.clusters.size() > 1;
      f.fingerprint = Fingerprint({"corroboration", g.subject, g.predicate, g.unit, g.object, std::to_string(g.year),
                                   several ? index->claims[fact.members->front()].id : ""});
      sink.Report(std::move(f));
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Checker> MakeCorroborationChecker() { return std::make_unique<CorroborationChecker>(); }

}  // namespace dossier::check
