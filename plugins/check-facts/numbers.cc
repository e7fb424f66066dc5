// The numbers checker: figures stated about one subject, predicate and time
// either agree (their hedged ranges share a value) or conflict; a distance
// given two compass directions conflicts too.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>
#include <set>

#include "checkers.h"
#include "alignment.h"
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

// Whether a group compares documents: figures that disagree (or agree) only
// within one document are the rows of its table or its own repetition, not
// two sources on one fact (docs/checks.md, "Comparison semantics"). A
// conflict needs two sides stated in different documents; an agreement,
// one side stated in two.
bool AcrossDocuments(const ClaimIndex& index, const FactGroup& g) {
  if (g.clusters.size() == 1) {
    for (uint32_t m : g.members) {
      if (index.claims[m].document != index.claims[g.members.front()].document) return true;
    }
    return false;
  }
  std::vector<std::set<uint32_t>> docs(g.clusters.size());
  for (size_t i = 0; i < g.clusters.size(); ++i) {
    for (uint32_t m : g.clusters[i]) docs[i].insert(index.claims[m].document);
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      if (docs[i].size() > 1 || docs[j].size() > 1 || *docs[i].begin() != *docs[j].begin()) return true;
    }
  }
  return false;
}

// Measures that belong to the event itself: a story has one death toll, one
// count of the injured or the arrested, one crowd. Other figures without a
// named subject (a duration, a sum of money, a count of women) may each be
// about something else in the story, and so may two durations of one
// subject: their values conflict only when they are close (within 25%: 31
// and 32 projects), not when far apart (5 and 35 years, 4 and 8 women: two
// things) (docs/checks.md, "Comparison semantics").
bool EventMeasure(const std::string& predicate) {
  static const std::set<std::string> kEvent = {"death_toll", "deaths",    "injured",   "missing", "displaced",
                                               "arrested",   "detained",  "affected",  "participants",
                                               "victims",    "evacuated", "casualties"};
  return kEvent.count(predicate.substr(0, predicate.find(':'))) > 0;
}

constexpr double kCloseRatio = 1.25;
bool ValuesClose(const ClaimIndex& index, const FactGroup& g) {
  double low = INFINITY, high = -INFINITY;
  for (uint32_t m : g.members) {
    low = std::min(low, std::fabs(index.claims[m].amount));
    high = std::max(high, std::fabs(index.claims[m].amount));
  }
  return low > 0 && high / low <= kCloseRatio;
}

// The clusters of g that two documents disagree on: i and j where one
// document gives i's value and not j's, and another j's and not i's, each
// the value of its document nearest the other's. A
// document that gives two values tells that they are two things, so "12
// helicopters" in three outlets and "10" in one of them as well is no
// disagreement between outlets.
std::set<size_t> DisagreeingClusters(const ClaimIndex& index, const FactGroup& g) {
  std::vector<std::set<uint32_t>> docs(g.clusters.size());
  std::map<uint32_t, std::vector<size_t>> clusters_of;  // document -> the clusters it gives
  for (size_t i = 0; i < g.clusters.size(); ++i) {
    for (uint32_t m : g.clusters[i]) {
      if (docs[i].insert(index.claims[m].document).second) clusters_of[index.claims[m].document].push_back(i);
    }
  }
  // How far apart two clusters' values are, as a ratio.
  auto apart = [&](size_t i, size_t j) {
    const double a = std::fabs(index.claims[g.clusters[i].front()].amount);
    const double b = std::fabs(index.claims[g.clusters[j].front()].amount);
    return a > 0 && b > 0 ? std::fabs(std::log(a / b)) : INFINITY;
  };
  // A document gives i and not j, and of its values i is the one nearest
  // j's: what it says against j. (One that gives 5 and 59 injured answers
  // another's 38 with its 59.)
  auto gives_without = [&](size_t i, size_t j) {
    return std::any_of(docs[i].begin(), docs[i].end(), [&](uint32_t d) {
      if (docs[j].count(d)) return false;
      for (size_t k : clusters_of[d]) {
        if (k != i && apart(k, j) < apart(i, j)) return false;
      }
      return true;
    });
  };
  std::set<size_t> out;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      if (gives_without(i, j) && gives_without(j, i)) {
        out.insert(i);
        out.insert(j);
      }
    }
  }
  return out;
}

