// The ftm exporter, checked against FollowTheMoney's published schema: every
// entity's schema and property names exist there (the table below is copied
// from followthemoney/schema/*.yaml: Thing, LegalEntity's Person and
// Organization, Address, Document, Article, PlainText, Mention, Interval,
// Interest, Membership, Employment, UnknownLink, Documentation), every value
// has the property's type (entity references point to an emitted entity of
// the property's range, dates and countries are well-formed), and ids are
// stable across runs.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "export_support.h"

using namespace dossier;
using namespace dossier::testing;

namespace {

struct Prop {
  std::string type;   // FtM property type
  std::string range;  // for entity properties: the schema (or ancestor) referenced
};
using Props = std::map<std::string, Prop>;

Props Thing() {
  return {{"name", {"name", ""}},       {"summary", {"text", ""}},   {"description", {"text", ""}},
          {"country", {"country", ""}}, {"alias", {"name", ""}},     {"previousName", {"name", ""}},
          {"weakAlias", {"string", ""}}, {"sourceUrl", {"url", ""}}, {"publisher", {"string", ""}},
          {"publisherUrl", {"url", ""}}, {"wikidataId", {"identifier", ""}}, {"keywords", {"string", ""}},
          {"topics", {"topic", ""}},   {"address", {"address", ""}}, {"notes", {"text", ""}},
          {"proof", {"entity", "Document"}}, {"modifiedAt", {"date", ""}}, {"retrievedAt", {"date", ""}}};
}
Props Interval() {
  return {{"startDate", {"date", ""}}, {"endDate", {"date", ""}},   {"date", {"date", ""}},
          {"summary", {"text", ""}},   {"description", {"text", ""}}, {"recordId", {"string", ""}},
          {"sourceUrl", {"url", ""}},  {"publisher", {"string", ""}}, {"publisherUrl", {"url", ""}},
          {"modifiedAt", {"date", ""}}, {"retrievedAt", {"date", ""}}};
}
Props Interest() {
  Props p = Interval();
  p["role"] = {"string", ""};
  p["status"] = {"string", ""};
  return p;
}
Props Doc() {
  Props p = Thing();
  for (auto& [k, v] : Props{{"contentHash", {"checksum", ""}}, {"title", {"string", ""}}, {"author", {"string", ""}},
                            {"fileName", {"string", ""}}, {"mimeType", {"mimetype", ""}}, {"language", {"language", ""}},
                            {"date", {"date", ""}}, {"authoredAt", {"date", ""}}, {"publishedAt", {"date", ""}}}) {
    p[k] = v;
  }
  return p;
}

const std::map<std::string, Props>& Schemata() {
  static const std::map<std::string, Props> kSchemata = [] {
    std::map<std::string, Props> s;
    s["Person"] = Thing();
    s["Person"]["nationality"] = {"country", ""};
    s["Person"]["position"] = {"string", ""};
    s["Organization"] = Thing();
    s["Address"] = Interval();
    for (const char* k : {"full", "city", "region", "street", "postalCode"}) s["Address"][k] = {"string", ""};
    s["Address"]["country"] = {"country", ""};
    s["Address"]["latitude"] = {"number", ""};
    s["Address"]["longitude"] = {"number", ""};
    s["Article"] = Doc();
    s["PlainText"] = Doc();
    s["PlainText"]["bodyText"] = {"text", ""};
    // FollowTheMoney 3 (npm @alephdata/followthemoney 3.8): a mention has a
    // name (required) and the schema it was read as.
    s["Mention"] = {{"document", {"entity", "Document"}}, {"resolved", {"entity", "LegalEntity"}},
                    {"name", {"name", ""}},          {"detectedSchema", {"string", ""}},
                    {"contextCountry", {"country", ""}}};
    s["Membership"] = Interest();
    s["Membership"]["member"] = {"entity", "LegalEntity"};
    s["Membership"]["organization"] = {"entity", "Organization"};
    s["Employment"] = Interest();
    s["Employment"]["employee"] = {"entity", "Person"};
    s["Employment"]["employer"] = {"entity", "Organization"};
    s["UnknownLink"] = Interest();
    s["UnknownLink"]["subject"] = {"entity", "Thing"};
    s["UnknownLink"]["object"] = {"entity", "Thing"};
    s["Documentation"] = Interest();
    s["Documentation"]["document"] = {"entity", "Document"};
    s["Documentation"]["entity"] = {"entity", "Thing"};
    return s;
  }();
  return kSchemata;
}

// Whether an entity of schema `schema` may stand where `range` is expected.
bool InRange(const std::string& schema, const std::string& range) {
  static const std::map<std::string, std::set<std::string>> kAncestors = {
      {"Person", {"Person", "LegalEntity", "Thing"}},
      {"Organization", {"Organization", "LegalEntity", "Thing"}},
      {"Article", {"Article", "Document", "Thing"}},
      {"PlainText", {"PlainText", "Document", "Thing"}},
      {"Address", {"Address"}}};
  auto it = kAncestors.find(schema);
  return it != kAncestors.end() && it->second.count(range);
}

std::vector<Json> ReadLines(const std::string& path) {
  std::vector<Json> out;
  for (const auto& line : Lines(ReadFile(path))) out.push_back(Json::parse(line));
  return out;
}

}  // namespace

