// Story-wide alignment of figures across the subjects they were laid on
// (alignment.h; docs/checks.md, "Across subjects").
#include "alignment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>
#include <unordered_map>

namespace dossier::check {
namespace {

bool IsStory(const std::string& id) { return id.rfind("story:", 0) == 0; }

// A predicate that names no particular measure: a catch-all ("amount") or a
// plain count or share of a noun ("count:person", "percent"). It agrees with
// any specific one of the same amount and unit, but never makes a conflict.
// (Canonical predicates join words with "_": "count:member" is "count_member".)
bool Generic(const FactGroup& g) {
  return !g.comparable || g.predicate.rfind("count_", 0) == 0 || g.predicate.rfind("count:", 0) == 0 ||
         g.predicate.rfind("percent", 0) == 0;
}

constexpr double kSmallAmount = 10;  // under it, only one specific predicate aligns
constexpr double kCloseRatio = 1.25;  // as numbers.cc: farther apart, two things

constexpr uint32_t kNoStory = UINT32_MAX;

struct Context {
  const ClaimIndex& index;
  std::vector<std::string> stories;          // the stories' ids
  std::vector<uint32_t> story_of;            // by document: index into stories, or kNoStory
  std::vector<const FactGroup*> group_of;    // by claim: its subject group
  std::vector<uint32_t> unit_of, predicate_of;  // by group: interned unit and predicate
};

// A claim with the keys it is bucketed by, sorted so that one bucket is one
// run: a sort of a million small records, not a map keyed by strings.
struct Keyed {
  uint32_t story, a, b;  // b: the unit; a: the predicate (conflicts) or 0
  double amount;         // agreements: the amount; conflicts: 0
  uint32_t claim;
  bool operator<(const Keyed& o) const {
    return std::tie(story, a, b, amount, claim) < std::tie(o.story, o.a, o.b, o.amount, o.claim);
  }
  bool SameBucket(const Keyed& o) const { return story == o.story && a == o.a && b == o.b && amount == o.amount; }
};

// Each run of keyed claims with the same bucket, members in claim order.
template <typename Fn>
void ForEachBucket(std::vector<Keyed>& keyed, Fn&& fn) {
  std::sort(keyed.begin(), keyed.end());
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i;
    std::vector<uint32_t> members;
    while (j < keyed.size() && keyed[j].SameBucket(keyed[i])) members.push_back(keyed[j++].claim);
    fn(keyed[i], std::move(members));
    i = j;
  }
}

// The one year the members state, 0 when none does, -1 when they state two.
int OneYear(const Context& cx, const std::vector<uint32_t>& members) {
  int year = 0;
  for (uint32_t m : members) {
    const int y = cx.index.claims[m].year;
    if (y == 0 || y == year) continue;
    if (year != 0) return -1;
    year = y;
  }
  return year;
}

// Whether the members were laid on two subjects or more.
bool TwoSubjects(const Context& cx, const std::vector<uint32_t>& members) {
  for (uint32_t m : members) {
    if (cx.group_of[m]->subject != cx.group_of[members.front()]->subject) return true;
  }
  return false;
}

FactGroup Aligned(const Context& cx, const std::string& story, const std::string& predicate, const std::string& unit,
                  int year, std::vector<uint32_t> members, std::vector<std::vector<uint32_t>> clusters) {
  FactGroup g;
  g.subject = story;
  g.predicate = predicate;
  g.unit = unit;
  g.year = year;
  g.numeric = true;
  g.comparable = true;
  std::sort(members.begin(), members.end());
  for (uint32_t m : members) g.laid_on.push_back(cx.group_of[m]->subject);
  g.members = std::move(members);
  g.clusters = std::move(clusters);
  return g;
}

// The same amount in one unit, in two documents of a story, on two subjects.
void Agreements(const Context& cx, std::deque<FactGroup>* out) {
  std::vector<Keyed> keyed;
  for (size_t gi = 0; gi < cx.index.groups.size(); ++gi) {
    const FactGroup& g = cx.index.groups[gi];
    if (!g.numeric) continue;
    for (uint32_t m : g.members) {
      const uint32_t story = cx.story_of[cx.index.claims[m].document];
      if (story != kNoStory) keyed.push_back({story, 0, cx.unit_of[gi], cx.index.claims[m].amount, m});
    }
  }
  ForEachBucket(keyed, [&](const Keyed& key, std::vector<uint32_t> members) {
    std::set<uint32_t> documents;
    std::set<std::string> specific, all;
    bool catch_all = false;
    for (uint32_t m : members) {
      documents.insert(cx.index.claims[m].document);
      const FactGroup& g = *cx.group_of[m];
      all.insert(g.predicate);
      catch_all = catch_all || !g.comparable;
      if (!Generic(g)) specific.insert(g.predicate);
    }
    if (documents.size() < 2 || !TwoSubjects(cx, members) || specific.size() > 1) return;
    // "2 games", "6 pregnancies": small amounts only under one predicate that names what they count.
    if (std::fabs(key.amount) < kSmallAmount && (all.size() != 1 || catch_all)) return;
    const int year = OneYear(cx, members);
    if (year < 0) return;
    auto clusters = ClusterByRange(cx.index.claims, members);
    if (clusters.size() != 1) return;  // "more than 8" and "less than 8"
    const FactGroup& first = *cx.group_of[members.front()];
    const std::string predicate = specific.empty() ? first.predicate : *specific.begin();
    out->push_back(Aligned(cx, cx.stories[key.story], predicate, first.unit, year, std::move(members), std::move(clusters)));
  });
}

// One specific measure of a story given two close values by documents that
// do not give both.
void Conflicts(const Context& cx, std::deque<FactGroup>* out) {
  std::vector<Keyed> keyed;
  for (size_t gi = 0; gi < cx.index.groups.size(); ++gi) {
    const FactGroup& g = cx.index.groups[gi];
    if (!g.numeric || Generic(g)) continue;
    for (uint32_t m : g.members) {
      const uint32_t story = cx.story_of[cx.index.claims[m].document];
      if (story != kNoStory) keyed.push_back({story, cx.predicate_of[gi], cx.unit_of[gi], 0, m});
    }
  }
  ForEachBucket(keyed, [&](const Keyed& key, std::vector<uint32_t> members) {
    if (!TwoSubjects(cx, members)) return;
    const int year = OneYear(cx, members);
    if (year < 0) return;
    auto clusters = ClusterByRange(cx.index.claims, members);
    if (clusters.size() != 2) return;
    std::set<uint32_t> docs_a, docs_b;
    for (uint32_t m : clusters[0]) docs_a.insert(cx.index.claims[m].document);
    for (uint32_t m : clusters[1]) docs_b.insert(cx.index.claims[m].document);
    if (std::any_of(docs_a.begin(), docs_a.end(), [&](uint32_t d) { return docs_b.count(d) > 0; })) return;
    double low = INFINITY, high = 0;
    for (uint32_t m : members) {
      low = std::min(low, std::fabs(cx.index.claims[m].amount));
      high = std::max(high, std::fabs(cx.index.claims[m].amount));
    }
    if (!(low > 0 && high / low <= kCloseRatio)) return;
    // Already a conflict when one subject group holds both values.
    const bool reported = std::any_of(members.begin(), members.end(), [&](uint32_t m) {
      const FactGroup* g = cx.group_of[m];
      if (g->clusters.size() < 2) return false;
      const auto in = [&](const std::vector<uint32_t>& c) {
        return std::any_of(c.begin(), c.end(), [&](uint32_t x) { return std::binary_search(g->members.begin(), g->members.end(), x); });
      };
      return in(clusters[0]) && in(clusters[1]);
    });
    if (reported) return;
    const FactGroup& first = *cx.group_of[members.front()];
    out->push_back(Aligned(cx, cx.stories[key.story], first.predicate, first.unit, year, std::move(members), std::move(clusters)));
  });
}

}  // namespace

