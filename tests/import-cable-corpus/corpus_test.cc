// The cable importer on the real cables in ../shared/corpus (skipped where
// the corpus is absent): every file imports, none holding a cable is refused
// or left to the plain-text importer, and the fields of cables checked by hand
// against their text come out right.
// Its own main: skip (exit 77) before Catch runs when the corpus is absent.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
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

// One store with the three cable folders imported, shared by the test cases
// (importing a thousand cables once is enough).
struct Corpus {
  dossier::testing::TempDir dir;
  std::unique_ptr<Store> store;
  PluginHost host;
  ImportSummary summary;

  Corpus() {
    StoreOptions options;
    options.create_if_missing = true;
    store = std::move(Store::Open(dir / "corpus.db", options)).value();
    host.LoadDefault();
    const std::string root = dossier::testing::CorpusDir();
    Pipeline p(*store, host, Actor{"test:corpus"});
    summary = p.Import({root + "/cables", root + "/cablegate-sample", root + "/seeds/002_a451d78a1c05f3da.txt"}, {})
                  .value();
  }
};

Corpus& Shared() {
  static Corpus corpus;
  return corpus;
}

Document Doc(const std::string& id) {
  auto d = Shared().store->GetDocument(id);
  INFO(id);
  REQUIRE(d.ok());
  return std::move(d).value();
}

// The names of the claim's objects (or values) of a predicate, and their quotes.
std::vector<std::string> Objects(const std::string& doc, const std::string& predicate, bool with_quote = false) {
  ClaimFilter f;
  f.document = doc;
  f.predicate = predicate;
  std::vector<std::string> out;
  const std::vector<Claim> claims = Shared().store->ListClaims(f).value();
  for (const Claim& c : claims) {
    std::string what = c.object.empty() ? c.value["text"].get<std::string>() : Shared().store->GetEntity(c.object)->name;
    if (with_quote) what += " | " + c.source.quote;
    out.push_back(what);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Names(const Json& addressees) {
  std::vector<std::string> out;
  for (const auto& a : addressees) out.push_back(a["name"]);
  return out;
}

std::vector<std::string> RefIds(const Json& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r["id"]);
  return out;
}

// The document's one signed_by claim names a person the store knows under
// this name, as its name or an alias (which came first depends on import order).
bool SignedBy(const std::string& doc, const std::string& name) {
  ClaimFilter f;
  f.document = doc;
  f.predicate = "signed_by";
  const std::vector<Claim> claims = Shared().store->ListClaims(f).value();
  if (claims.size() != 1) return false;
  auto person = Shared().store->GetEntity(claims[0].object);
  if (!person.ok() || person->type != EntityType::kPerson) return false;
  if (NormalizeName(person->name) == NormalizeName(name)) return true;
  for (const auto& a : person->aliases) {
    if (NormalizeName(a.name) == NormalizeName(name)) return true;
  }
  return false;
}

bool HasNote(const Document& d, const std::string& part) {
  for (const auto& n : d.properties.value("notes", Json::array())) {
    if (n.get<std::string>().find(part) != std::string::npos) return true;
  }
  return false;
}

std::string Para(const Document& d, size_t i) {
  REQUIRE(i < d.paragraphs.size());
  return d.text.substr(static_cast<size_t>(d.paragraphs[i].start), static_cast<size_t>(d.paragraphs[i].end - d.paragraphs[i].start));
}

}  // namespace

int main(int argc, char* argv[]) {
  dossier::testing::SkipWithoutCorpus();
  return Catch::Session().run(argc, argv);
}