TEST_CASE("ftm: schemata, property names and types follow FollowTheMoney", "[export][ftm]") {
  ExportFixture f;
  REQUIRE(f.Export("ftm", "out.json").ok());
  const auto entities = ReadLines(f.dir / "out.json");
  std::map<std::string, std::string> schema_of;
  for (const auto& e : entities) {
    REQUIRE(e.at("id").is_string());
    CHECK(std::regex_match(e.at("id").get<std::string>(), std::regex("dossier-[0-9a-f]{40}")));
    CHECK(schema_of.emplace(e.at("id"), e.at("schema")).second);  // ids unique
  }
  const std::regex date("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");
  std::map<std::string, int> count;
  for (const auto& e : entities) {
    const std::string schema = e.at("schema");
    ++count[schema];
    INFO(e.dump());
    REQUIRE(Schemata().count(schema));
    const Props& props = Schemata().at(schema);
    for (const auto& [name, values] : e.at("properties").items()) {
      INFO(name);
      REQUIRE(props.count(name));
      REQUIRE(values.is_array());
      for (const auto& v : values) {
        REQUIRE(v.is_string());
        const std::string s = v;
        CHECK_FALSE(s.empty());
        const Prop& p = props.at(name);
        if (p.type == "entity") {
          REQUIRE(schema_of.count(s));
          CHECK(InRange(schema_of[s], p.range));
        } else if (p.type == "date") {
          CHECK(std::regex_match(s, date));
        } else if (p.type == "country") {
          CHECK(std::regex_match(s, std::regex("[a-z]{2}")));
        } else if (p.type == "url") {
          CHECK(s.rfind("https://", 0) == 0);
        } else if (p.type == "number") {
          CHECK_NOTHROW(std::stod(s));
        }
      }
    }
  }
  CHECK(count["Person"] == 4);
  CHECK(count["Organization"] == 2);
  CHECK(count["Address"] == 1);
  CHECK(count["Article"] == 1);
  CHECK(count["PlainText"] == 1);
  CHECK(count["Mention"] == 6);  // persons' and organizations' mentions; places have no FtM Mention
  CHECK(count["Membership"] == 1);
  CHECK(count["Employment"] == 1);
  CHECK(count["UnknownLink"] == 1);  // "met"

  // The hostile name survives, with proof and the relation's source link.
  for (const auto& e : entities) {
    if (e["schema"] == "Person" && e["properties"]["name"][0] == kFoxName) {
      CHECK(e["properties"]["alias"] == Json::array({"The Fox", "Se\xC3\xA1n\nO'Brien"}));
      CHECK(e["properties"]["proof"].size() == 1);
    }
    if (e["schema"] == "Person" && e["properties"]["name"][0] == "Mara Ellingsen") {
      CHECK(e["properties"]["nationality"] == Json::array({"no"}));
    }
    if (e["schema"] == "Membership") {
      CHECK(e["properties"]["sourceUrl"] == Json::array({"https://news.example.org/harbour?x=1&y=<2>"}));
      CHECK(e["properties"]["status"] == Json::array({"confirmed"}));
      CHECK(e["properties"]["description"][0] == "Mara Ellingsen, who chairs the Northwind Harbour Trust");
    }
  }
}

TEST_CASE("ftm: a mention names what it says and whom it resolved to, a document its file name only", "[export][ftm]") {
  ExportFixture f;
  REQUIRE(f.Export("ftm", "out.json").ok());
  int mentions = 0;
  for (const auto& e : ReadLines(f.dir / "out.json")) {
    if (e["schema"] == "Mention") {
      ++mentions;
      CHECK(e["properties"]["name"].size() == 1);  // required by FollowTheMoney 3
      CHECK(e["properties"]["resolved"].size() == 1);
      const std::string detected = e["properties"]["detectedSchema"][0];
      CHECK((detected == "Person" || detected == "Organization"));
    }
    if (e["schema"] == "PlainText") CHECK(e["properties"]["fileName"] == Json::array({"pier memo.txt"}));
  }
  CHECK(mentions > 0);
  CHECK(ReadFile(f.dir / "out.json").find("/archive/") == std::string::npos);
  // --include-paths: the curator asks for the full path.
  Selection with_paths;
  with_paths.include_paths = true;
  REQUIRE(f.Export("ftm", "paths.json", with_paths).ok());
  CHECK(ReadFile(f.dir / "paths.json").find("\"fileName\":[\"/archive/pier memo.txt\"]") != std::string::npos);
}

TEST_CASE("ftm: ids are deterministic", "[export][ftm]") {
  ExportFixture f;
  REQUIRE(f.Export("ftm", "a.json").ok());
  ExportFixture g;
  REQUIRE(g.Export("ftm", "b.json").ok());
  CHECK(ReadFile(f.dir / "a.json") == ReadFile(g.dir / "b.json"));
}
