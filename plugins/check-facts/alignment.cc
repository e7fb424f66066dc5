// Story-wide alignment of figures across the subjects they were laid on
// (alignment.h; docs/checks.md, "Across subjects").
#include "alignment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

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

struct Context {
  const ClaimIndex& index;
  std::vector<std::string> story_of;            // by document: its story, or empty
  std::vector<const FactGroup*> group_of;       // by claim: its subject group
};

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

size_t DistinctSubjects(const Context& cx, const std::vector<uint32_t>& members) {
  std::set<std::string> subjects;
  for (uint32_t m : members) subjects.insert(cx.group_of[m]->subject);
  return subjects.size();
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
  std::map<std::tuple<std::string, std::string, double>, std::vector<uint32_t>> buckets;  // ordered: stable output
  for (const FactGroup& g : cx.index.groups) {
    if (!g.numeric) continue;
    for (uint32_t m : g.members) {
      const std::string& story = cx.story_of[cx.index.claims[m].document];
      if (!story.empty()) buckets[{story, g.unit, cx.index.claims[m].amount}].push_back(m);
    }
  }
  for (auto& [key, members] : buckets) {
    const auto& [story, unit, amount] = key;
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
    if (documents.size() < 2 || DistinctSubjects(cx, members) < 2 || specific.size() > 1) continue;
    // "2 games", "6 pregnancies": small amounts only under one predicate that names what they count.
    if (std::fabs(amount) < kSmallAmount && (all.size() != 1 || catch_all)) continue;
    const int year = OneYear(cx, members);
    if (year < 0) continue;
    auto clusters = ClusterByRange(cx.index.claims, members);
    if (clusters.size() != 1) continue;  // "more than 8" and "less than 8"
    // Nothing new when one subject group already holds them all.
    const FactGroup* first = cx.group_of[members.front()];
    if (std::all_of(members.begin(), members.end(), [&](uint32_t m) { return cx.group_of[m] == first; })) continue;
    const std::string predicate = specific.empty() ? cx.group_of[members.front()]->predicate : *specific.begin();
    out->push_back(Aligned(cx, story, predicate, unit, year, members, std::move(clusters)));
  }
}

// One specific measure of a story given two close values by documents that
// do not give both.
void Conflicts(const Context& cx, std::deque<FactGroup>* out) {
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<uint32_t>> buckets;
  for (const FactGroup& g : cx.index.groups) {
    if (!g.numeric || Generic(g)) continue;
    for (uint32_t m : g.members) {
      const std::string& story = cx.story_of[cx.index.claims[m].document];
      if (!story.empty()) buckets[{story, g.predicate, g.unit}].push_back(m);
    }
  }
  for (auto& [key, members] : buckets) {
    const auto& [story, predicate, unit] = key;
    if (DistinctSubjects(cx, members) < 2) continue;
    const int year = OneYear(cx, members);
    if (year < 0) continue;
    auto clusters = ClusterByRange(cx.index.claims, members);
    if (clusters.size() != 2) continue;
    std::set<uint32_t> docs_a, docs_b;
    for (uint32_t m : clusters[0]) docs_a.insert(cx.index.claims[m].document);
    for (uint32_t m : clusters[1]) docs_b.insert(cx.index.claims[m].document);
    if (std::any_of(docs_a.begin(), docs_a.end(), [&](uint32_t d) { return docs_b.count(d) > 0; })) continue;
    double low = INFINITY, high = 0;
    for (uint32_t m : members) {
      low = std::min(low, std::fabs(cx.index.claims[m].amount));
      high = std::max(high, std::fabs(cx.index.claims[m].amount));
    }
    if (!(low > 0 && high / low <= kCloseRatio)) continue;
    // Already a conflict when one subject group holds both values.
    const bool reported = std::any_of(members.begin(), members.end(), [&](uint32_t m) {
      const FactGroup* g = cx.group_of[m];
      if (g->clusters.size() < 2) return false;
      const auto in = [&](const std::vector<uint32_t>& c) {
        return std::any_of(c.begin(), c.end(), [&](uint32_t x) { return std::binary_search(g->members.begin(), g->members.end(), x); });
      };
      return in(clusters[0]) && in(clusters[1]);
    });
    if (reported) continue;
    out->push_back(Aligned(cx, story, predicate, unit, year, members, std::move(clusters)));
  }
}

}  // namespace

std::deque<FactGroup> AlignAcrossSubjects(const ClaimIndex& index, const Canonical& canonical) {
  Context cx{index, std::vector<std::string>(index.documents.size()), std::vector<const FactGroup*>(index.claims.size())};
  bool any_story = false;
  for (size_t d = 0; d < index.documents.size(); ++d) {
    const std::string& c = canonical.Of(index.documents[d]);
    if (IsStory(c)) {
      cx.story_of[d] = c;
      any_story = true;
    }
  }
  std::deque<FactGroup> out;
  if (!any_story) return out;
  for (const FactGroup& g : index.groups) {
    for (uint32_t m : g.members) cx.group_of[m] = &g;
  }
  Agreements(cx, &out);
  Conflicts(cx, &out);
  return out;
}

}  // namespace dossier::check
