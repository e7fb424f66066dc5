// Story grouping (docs/checks.md, "Stories"): which documents report the
// same event. Each document is described by its salient entities (the
// canonical people, organizations and places it names most and first), the
// words of its title and opening, and its date. Two documents are candidates
// only when they share a rare entity or rare words and their dates lie
// within a window (blocking: the cost grows with the documents, not with
// their pairs); a candidate pair that is similar enough is linked, and the
// linked documents are one story. Backend-neutral: it reads a StoreView and
// hands the stories to Store::SaveGrouping, which keeps every curator
// decision.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier {

struct GroupingOptions {
  int window_days = 10;     // dates further apart are no candidates (unknown dates always are)
  double threshold = 0.12;        // the similarity that links two documents (0..1)
  double group_threshold = 0.10;  // the mean similarity two groups' documents need to become one
};

struct GroupingReport {
  int64_t documents = 0;  // documents considered
  int64_t pairs = 0;      // candidate pairs scored
  int64_t stories = 0;    // stories of two documents or more
  double seconds = 0;
};

// One document as the grouping sees it.
struct DocumentFeatures {
  std::string id;
  std::string title;
  std::string date;  // ISO date or empty
  std::vector<std::pair<uint32_t, double>> entities;  // interned canonical entity: its count, then tf-idf
  std::vector<std::pair<uint32_t, double>> words;     // interned word: its count, then tf-idf
};

// The similarity of two documents (0..1): the cosines of their salient
// entities and of their words, each weighted tf-idf (GroupStories weighs
// them), averaged.
double Similarity(const DocumentFeatures& a, const DocumentFeatures& b);

// Groups the store's documents into stories and saves them.
Result<GroupingReport> GroupStories(Store& store, const Actor& actor, const GroupingOptions& options = {});

}  // namespace dossier
