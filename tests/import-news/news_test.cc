// The news importer's readers, metadata and cleaning, on fixtures written for dossier.
#include <catch2/catch.hpp>

#include "article.h"

using namespace dossier::news;

namespace {

Article Plain(const std::string& text) {
  Article a = ReadPlainText(text)[0];
  Clean(a);
  FindMetadata(a);
  return a;
}

bool WasRemoved(const Article& a, const std::string& reason, const std::string& text) {
  for (const auto& r : a.removed) {
    if (r.reason == reason && r.text.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("plain text: headline, byline with a job line, dateline with a place", "[news]") {
  Article a = Plain(
      "Harbour dredging falls behind schedule\n\n"
      "By Priya Raman and Jon Okafor\n\n"
      "Marlow Gazette staff\n\n"
      "MARLOW, Oregon — The dredging of the outer harbour is three months late, officials said Tuesday.\n\n"
      "The contractor blamed the weather.\n");
  CHECK(a.headline == "Harbour dredging falls behind schedule");
  CHECK(a.authors == std::vector<std::string>{"Priya Raman", "Jon Okafor"});
  CHECK(a.byline.find("Marlow Gazette staff") != std::string::npos);
  CHECK(a.dateline == "MARLOW, Oregon —");
  CHECK(a.dateline_place == "Marlow");
  CHECK(a.publisher.empty());
}

TEST_CASE("dateline variants name the place and the wire service", "[news]") {
  struct Case {
    const char* text;
    const char* place;
    const char* publisher;
  };
  for (const Case& c : {Case{"Port strike ends\n\nNEW YORK (Reuters) - Dock workers returned on Monday after a deal.", "New York", "Reuters"},
                        Case{"Port strike ends\n\nValparaiso, Chile, Jan. 5 (UPI) -- Dock workers returned on Monday.", "Valparaiso", "UPI"},
                        Case{"Port strike ends\n\nLIMA, Dec 7 (IPS) - Dock workers returned on Monday after a deal.", "Lima", "IPS"},
                        Case{"Port strike ends\n\nMARLOW NEWS DESK FRED OTIS MUMBAI: Dock workers returned on Monday.", "Mumbai", ""}}) {
    Article a = Plain(c.text);
    INFO(c.text);
    CHECK(a.dateline_place == c.place);
    CHECK(a.publisher == c.publisher);
  }
  // Not a dateline: an ordinary sentence with a dash.
  CHECK(Plain("Port strike ends\n\nOverall, the talks - which lasted a week - went well.").dateline.empty());
}

TEST_CASE("page furniture, separators and repeated paragraphs are removed and recorded", "[news]") {
  Article a = Plain(
      "advertisement\n\n"
      "Ferry fares rise again\n\n"
      "The ferry company raised fares by 8 percent on Monday, the third rise this year.\n\n"
      "The ferry company raised fares by 8 percent on Monday, the third rise this year.\n\n"
      "Commuters said they would drive instead.\n\n"
      "——\n\n"
      "(Lena Moreau contributed to this report.)\n\n"
      "Print this article Mail this article Comment on this article\n\n"
      "This site is registered on wpml.org as a development site.\n");
  CHECK(a.headline == "Ferry fares rise again");
  CHECK(WasRemoved(a, "boilerplate", "advertisement"));
  CHECK(WasRemoved(a, "duplicate paragraph", "raised fares by 8 percent"));
  CHECK(WasRemoved(a, "separator", "——"));
  CHECK(WasRemoved(a, "boilerplate", "Print this article"));
  CHECK(WasRemoved(a, "boilerplate", "development site"));
  CHECK(a.contributors == std::vector<std::string>{"Lena Moreau"});
  int kept = 0;
  for (const auto& b : a.blocks) kept += b.text.find("raised fares") != std::string::npos;
  CHECK(kept == 1);
}

TEST_CASE("one paragraph per line is read as paragraphs", "[news]") {
  Article a = ReadPlainText("Title line\nFirst paragraph here.\nSecond paragraph here.\n")[0];
  CHECK(a.blocks.size() == 3);
}

TEST_CASE("wiki markup: links and templates rendered, others dropped", "[news]") {
  Article a = ReadWikiMarkup(
      "{{date|March 3, 2011}}\n\n"
      "[[File:Harbour.jpg|thumb|The harbour]]\n"
      "The [[w:Marlow Harbour Board|harbour board]] met in [[Marlow]] with {{w|Ada Whitlock|the mayor}} "
      "and '''approved''' the budget.<ref>Marlow Gazette</ref>\n\n"
      "== Reaction ==\n\n"
      "Fishermen welcomed it.\n\n"
      "{{archive}}\n")[0];
  CHECK(a.date == "2011-03-03");
  CHECK(a.publisher == "Wikinews");
  REQUIRE(a.blocks.size() >= 3);
  CHECK(a.blocks[0].text == "The harbour board met in Marlow with the mayor and approved the budget.");
  CHECK(a.blocks[1].text == "Reaction");
  CHECK(a.blocks[1].heading);
  bool file_removed = false;
  for (const auto& r : a.removed) file_removed |= r.text.find("File:Harbour.jpg") != std::string::npos;
  CHECK(file_removed);
}

TEST_CASE("wiki markup: a template left open ends at its paragraph, not the article", "[news]") {
  // The damaged form of Wikinews pages: "{{byline|date" runs into the text,
  // and a "}}" two paragraphs later must not close it.
  Article a = ReadWikiMarkup(
      "{{Crime and law}}{{byline|dateThe harbour pilot, 41, was charged on Monday.\n\n"
      "The [[w:Marlow Harbour Board|harbour board]] met on Tuesday.\n\n"
      "{{haveyoursay}}\n{publish}}\n{{archive}}\n")[0];
  REQUIRE(a.blocks.size() >= 2);
  CHECK(a.blocks[0].text == "The harbour pilot, 41, was charged on Monday.");
  CHECK(a.blocks[1].text == "The harbour board met on Tuesday.");
  bool noted = false;
  for (const auto& r : a.removed) noted |= r.text == "unclosed template {{byline|date";
  CHECK(noted);
  // An open link keeps its text.
  CHECK(ReadWikiMarkup("Ships left [[Marlow at dawn.\n")[0].blocks.at(0).text == "Ships left Marlow at dawn.");
}

TEST_CASE("page furniture: navigation bars, photo credits and notes about the page", "[news]") {
  Article a = Plain(
      "Ferry fares rise again\n\n"
      "Programs ------ RADIO ------ Morning Report ------ TV ------ Evening News\n\n"
      "Home | News | Sport | Weather | Contact\n\n"
      "The ferry company raised fares by 8 percent on Monday.\n\n"
      "Commuters wait at the pier \xc2\xa9 Getty Images\n\n"
      "Correction Appended\n");
  CHECK(WasRemoved(a, "boilerplate", "Programs ------"));
  CHECK(WasRemoved(a, "boilerplate", "Home | News"));
  CHECK(WasRemoved(a, "boilerplate", "Getty Images"));
  CHECK(WasRemoved(a, "boilerplate", "Correction Appended"));
  CHECK(a.headline == "Ferry fares rise again");
  REQUIRE(!a.blocks.empty());
  CHECK(a.blocks.back().text == "The ferry company raised fares by 8 percent on Monday.");
  for (const auto& b : a.blocks) {
    CHECK(b.text.find("------") == std::string::npos);
    CHECK(b.text.find(" | ") == std::string::npos);
  }
}

TEST_CASE("HTML: JSON-LD and OpenGraph metadata, the article's text only", "[news]") {
  const std::string html = R"(<!doctype html><html><head>
<title>Ferries - Marlow Gazette</title>
<meta property="og:site_name" content="Marlow Gazette">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Ferry fares rise again","datePublished":"2021-04-06T08:00:00Z",
 "author":[{"@type":"Person","name":"Priya Raman"},{"@type":"Person","name":"Jon Okafor"}],
 "publisher":{"@type":"Organization","name":"Marlow Gazette"}}</script>
</head><body><nav><a href="/">Home</a> Sections</nav>
<article><h1>Ferry fares rise again</h1>
<figure><img src="f.jpg"><figcaption>A ferry at the quay.</figcaption></figure>
<p>The ferry company raised fares by <b>8 percent</b> on Monday.</p>
<script>trackPageView();</script>
<p>Commuters said they would drive instead.</p></article>
<footer>Copyright</footer></body></html>)";
  Article a = ReadHtml(html)[0];
  CHECK(a.headline == "Ferry fares rise again");
  CHECK(a.authors == std::vector<std::string>{"Priya Raman", "Jon Okafor"});
  CHECK(a.date == "2021-04-06T08:00:00Z");
  CHECK(a.publisher == "Marlow Gazette");
  REQUIRE(a.blocks.size() == 3);
  CHECK(a.blocks[1].text == "The ferry company raised fares by 8 percent on Monday.");
  CHECK(a.removed.size() == 1);
  CHECK(a.removed[0].reason == "caption");
}

TEST_CASE("HTML without an article element or metadata falls back to the page", "[news]") {
  Article a = ReadHtml("<html><head><title>Dredging late | Marlow Gazette</title></head>"
                       "<body><div><p>First.</p><p>Second.</p></div></body></html>")[0];
  CHECK(a.headline == "Dredging late");
  CHECK(a.blocks.size() == 2);
}

TEST_CASE("JSON records: one object, an array, or JSON Lines", "[news]") {
  std::string error;
  auto one = ReadJson(R"({"title":"Dredging late","text":"First.\n\nSecond.","date":"2021-04-06",
                         "author":"Priya Raman","url":"https://example.org/a","publisher":"Marlow Gazette"})",
                      &error);
  REQUIRE(one.size() == 1);
  CHECK(error.empty());
  CHECK(one[0].headline == "Dredging late");
  CHECK(one[0].blocks.size() == 2);
  CHECK(one[0].authors == std::vector<std::string>{"Priya Raman"});
  CHECK(one[0].date == "2021-04-06");
  CHECK(one[0].url == "https://example.org/a");
  auto lines = ReadJson("{\"headline\":\"A\",\"body\":\"one\"}\n{\"headline\":\"B\",\"content\":\"two\"}\nnot json\n", &error);
  CHECK(lines.size() == 2);
  CHECK(error == "line 3: not valid JSON");
  error.clear();
  CHECK(ReadJson(R"({"title":"No text here"})", &error).empty());
  CHECK(error.find("no article text") != std::string::npos);
}

