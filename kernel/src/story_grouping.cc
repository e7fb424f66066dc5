#include "story_grouping.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dossier/text.h"
#include "dossier/tokens.h"
#include "ids.h"

namespace dossier {
namespace {

// How much of a document describes it: its title and its first bytes (a
// news lead and a cable's summary say what happened; the rest elaborates).
constexpr size_t kOpeningBytes = 6000;
// A document's entities and words kept, most frequent first.
constexpr size_t kKeptEntities = 16;
constexpr size_t kKeptWords = 40;
// Keys (entities or words) that block: the rarest few of each document, and
// only those fewer documents share than this (a word in every other document
// tells nothing and would pair everything).
constexpr size_t kBlockingKeys = 32;
constexpr size_t kMaxPosting = 400;

// Words that say nothing about which event a text reports.
const std::unordered_set<std::string>& StopWords() {
  static const std::unordered_set<std::string> kWords = {
      "about", "after", "again", "against", "also", "among", "because", "been", "before", "being", "between",
      "both", "could", "does", "during", "each", "from", "have", "having", "here", "into", "just", "last",
      "more", "most", "much", "must", "next", "only", "other", "over", "said", "says", "same", "should",
      "since", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
      "those", "through", "under", "until", "very", "were", "what", "when", "where", "which", "while", "will",
      "with", "within", "without", "would", "year", "years", "your", "news", "today", "monday", "tuesday",
      "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june",
      "july", "august", "september", "october", "november", "december", "people", "told", "report", "reported",
      "reports", "according", "percent", "million", "billion", "first", "second", "three", "four", "five"};
  return kWords;
}

// Days since 1970 of an ISO date, or -1.
int64_t DayOf(const std::string& date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return -1;
  int y = 0, m = 0, d = 0;
  try {
    y = std::stoi(date.substr(0, 4));
    m = std::stoi(date.substr(5, 2));
    d = std::stoi(date.substr(8, 2));
  } catch (...) {
    return -1;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  using namespace std::chrono;
  return sys_days(year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}).time_since_epoch().count();
}

class Interner {
 public:
  uint32_t Of(const std::string& s) {
    auto [it, added] = ids_.emplace(s, static_cast<uint32_t>(ids_.size()));
    if (added) df_.push_back(0);
    return it->second;
  }
  void Count(uint32_t id) { ++df_[id]; }
  size_t size() const { return df_.size(); }
  uint32_t df(uint32_t id) const { return df_[id]; }
  std::vector<double> Idf(size_t documents) const {
    std::vector<double> out(df_.size());
    // log(1 + N/df): never zero, so that in a store of one event's coverage
    // (every document names the same people) what they share still counts.
    for (size_t i = 0; i < df_.size(); ++i) out[i] = std::log(1.0 + static_cast<double>(documents) / std::max<uint32_t>(1, df_[i]));
    return out;
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<uint32_t> df_;
};

std::vector<std::pair<uint32_t, double>> Top(std::unordered_map<uint32_t, double> weights, size_t n) {
  std::vector<std::pair<uint32_t, double>> out(weights.begin(), weights.end());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  if (out.size() > n) out.resize(n);
  std::sort(out.begin(), out.end());
  return out;
}

// The cosine of two sorted, normalised feature lists.
double Cosine(const std::vector<std::pair<uint32_t, double>>& a, const std::vector<std::pair<uint32_t, double>>& b) {
  double dot = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      dot += a[i++].second * b[j++].second;
    }
  }
  return dot;
}

// Counts become tf-idf weights (1 + log tf) * idf, normalised to length 1.
void Weigh(std::vector<std::pair<uint32_t, double>>& features, const std::vector<double>& idf) {
  double norm = 0;
  for (auto& [key, w] : features) {
    w = (1.0 + std::log(w)) * idf[key];
    norm += w * w;
  }
  norm = std::sqrt(norm);
  for (auto& [key, w] : features) w = norm > 0 ? w / norm : 0;
}

struct Loaded {
  std::vector<DocumentFeatures> docs;
  Interner entities, words;
};

// Reads every document but stubs: its date, its salient entities (followed
// through merges) and the words of its title and opening.
Status Load(StoreView& store, Loaded* out) {
  std::unordered_map<std::string, uint32_t> canonical;  // entity id -> interned canonical id
  Status inner;
  Status st = store.ForEachDocument([&](const Document& d) {
    if (d.kind == "stub" || d.text.empty()) return true;
    DocumentFeatures f;
    f.id = d.id;
    f.title = d.title;
    const std::string published = d.properties.is_object() && d.properties.contains("published") &&
                                          d.properties["published"].is_string()
                                      ? d.properties["published"].get<std::string>()
                                      : "";
    f.date = published.substr(0, std::min<size_t>(10, published.size()));
    auto mentions = store.MentionsIn(d.id);
    if (!mentions.ok()) {
      inner = mentions.status();
      return false;
    }
    std::unordered_map<uint32_t, double> entity_weight;
    for (const Mention& m : *mentions) {
      if (m.entity.empty() || m.type == EntityType::kDocument || m.type == EntityType::kClaim) continue;
      auto it = canonical.find(m.entity);
      if (it == canonical.end()) {
        auto c = store.Resolve(m.entity);
        it = canonical.emplace(m.entity, out->entities.Of(c.ok() ? *c : m.entity)).first;
      }
      // Named often, and named in the opening: what the document is about.
      entity_weight[it->second] += m.start < static_cast<int64_t>(kOpeningBytes) ? 2.0 : 1.0;
    }
    f.entities = Top(entity_weight, kKeptEntities);
    std::unordered_map<uint32_t, double> word_weight;
    const std::string opening = d.title + "\n" + d.text.substr(0, Utf8Floor(d.text, kOpeningBytes));
    for (const Token& t : Tokenize(opening)) {
      if (t.kind != Token::Kind::kWord) continue;
      const std::string w = LowerAscii(t.in(opening));
      if (w.size() < 4 || StopWords().count(w)) continue;
      word_weight[out->words.Of(w)] += t.start < static_cast<int64_t>(d.title.size()) ? 2.0 : 1.0;
    }
    f.words = Top(word_weight, kKeptWords);
    for (const auto& [e, w] : f.entities) out->entities.Count(e);
    for (const auto& [e, w] : f.words) out->words.Count(e);
    out->docs.push_back(std::move(f));
    return true;
  });
  return st.ok() ? inner : st;
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

// The document pairs worth scoring: they share one of each other's rarest
// keys, and their dates are within the window.
template <class Each>
void ForEachCandidate(const Loaded& in, const std::vector<int64_t>& day, int window, Each each) {
  // Postings of blocking keys: entities as they are, words after them.
  const uint32_t word_base = static_cast<uint32_t>(in.entities.size());
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  std::vector<std::vector<uint32_t>> keys(in.docs.size());
  for (size_t i = 0; i < in.docs.size(); ++i) {
    std::vector<std::pair<uint32_t, uint32_t>> rare;  // df, key
    for (const auto& [e, w] : in.docs[i].entities) rare.push_back({in.entities.df(e), e});
    for (const auto& [t, w] : in.docs[i].words) rare.push_back({in.words.df(t), word_base + t});
    std::sort(rare.begin(), rare.end());
    for (const auto& [df, key] : rare) {
      if (df < 2 || df > kMaxPosting) continue;
      if (keys[i].size() == kBlockingKeys) break;
      keys[i].push_back(key);
      postings[key].push_back(static_cast<uint32_t>(i));
    }
  }
  std::vector<uint32_t> seen(in.docs.size(), UINT32_MAX);
  for (size_t i = 0; i < in.docs.size(); ++i) {
    for (uint32_t key : keys[i]) {
      for (uint32_t j : postings[key]) {
        if (j >= i || seen[j] == i) continue;
        seen[j] = static_cast<uint32_t>(i);
        if (day[i] >= 0 && day[j] >= 0 && std::llabs(day[i] - day[j]) > window) continue;
        each(j, i);
      }
    }
  }
}

// Reuses the id of the story most of a cluster's documents were grouped in
// before (so that a story keeps its id as documents arrive), else a new one.
std::vector<std::string> AssignIds(StoreView& store, const std::vector<std::vector<size_t>>& clusters,
                                   const std::vector<std::string>& titles, const Loaded& in) {
  std::unordered_map<std::string, std::string> grouped_in;  // document -> story, as the grouping had it
  std::set<std::string> existing;
  (void)store.ForEachStory(true, [&](const Story& s) {
    existing.insert(s.id);
    for (const auto& m : s.members) {
      if (m.by == "grouping" && !m.excluded) grouped_in[m.document] = s.id;
    }
    return true;
  });
  std::set<std::string> taken;
  std::vector<std::string> ids(clusters.size());
  for (size_t c = 0; c < clusters.size(); ++c) {
    std::map<std::string, size_t> votes;
    for (size_t d : clusters[c]) {
      if (auto it = grouped_in.find(in.docs[d].id); it != grouped_in.end()) ++votes[it->second];
    }
    std::string best;
    size_t most = 0;
    for (const auto& [id, n] : votes) {
      if (n > most && !taken.count(id)) {
        best = id;
        most = n;
      }
    }
    if (best.empty()) {
      best = FreeId("story", Slugify(titles[c], 60), [&](const std::string& id) { return existing.count(id) || taken.count(id); });
    }
    taken.insert(best);
    ids[c] = best;
  }
  return ids;
}

}  // namespace

double Similarity(const DocumentFeatures& a, const DocumentFeatures& b) {
  const double words = Cosine(a.words, b.words);
  if (a.entities.empty() || b.entities.empty()) return words;
  return 0.5 * Cosine(a.entities, b.entities) + 0.5 * words;
}

namespace {

// The mean similarity of two groups' documents, on at most kMeanSample of
// each (a big group is sampled: its members are alike already).
constexpr size_t kMeanSample = 40;
double MeanSimilarity(const Loaded& in, const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  double sum = 0;
  size_t n = 0;
  for (size_t i = 0; i < std::min(a.size(), kMeanSample); ++i) {
    for (size_t j = 0; j < std::min(b.size(), kMeanSample); ++j, ++n) sum += Similarity(in.docs[a[i]], in.docs[b[j]]);
  }
  return n ? sum / static_cast<double>(n) : 0;
}

}  // namespace

Result<GroupingReport> GroupStories(Store& store, const Actor& actor, const GroupingOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  GroupingReport report;
  Loaded in;
  {
    auto snapshot = store.BeginSnapshot();
    if (!snapshot.ok()) return snapshot.status();
    if (Status st = Load(store, &in); !st.ok()) return st;
  }
  report.documents = static_cast<int64_t>(in.docs.size());
  const std::vector<double> entity_idf = in.entities.Idf(in.docs.size());
  const std::vector<double> word_idf = in.words.Idf(in.docs.size());
  for (auto& d : in.docs) {
    Weigh(d.entities, entity_idf);
    Weigh(d.words, word_idf);
  }
  std::vector<int64_t> day(in.docs.size());
  for (size_t i = 0; i < in.docs.size(); ++i) day[i] = DayOf(in.docs[i].date);

  // Candidate pairs similar enough to link, most similar first.
  struct Edge {
    double similarity;
    uint32_t a, b;
  };
  std::vector<Edge> edges;
  ForEachCandidate(in, day, options.window_days, [&](size_t a, size_t b) {
    ++report.pairs;
    const double s = Similarity(in.docs[a], in.docs[b]);
    if (s >= options.threshold) edges.push_back({s, static_cast<uint32_t>(a), static_cast<uint32_t>(b)});
  });
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    return x.similarity != y.similarity ? x.similarity > y.similarity : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  // Average linkage: two groups become one only when their documents are,
  // on average, as similar as one linked pair must be. A chain of pairs
  // each a little alike (flood -> storm -> storm damage claims) does not
  // make one story of its ends.
  UnionFind links(in.docs.size());
  std::vector<std::vector<uint32_t>> members(in.docs.size());
  for (uint32_t i = 0; i < in.docs.size(); ++i) members[i] = {i};
  std::vector<double> centrality(in.docs.size(), 0);
  for (const Edge& e : edges) {
    const size_t ra = links.Find(e.a), rb = links.Find(e.b);
    if (ra == rb) continue;
    if (MeanSimilarity(in, members[ra], members[rb]) < options.group_threshold) continue;
    links.Join(ra, rb);
    const size_t root = links.Find(ra), other = root == ra ? rb : ra;
    members[root].insert(members[root].end(), members[other].begin(), members[other].end());
    members[other].clear();
    members[other].shrink_to_fit();
    centrality[e.a] += e.similarity;
    centrality[e.b] += e.similarity;
  }

  std::map<size_t, std::vector<size_t>> by_root;
  for (size_t i = 0; i < in.docs.size(); ++i) by_root[links.Find(i)].push_back(i);
  std::vector<std::vector<size_t>> clusters;
  std::vector<std::string> titles;
  for (auto& [root, members] : by_root) {
    if (members.size() < 2) continue;
    // Its title: that of its most central document (ties: the first).
    size_t center = members.front();
    for (size_t d : members) {
      if (centrality[d] > centrality[center]) center = d;
    }
    titles.push_back(in.docs[center].title);
    clusters.push_back(std::move(members));
  }
  const std::vector<std::string> ids = AssignIds(store, clusters, titles, in);
  std::vector<Story> stories;
  for (size_t c = 0; c < clusters.size(); ++c) {
    Story s;
    s.id = ids[c];
    s.title = titles[c];
    for (size_t d : clusters[c]) {
      s.members.push_back({in.docs[d].id, "grouping", false, ""});
      const std::string& date = in.docs[d].date;
      if (date.empty()) continue;
      if (s.first_date.empty() || date < s.first_date) s.first_date = date;
      if (s.last_date.empty() || date > s.last_date) s.last_date = date;
    }
    stories.push_back(std::move(s));
  }
  report.stories = static_cast<int64_t>(stories.size());
  if (Status st = store.SaveGrouping(stories, actor); !st.ok()) return st;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

}  // namespace dossier
