// The html export in a real browser: headless Chromium opens the site built
// from the fixture store, the search box finds a person (index.html?q=...
// runs the same handler typing does), the person's page shows the claims and
// the neighbour graph; on the site of the bundled examples it takes
// screenshots of the index, a person, a cable and a search, saved in the
// build tree (export-browser/*.png) to be looked at. Without Chromium the
// test says why and exits 77, which ctest reports as skipped.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "export_support.h"

using namespace dossier;
using namespace dossier::testing;
namespace fs = std::filesystem;

namespace {

std::string Chromium() {
  if (const char* env = std::getenv("DOSSIER_CHROMIUM")) return env;
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (access(p, X_OK) == 0) return p;
  }
  return "";
}

std::vector<std::string> Browser(const std::string& profile, std::vector<std::string> args) {
  std::vector<std::string> argv = {Chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                   "--user-data-dir=" + profile, "--virtual-time-budget=5000"};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

// The DOM after scripts ran, parsed.
std::unique_ptr<Xml> DumpDom(const TempDir& dir, const std::string& url, const std::string& name) {
  RunResult r = Run(Browser(dir / "profile", {"--dump-dom", url}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  WriteFile(dir / name, r.out);
  return std::make_unique<Xml>(dir / name, true);
}

uint32_t Be32(const std::string& s, size_t at) {
  return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) | (uint32_t(uint8_t(s[at + 2])) << 8) |
         uint8_t(s[at + 3]);
}

// A screenshot of url, width x height, saved as export-browser/<name>.png;
// checks it is a PNG of that size with something drawn on it.
void Screenshot(const TempDir& dir, const std::string& url, const std::string& name, int width, int height) {
  const std::string shots = DOSSIER_SCREENSHOT_DIR;
  fs::create_directories(shots);
  const std::string png = shots + "/" + name + ".png";
  fs::remove(png);
  RunResult r = Run(Browser(dir / "profile", {"--window-size=" + std::to_string(width) + "," + std::to_string(height),
                                              "--screenshot=" + png, url}));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string image = ReadFile(png);
  REQUIRE(image.size() > 20000);  // a blank page of this size compresses to a few kilobytes
  CHECK(image.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  CHECK(Be32(image, 16) == static_cast<uint32_t>(width));  // IHDR
  CHECK(Be32(image, 20) == static_cast<uint32_t>(height));
  std::cout << "screenshot: " << png << "\n";
}

void NeedChromium() {
  if (Chromium().empty()) {
    std::cout << "SKIPPED: no Chromium (/usr/bin/chromium, apt-get install chromium, or set DOSSIER_CHROMIUM)\n";
    std::exit(77);
  }
}

}  // namespace

TEST_CASE("browser: search finds a person, the person's page shows claims and graph", "[export][browser]") {
  NeedChromium();
  ExportFixture f;
  REQUIRE(f.Export("html", "site").ok());
  const std::string site = "file://" + (f.dir / "site");

  auto found = DumpDom(f.dir, site + "/index.html?q=ellingsen", "found.html");
  CHECK(found->Strings("//input[@id='q']/@value").empty());  // value is set by script, not markup
  CHECK(found->Strings("//ul[@id='results']/li/a/@href") == std::vector<std::string>{"e/person_mara-ellingsen.html"});
  CHECK(found->Strings("//ul[@id='results']/li/a") == std::vector<std::string>{"Mara Ellingsen"});
  CHECK(found->Strings("//p[@id='count']") == std::vector<std::string>{"1 match"});

  // Accents folded, hostile names shown as text, right-to-left names found by alias.
  auto fox = DumpDom(f.dir, site + "/index.html?q=sean%20fox", "fox.html");
  CHECK(fox->Strings("//ul[@id='results']/li/a") == std::vector<std::string>{kFoxName});
  auto layla = DumpDom(f.dir, site + "/index.html?q=layla", "layla.html");
  CHECK(layla->Strings("//ul[@id='results']/li/a") == std::vector<std::string>{kLaylaName});
  auto none = DumpDom(f.dir, site + "/index.html?q=zzzz", "none.html");
  CHECK(none->Count("//ul[@id='results']/li") == 0);
  CHECK(none->Strings("//p[@id='count']") == std::vector<std::string>{"0 matches"});

  auto mara = DumpDom(f.dir, site + "/e/person_mara-ellingsen.html", "mara.html");
  CHECK(mara->Count("//section[@id='claims']/article") == 2);  // member_of (confirmed), met
  CHECK(mara->Count("//section[@id='claims']//blockquote") == 2);
  CHECK(mara->Count("//svg[@class='graph']") == 1);
  CHECK(mara->Count("//svg[@class='graph']//circle") == 6);  // Mara and five neighbours

  Screenshot(f.dir, site + "/e/person_mara-ellingsen.html", "mara-ellingsen", 1200, 1600);
}

TEST_CASE("browser: the examples site, its index, a person, a cable and a search, as screenshots", "[export][browser]") {
  NeedChromium();
  TempDir dir;
  const std::string site = "file://" + BuildExamplesSite(dir);
  auto search = DumpDom(dir, site + "/index.html?q=tacoma", "search.html");
  CHECK(search->Count("//ul[@id='results']/li") >= 3);  // the city, the stories' documents
  Screenshot(dir, site + "/index.html", "index", 1200, 1500);
  Screenshot(dir, site + "/e/person_elena-vasquez.html", "person", 1200, 1500);
  Screenshot(dir, site + "/d/doc_24CHENGDU455.html", "cable", 1200, 1500);
  Screenshot(dir, site + "/index.html?q=tacoma", "search", 1200, 900);
  Screenshot(dir, site + "/list/person-1.html", "people", 1200, 1200);
}