// One document that gives its event's own measure two ways ("16,000
// marchers", later "15,000"; "20 arrested", later "22"): the writer's slip,
// not the rows of a table, when the values are close. A figure with a named
// subject, or far apart, is another thing counted (docs/checks.md,
// "Comparison semantics").
bool OneDocumentTwoWays(const ClaimIndex& index, const FactGroup& g) {
  const bool event = g.subject.rfind("story:", 0) == 0 || g.subject.rfind("doc:", 0) == 0;
  return event && g.clusters.size() > 1 && EventMeasure(g.predicate) && ValuesClose(index, g);
}

// The subject a member of g was laid on: its own for a group aligned across
// subjects (alignment.h), else the group's.
const std::string& LaidOn(const FactGroup& g, uint32_t member) {
  if (g.laid_on.empty()) return g.subject;
  const auto at = std::lower_bound(g.members.begin(), g.members.end(), member);
  return g.laid_on[static_cast<size_t>(at - g.members.begin())];
}

// "nearly 30,000,000 person".
std::string Figure(const ClaimIndex& index, const FactClaim& c, const std::string& unit) {
  return index.Figure(c) + (unit.empty() ? "" : " " + unit);
}

class NumbersChecker final : public Checker {
 public:
  std::string name() const override { return "numbers"; }
  std::string description() const override {
    return "figures on one subject, predicate and time: agreement (with independent sources) or conflict; "
           "distances given two directions";
  }

