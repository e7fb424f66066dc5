// The numbers checker: figures stated about one subject, predicate and time
// either agree (their hedged ranges share a value) or conflict.
#include <cmath>
#include <cstdio>
#include <map>

#include <set>

#include "checkers.h"
#include "analysis.h"
#include "claim_index.h"
#include "evidence.h"
#include "sources.h"

namespace dossier::check {

std::string FormatAmount(double amount) {
  char buf[64];
  if (std::fabs(amount - std::round(amount)) < 1e-9 && std::fabs(amount) < 1e15) {
    std::string digits = std::to_string(static_cast<long long>(std::llround(std::fabs(amount))));
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return (amount < 0 ? "-" : "") + out;
  }
  std::snprintf(buf, sizeof buf, "%.6g", amount);
  return buf;
}

namespace {

// "nearly 30,000,000 person".
std::string Figure(const ClaimIndex& index, const FactClaim& c, const std::string& unit) {
  return index.Figure(c) + (unit.empty() ? "" : " " + unit);
}

class NumbersChecker final : public Checker {
 public:
  std::string name() const override { return "numbers"; }
  std::string description() const override {
    return "figures on one subject, predicate and time: agreement (with independent sources) or conflict";
  }

  Status Check(StoreView& store, FindingSink& sink) override {
    auto analysis = AnalyzeClaims(store);  // shared with the other checker (analysis.h)
    if (!analysis.ok()) return analysis.status();
    const ClaimIndex* index = &(*analysis)->index;
    const Sources* sources = &(*analysis)->sources;

    std::vector<const FactGroup*> reported;
    for (const FactGroup& g : index->groups) {
      if (g.numeric && g.comparable && g.members.size() >= 2) reported.push_back(&g);
    }

    EntityNames names(store);
    for (const FactGroup* g : reported) {
      const bool agree = g->clusters.size() == 1;
      const Sources::Count count = sources->CountSources(*index, g->members);
      const std::string what = names.Of(g->subject) + " " + g->predicate + (g->year ? " (" + std::to_string(g->year) + ")" : "");
      Finding f;
      f.code = agree ? "value-agreement" : "value-conflict";
      f.severity = agree ? Severity::kInfo : Severity::kWarning;
      Json clusters = Json::array();
      std::string side_by_side;
      for (const auto& cluster : g->clusters) {
        Json claims = Json::array();
        std::string figures;
        std::set<std::string> shown;
        double low = -INFINITY, high = INFINITY;
        for (uint32_t m : cluster) {
          const FactClaim& c = index->claims[m];
          Json e = index->Evidence(m, g->subject);
          e["range"] = {c.low, c.high};
          claims.push_back(std::move(e));
          const std::string fig = Figure(*index, c, g->unit);
          if (shown.insert(fig).second) figures += (figures.empty() ? "" : " / ") + fig;
          low = std::max(low, c.low);
          high = std::min(high, c.high);
        }
        side_by_side += (side_by_side.empty() ? "" : "  vs  ") + figures;
        // Large arrays are moved in by assignment: an initializer list would copy them.
        Json cluster_json = {{"figures", figures}, {"common_range", {low, high}}};
        cluster_json["claims"] = std::move(claims);
        clusters.push_back(std::move(cluster_json));
        for (uint32_t m : cluster) f.refs.push_back(index->claims[m].id);
      }
      if (agree) {
        f.message = what + ": " + std::to_string(g->members.size()) + " statements agree (" + side_by_side + "), " +
                    std::to_string(count.independent) + " independent source" + (count.independent == 1 ? "" : "s");
      } else {
        f.message = what + ": figures conflict: " + side_by_side;
      }
      std::string why = agree ? "every figure's range (after its hedge) shares a value with the others"
                              : "the figures fall into " + std::to_string(g->clusters.size()) +
                                    " groups whose ranges (after their hedges) share no value";
      why += "; compared as subject " + g->subject + ", predicate " + g->predicate +
             (g->unit.empty() ? "" : ", unit " + g->unit) +
             (g->year ? ", time " + std::to_string(g->year) : ", no time stated");
      if (g->undated_joined) why += " (figures stating no time were taken to refer to " + std::to_string(g->year) + ")";
      f.evidence = {{"why", why},
                    {"subject", g->subject},
                    {"predicate", g->predicate},
                    {"unit", g->unit},
                    {"independent_sources", count.independent},
                    {"origins", count.origins}};
      f.evidence["groups"] = std::move(clusters);
      if (!count.why.empty()) f.evidence["counted_once"] = count.why;
      if (g->year) f.evidence["time"] = std::to_string(g->year);
      f.refs.insert(f.refs.begin(), g->subject);
      f.fingerprint = Fingerprint({"numbers", f.code, g->subject, g->predicate, g->unit, std::to_string(g->year)});
      sink.Report(std::move(f));
    }
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Checker> MakeNumbersChecker() { return std::make_unique<NumbersChecker>(); }

}  // namespace dossier::check
