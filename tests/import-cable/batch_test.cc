// A parsed cable as the store receives it: the document, the entities the
// header names and the claims tying them to the passages that state them.
#include <catch2/catch.hpp>

#include <map>

#include "cable_batch.h"
#include "cable_parser.h"
#include "dossier/record.h"
#include "dossier/schema.h"
#include "dossier/text.h"
#include "import-cable/fixtures.h"

using namespace dossier;
namespace fx = dossier::testing::cables;

namespace {

DocumentBatch Build(const std::string& text, const std::string& file_name = "cable") {
  cable::ParseHints hints;
  hints.file_name = file_name;
  return cable::BuildBatch(cable::ParseCable(text, hints), {text, file_name, {}});
}

const ProposedEntity& EntityOf(const DocumentBatch& b, const std::string& key) {
  for (const auto& e : b.entities) {
    if (e.key == key) return e;
  }
  FAIL("no entity " << key);
  return b.entities.front();
}

// "predicate -> object name | quote" for each claim, to compare as a whole.
std::multimap<std::string, std::string> Claims(const DocumentBatch& b) {
  std::multimap<std::string, std::string> out;
  for (const auto& c : b.claims) {
    std::string object = c.object.empty() ? c.value.dump() : EntityOf(b, c.object).name;
    if (c.subject != kThisDocument) object = EntityOf(b, c.subject).name + " -> " + object;
    const std::string quote =
        c.start >= 0 ? b.document.text.substr(static_cast<size_t>(c.start), static_cast<size_t>(c.end - c.start)) : "";
    out.emplace(c.predicate, object + " | " + quote);
  }
  return out;
}

}  // namespace

TEST_CASE("the document: id, kind, title, paragraphs and properties that validate", "[cable][batch]") {
  const DocumentBatch b = Build(fx::kTelegram);
  const Document& d = b.document;
  CHECK(d.id == "doc:08CHENGDU412");
  CHECK(d.kind == "cable");
  CHECK(d.title == "SICHUAN FARMERS WEIGH NEW LAND LEASING RULES AS PROVINCE COURTS INVESTORS");
  CHECK(d.text == fx::kTelegram);
  REQUIRE(d.paragraphs.size() == 6);
  CHECK(d.paragraphs[0].properties == Json{{"number", 1}, {"label", "1"}, {"marking", "C"}});
  CHECK(d.paragraphs[1].properties == Json{{"heading", true}, {"section", "Leasing Rules in Practice"}});
  CHECK(d.paragraphs[4].properties["note"] == "continues after a page break");

  const Json& p = d.properties;
  CHECK(p["reference_id"] == "08CHENGDU412");
  CHECK(p["date_time_group"] == "2008-04-15T10:30:00Z");
  CHECK(p["precedence"] == "PRIORITY");
  CHECK(p["origin"] == "AMCONSUL CHENGDU");
  CHECK(p["origin_routing"] == "RUEHCN");
  CHECK(p["to"] == Json::parse(R"j([{"name":"SECSTATE WASHDC","routing":"RUEHC","precedence":"PRIORITY","serial":"2211"}])j"));
  CHECK(p["info"][2] == Json::parse(R"j({"name":"SECDEF WASHDC","routing":"RUEKJCS","office":"USDP ADMIN"})j"));
  CHECK(p["classification"] == "CONFIDENTIAL");
  CHECK(p["caveats"] == Json{"SIPDIS", "NOFORN"});
  CHECK(p["sections"] == 2);
  CHECK(p["tags"] == Json{"PGOV", "PREL", "EAGR", "SOCI", "ECON", "CH"});
  CHECK(p["refs"][1] == Json::parse(R"j({"label":"B","id":"07CHENGDU1560","text":"07 CHENGDU 1560 (NOTAL)"})j"));
  CHECK(p["refs"][0]["year_inferred"] == true);
  CHECK(p["eo"] == "E.O. 12958: DECL: 04/15/2018");
  CHECK(p["declassify_on"] == "2018-04-15");
  CHECK(p["classified_by"] == Json::parse(R"j({"name":"Harold T. Whitcomb","title":"Consul General","reason":"1.4 (b) and (d)"})j"));
  CHECK(p["signer"] == "WHITCOMB");
  CHECK(p["office_lines"].size() == 2);
  CHECK(p["cable_form"] == "telegram");
  CHECK(p["notes"].size() >= 1);
  CHECK(ValidateProperties(EntityType::kDocument, DocumentRecord(d, false)["properties"]).ok());
}

