// The news importer as a plugin: formats detected, documents and facts stored.
#include <catch2/catch.hpp>

#include <set>

#include "dossier/pipeline.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::TempDir;
using dossier::testing::WriteFile;

TEST_CASE("articles in each format become news documents with their facts", "[news][pipeline]") {
  TempDir dir;
  StoreOptions options;
  options.create_if_missing = true;
  auto store = std::move(Store::Open(dir / "s.db", options)).value();
  PluginHost host;
  host.LoadDefault();
  REQUIRE(host.errors().empty());
  WriteFile(dir / "wire.txt",
            "Ferry fares rise again\n\nBy Priya Raman\n\nMARLOW, Oregon (Reuters) - The ferry company raised fares by "
            "8 percent on Monday, the third rise this year.\n\n“We will drive,” said Jon Okafor, a commuter.\n");
  WriteFile(dir / "two.jsonl",
            "{\"title\":\"Dredging late\",\"text\":\"The dredging is late.\",\"author\":\"Ada Whitlock\"}\n"
            "{\"title\":\"Dredging done\",\"text\":\"The dredging is done.\",\"author\":\"Ada Whitlock\"}\n");
  WriteFile(dir / "page.html",
            "<html><head><meta property=\"og:title\" content=\"Quay reopens\"><meta property=\"og:site_name\" "
            "content=\"Marlow Gazette\"></head><body><article><p>The quay reopened.</p></article></body></html>");
  Pipeline p(*store, host, Actor{"test"});
  auto s = p.Import({dir / "wire.txt", dir / "two.jsonl", dir / "page.html"}, {});
  REQUIRE(s.ok());
  for (const auto& f : s->files) {
    INFO(f.path << ": " << f.reason);
    CHECK(f.outcome == FileReport::Outcome::kImported);
    CHECK(f.importer == "news");
  }
  CHECK(s->documents == 4);

  auto wire = store->GetDocument("doc:ferry-fares-rise-again");
  REQUIRE(wire.ok());
  CHECK(wire->kind == "news_article");
  CHECK(wire->properties["authors"] == Json::array({"Priya Raman"}));
  CHECK(wire->properties["publisher"] == "Reuters");
  CHECK(wire->properties["dateline"] == "MARLOW, Oregon (Reuters) -");
  ClaimFilter from;
  from.document = "doc:ferry-fares-rise-again";
  auto claims = store->ListClaims(from);
  REQUIRE(claims.ok());
  std::set<std::string> predicates;
  for (const auto& c : *claims) predicates.insert(c.predicate);
  CHECK(predicates.count("written_by"));
  CHECK(predicates.count("published_by"));
  CHECK(predicates.count("dateline"));
  CHECK(predicates.count("said"));  // the quotes extractor ran on it
  CHECK(*store->Resolve("Priya Raman", EntityType::kPerson) == "person:priya-raman");
  // The same author of two articles in one file is one person.
  auto ada = store->Describe(*store->Resolve("Ada Whitlock"));
  REQUIRE(ada.ok());
  CHECK(ada->claim_count == 2);
  CHECK(store->GetDocument("doc:quay-reopens")->properties["publisher"] == "Marlow Gazette");
}