TEST_CASE("dates in their usual spellings", "[news]") {
  CHECK(ParseDate("January 6, 2005") == "2005-01-06");
  CHECK(ParseDate("Jan. 6, 2005") == "2005-01-06");
  CHECK(ParseDate("6 January 2005") == "2005-01-06");
  CHECK(ParseDate("2005-01-06") == "2005-01-06");
  CHECK(ParseDate("2005-01-06T10:00:00+01:00") == "2005-01-06T10:00:00+01:00");
  CHECK(ParseDate("December 2004") == "2004-12");
  CHECK(ParseDate("yesterday").empty());
}

TEST_CASE("contributor lines, as written and inside long paragraphs", "[news]") {
  Article a = Plain("Quay reopens\n\nThe quay reopened on Monday.\n\n(Tiantian Zhang contributed to this report.)\n\n"
                    "Kim Ode contributed reporting to this article\n\n"
                    "Some information for this report was provided by AFP, Reuters and AP.\n");
  CHECK(a.contributors == std::vector<std::string>{"Tiantian Zhang", "Kim Ode", "AFP", "Reuters", "AP"});
  // std::regex recursed once per character here: a paragraph of a few tens
  // of kilobytes overflowed the stack. Now it is read like any other.
  std::string long_paragraph;
  while (long_paragraph.size() < (512u << 10)) long_paragraph += "The ferry left Port Ostran at noon with its cargo ";
  Article b = Plain("Quay reopens\n\n" + long_paragraph + "and Ada Whitlock contributed to this report.\n\n" +
                    "Information for this article provided by " + long_paragraph + "\n");
  CHECK(b.contributors.size() == 2);
  CHECK(b.contributors[0] == "Ada Whitlock");
  CHECK(b.contributors[1].size() == long_paragraph.size() - 1);  // trimmed of its last space
  // Lines that only look like one, or run over a line end, are not.
  CHECK(Plain("Title\n\nBody text.\n\nZhang contributed to this report, he said.\n").contributors.empty());
  CHECK(Plain("Title\n\nBody text.\n\nZhang Wei\ncontributed to this report.\n").contributors.empty());
}