TEST_CASE("the facts the header states, each with its passage", "[cable][batch]") {
  const DocumentBatch b = Build(fx::kTelegram);
  const std::multimap<std::string, std::string> expected = {
      {"sent_by", "US Consulate General Chengdu | AMCONSUL CHENGDU"},
      {"located_in", "US Consulate General Chengdu -> Chengdu | AMCONSUL CHENGDU"},
      {"addressed_to", "US Department of State | RUEHC/SECSTATE WASHDC PRIORITY 2211"},
      {"copied_to", "China Posts Collective | RUEHOO/CHINA POSTS COLLECTIVE"},
      {"copied_to", "US Embassy Beijing | RUEHBJ/AMEMBASSY BEIJING PRIORITY 1187"},
      {"copied_to", "Office of the Secretary of Defense | RUEKJCS/SECDEF WASHDC//USDP ADMIN//"},
      {"signed_by", "Harold T. Whitcomb | WHITCOMB"},
      {"references", "08CHENGDU398 | CHENGDU 398"},
      {"references", "07CHENGDU1560 | 07 CHENGDU 1560"},
      {"references", "07CHENGDU577 | CHENGDU 577"},
      {"references", "08STATE33127 | STATE 33127"},
      {"tagged", "{\"text\":\"PGOV: Internal Governmental Affairs\"} | PGOV"},
      {"tagged", "{\"text\":\"PREL: External Political Relations\"} | PREL"},
      {"tagged", "{\"text\":\"EAGR: Agriculture and Forestry\"} | EAGR"},
      {"tagged", "{\"text\":\"SOCI: Social Conditions\"} | SOCI"},
      {"tagged", "{\"text\":\"ECON: Economic Conditions\"} | ECON"},
      {"concerns", "China | CH"},
  };
  CHECK(Claims(b) == expected);
  for (const auto& c : b.claims) CHECK(c.time == "2008-04-15");
}

TEST_CASE("the entities: posts in their cities, countries, stubs for referenced cables", "[cable][batch]") {
  const DocumentBatch b = Build(fx::kTelegram);
  std::map<std::string, const ProposedEntity*> by_name;
  for (const auto& e : b.entities) {
    by_name[e.name] = &e;
    if (!e.properties.empty()) CHECK(ValidateProperties(e.type, e.properties).ok());
  }
  const ProposedEntity& post = *by_name.at("US Consulate General Chengdu");
  CHECK(post.type == EntityType::kOrganization);
  CHECK(post.properties == Json{{"kind", "diplomatic_post"}, {"routing_indicator", "RUEHCN"}});
  CHECK(post.aliases == std::vector<std::string>{"AMCONSUL CHENGDU", "Consulate General Chengdu"});
  CHECK(by_name.at("Chengdu")->properties == Json{{"kind", "city"}, {"country", "CN"}});
  CHECK(by_name.at("China")->properties == Json{{"kind", "country"}, {"country", "CN"}});
  CHECK(by_name.at("US Department of State")->properties["kind"] == "government");
  const ProposedEntity& ref = *by_name.at("07CHENGDU577");
  CHECK(ref.type == EntityType::kDocument);
  CHECK(ref.id == "doc:07CHENGDU577");
  // The signer is the consul general who classified it: his full name, with
  // the signature at his post as an alias.
  const ProposedEntity& signer = *by_name.at("Harold T. Whitcomb");
  CHECK(signer.type == EntityType::kPerson);
  CHECK(std::count(signer.aliases.begin(), signer.aliases.end(), "Whitcomb (US Consulate General Chengdu)") == 1);
}