  Status Check(StoreView& store, FindingSink& sink) override {
    auto analysis = AnalyzeClaims(store);  // shared with the other checker (analysis.h)
    if (!analysis.ok()) return analysis.status();
    const ClaimIndex* index = &(*analysis)->index;
    const Sources* sources = &(*analysis)->sources;

    std::vector<const FactGroup*> reported;
    std::deque<FactGroup> apart;  // the clusters of groups whose values are two things
    std::set<const FactGroup*> split;  // those of apart
    for (const FactGroup& g : index->groups) {
      if (!g.numeric || !g.comparable || g.members.size() < 2) continue;
      const bool story_level = g.subject.rfind("story:", 0) == 0;
      if (!AcrossDocuments(*index, g)) {
        if (OneDocumentTwoWays(*index, g)) reported.push_back(&g);
        continue;
      }
      const bool uncertain_scope = (story_level && !EventMeasure(g.predicate)) || g.predicate == "duration";
      // A document that gives two of the values tells that they are two
      // things ("12 helicopters are delivering aid", "the marines will have
      // 10 helicopters"): only the values documents disagree on conflict.
      // (An event's own measure given two close ways by one document is a
      // slip: OneDocumentTwoWays.)
      const bool several = g.clusters.size() > 1;
      const bool close = ValuesClose(*index, g);
      const bool slip = EventMeasure(g.predicate) && close;
      const bool far_apart = uncertain_scope && several && !close;  // two things (5 and 35 years)
      std::set<size_t> disagreeing;
      if (several && !slip) disagreeing = DisagreeingClusters(*index, g);
      const bool two_things = several && !slip && disagreeing.empty();
      if (!far_apart && disagreeing.size() > 1 && disagreeing.size() < g.clusters.size()) {
        // The conflict is between the values documents disagree on; the
        // others stay out of it.
        FactGroup only = g;
        only.clusters.clear();
        only.members.clear();
        for (size_t i : disagreeing) {
          only.clusters.push_back(g.clusters[i]);
          only.members.insert(only.members.end(), g.clusters[i].begin(), g.clusters[i].end());
        }
        std::sort(only.members.begin(), only.members.end());
        apart.push_back(std::move(only));
        reported.push_back(&apart.back());
        continue;
      }
      if (far_apart || two_things) {
        // Far apart, the values are about different things (5 and 35
        // years): no conflict, but each may still be stated by two outlets.
        for (const auto& cluster : g.clusters) {
          FactGroup one = g;
          one.members = cluster;
          one.clusters = {cluster};
          if (cluster.size() >= 2 && AcrossDocuments(*index, one)) {
            apart.push_back(std::move(one));
            reported.push_back(&apart.back());
            split.insert(&apart.back());
          }
        }
        continue;
      }
      reported.push_back(&g);
    }
    // A story's figures laid on different subjects that state one thing.
    std::deque<FactGroup> aligned = AlignAcrossSubjects(*index, (*analysis)->canonical);
    for (const FactGroup& g : aligned) reported.push_back(&g);

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
      std::set<std::string> all_outlets;
      double smallest = INFINITY, largest = -INFINITY;
      for (const auto& cluster : g->clusters) {
        Json claims = Json::array();
        std::string figures;
        std::set<std::string> shown, outlets;
        double low = -INFINITY, high = INFINITY;
        for (uint32_t m : cluster) {
          const FactClaim& c = index->claims[m];
          Json e = index->Evidence(m, LaidOn(*g, m));
          e["range"] = {c.low, c.high};
          claims.push_back(std::move(e));
          const std::string fig = Figure(*index, c, g->unit);
          if (shown.insert(fig).second) figures += (figures.empty() ? "" : " / ") + fig;
          outlets.insert(sources->OriginOf(index->documents[c.document]));
          all_outlets.insert(outlets.begin(), outlets.end());
          smallest = std::min(smallest, std::fabs(c.amount));
          largest = std::max(largest, std::fabs(c.amount));
          low = std::max(low, c.low);
          high = std::min(high, c.high);
        }
        // Each side with who says it: "16 person (Daily Star, Ridge Post)".
        std::string who;
        for (const auto& o : outlets) who += (who.empty() ? "" : ", ") + o;
        side_by_side += (side_by_side.empty() ? "" : "  vs  ") + figures + " (" + who + ")";
        // Large arrays are moved in by assignment: an initializer list would copy them.
        Json cluster_json = {{"figures", figures}, {"common_range", {low, high}}, {"outlets", outlets}};
        cluster_json["claims"] = std::move(claims);
        clusters.push_back(std::move(cluster_json));
        for (uint32_t m : cluster) f.refs.push_back(index->claims[m].id);
      }
      const bool one_document = !agree && !AcrossDocuments(*index, *g);
      if (one_document) {
        f.message = what + ": one document gives two figures: " + side_by_side;
      } else if (agree) {
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
      if (one_document) why += "; all in one document, which gives its event's own measure two ways";
      Json laid_on;
      if (!g->laid_on.empty()) {
        std::set<std::string> laid(g->laid_on.begin(), g->laid_on.end());
        std::string on;
        for (const auto& id : laid) on += (on.empty() ? "" : ", ") + names.Of(id);
        why += agree ? "; the extractor laid the figures on different subjects (" + on +
                           "), aligned as the story's since they give one amount under one measure"
                     : "; the extractor laid the figures on different subjects (" + on +
                           "), aligned as the story's since they give one measure two close values that no document "
                           "gives both of";
        laid_on = Json(laid);
      }
      if (g->undated_joined) why += " (figures stating no time were taken to refer to " + std::to_string(g->year) + ")";
      f.evidence = {{"why", why},
                    {"subject", g->subject},
                    {"predicate", g->predicate},
                    {"unit", g->unit},
                    {"independent_sources", count.independent},
                    {"origins", count.origins}};
      f.evidence["groups"] = std::move(clusters);
      if (!count.why.empty()) f.evidence["counted_once"] = count.why;
      if (!laid_on.is_null()) {
        for (const auto& id : laid_on) {
          if (id != g->subject) f.refs.push_back(id.get<std::string>());
        }
        f.evidence["laid_on"] = std::move(laid_on);
      }
      // The order `findings` lists them in, within a severity: a conflict by
      // how many outlets it involves, then how far apart its values are (0..1);
      // an agreement by its independent sources.
      f.evidence["rank"] = agree ? static_cast<double>(count.independent)
                                 : static_cast<double>(all_outlets.size()) +
                                       (largest > 0 ? (largest - smallest) / largest : 0.0);
      if (g->year) f.evidence["time"] = std::to_string(g->year);
      f.refs.insert(f.refs.begin(), g->subject);
      // A group split into its far-apart values reports one agreement per
      // value: the value tells them apart.
      // (Unsplit groups keep the fingerprint they always had: a curator's
      // decision on a finding follows it across runs.)
      f.fingerprint = !g->laid_on.empty()
                          ? Fingerprint({"numbers", f.code, "across subjects", g->subject, g->predicate, g->unit,
                                         std::to_string(g->year), FormatAmount(index->claims[g->members.front()].amount)})
                      : split.count(g) ? Fingerprint({"numbers", f.code, g->subject, g->predicate, g->unit, std::to_string(g->year),
                                           FormatAmount(index->claims[g->members.front()].amount)})
                            : Fingerprint({"numbers", f.code, g->subject, g->predicate, g->unit, std::to_string(g->year)});
      sink.Report(std::move(f));
    }
    for (const FactGroup& g : index->groups) Directions(*index, *sources, names, g, sink);
    return Status::OK();
  }

