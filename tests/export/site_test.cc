// The html site as a reader browses it, on the bundled examples
// (BuildExamplesSite): lists of everything from the index, "Named in" paged,
// cited-only cables shown as such with who cites them, a cable's header as a
// table, story pages, no placeholder among the most named, and not one broken
// link or anchor (the project's link checker).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "dossier/text.h"
#include "export_support.h"

using namespace dossier;
using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

struct ExamplesSite {
  TempDir dir;
  std::string site = BuildExamplesSite(dir);
  std::unique_ptr<Xml> Page(const std::string& path) { return std::make_unique<Xml>(site + "/" + path, true); }
};

}  // namespace

TEST_CASE("site: the index leads to every list, no placeholder among the most named", "[export][html][site]") {
  ExamplesSite s;
  auto index = s.Page("index.html");
  CHECK(index->Strings("//nav[@class='browse']/a/@href") ==
        std::vector<std::string>{"list/person-1.html", "list/organization-1.html", "list/place-1.html",
                                 "list/document-1.html", "list/cited-1.html", "list/story-1.html"});
  // The placeholder has the most mentions (300), keeps its page and its place
  // in the list of people, but is not "most named".
  const auto most_named = index->Strings("//section[h2='Most named people']/ul/li/a");
  REQUIRE_FALSE(most_named.empty());
  CHECK(most_named[0] == "Orla Brennan");
  CHECK(std::find(most_named.begin(), most_named.end(), "XXXXXXXXXXXX") == most_named.end());
  auto people = s.Page("list/person-1.html");
  const auto listed = people->Strings("//ul[contains(@class,'list')]/li/a");
  CHECK(std::find(listed.begin(), listed.end(), "XXXXXXXXXXXX") != listed.end());
  CHECK(std::is_sorted(listed.begin(), listed.end(), [](const std::string& a, const std::string& b) {
    return NormalizeName(a) < NormalizeName(b);
  }));
  // Documents with their text apart from those only cited.
  auto documents = s.Page("list/document-1.html");
  CHECK(documents->Count("//ul[contains(@class,'list')]/li") == 7);
  CHECK(documents->Count("//span[@class='cited']") == 0);
  auto cited = s.Page("list/cited-1.html");
  CHECK(cited->Strings("//ul[contains(@class,'list')]/li/a") == std::vector<std::string>{"23CHENGDU1872", "24CHENGDU431"});
}

TEST_CASE("site: where a person is named, page after page", "[export][html][site]") {
  ExamplesSite s;
  auto orla = s.Page("e/person_orla-brennan.html");
  CHECK(orla->Count("//section[@id='mentions']/ul/li") == 30);
  // 30 on the page, then 200 and 30 on two pages beside it.
  CHECK(orla->Strings("//section[@id='mentions']/nav[@class='pager']/a/@href") ==
        std::vector<std::string>{"person_orla-brennan~named-2.html", "person_orla-brennan~named-3.html",
                                 "person_orla-brennan~named-2.html"});
  auto second = s.Page("e/person_orla-brennan~named-2.html");
  CHECK(second->Count("//ul[@class='mentions']/li") == 200);
  CHECK(second->One("//h1/a/@href") == "person_orla-brennan.html");
  auto third = s.Page("e/person_orla-brennan~named-3.html");
  CHECK(third->Count("//ul[@class='mentions']/li") == kOrlaMentions - 230);
  CHECK_FALSE(fs::exists(s.site + "/e/person_orla-brennan~named-4.html"));
  // The last mention links to its place in the diary.
  const std::string last = third->Strings("//ul[@class='mentions']/li/a/@href").back();
  REQUIRE(last.rfind("../d/doc_diary.html#m-", 0) == 0);
  auto diary = s.Page("d/doc_diary.html");
  CHECK(diary->Count("//*[@id='" + last.substr(last.find('#') + 1) + "']") == 1);
}

TEST_CASE("site: a cable's header is a table, a cable only cited says so and who cites it", "[export][html][site]") {
  ExamplesSite s;
  auto cable = s.Page("d/doc_24CHENGDU455.html");
  // The first rows are what a reader looks for first; lists one item to a line.
  const auto keys = cable->Strings("//h1/following-sibling::table[1]/tr/th");
  REQUIRE(keys.size() > 5);
  CHECK(std::vector<std::string>(keys.begin() + 2, keys.begin() + 5) ==
        std::vector<std::string>{"source", "reference_id", "published"});
  // The addressees, a table of records: a column per field, a row each.
  CHECK(cable->Strings("//tr[th='to']/td/table[@class='records']/tr[1]/th") ==
        std::vector<std::string>{"name", "precedence", "routing", "serial"});
  CHECK(cable->Count("//tr[th='info']/td/table[@class='records']/tr") == 1 + 3);
  CHECK(cable->Count("//td[contains(.,'{')]") == 0);  // no raw JSON

  auto stub = s.Page("d/doc_23CHENGDU1872.html");
  CHECK(stub->Count("//p[@class='cited-only']") == 1);
  CHECK(stub->Count("//section[@class='text']") == 0);
  const auto by = stub->Strings("//section[@id='cited-by']//a/@href");
  REQUIRE(by.size() == 1);
  CHECK(by[0].rfind("../d/doc_24CHENGDU455.html#at-", 0) == 0);
}

TEST_CASE("site: a story's page lists its documents and outlets", "[export][html][site]") {
  ExamplesSite s;
  auto stories = s.Page("list/story-1.html");
  const auto pages = stories->Strings("//ul[contains(@class,'list')]/li/a/@href");
  REQUIRE(pages.size() == 2);
  for (const auto& page : pages) {
    auto story = s.Page(page.substr(3));
    CHECK(story->Count("//section[@id='documents']/ul/li/a") == 3);
    for (const auto& href : story->Strings("//section[@id='documents']/ul/li/a/@href")) {
      CHECK(href.rfind("../d/", 0) == 0);
    }
    CHECK(story->Count("//tr[th='outlets']/td/ul/li") >= 2);
  }
}

TEST_CASE("site: every link and anchor of the examples site resolves, every page is reached", "[export][html][site]") {
  ExamplesSite s;
  RunResult r = CheckSiteLinks(s.dir / "examples.jsonl", s.site, false);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("all resolve") != std::string::npos);
}