TEST_CASE("mentions mark the names in the header", "[cable][batch]") {
  const DocumentBatch b = Build(fx::kTelegram);
  std::vector<std::string> surfaces;
  for (const auto& m : b.mentions) {
    surfaces.push_back(b.document.text.substr(static_cast<size_t>(m.start), static_cast<size_t>(m.end - m.start)));
  }
  CHECK(surfaces == std::vector<std::string>{"AMCONSUL CHENGDU", "SECSTATE WASHDC", "CHINA POSTS COLLECTIVE",
                                             "AMEMBASSY BEIJING", "SECDEF WASHDC", "WHITCOMB"});
}

TEST_CASE("a website extract: the sender from the classification line, no addressees", "[cable][batch]") {
  const DocumentBatch b = Build(fx::kQuirks, "06XIAMEN55.txt");
  CHECK(b.document.id == "doc:06XIAMEN55");
  CHECK(b.document.title == "Xiamen Port Expands Cold Storage");
  const auto claims = Claims(b);
  CHECK(claims.count("addressed_to") == 0);
  const auto sent = claims.find("sent_by");
  REQUIRE(sent != claims.end());
  CHECK(sent->second == "US Diplomatic Post Xiamen | XIAMEN");
  CHECK(b.document.properties["origin"] == "XIAMEN");
  CHECK(b.document.properties["summary"] == "The port opened a cold store in March.");
}

TEST_CASE("a cable without a year keeps its file name as id and says why", "[cable][batch]") {
  const DocumentBatch b = Build("UNCLAS RIGA 000001\n\nTAGS: PREL\nSUBJECT: NO DATE ANYWHERE\n\n1. Text.\n", "notes about riga");
  CHECK(b.document.id == "doc:notes-about-riga");
  CHECK(b.document.properties.contains("reference_id") == false);
  const auto& notes = b.document.properties["notes"];
  CHECK(std::find(notes.begin(), notes.end(), "the cable states no year, so its reference id is unknown") != notes.end());
}

TEST_CASE("a signer known only by surname is one person within a post, not across posts", "[cable][batch]") {
  auto signer_of = [](const DocumentBatch& b) {
    for (const auto& c : b.claims) {
      if (c.predicate == "signed_by") return EntityOf(b, c.object);
    }
    FAIL("no signed_by claim");
    return b.entities.front();
  };
  auto replace = [](std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
    return text;
  };
  // Classified by someone else, so WHITCOMB is only a surname.
  const std::string chengdu = replace(fx::kTelegram, "Consul General Harold T. Whitcomb", "Deputy Mara Lindqvist");
  const std::string beijing = replace(replace(chengdu, "FM AMCONSUL CHENGDU", "FM AMEMBASSY BEIJING"), "CHENGDU 000412",
                                      "BEIJING 000412");
  const ProposedEntity a = signer_of(Build(chengdu));
  CHECK(a.name == "Whitcomb (US Consulate General Chengdu)");
  CHECK(a.aliases == std::vector<std::string>{"Whitcomb (US Consulate General Chengdu)"});
  CHECK(signer_of(Build(beijing)).name == "Whitcomb (US Embassy Beijing)");
  // Named in full by the classified-by line: the full name, with the
  // post's form as an alias to find (or be found by) the surname-only one.
  const ProposedEntity full = signer_of(Build(fx::kTelegram));
  CHECK(full.name == "Harold T. Whitcomb");
  CHECK(full.aliases == std::vector<std::string>{"Whitcomb (US Consulate General Chengdu)", "Harold T. Whitcomb"});
  for (const auto& alias : full.aliases) CHECK(NormalizeName(alias) != "whitcomb");
}
