// Story grouping scored on the corpus (skipped, exit 77, without
// ../shared/corpus): every file of the 30 stories of corpus/stories, with the
// corpus's cables and news sets as documents that belong to none of them, in
// one store. A story's folder is its gold: two of its documents grouped
// together is a pair found; two documents grouped together that are not in
// one folder is a false pair (a document outside the 30 stories paired with
// one inside counts against the grouping; pairs among the other documents are
// not scored, their events have no gold). Prints precision, recall and the
// stories kept whole; docs/checks.md keeps the figures.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "dossier/host.h"
#include "dossier/pipeline.h"
#include "dossier/store.h"
#include "support/corpus.h"
#include "support/test_support.h"

using namespace dossier;
namespace fs = std::filesystem;

int main(int argc, char* argv[]) {
  dossier::testing::SkipWithoutCorpus();
  return Catch::Session().run(argc, argv);
}

namespace {

std::vector<std::string> FilesIn(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() != ".tsv" && e.path().filename() != "README.md") {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("story grouping against the corpus's 30 stories", "[corpus][gold]") {
  const fs::path corpus = dossier::testing::CorpusDir();
  std::map<std::string, std::string> gold_of_path;  // file -> its story's folder
  std::vector<std::string> paths;
  for (const auto& e : fs::directory_iterator(corpus / "stories")) {
    if (!e.is_directory()) continue;
    for (const auto& f : FilesIn(e.path())) {
      gold_of_path[f] = e.path().filename().string();
      paths.push_back(f);
    }
  }
  REQUIRE(gold_of_path.size() >= 60);
  for (const char* other : {"cables", "news"}) {
    for (const auto& e : fs::recursive_directory_iterator(corpus / other)) {
      if (e.is_regular_file() && e.path().extension() != ".tsv" && e.path().filename() != "README.md") {
        paths.push_back(e.path().string());
      }
    }
  }

  dossier::testing::TempDir dir;
  StoreOptions options;
  options.create_if_missing = true;
  auto store = Store::Open(dir / "stories.db", options);
  REQUIRE(store.ok());
  PluginHost host;
  host.LoadDefault();
  REQUIRE(host.errors().empty());
  Pipeline pipeline(**store, host, Actor{"test:stories"});
  auto summary = pipeline.Import(paths, {});
  REQUIRE(summary.ok());
  std::map<std::string, std::string> gold_of_doc;  // document id -> gold story, for story files
  std::set<std::string> scored;                    // every document of the import
  for (const auto& report : summary->files) {
    for (const auto& d : report.documents) {
      scored.insert(d);
      if (auto it = gold_of_path.find(report.path); it != gold_of_path.end()) gold_of_doc[d] = it->second;
    }
  }
  const CheckReport grouped = pipeline.GroupStories();
  INFO(grouped.status.message());
  REQUIRE(grouped.status.ok());

  // Pairs the grouping made, scored where at least one side has gold.
  int64_t made = 0, right = 0;
  std::map<std::string, std::set<std::string>> predicted_of_gold;  // gold story -> stories its documents went to
  REQUIRE((*store)->ForEachStory(false, [&](const Story& s) {
    std::vector<std::string> docs;
    for (const auto& m : s.members) {
      if (!m.excluded) docs.push_back(m.document);
    }
    // A story that mixes gold stories (or takes in a document outside them) is listed.
    std::set<std::string> golds;
    for (const auto& d : docs) golds.insert(gold_of_doc.count(d) ? gold_of_doc[d] : "(none)");
    if (golds.size() > 1) {
      std::cout << "mixed " << s.id << ":";
      for (const auto& d : docs) std::cout << " " << d << " (" << (gold_of_doc.count(d) ? gold_of_doc[d] : "none") << ")";
      std::cout << "\n";
    }
    for (size_t i = 0; i < docs.size(); ++i) {
      if (auto g = gold_of_doc.find(docs[i]); g != gold_of_doc.end()) predicted_of_gold[g->second].insert(s.id);
      for (size_t j = i + 1; j < docs.size(); ++j) {
        const auto a = gold_of_doc.find(docs[i]), b = gold_of_doc.find(docs[j]);
        if (a == gold_of_doc.end() && b == gold_of_doc.end()) continue;
        ++made;
        right += a != gold_of_doc.end() && b != gold_of_doc.end() && a->second == b->second;
      }
    }
    return true;
  }).ok());
  // Gold pairs: every two documents of one folder.
  std::map<std::string, int64_t> size_of;
  for (const auto& [doc, story] : gold_of_doc) ++size_of[story];
  int64_t gold_pairs = 0, whole = 0;
  for (const auto& [gold_story, size] : size_of) {
    const std::string story = gold_story;  // named, so that the lambda below may capture it
    const int64_t n = size;
    gold_pairs += n * (n - 1) / 2;
    // Whole: all its documents in one story (a story of one document is whole alone).
    auto p = predicted_of_gold.find(story);
    if (n == 1 || (p != predicted_of_gold.end() && p->second.size() == 1)) {
      int64_t in = 0;
      (void)(*store)->ForEachStory(false, [&](const Story& s) {
        if (p == predicted_of_gold.end() || !p->second.count(s.id)) return true;
        for (const auto& m : s.members) {
          auto g = gold_of_doc.find(m.document);
          in += !m.excluded && g != gold_of_doc.end() && g->second == story;
        }
        return true;
      });
      whole += n == 1 || in == n;
    }
  }
  const double precision = made ? double(right) / double(made) : 0;
  const double recall = gold_pairs ? double(right) / double(gold_pairs) : 0;
  std::cout << "story grouping: " << scored.size() << " documents (" << gold_of_doc.size() << " in "
            << size_of.size() << " gold stories), " << grouped.findings << " stories; pairs made " << made << ", right "
            << right << ", gold " << gold_pairs << "; precision " << precision << ", recall " << recall
            << "; stories whole " << whole << " of " << size_of.size() << "\n";
  // Floors: what the grouping reached when last measured (docs/checks.md).
  CHECK(precision >= 0.70);
  CHECK(recall >= 0.65);
}
