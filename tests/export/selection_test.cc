// --about/--depth: the kernel resolves the selection once (a neighbourhood
// walk over relation claims and co-mentions) and every exporter honours it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "export_support.h"

using namespace dossier;
using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> Nodes(const std::string& gexf) {
  Xml x(gexf);
  x.Namespace("g", "http://www.gexf.net/1.2draft");
  return x.Strings("//g:node/@id");
}

}  // namespace

TEST_CASE("selection: the neighbourhood grows with depth", "[export][selection]") {
  ExportFixture f;
  auto zero = f.store->Neighbourhood(kKite, 0);
  REQUIRE(zero.ok());
  CHECK(*zero == std::vector<std::string>{kKite});
  auto one = f.store->Neighbourhood(kKite, 1);
  REQUIRE(one.ok());
  // employed_by (relation) and the memo's co-mentions.
  CHECK(*one == std::vector<std::string>{kKite, kMara, kFox, kPort});
  auto two = f.store->Neighbourhood(kKite, 2);
  REQUIRE(two.ok());
  CHECK(*two == std::vector<std::string>{kKite, kTrust, kLayla, kMara, kFox, kPort});
  CHECK(f.store->Neighbourhood("person:nobody", 1).status().code() == Status::Code::kNotFound);
}

TEST_CASE("selection: about is resolved by name or alias and fills the members", "[export][selection]") {
  ExportFixture f;
  Selection s;
  s.about = "The Fox";  // an alias
  s.depth = 0;
  REQUIRE(ResolveSelection(*f.store, &s).ok());
  CHECK(s.about == kFox);
  // Fox, the report that mentions him, the memo that sources a claim about him.
  CHECK(s.members == std::vector<std::string>{kReport, kMemo, kFox});
  CHECK(SelectsEntity(s, kFox, EntityType::kPerson));
  CHECK_FALSE(SelectsEntity(s, kKite, EntityType::kOrganization));

  Selection bad;
  bad.about = "Nobody Atall";
  CHECK(ResolveSelection(*f.store, &bad).code() == Status::Code::kNotFound);
  Selection negative;
  negative.about = kFox;
  negative.depth = -1;
  CHECK(ResolveSelection(*f.store, &negative).code() == Status::Code::kInvalidArgument);
}

TEST_CASE("selection: every exporter keeps to it", "[export][selection]") {
  ExportFixture f;
  Selection s;
  s.about = kKite;
  s.depth = 1;
  REQUIRE(f.Export("gexf", "kite.gexf", s).ok());
  auto nodes = Nodes(f.dir / "kite.gexf");
  std::sort(nodes.begin(), nodes.end());
  CHECK(nodes == std::vector<std::string>{kKite, kMara, kFox, kPort});

  REQUIRE(f.Export("csv", "kite", s).ok());
  auto claims = CsvRecords(f.dir / "kite/claims.csv");
  std::vector<std::string> ids;
  for (const auto& c : claims) ids.push_back(c.at("id"));
  std::sort(ids.begin(), ids.end());
  // Claims whose subject (and object) are selected: not Mara's membership of the trust.
  CHECK(ids == std::vector<std::string>{"claim:employ", "claim:met", "claim:pop-memo", "claim:pop-report"});
  auto docs = CsvRecords(f.dir / "kite/documents.csv");
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].at("id") == kMemo);
  for (const auto& m : CsvRecords(f.dir / "kite/mentions.csv")) CHECK(m.at("document") == kMemo);
  CHECK(CsvRecords(f.dir / "kite/findings.csv").size() == 1);  // it involves Port Elsey
}

TEST_CASE("selection: the CLI takes --about and --depth, an unknown entity is one error line", "[export][selection][cli]") {
  TempDir dir;
  MakeFixtureStore(dir / "store.db");
  auto ok = Dossier(dir / "store.db", {"export", "graphml", "--about", "Kite & \"Co\" <Ltd>", "--depth", "0", "-o", dir / "k.graphml"});
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  Xml x(dir / "k.graphml");
  x.Namespace("g", "http://graphml.graphdrawing.org/xmlns");
  CHECK(x.Strings("//g:node/@id") == std::vector<std::string>{kKite});

  auto missing = Dossier(dir / "store.db", {"export", "gexf", "--about", "Nobody Atall", "-o", dir / "n.gexf"});
  CHECK(missing.exit_code == 1);
  CHECK(Lines(missing.err).size() == 1);
  CHECK(missing.err.find("Nobody Atall") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "n.gexf"));

  auto usage = Dossier(dir / "store.db", {"export", "gexf", "--svg"});
  CHECK(usage.exit_code == 2);
  CHECK(usage.err.find("--svg applies to the dot format only") != std::string::npos);
}
