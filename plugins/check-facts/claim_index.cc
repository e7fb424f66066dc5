#include "claim_index.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dossier/text.h"
#include "checkers.h"
#include "evidence.h"

namespace dossier::check {

Result<Canonical> Canonical::Load(StoreView& store) {
  Canonical c;
  EntityFilter filter;
  filter.include_absorbed = true;
  // Merged-away entities are few; their rows say where they went.
  Status st = store.ForEachEntity(filter, [&](const Entity& e) {
    if (!e.merged_into.empty()) c.into_[e.id] = e.merged_into;
    return true;
  });
  if (!st.ok()) return st;
  // A document in one story is read as that story: what its figures say
  // about the event they report is compared with what the story's other
  // documents say (docs/checks.md, "Stories"). A document in two stories
  // (a curator put it there) stays itself: it has no single event.
  std::unordered_map<std::string, std::string> story_of;
  st = store.ForEachStory(false, [&](const Story& s) {
    for (const auto& m : s.members) {
      if (m.excluded) continue;
      auto [it, added] = story_of.emplace(m.document, s.id);
      if (!added) it->second.clear();
    }
    return true;
  });
  if (!st.ok()) return st;
  for (auto& [doc, story] : story_of) {
    if (!story.empty()) c.into_[doc] = std::move(story);
  }
  return c;
}

const std::string& Canonical::Of(const std::string& id) const {
  const std::string* at = &id;
  for (int hops = 0; hops < 64; ++hops) {  // merges cannot cycle; the bound is a guard
    auto it = into_.find(*at);
    if (it == into_.end()) break;
    at = &it->second;
  }
  return *at;
}

Json ClaimIndex::Evidence(uint32_t claim, const std::string& subject) const {
  const FactClaim& c = claims[claim];
  Json j = {{"claim", c.id}, {"subject", subject}};
  if (c.predicate < predicates.size()) j["predicate"] = predicates[c.predicate];
  if (!c.value.is_null()) j["value"] = c.value;
  if (!c.time.empty()) j["time"] = c.time;
  j["document"] = documents[c.document];
  if (!c.quote.empty()) j["quote"] = c.quote;
  if (!c.attributed_to.empty()) j["attributed_to"] = c.attributed_to;
  return j;
}

Json ClaimIndex::Citation(uint32_t claim) const {
  const FactClaim& c = claims[claim];
  Json j = {{"claim", c.id}, {"document", documents[c.document]}};
  if (!c.quote.empty()) j["quote"] = c.quote;
  if (c.numeric) j["figure"] = Figure(c);
  if (!c.time.empty()) j["time"] = c.time;
  if (!c.attributed_to.empty()) j["attributed_to"] = c.attributed_to;
  return j;
}

std::string ClaimIndex::Figure(const FactClaim& c) const {
  const std::string& q = qualifiers[c.qualifier];
  return (q == "exact" ? "" : q + " ") + FormatAmount(c.amount);
}

int YearOf(const std::string& time) {
  if (time.size() < 4) return 0;
  int y = 0;
  for (size_t i = 0; i < 4; ++i) {
    if (time[i] < '0' || time[i] > '9') return 0;
    y = y * 10 + (time[i] - '0');
  }
  return y;
}

std::string DocumentDate(const Json& properties) {
  for (const char* key : {"date_time_group", "published", "date"}) {
    auto it = properties.find(key);
    if (it != properties.end() && it->is_string() && YearOf(it->get<std::string>()) != 0) {
      return it->get<std::string>().substr(0, 10);
    }
  }
  return "";
}

std::vector<std::vector<uint32_t>> ClusterByRange(const std::vector<FactClaim>& claims,
                                                  const std::vector<uint32_t>& members) {
  std::vector<std::vector<uint32_t>> clusters;
  std::vector<uint32_t> sorted = members;
  std::sort(sorted.begin(), sorted.end(), [&](uint32_t a, uint32_t b) {
    return claims[a].low != claims[b].low ? claims[a].low < claims[b].low : a < b;
  });
  double high = 0;
  for (uint32_t m : sorted) {
    if (clusters.empty() || claims[m].low >= high) {
      clusters.push_back({m});
      high = claims[m].high;
    } else {
      clusters.back().push_back(m);
      high = std::min(high, claims[m].high);
    }
  }
  for (auto& c : clusters) std::sort(c.begin(), c.end());
  return clusters;
}

namespace {

uint32_t Intern(std::unordered_map<std::string, uint32_t>& ids, std::vector<std::string>& names, const std::string& s) {
  auto [it, added] = ids.emplace(s, static_cast<uint32_t>(names.size()));
  if (added) names.push_back(s);
  return it->second;
}

// A hash of the quote's letters and digits, case folded for ASCII: two
// outlets printing one sentence share it whatever their punctuation.
// (NormalizeName would also fold accents, at many times the cost per claim.)
uint64_t QuoteKey(const std::string& quote) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  bool any = false;
  for (unsigned char ch : quote) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<unsigned char>(ch - 'A' + 'a');
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80)) continue;
    h = (h ^ ch) * 1099511628211ULL;
    any = true;
  }
  return any ? (h | 1) : 0;  // 0: no quote
}