 private:
  // A distance that outlets give with different compass directions ("40 km
  // north-east of" in one, "north-west of" in another) is a conflict whatever
  // the distances say (docs/checks.md, "Comparison semantics").
  static void Directions(const ClaimIndex& index, const Sources& sources, EntityNames& names, const FactGroup& g,
                         FindingSink& sink) {
    if (!g.numeric || g.members.size() < 2) return;
    std::map<std::string, std::vector<uint32_t>> by_direction;
    std::set<uint32_t> documents;
    for (uint32_t m : g.members) {
      const Json& v = index.claims[m].value;
      if (!v.is_object()) continue;
      auto d = v.find("direction");
      if (d == v.end() || !d->is_string()) continue;
      by_direction[d->get<std::string>()].push_back(m);
      documents.insert(index.claims[m].document);
    }
    if (by_direction.size() < 2 || documents.size() < 2) return;
    Finding f;
    f.code = "direction-conflict";
    f.severity = Severity::kWarning;
    std::string sides;
    Json evidence_sides = Json::object();
    f.refs.push_back(g.subject);
    for (const auto& [direction, members] : by_direction) {
      std::set<std::string> outlets;
      Json claims = Json::array();
      for (uint32_t m : members) {
        outlets.insert(sources.OriginOf(index.documents[index.claims[m].document]));
        claims.push_back(index.Evidence(m, g.subject));
        f.refs.push_back(index.claims[m].id);
      }
      std::string who;
      for (const auto& o : outlets) who += (who.empty() ? "" : ", ") + o;
      sides += (sides.empty() ? "" : "  vs  ") + direction + " (" + who + ")";
      evidence_sides[direction] = std::move(claims);
    }
    f.message = names.Of(g.subject) + " " + g.predicate + ": directions differ: " + sides;
    f.evidence = {{"why", "the same distance is given with different compass directions"},
                  {"subject", g.subject},
                  {"predicate", g.predicate},
                  {"unit", g.unit},
                  {"directions", std::move(evidence_sides)},
                  {"rank", static_cast<double>(by_direction.size())}};
    f.fingerprint = Fingerprint({"numbers", f.code, g.subject, g.predicate, g.unit, std::to_string(g.year)});
    sink.Report(std::move(f));
  }
};

}  // namespace

std::unique_ptr<Checker> MakeNumbersChecker() { return std::make_unique<NumbersChecker>(); }

}  // namespace dossier::check