TEST_CASE("the corpus imports whole", "[corpus]") {
  SECTION("every file imports; every file holding a cable is read as one") {
    const ImportSummary& s = Shared().summary;
    CHECK(s.failed == 0);
    std::map<std::string, int> by_importer;
    for (const FileReport& f : s.files) {
      INFO(f.path << ": " << f.reason);
      CHECK(f.outcome != FileReport::Outcome::kFailed);
      ++by_importer[f.importer];
      if (f.importer == "cable") continue;
      // What the cable importer leaves to others must hold no cable: the
      // sample's 50 pages that only say "Appears in these articles:".
      std::ifstream in(f.path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      CHECK(ss.str() == "Appears in these articles:<br />\n");
    }
    CHECK(by_importer["cable"] == 26 + 994 + 1);
    CHECK(by_importer["text"] == 50);
    // Each cable file became exactly one document of kind cable.
    for (const FileReport& f : s.files) {
      if (f.importer != "cable") continue;
      INFO(f.path);
      REQUIRE(f.documents.size() == 1);
      CHECK(Doc(f.documents[0]).kind == "cable");
    }
  }
  SECTION("the same post across the corpus is one organization") {
    EntityFilter f;
    f.type = EntityType::kOrganization;
    f.name_contains = "Embassy New Delhi";
    const auto found = Shared().store->ListEntities(f).value();
    REQUIRE(found.size() == 1);
    ClaimFilter sent;
    sent.about = found[0].id;
    sent.predicate = "sent_by";
    // Six telegrams in cables/ and the sample's New Delhi cables were sent by it.
    CHECK(Shared().store->ListClaims(sent)->size() >= 6 + 18);
  }
}

// One test case, one section per cable: ctest runs each test case in a
// process of its own, and each process imports the corpus once.
TEST_CASE("cables checked by hand against their text, field by field", "[corpus]") {
  SECTION("the seed cable from Guangzhou") {
    const Document d = Doc("doc:06GUANGZHOU32397");
    const Json& p = d.properties;
    CHECK(p["reference_id"] == "06GUANGZHOU32397");
    CHECK(p["date_time_group"] == "2006-12-13T09:14:00Z");
    CHECK(p["precedence"] == "PRIORITY");
    CHECK(p["origin"] == "AMCONSUL GUANGZHOU");
    CHECK(p["origin_routing"] == "RUEHGZ");
    CHECK(Names(p["to"]) == std::vector<std::string>{"SECSTATE WASHDC"});
    CHECK(p["to"][0]["routing"] == "RUEHC");
    CHECK(p["to"][0]["serial"] == "5570");
    CHECK(Names(p["info"]) == std::vector<std::string>{"CHINA POSTS COLLECTIVE", "USDOC WASHDC", "CIA WASHDC", "DIA WASHDC",
                                                       "HQ USPACOM HONOLULU HI"});
    CHECK(p["classification"] == "UNCLASSIFIED");
    CHECK(p["caveats"] == Json{"SIPDIS", "SENSITIVE"});
    CHECK(p["tags"] == Json{"ETRD", "ECON", "BEXP", "CH"});
    CHECK(p["subject"] == "Guangzhou CCPIT Told by Beijing to Increase U.S. Exports to China");
    CHECK(d.title == "Guangzhou CCPIT Told by Beijing to Increase U.S. Exports to China");
    CHECK(RefIds(p["refs"]) == std::vector<std::string>{"06GUANGZHOU31300"});
    CHECK(p["signer"] == "GOLDBERG");
    CHECK(p["eo"] == "E.O. 12958: N/A");
    CHECK(p["office_lines"] == Json{"USDOC FOR 4420/ITA/MAC/MCQUEEN, DAS LEVINE", "PACOM FOR FPA"});
    // Paragraphs ¶1 to ¶4, then one typed "15." that is paragraph 5.
    std::vector<int> numbers;
    for (const auto& para : d.paragraphs) {
      if (para.properties.contains("number")) numbers.push_back(para.properties["number"]);
    }
    CHECK(numbers == std::vector<int>{1, 2, 3, 4, 5});
    CHECK(HasNote(d, "a paragraph numbered \"15.\" after paragraph 4 is read as paragraph 5"));
    CHECK(p["summary"].get<std::string>().rfind("In a December 11 meeting with the Foreign Commercial Service", 0) == 0);

    CHECK(Objects(d.id, "sent_by", true) == std::vector<std::string>{"US Consulate General Guangzhou | AMCONSUL GUANGZHOU"});
    CHECK(Objects(d.id, "addressed_to") == std::vector<std::string>{"US Department of State"});
    CHECK(Objects(d.id, "copied_to") ==
          std::vector<std::string>{"Central Intelligence Agency", "China Posts Collective", "Defense Intelligence Agency",
                                   "US Department of Commerce", "US Pacific Command"});
    // Guangzhou's Goldberg, not the sample's other signer of that surname.
    CHECK(Objects(d.id, "signed_by", true) == std::vector<std::string>{"Goldberg (US Consulate General Guangzhou) | GOLDBERG"});
    CHECK(Objects(d.id, "references", true) == std::vector<std::string>{"06GUANGZHOU31300 | Guangzhou 31300"});
    CHECK(Objects(d.id, "concerns", true) == std::vector<std::string>{"China | CH"});
    CHECK(Objects(d.id, "tagged") == std::vector<std::string>{"BEXP: Trade Expansion and Promotion",
                                                              "ECON: Economic Conditions", "ETRD: Foreign Trade"});
    auto post = Shared().store->Resolve("US Consulate General Guangzhou", EntityType::kOrganization);
    REQUIRE(post.ok());
    ClaimFilter located;
    located.about = *post;
    located.predicate = "located_in";
    const auto in = Shared().store->ListClaims(located).value();
    REQUIRE(!in.empty());
    CHECK(Shared().store->GetEntity(in[0].object)->name == "Guangzhou");
    CHECK(Doc("doc:06GUANGZHOU31300").kind == "stub");
  }

  SECTION("a raw telegram from New Delhi with 24 INFO addressees") {
    const Document d = Doc("doc:06NEWDELHI5135");
    const Json& p = d.properties;
    CHECK(p["date_time_group"] == "2006-07-21T07:22:00Z");
    CHECK(p["precedence"] == "IMMEDIATE");
    CHECK(p["origin"] == "AMEMBASSY NEW DELHI");
    CHECK(p["to"][0] == Json::parse(R"j({"name":"SECSTATE WASHDC","routing":"RUEHC","precedence":"IMMEDIATE","serial":"6818"})j"));
    CHECK(p["info"].size() == 24);
    CHECK(p["info"][0] == Json::parse(R"j({"name":"AMEMBASSY BEIJING","routing":"RUEHBJ","serial":"3078"})j"));
    CHECK(p["info"][23]["name"] == "NSC WASHDC");
    CHECK(p["classification"] == "CONFIDENTIAL");
    CHECK(p["sections"] == 8);
    CHECK(p["declassify_on"] == "2016-07-11");
    CHECK(p["tags"] == Json{"PREL", "PGOV", "PTER", "PINR", "IN"});
    CHECK(p["subject"] == "INDIA'S NATIONAL SECURITY ADVISORY BOARD: ADVISING THE ADVISORS");
    CHECK(p["office_lines"] == Json{"STATE FOR INR/B"});
    CHECK(p["classified_by"] == Json::parse(R"j({"name":"Jon Dorschner","title":"A/PolCouns","reason":"1.4 (B, D)"})j"));
    CHECK(p["signer"] == "PYATT");
    CHECK(p["summary"].get<std::string>().rfind("The National Security Advisory Board -- populated by civilians", 0) == 0);
    CHECK(Objects(d.id, "sent_by") == std::vector<std::string>{"US Embassy New Delhi"});
    CHECK(Objects(d.id, "copied_to").size() == 24);
    CHECK(Objects(d.id, "concerns") == std::vector<std::string>{"India"});
    // Page-break lines ("NEW DELHI 00005135  002 OF 008") are in no paragraph.
    for (size_t i = 0; i < d.paragraphs.size(); ++i) CHECK(Para(d, i).find("00005135") == std::string::npos);
  }

  SECTION("Bogota: a summary under a heading, an addressee with an office") {
    const Document d = Doc("doc:07BOGOTA1232");
    const Json& p = d.properties;
    CHECK(p["date_time_group"] == "2007-02-21T23:31:00Z");
    CHECK(p["classified_by"] == Json::parse(R"j({"name":"John S. Creamer","title":"Political Counselor","reason":"1.4 (b) and (d)"})j"));
    CHECK(p["tags"] == Json{"PGOV", "PREL", "PTER", "MARR", "CO"});
    CHECK(p["subject"] == "A/S SHANNON MEETS WITH DEFENSE MINISTER SANTOS ON JANUARY 30");
    CHECK(p["info"].back() == Json::parse(R"j({"name":"SECDEF WASHDC","routing":"RUEKJCS","office":"USDP ADMIN/CHAIRS"})j"));
    CHECK(p["summary"].get<std::string>().rfind("Defense Minister Juan Manuel Santos told WHA A/S", 0) == 0);
    CHECK(p["signer"] == "DRUCKER");
    CHECK(Objects(d.id, "concerns") == std::vector<std::string>{"Colombia"});
  }

  SECTION("Kingston: a TO line without a routing indicator") {
    const Document d = Doc("doc:07KINGSTON382");
    const Json& p = d.properties;
    CHECK(p["to"] == Json::parse(R"j([{"name":"SECSTATE WASHDC","precedence":"PRIORITY","serial":"4496"}])j"));
    CHECK(p["classification"] == "UNCLASSIFIED");
    CHECK(p["office_lines"] == Json{"WHA/CAR FOR RANDALL BUDDEN"});
    CHECK(p["tags"] == Json{"PGOV", "PHUM", "JM"});
    CHECK(p["subject"] == "REQUEST FOR HUMAN RIGHTS VETTING FOR US IMET IS 26 MARCH 2007");
    CHECK(p["signer"] == "JOHNSON");
    CHECK(Objects(d.id, "sent_by") == std::vector<std::string>{"US Embassy Kingston"});
  }

  SECTION("UNVIE Vienna: a mission, REF items of its own post, two-line office lines") {
    const Document d = Doc("doc:09UNVIEVIENNA279");
    const Json& p = d.properties;
    CHECK(p["origin"] == "USMISSION UNVIE VIENNA");
    CHECK(Names(p["to"]) == std::vector<std::string>{"SECSTATE WASHDC", "DOE WASHDC", "NRC WASHDC"});
    CHECK(p["caveats"] == Json{"SENSITIVE", "SIPDIS"});
    CHECK(RefIds(p["refs"]) == std::vector<std::string>{"09UNVIEVIENNA109", "09UNVIEVIENNA201"});
    CHECK(p["refs"][1]["label"] == "B");
    CHECK(p["office_lines"] ==
          Json{"FOR ISN, IO; DOE FOR NA-24, NA-25, NA-21; NSC FOR SCHEINMAN, CONNERY; NRC FOR DOANE, SCHWARTZMAN"});
    CHECK(p["tags"] == Json{"AORC", "PREL", "KNNP", "IAEA", "UN"});
    CHECK(p["signer"] == "SCHULTE");
    CHECK(Objects(d.id, "sent_by") == std::vector<std::string>{"US Mission to the UN Agencies in Vienna"});
    CHECK(Objects(d.id, "addressed_to") ==
          std::vector<std::string>{"US Department of Energy", "US Department of State", "US Nuclear Regulatory Commission"});
  }

  SECTION("USEU Brussels: the old INFO LOG header and an addressee without routing") {
    const Document d = Doc("doc:09USEUBRUSSELS1177");
    const Json& p = d.properties;
    CHECK(p["date_time_group"] == "2009-08-25T15:50:00Z");
    CHECK(p["precedence"] == "ROUTINE");
    CHECK(p["origin"] == "USEU BRUSSELS");
    CHECK(Names(p["to"]) == std::vector<std::string>{"SECSTATE WASHDC", "US CUSTOMS AND BORDER PROTECTION WASHINGTON DC"});
    CHECK(p["tags"] == Json{"OTRA", "AORC", "CTM", "SCCC"});
    CHECK(p["subject"] == "World Customs Organization (WCO) Establishment of Counterfeiting and Piracy (CAP) Group");
    CHECK(p["summary"].get<std::string>().rfind("The World Customs Organization (WCO) Council, made up of", 0) == 0);
    CHECK(p["signer"] == "Murray");
    CHECK(Objects(d.id, "sent_by") == std::vector<std::string>{"US Mission to the European Union"});
    CHECK(Objects(d.id, "addressed_to") ==
          std::vector<std::string>{"US Customs and Border Protection", "US Department of State"});
  }

  SECTION("Brasilia: a Cablegate page with no date, a COMMENT paragraph") {
    const Document d = Doc("doc:03BRASILIA1066");
    const Json& p = d.properties;
    CHECK(p["cable_form"] == "website");
    CHECK(d.text.find("<a ") == std::string::npos);
    CHECK(HasNote(d, "year is taken from the file name"));
    CHECK(p["classification"] == "UNCLASSIFIED");
    CHECK(p["caveats"] == Json{"SIPDIS", "SENSITIVE"});
    CHECK(p["office_lines"] == Json{"USTR FOR RSMITH, SCRONIN"});
    CHECK(p["tags"] == Json{"ETRD", "BR", "FTAA"});
    CHECK(d.paragraphs.size() == 9);
    CHECK(d.paragraphs[4].properties["marking"] == "SBU");
    CHECK(p["comment"].get<std::string>().rfind("Comments Tovar made suggest that the proposal", 0) == 0);
    CHECK(p["signer"] == "HRINAK");
    CHECK(Objects(d.id, "sent_by", true) == std::vector<std::string>{"US Embassy Brasilia | BRASILIA"});
    CHECK(Objects(d.id, "tagged") == std::vector<std::string>{"ETRD: Foreign Trade", "FTAA: Free Trade Area of the Americas"});
  }

  SECTION("The Hague: the page's metadata lists a REF cable with its year") {
    const Document d = Doc("doc:06THEHAGUE1510");
    const Json& p = d.properties;
    CHECK(p["origin"] == "Embassy The Hague");
    CHECK(RefIds(p["refs"]) == std::vector<std::string>{"06STATE78495", "06THEHAGUE814", "06THEHAGUE1415"});
    CHECK(p["refs"][0].contains("year_inferred") == false);
    CHECK(p["refs"][1]["year_inferred"] == true);
    CHECK(p["tags"] == Json{"SNAR", "KCRM", "PINS", "PREL", "NL"});
    CHECK(p["office_lines"].size() == 6);
    CHECK(p["signer"] == "ARNALL");
  }

  SECTION("Shenyang: a newspaper copy with a date line, years in the REF items") {
    const Document d = Doc("doc:10SHENYANG5");
    const Json& p = d.properties;
    CHECK(p["published"] == "2010-01-11T02:51:00Z");
    CHECK(p["classification"] == "SECRET");
    CHECK(p["sections"] == 2);
    CHECK(RefIds(p["refs"]) == std::vector<std::string>{"10SHENYANG3", "09SHENYANG167"});
    CHECK(p["eo"] == "EO 12958 DECL: TEN YEARS AFTER KOREAN UNIFICATION");
    CHECK(p.contains("declassify_on") == false);
    CHECK(p["classified_by"] == Json::parse(R"j({"name":"Stephen B. Wickman","title":"Consul General","reason":"1.4 (b) an d (d)"})j"));
    CHECK(p["signer"] == "WICKMAN");
    // The signer is the consul general who classified the cable.
    CHECK(SignedBy(d.id, "Stephen B. Wickman"));
    CHECK(Objects(d.id, "sent_by") == std::vector<std::string>{"US Consulate General Shenyang"});
  }

  SECTION("Shanghai: REF items with (NOTAL) and a stated year, classified by with a comma") {
    const Document d = Doc("doc:09SHANGHAI170");
    const Json& p = d.properties;
    CHECK(RefIds(p["refs"]) == std::vector<std::string>{"09BEIJING518", "09SHANGHAI70", "08SHANGHAI428"});
    CHECK(p["refs"][0]["text"] == "BEIJING 518 (NOTAL)");
    CHECK(p["declassify_on"] == "2034-04-15");
    CHECK(p["classified_by"]["name"] == "Christopher Beede");
    CHECK(p["classified_by"]["title"] == "Pol/Econ Section Chief, U.S. Consulate, Shanghai, U.S. Department of State");
    CHECK(p["classified_by"]["reason"] == "1.4 (b), (d), (e)");
    CHECK(p["subject"] == "CHINA'S GROWING TRADE AND INVESTMENT TIES WITH LATIN AMERICA: VIEWS FROM SHANGHAI");
    CHECK(p["signer"] == "CAMP");
    CHECK(Objects(d.id, "concerns") == std::vector<std::string>{"China"});
    // Regional tags are kept, without a meaning.
    const auto tagged = Objects(d.id, "tagged");
    CHECK(std::count(tagged.begin(), tagged.end(), "XM") == 1);
  }

  SECTION("Beijing: a misspelt caveat and a REF with a zero-padded serial") {
    const Document d = Doc("doc:08BEIJING3899");
    const Json& p = d.properties;
    CHECK(p["caveats"] == Json{"SIPDIS", "SENSITIVE"});
    CHECK(HasNote(d, "caveat \"ENSITIVE\" read as SENSITIVE"));
    CHECK(RefIds(p["refs"]) == std::vector<std::string>{"08BEIJING3888"});
    CHECK(p["subject"] == "China's SAFE Cautious about U.S. Lending");
    CHECK(p["office_lines"] == Json{"FOR EAP/CM PAMELA PARK", "TREASURY FR OASIA/WINSHIP"});
    CHECK(p["signer"] == "PICCUTA");
  }

  SECTION("The Hague: a page that pastes a cables.csv row before the full cable") {
    const Document d = Doc("doc:07THEHAGUE1729");
    const Json& p = d.properties;
    CHECK(p["date_time_group"] == "2007-09-19T16:13:00Z");
    CHECK(p["origin"] == "AMEMBASSY THE HAGUE");
    CHECK(Names(p["to"]) == std::vector<std::string>{"SECSTATE WASHDC"});
    CHECK(p["info"].size() == 9);
    CHECK(p["classification"] == "SECRET");
    CHECK(RefIds(p["refs"]) == std::vector<std::string>{"07THEHAGUE1625"});
    CHECK(p["refs"][0].contains("year_inferred") == false);  // confirmed by the row's references column
    CHECK(p["subject"] == "NETHERLANDS/AFGHANISTAN: DESPERATELY SEEKING SOMEONE...");
    CHECK(p["tags"] == Json{"PGOV", "PREL", "NATO", "AF", "NL"});
    CHECK(HasNote(d, "shortened copy"));
    CHECK(SignedBy(d.id, "Roland Arnall"));
  }

  SECTION("Ankara: a copy that lost its line ends, in capitals") {
    const Document d = Doc("doc:02ANKARA8305");
    const Json& p = d.properties;
    CHECK(p["published"] == "2002-11-15T12:40:00Z");
    CHECK(p["classification"] == "SECRET");
    CHECK(p["sections"] == 5);
    CHECK(p["office_lines"] == Json{"S/CT FOR REAP"});
    CHECK(p["declassify_on"] == "2012-11-14");
    CHECK(p["tags"] == Json{"PTER", "TU"});
    CHECK(p["classified_by"] == Json::parse(R"j({"name":"ROBERT S. DEUTSCH","title":"DCM","reason":"1.5 (B) AND (D)"})j"));
    CHECK(HasNote(d, "the classified-by line is in paragraph 1"));
    CHECK(p["all_caps"] == true);
    CHECK(p["signer"] == "PEARSON");
    CHECK(HasNote(d, "runs into the last paragraph"));
  }

  SECTION("Islamabad: SUBJECT and REF run together, four lettered REF items") {
    const Document d = Doc("doc:06ISLAMABAD22025");
    const Json& p = d.properties;
    CHECK(p["subject"] == "INTERIOR MINISTER SHERPAO ON HIGH PROFILE TERROR CASES, IPR AND MISSING AMCIT");
    CHECK(RefIds(p["refs"]) ==
          std::vector<std::string>{"06ISLAMABAD21222", "06PESHAWAR653", "06ISLAMABAD21882", "06ISLAMABAD16421"});
    CHECK(p["caveats"] == Json{"SIPDIS", "NOFORN"});
    CHECK(p["classified_by"]["name"] == "Ryan C. Crocker");
    CHECK(SignedBy(d.id, "Ryan C. Crocker"));
  }

  SECTION("New Delhi: TAGS wrapped with commas, a stray paragraph number") {
    const Document d = Doc("doc:06NEWDELHI5237");
    const Json& p = d.properties;
    CHECK(p["tags"] == Json{"KACT", "KNNP", "KSTC", "MNUC", "PARM", "PGOV", "PINR", "PINS", "PREF", "PREL", "IN", "IR"});
    CHECK(RefIds(p["refs"]) == std::vector<std::string>{"06STATE119436"});
    CHECK(p["refs"][0]["text"] == "SECSTATE 119436");
    CHECK(HasNote(d, "a paragraph numbered \"24.\" between paragraphs 2 and 3 is out of sequence"));
    CHECK(Objects(d.id, "concerns") == std::vector<std::string>{"India", "Iran"});
  }
}