TEST_CASE("a long first paragraph is no date, and a date line of any length is read", "[news]") {
  std::string tail;
  while (tail.size() < (256u << 10)) tail += " and more";
  CHECK(ParseDate("January 6, 2005" + tail) == "2005-01-06");
  CHECK(ParseDate("2005-01-06" + tail) == "2005-01-06");
  CHECK(ParseDate("January 6, 2005" + tail + "\nsecond line").empty());
  CHECK(ParseDate(std::string(300u << 10, 'x')).empty());
}

TEST_CASE("wiki headings, and a page of long lines and many references", "[news]") {
  std::string refs;
  for (int i = 0; i < 20000; ++i) refs += "Harbour<ref name=\"a\"/> ";
  std::string long_line(300u << 10, 'x');
  Article a = ReadWikiMarkup("== Reaction ==\n\n=  =\n\n== two\nlines ==\n\n" + refs + "\n\n=" + long_line + "=\n")[0];
  REQUIRE(a.blocks.size() == 4);
  CHECK(a.blocks[0].text == "Reaction");
  CHECK(a.blocks[0].heading);
  CHECK(a.blocks[1].text == "== two\nlines ==");  // a heading is one line
  CHECK_FALSE(a.blocks[1].heading);
  CHECK(a.blocks[2].text.rfind("Harbour Harbour", 0) == 0);
  CHECK(a.blocks[3].text == long_line);
  CHECK(a.blocks[3].heading);
  CHECK(a.removed.size() == 20000);  // every reference recorded
}