struct KeyParts {
  std::string subject, predicate, unit, object;
  bool numeric = false;
  bool comparable = true;
};

// Splits one key's members by year (see the header) and clusters numbers.
void Emit(const KeyParts& key, std::vector<uint32_t>& members, const std::vector<FactClaim>& claims,
          std::vector<FactGroup>* out) {
  std::map<int, std::vector<uint32_t>> by_year;
  for (uint32_t m : members) by_year[claims[m].year].push_back(m);
  std::vector<std::pair<int, std::vector<uint32_t>>> parts;
  const auto undated = by_year.find(0);
  const size_t dated_years = by_year.size() - (undated != by_year.end() ? 1 : 0);
  bool joined = false;
  if (dated_years <= 1) {
    int year = 0;
    for (const auto& [y, _] : by_year) year = std::max(year, y);
    joined = year != 0 && undated != by_year.end();
    parts.push_back({year, members});
  } else {
    for (auto& [y, ms] : by_year) parts.push_back({y, std::move(ms)});
  }
  for (auto& [year, ms] : parts) {
    FactGroup g;
    g.subject = key.subject;
    g.predicate = key.predicate;
    g.unit = key.unit;
    g.object = key.object;
    g.numeric = key.numeric;
    g.comparable = key.comparable;
    g.year = year;
    g.undated_joined = joined;
    std::sort(ms.begin(), ms.end());
    g.members = ms;
    if (g.numeric) g.clusters = ClusterByRange(claims, ms);
    out->push_back(std::move(g));
  }
}

std::string KeyString(const KeyParts& key) {
  return key.subject + '\x1f' + (key.comparable ? "" : "~") + key.predicate + '\x1f' + key.unit + '\x1f' + key.object;
}

// What each story is about: the subjects its documents' figures share. A
// figure one outlet lays on the story's protagonist ("Pinochet's rule cost
// 3,000 lives") and one another outlet lays on the event itself ("more than
// 3,000 people were killed") are one figure to compare. Central: the subject
// of figures in at least two of the story's documents and in at least half of
// those that have figures.
class StorySubjects {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  // The id of a story (asked once per document): kNone for no story.
  uint32_t StoryId(const std::string& story) {
    if (story.empty()) return kNone;
    auto [it, added] = ids_.emplace(story, static_cast<uint32_t>(names_.size()));
    if (added) {
      names_.push_back(story);
      docs_.push_back(0);
    }
    return it->second;
  }
  // Claim number n (in order) of document doc, in story (kNone: none, or no
  // figure), about subject (an id the caller interns).
  void Note(uint32_t story, uint32_t subject, uint32_t doc) {
    story_of_claim_.push_back(story);
    if (story == kNone) return;
    if (doc >= doc_counted_.size()) doc_counted_.resize(doc + 1, false);
    if (!doc_counted_[doc]) {
      doc_counted_[doc] = true;
      ++docs_[story];
    }
    // A document is in one story: (subject, document) says the story too.
    if (subject_in_doc_.insert(Pair(subject, doc)).second) ++subject_docs_[Pair(story, subject)];
  }
  bool empty() const { return names_.empty(); }
  // The story claim n is in when subject is central to it, or nullptr.
  const std::string* CentralIn(size_t n, uint32_t subject) const {
    const uint32_t s = story_of_claim_[n];
    if (s == kNone) return nullptr;
    auto it = subject_docs_.find(Pair(s, subject));
    if (it == subject_docs_.end()) return nullptr;
    const uint32_t in = it->second;
    return in >= 2 && 2 * in >= docs_[s] ? &names_[s] : nullptr;
  }

 private:
  static uint64_t Pair(uint32_t a, uint32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> names_;
  std::vector<uint32_t> docs_;            // by story: how many of its documents have figures
  std::vector<bool> doc_counted_;          // by document: counted in its story's docs_
  std::unordered_set<uint64_t> subject_in_doc_;          // (subject, document) seen
  std::unordered_map<uint64_t, uint32_t> subject_docs_;  // (story, subject) -> documents
  std::vector<uint32_t> story_of_claim_;
};

}  // namespace