std::deque<FactGroup> AlignAcrossSubjects(const ClaimIndex& index, const Canonical& canonical) {
  Context cx{index, {}, std::vector<uint32_t>(index.documents.size(), kNoStory),
             std::vector<const FactGroup*>(index.claims.size()), {}, {}};
  std::unordered_map<std::string, uint32_t> story_ids, unit_ids, predicate_ids;
  for (size_t d = 0; d < index.documents.size(); ++d) {
    const std::string& c = canonical.Of(index.documents[d]);
    if (!IsStory(c)) continue;
    auto [it, added] = story_ids.emplace(c, static_cast<uint32_t>(cx.stories.size()));
    if (added) cx.stories.push_back(c);
    cx.story_of[d] = it->second;
  }
  std::deque<FactGroup> out;
  if (cx.stories.empty()) return out;
  for (const FactGroup& g : index.groups) {
    for (uint32_t m : g.members) cx.group_of[m] = &g;
    cx.unit_of.push_back(unit_ids.emplace(g.unit, static_cast<uint32_t>(unit_ids.size())).first->second);
    cx.predicate_of.push_back(predicate_ids.emplace(g.predicate, static_cast<uint32_t>(predicate_ids.size())).first->second);
  }
  Agreements(cx, &out);
  Conflicts(cx, &out);
  return out;
}

}  // namespace dossier::check
