// The html exporter: a self-contained site (every link and script resolves to
// a file of the export, every #anchor to an element of its page), hostile
// names escaped, claims linked to their passages, mentions highlighted.
#include <catch2/catch.hpp>

#include <filesystem>

#include "export_support.h"

using namespace dossier;
using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

std::string PageOf(const std::string& site, const std::string& id) {
  // The file name is readable, with a hash when the id holds unsafe characters.
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (!e.is_regular_file() || e.path().extension() != ".html") continue;
    Xml x(e.path().string(), true);
    for (const auto& s : x.Strings("//p[@class='id']")) {
      if (s.rfind(id + " ", 0) == 0) return e.path().string();
    }
  }
  return "";
}

void CheckLinks(ExportFixture& f, const std::string& site, bool partial) {
  REQUIRE(f.Export("jsonl", "store.jsonl").ok());
  RunResult r = CheckSiteLinks(f.dir / "store.jsonl", f.dir / site, partial);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("all resolve") != std::string::npos);
}

size_t Pages(const fs::path& site) {
  size_t pages = 0;
  for (const auto& e : fs::recursive_directory_iterator(site)) pages += e.path().extension() == ".html";
  return pages;
}

}  // namespace

TEST_CASE("html: self-contained, every link resolves, every anchor exists, every page reached", "[export][html]") {
  ExportFixture f;
  REQUIRE(f.Export("html", "site").ok());
  // index, 7 people/organizations/places, 2 documents, a list page of each kind
  CHECK(Pages(f.dir / "site") == 1 + 7 + 2 + 4);
  CheckLinks(f, "site", false);

  Selection around;
  around.about = kFox;
  REQUIRE(f.Export("html", "around", around).ok());
  CHECK(Pages(f.dir / "around") < Pages(f.dir / "site"));
  CheckLinks(f, "around", true);
}

TEST_CASE("html: the person page shows names, claims with their passages, findings and the graph", "[export][html]") {
  ExportFixture f;
  REQUIRE(f.Export("html", "site").ok());
  const std::string site = f.dir / "site";
  const std::string fox_page = PageOf(site, kFox);
  REQUIRE_FALSE(fox_page.empty());
  Xml fox(fox_page, true);
  CHECK(fox.One("//h1/text()") == std::string(kFoxName) + " ");
  CHECK(fox.Count("//ul[@class='aliases']/li") == 2);
  CHECK(fox.One("/html/head/title") == std::string(kFoxName) + " · dossier");
  // The disputed employment, its quote, the curator's reason, a link to the passage.
  auto claim = "//article[contains(@class,'s-disputed')]";
  CHECK(fox.One(std::string(claim) + "//blockquote") == "signed for the Kite & \"Co\" <Ltd> barges");
  CHECK(fox.One(std::string(claim) + "//a[@class='src']/@href").rfind("../d/doc_pier-memo.html#at-", 0) == 0);
  CHECK(fox.One(std::string(claim) + "//span[@class='pred']") == "employed_by");
  // The graph: Fox in the middle, his neighbours around, linked to their pages.
  CHECK(fox.Count("//svg//circle") >= 4);
  CHECK(fox.Count("//svg//a") >= 3);

  Xml port(PageOf(site, kPort), true);
  CHECK(port.Count("//section[@id='findings']/article") == 1);
  CHECK(port.One("//section[@id='findings']/article/p[1]").find("30,000 (\"nearly\") vs 18,000 <council>") !=
        std::string::npos);
  Xml layla(PageOf(site, kLayla), true);
  CHECK(layla.One("//h1/text()") == std::string(kLaylaName) + " ");
  CHECK(layla.Count("//article[contains(@class,'s-rejected')]") == 1);
}

TEST_CASE("html: the document page keeps the text, anchors paragraphs, highlights mentions", "[export][html]") {
  ExportFixture f;
  REQUIRE(f.Export("html", "site").ok());
  Xml doc(f.dir / "site/d/doc_harbour-report.html", true);
  CHECK(doc.One("//h1/text()") == "Harbour \"deal\", <revisited> ");
  CHECK(doc.Count("//p[@class='para']") == 3);
  CHECK(doc.Count("//p[@id='p2']") == 1);
  // Text survives escaping: the second paragraph reads as stored (after its ¶ label).
  CHECK(doc.One("//p[@id='p2']") ==
        "¶2Mara Ellingsen, who chairs the Northwind Harbour Trust, met Se\xC3\xA1n \"The Fox\" O'Brien, <Jr.> & Co at Port Elsey.");
  CHECK(doc.Count("//a[contains(@class,'m ')]") == 6);
  CHECK(doc.One("//a[contains(@class,'t-person')][.='Mara Ellingsen']/@href") == "../e/person_mara-ellingsen.html");
  CHECK(doc.Count("//span[@class='anchor']") == 4);  // where the report's claims start
}

TEST_CASE("html: the search index is JSON holding names and aliases", "[export][html]") {
  ExportFixture f;
  REQUIRE(f.Export("html", "site").ok());
  std::string js = ReadFile(f.dir / "site/search-index.js");
  const std::string prefix = "window.DOSSIER_INDEX = ";
  REQUIRE(js.rfind(prefix, 0) == 0);
  js = js.substr(prefix.size());
  js = js.substr(0, js.rfind(';'));
  const Json index = Json::parse(js);
  CHECK(index.size() == 9);
  bool fox = false;
  for (const auto& row : index) {
    if (row[0] == kFox) {
      fox = true;
      CHECK(row[1] == kFoxName);
      CHECK(row[4] == "The Fox | Se\xC3\xA1n\nO'Brien");
      CHECK(fs::exists(f.dir / ("site/" + row[3].get<std::string>())));
    }
  }
  CHECK(fox);
}
