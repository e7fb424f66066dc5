// The extractors on real documents (../shared/corpus, skipped where absent):
// people, organizations and places against lists written down by hand (gold/),
// scored per type; and the claims the issue names.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "dossier/pipeline.h"
#include "dossier/text.h"
#include "support/corpus.h"
#include "support/test_support.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

struct GoldEntity {
  EntityType type;
  std::vector<std::string> names;  // normalised
};

std::vector<GoldEntity> ReadGold(const std::string& path) {
  std::vector<GoldEntity> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto colon = line.find(':');
    GoldEntity g;
    g.type = *ParseType(line.substr(0, colon));
    std::stringstream rest(line.substr(colon + 1));
    std::string name;
    while (std::getline(rest, name, '=')) g.names.push_back(NormalizeName(name));
    out.push_back(g);
  }
  return out;
}

// gold/seeds_000.txt -> corpus/seeds/000_*.txt; gold/news_x.txt -> corpus/news/x.txt
std::string CorpusFile(const std::string& gold_name) {
  const std::string corpus = dossier::testing::CorpusDir();
  if (gold_name.rfind("seeds_", 0) == 0) {
    const std::string prefix = gold_name.substr(6, 3) + "_";
    for (const auto& e : fs::directory_iterator(corpus + "/seeds")) {
      if (e.path().filename().string().rfind(prefix, 0) == 0) return e.path().string();
    }
  }
  return corpus + "/news/" + gold_name.substr(5);
}

struct Score {
  int extracted = 0, extracted_right = 0, gold = 0, gold_found = 0;
};

}  // namespace

TEST_CASE("people, organizations and places on real documents, against hand-made lists", "[corpus][ner]") {
  dossier::testing::SkipWithoutCorpus();
  dossier::testing::TempDir dir;
  StoreOptions options;
  options.create_if_missing = true;
  auto store = std::move(Store::Open(dir / "corpus.db", options)).value();
  PluginHost host;
  host.LoadDefault();
  REQUIRE(host.errors().empty());

  std::map<std::string, std::vector<GoldEntity>> gold;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(DOSSIER_NER_GOLD_DIR)) {
    const std::string name = e.path().filename().string();
    if (name == "README.md") continue;
    const std::string file = CorpusFile(name);
    gold[file] = ReadGold(e.path().string());
    files.push_back(file);
  }
  REQUIRE(files.size() >= 7);
  Pipeline pipeline(*store, host, Actor{"test:corpus"});
  auto summary = pipeline.Import(files, {});
  REQUIRE(summary.ok());
  REQUIRE(summary->failed == 0);

  std::map<EntityType, Score> scores;
  for (const auto& report : summary->files) {
    REQUIRE(report.documents.size() == 1);
    auto mentions = store->MentionsIn(report.documents[0]);
    REQUIRE(mentions.ok());
    // The entities mentioned in the document, with every name they go by.
    std::map<std::string, std::pair<EntityType, std::set<std::string>>> found;
    for (const auto& m : *mentions) {
      if (m.entity.empty() || m.type == EntityType::kDocument) continue;
      auto id = store->Resolve(m.entity);
      REQUIRE(id.ok());
      if (found.count(*id)) continue;
      auto d = store->Describe(*id);
      REQUIRE(d.ok());
      std::set<std::string> names = {NormalizeName(d->entity.name)};
      for (const auto& a : d->entity.aliases) names.insert(NormalizeName(a.name));
      found[*id] = {d->entity.type, names};
    }
    const auto& expected = gold[report.path];
    std::set<std::string> matched_ids;
    for (const auto& g : expected) {
      ++scores[g.type].gold;
      bool hit = false;
      for (const auto& [id, entity] : found) {
        if (entity.first != g.type) continue;
        for (const auto& n : g.names) hit |= entity.second.count(n) > 0;
        if (hit) {
          matched_ids.insert(id);
          break;
        }
      }
      scores[g.type].gold_found += hit;
      if (!hit) std::cout << "  missed " << TypeName(g.type) << " " << g.names[0] << " in " << report.path << "\n";
    }
    for (const auto& [id, entity] : found) {
      ++scores[entity.first].extracted;
      if (matched_ids.count(id)) {
        ++scores[entity.first].extracted_right;
      } else {
        std::cout << "  extra  " << TypeName(entity.first) << " " << id << " in " << report.path << "\n";
      }
    }
  }
  std::cout << "type          precision  recall   (extracted, gold)\n";
  for (const auto& [type, s] : scores) {
    const double precision = s.extracted ? static_cast<double>(s.extracted_right) / s.extracted : 0;
    const double recall = s.gold ? static_cast<double>(s.gold_found) / s.gold : 0;
    std::printf("%-13s %9.2f  %6.2f   (%d, %d)\n", std::string(TypeName(type)).c_str(), precision, recall, s.extracted, s.gold);
    INFO(TypeName(type));
    CHECK(recall >= 0.8);
    CHECK(precision >= 0.7);
  }

  // The issue's own examples: Sun Zhengcai with his mentions and claims, and
  // Chongqing's population and laptop claims with their quotes.
  auto sun = store->Resolve("Sun Zhengcai");
  REQUIRE(sun.ok());
  auto details = store->Describe(*sun);
  REQUIRE(details.ok());
  CHECK(details->mention_count >= 5);
  for (const auto& m : details->mentions) CHECK(m.snippet.find("[Sun") != std::string::npos);
  bool said = false;
  for (const auto& c : details->claims) said |= c.predicate == "said";
  CHECK(said);
  ClaimFilter about;
  about.about = "Chongqing";
  auto claims = store->ListClaims(about);
  REQUIRE(claims.ok());
  bool population = false, laptops = false;
  for (const auto& c : *claims) {
    population |= c.predicate == "population" && c.source.quote.find("30 million") != std::string::npos;
    // "1 of every 4 laptops": a share of laptops ("percent:laptop").
    laptops |= c.predicate.find("laptop") != std::string::npos && c.source.quote.find("laptops") != std::string::npos;
  }
  CHECK(population);
  CHECK(laptops);
}
