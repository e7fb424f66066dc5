// The csv exporter: every file parses back with a strict RFC 4180 reader and
// carries the hostile names intact.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "export_support.h"

using namespace dossier;
using namespace dossier::testing;

namespace {

const std::map<std::string, std::string>& Row(const std::vector<std::map<std::string, std::string>>& rows,
                                              const std::string& column, const std::string& value) {
  auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.at(column) == value; });
  if (it == rows.end()) FAIL("no row with " << column << " = " << value);
  return *it;
}

}  // namespace

TEST_CASE("csv: one file per kind, each a strict RFC 4180 table", "[export][csv]") {
  ExportFixture f;
  REQUIRE(f.Export("csv", "out").ok());
  const std::string out = f.dir / "out";
  for (const char* file : {"entities", "aliases", "documents", "mentions", "claims", "findings"}) {
    INFO(file);
    const std::string text = ReadFile(out + "/" + file + ".csv");
    CHECK(text.substr(0, 3) == "\xEF\xBB\xBF");  // spreadsheets read it as UTF-8
    CHECK_NOTHROW(ParseCsv(text));
  }
  auto entities = CsvRecords(out + "/entities.csv");
  CHECK(entities.size() == 9);
  CHECK(Row(entities, "id", kFox).at("name") == kFoxName);
  CHECK(Row(entities, "id", kLayla).at("name") == kLaylaName);
  CHECK(Row(entities, "id", kKite).at("name") == "Kite & \"Co\" <Ltd>");
  CHECK(Row(entities, "id", kMara).at("properties") == R"({"description":"chair of the trust","nationality":["NO"]})");

  auto aliases = CsvRecords(out + "/aliases.csv");
  CHECK(Row(aliases, "alias", "Se\xC3\xA1n\nO'Brien").at("entity") == kFox);  // a newline inside a field

  auto documents = CsvRecords(out + "/documents.csv");
  CHECK(Row(documents, "id", kReport).at("title") == "Harbour \"deal\", <revisited>");
  CHECK(Row(documents, "id", kMemo).at("kind") == "text");
  CHECK(Row(documents, "id", kReport).at("date") == "2026-03-02");  // its own column, for sorting
  CHECK(Row(documents, "id", kMemo).at("date").empty());

  auto mentions = CsvRecords(out + "/mentions.csv");
  CHECK(mentions.size() == 9);
  const auto& fox = Row(mentions, "entity", kFox);
  CHECK(fox.at("text") == kFoxName);
  CHECK(fox.at("document") == kReport);

  auto claims = CsvRecords(out + "/claims.csv");
  CHECK(claims.size() == 6);
  const auto& pop = Row(claims, "id", "claim:pop-report");
  CHECK(pop.at("amount") == "30000");
  CHECK(pop.at("unit") == "person");
  CHECK(pop.at("qualifier") == "nearly");
  CHECK(pop.at("attributed_to") == kTrust);
  CHECK(Row(claims, "id", "claim:employ").at("status_reason") == "the barges are leased, says \"Kite\"");
  CHECK(Row(claims, "id", "claim:said").at("status") == "rejected");

  auto findings = CsvRecords(out + "/findings.csv");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].at("message") == "Port Elsey's population: 30,000 (\"nearly\") vs 18,000 <council>");
  CHECK(findings[0].at("refs") == "claim:pop-report; claim:pop-memo; place:port-elsey");
}

TEST_CASE("csv: a mention no entity was found for is listed, with no entity", "[export][csv]") {
  ExportFixture f;
  {
    auto writer = f.store->BeginRecords(Actor{"test:csv"});
    REQUIRE(writer.ok());
    // "Mara" in the memo, left unresolved by an extractor.
    auto memo = f.store->GetDocument(kMemo);
    REQUIRE(memo.ok());
    const auto at = static_cast<int64_t>(memo->text.find("Mara"));
    REQUIRE(at >= 0);
    REQUIRE((*writer)->Put({{"id", "mention:m9"}, {"type", "mention"}, {"entity_type", "person"}, {"document", kMemo},
                            {"start", at}, {"end", at + 4}, {"text", "Mara"}, {"extractor", "fixture"}}).ok());
    const Status st = (*writer)->Commit();
    INFO(st.message());
    REQUIRE(st.ok());
  }
  REQUIRE(f.Export("csv", "out").ok());
  auto mentions = CsvRecords(f.dir / "out/mentions.csv");
  CHECK(mentions.size() == 10);
  const auto& loose = Row(mentions, "id", "mention:m9");
  CHECK(loose.at("entity").empty());
  CHECK(loose.at("entity_type") == "person");
  CHECK(loose.at("document") == kMemo);
  // With --about, only what is about the entity: the loose mention is not.
  Selection about;
  about.about = kMara;
  REQUIRE(f.Export("csv", "about", about).ok());
  for (const auto& m : CsvRecords(f.dir / "about/mentions.csv")) CHECK(m.at("id") != "mention:m9");
}

TEST_CASE("csv: the strict reader used here refuses what is not RFC 4180", "[export][csv]") {
  CHECK(ParseCsv("a,b\r\n\"x,\"\"y\"\"\",z\r\n")[1][0] == "x,\"y\"");
  CHECK_THROWS(ParseCsv("a,b\r\nx\"y,z\r\n"));   // bare quote
  CHECK_THROWS(ParseCsv("a,b\r\n\"x\"y,z\r\n"));  // text after closing quote
  CHECK_THROWS(ParseCsv("a,b\nx,y\n"));           // LF records
  CHECK_THROWS(ParseCsv("a,b\r\nx\r\n"));         // ragged
}

TEST_CASE("csv: --type narrows the entity files and leaves out findings", "[export][csv]") {
  ExportFixture f;
  Selection s;
  s.types = {EntityType::kOrganization};
  REQUIRE(f.Export("csv", "orgs", s).ok());
  auto entities = CsvRecords(f.dir / "orgs/entities.csv");
  REQUIRE(entities.size() == 2);
  for (const auto& e : entities) CHECK(e.at("type") == "organization");
  CHECK(CsvRecords(f.dir / "orgs/claims.csv").empty());
  CHECK(CsvRecords(f.dir / "orgs/findings.csv").empty());
  CHECK(CsvRecords(f.dir / "orgs/mentions.csv").size() == 2);
}