Result<ClaimIndex> ClaimIndex::Build(StoreView& store, const Vocabulary& vocabulary, const Canonical& canonical,
                                     bool keep_details) {
  ClaimIndex index;
  std::unordered_map<std::string, uint32_t> doc_ids, qualifier_ids, predicate_ids;
  std::unordered_map<std::string, uint32_t> key_ids;
  std::vector<KeyParts> keys;
  std::vector<std::vector<uint32_t>> members;
  StorySubjects stories;
  std::vector<uint32_t> story_of_doc;     // by document index: its story's id
  std::vector<uint32_t> key_subject;      // by key: its subject's id
  std::unordered_map<std::string, uint32_t> subject_ids;
  std::unordered_map<std::string, std::string> predicate_cache, unit_cache;
  auto cached = [](std::unordered_map<std::string, std::string>& cache, const std::string& word, auto fn) {
    auto it = cache.find(word);
    if (it == cache.end()) it = cache.emplace(word, fn(word)).first;
    return it->second;
  };

  Status st = store.ForEachClaim({}, [&](const Claim& c) {
    // A document's statements about itself (its sender, REFs, TAGS) are no
    // checkable fact; a figure about it is one about the event it reports
    // (docs/checks.md, "Stories"), compared across its story.
    const bool figure = c.value.is_object() && c.value.contains("amount");
    if (c.status == ClaimStatus::kRejected || (c.subject == c.source.document && !figure) || c.kind == "topic") {
      ++index.skipped;
      return true;
    }
    FactClaim fc;
    fc.id = c.id;
    fc.document = Intern(doc_ids, index.documents, c.source.document);
    fc.quote_key = QuoteKey(c.source.quote);
    if (keep_details) {
      fc.predicate = Intern(predicate_ids, index.predicates, c.predicate);
      fc.quote = ShortQuote(c.source.quote, 200);
      fc.value = c.value;
      fc.time = c.time;
      fc.attributed_to = c.attributed_to;
    }
    fc.year = YearOf(c.time);
    KeyParts key;
    key.subject = canonical.Of(c.subject);
    key.predicate = cached(predicate_cache, c.predicate,
                           [&](const std::string& p) { return vocabulary.CanonicalPredicate(p); });
    if (!Vocabulary::Comparable(key.predicate)) {
      // Catch-all wording: keep the claim's own predicate so it still meets its
      // own repetitions (corroboration), but never compare figures under it.
      key.comparable = false;
      key.predicate = c.predicate;
    }
    if (auto range = RangeOf(c.value)) {
      fc.numeric = key.numeric = true;
      fc.low = range->low;
      fc.high = range->high;
      fc.amount = range->amount;
      fc.qualifier = static_cast<uint8_t>(Intern(qualifier_ids, index.qualifiers, range->qualifier));
      key.unit = cached(unit_cache, c.value.value("unit", std::string()),
                        [&](const std::string& u) { return vocabulary.CanonicalUnit(u); });
      if (auto per = c.value.find("per"); per != c.value.end() && per->is_string()) key.unit += "/" + per->get<std::string>();
    } else if (!c.object.empty()) {
      key.object = canonical.Of(c.object);
    } else if (c.value.is_object() && c.value.contains("text") && c.value["text"].is_string()) {
      key.object = "text:" + NormalizeName(c.value["text"].get<std::string>());
    } else if (c.value.is_object() && c.value.contains("date") && c.value["date"].is_string()) {
      key.object = "date:" + c.value["date"].get<std::string>();
    } else {
      key.object = "value:" + c.value.dump();
    }
    std::string k = KeyString(key);
    auto [it, added] = key_ids.emplace(std::move(k), static_cast<uint32_t>(keys.size()));
    if (added) {
      keys.push_back(std::move(key));
      members.emplace_back();
    }
    // The story of each document, looked up once per document.
    if (fc.document == story_of_doc.size()) {
      const std::string& story = canonical.Of(c.source.document);
      story_of_doc.push_back(stories.StoryId(story == c.source.document ? std::string() : story));
    }
    if (key_subject.size() < keys.size()) {
      key_subject.push_back(subject_ids.emplace(keys.back().subject, static_cast<uint32_t>(subject_ids.size())).first->second);
    }
    // Only figures say what a story's figures are about: its quotes and
    // roles name everyone who spoke.
    stories.Note(fc.numeric ? story_of_doc[fc.document] : StorySubjects::kNone, key_subject[it->second], fc.document);
    members[it->second].push_back(static_cast<uint32_t>(index.claims.size()));
    index.claims.push_back(std::move(fc));
    return true;
  });
  if (!st.ok()) return st;
  // A figure about what its story is about meets the story's own figures
  // (docs/checks.md, "Stories"): moved to the story's key.
  const size_t first_pass = stories.empty() ? 0 : keys.size();
  for (size_t k = 0; k < first_pass; ++k) {
    if (!keys[k].numeric) continue;
    std::vector<uint32_t> stay;
    bool moved_any = false;
    for (uint32_t m : members[k]) {
      const std::string* story = stories.CentralIn(m, key_subject[k]);
      if (!story || *story == keys[k].subject) {
        stay.push_back(m);
        continue;
      }
      moved_any = true;
      KeyParts moved = keys[k];
      moved.subject = *story;
      auto [it, added] = key_ids.emplace(KeyString(moved), static_cast<uint32_t>(keys.size()));
      if (added) {
        keys.push_back(std::move(moved));
        members.emplace_back();
      }
      members[it->second].push_back(m);
    }
    if (moved_any) members[k] = std::move(stay);
  }
  index.groups.reserve(keys.size());  // at least one group per key
  for (size_t k = 0; k < keys.size(); ++k) {
    if (!members[k].empty()) Emit(keys[k], members[k], index.claims, &index.groups);
  }
  return index;
}

}  // namespace dossier::check