TEST_CASE("page furniture run into a long paragraph: only its sentences go, not the article", "[news]") {
  // A page saved as one line: the menu runs into the article.
  Article a = Plain(
      "Marchers ring the harbour\n\n"
      "upload media | post an article | Comment on this article | View comments | Email this feature Harbour News. "
      "More than 4,000 people marched around Marlow harbour on Sunday to protest the new container terminal. "
      "Organisers said 22 people were detained at the gates after they climbed a fence. "
      "The harbour board said the terminal would open in the spring as planned, and that the protest had been peaceful. "
      "Police said the march ended by six in the evening without injuries.\n");
  CHECK(WasRemoved(a, "boilerplate", "upload media | post an article"));
  REQUIRE(!a.blocks.empty());
  const std::string& body = a.blocks.back().text;
  CHECK(body.find("More than 4,000 people marched") == 0);
  CHECK(body.find("without injuries.") != std::string::npos);
  for (const auto& block : a.blocks) CHECK(block.text.find("upload media") == std::string::npos);
  // A caption on a line of its own, no period before it: only the caption goes.
  Article c = Plain(
      "Fleet loses its captain\n\n"
      "Tomas Reyes, the fleet's captain, has been ruled out of the regatta with a wrist injury that has upset the crew\n"
      "Reyes on the quay at dawn \xc2\xa9 Getty Images\n"
      "Tomas Reyes, the fleet's captain, has been ruled out of the regatta with a wrist injury. "
      "He hurt it on Sunday, and his absence forced a late change, with Ana Ruiz coming in at the helm for the first race. "
      "The club said the crew would sail the second race as planned, whatever the weather.\n");
  CHECK(WasRemoved(c, "boilerplate", "Getty Images"));
  REQUIRE(!c.blocks.empty());
  CHECK(c.blocks.back().text.find("has upset the crew") != std::string::npos);
  CHECK(c.blocks.back().text.find("coming in at the helm") != std::string::npos);
  CHECK(c.blocks.back().text.find("Getty") == std::string::npos);
  // A short block with furniture is still removed whole.
  Article b = Plain("Ferry fares rise\n\nPrint this article | Email this article\n\nFares rose 8 percent on Monday.\n");
  CHECK(WasRemoved(b, "boilerplate", "Print this article"));
  REQUIRE(!b.blocks.empty());
  CHECK(b.blocks.back().text == "Fares rose 8 percent on Monday.");
  for (const auto& block : b.blocks) CHECK(block.text.find("Print this") == std::string::npos);
}
