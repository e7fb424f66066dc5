// Cables imported through the pipeline with the real plugins, as `dossier
// import` runs them: REF stubs filled in later, re-imports that change
// nothing, one organization per post across cables, cables.csv rows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "dossier/pipeline.h"
#include "import-cable/fixtures.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::DumpStore;
using dossier::testing::TempDir;
using dossier::testing::WriteFile;
namespace fx = dossier::testing::cables;

namespace {

const Actor kActor{"test:cable"};

struct Fixture {
  TempDir dir;
  std::string db = dir / "store.db";
  std::unique_ptr<Store> store;
  PluginHost host;

  Fixture() {
    StoreOptions options;
    options.create_if_missing = true;
    store = std::move(Store::Open(db, options)).value();
    host.LoadDefault();
    REQUIRE(host.errors().empty());
    REQUIRE(host.FindImporter("cable") != nullptr);
  }

  ImportSummary Import(const std::vector<std::string>& paths) {
    Pipeline p(*store, host, kActor);
    auto r = p.Import(paths, {});
    REQUIRE(r.ok());
    return std::move(r).value();
  }

  std::vector<Claim> ClaimsOf(const std::string& doc, const std::string& predicate) {
    ClaimFilter f;
    f.document = doc;
    f.predicate = predicate;
    return store->ListClaims(f).value();
  }
};

// A second cable from the post of fx::kTelegram, referring to it.
const std::string kFollowUp =
    "VZCZCXRO5120\n"
    "RR RUEHCN\n"
    "DE RUEHCN #0430 1100815\n"
    "ZNR UUUUU ZZH\n"
    "R 190815Z APR 08\n"
    "FM AMCONSUL CHENGDU\n"
    "TO RUEHC/SECSTATE WASHDC 2230\n"
    "UNCLAS CHENGDU 000430 \n"
    " \n"
    "E.O. 12958: N/A \n"
    "TAGS: EAGR CH \n"
    "SUBJECT: SICHUAN LAND LEASING: FOLLOW-UP \n"
    " \n"
    "REF: CHENGDU 412 \n"
    " \n"
    "1. Two more counties adopted the leasing rules. \n"
    " \n"
    "WHITCOMB \n";

}  // namespace

TEST_CASE("a referenced cable is a stub until it is imported, then it fills in", "[cable][pipeline]") {
  Fixture f;
  WriteFile(f.dir / "08CHENGDU430.txt", kFollowUp);
  ImportSummary first = f.Import({f.dir / "08CHENGDU430.txt"});
  REQUIRE(first.files.size() == 1);
  CHECK(first.files[0].importer == "cable");
  CHECK(first.files[0].documents == std::vector<std::string>{"doc:08CHENGDU430"});

  auto stub = f.store->GetDocument("doc:08CHENGDU412");
  REQUIRE(stub.ok());
  CHECK(stub->kind == "stub");
  const auto refs = f.ClaimsOf("doc:08CHENGDU430", "references");
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].object == "doc:08CHENGDU412");
  CHECK(refs[0].source.quote == "CHENGDU 412");

  WriteFile(f.dir / "08CHENGDU412.txt", fx::kTelegram);
  f.Import({f.dir / "08CHENGDU412.txt"});
  auto full = f.store->GetDocument("doc:08CHENGDU412");
  REQUIRE(full.ok());
  CHECK(full->kind == "cable");
  CHECK(full->title == "SICHUAN FARMERS WEIGH NEW LAND LEASING RULES AS PROVINCE COURTS INVESTORS");
  CHECK(full->text == fx::kTelegram);
  CHECK(full->properties["importer"] == "cable");
  // The claim still points at the same document, now whole.
  CHECK(f.ClaimsOf("doc:08CHENGDU430", "references")[0].object == "doc:08CHENGDU412");
}

TEST_CASE("the same post in two cables is one organization, in one place", "[cable][pipeline]") {
  Fixture f;
  WriteFile(f.dir / "a.txt", fx::kTelegram);
  WriteFile(f.dir / "b.txt", kFollowUp);
  f.Import({f.dir / "a.txt", f.dir / "b.txt"});
  auto post = f.store->Resolve("US Consulate General Chengdu", EntityType::kOrganization);
  REQUIRE(post.ok());
  CHECK(f.store->Resolve("AMCONSUL CHENGDU").value() == *post);  // the alias finds it too
  for (const char* doc : {"doc:08CHENGDU412", "doc:08CHENGDU430"}) {
    const auto sent = f.ClaimsOf(doc, "sent_by");
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].object == *post);
  }
  EntityFilter places;
  places.type = EntityType::kPlace;
  places.name_contains = "Chengdu";
  CHECK(f.store->ListEntities(places)->size() == 1);
  // The signer of both: one person, under the full name the first cable gave.
  auto signer = f.store->Resolve("Harold T. Whitcomb", EntityType::kPerson);
  REQUIRE(signer.ok());
  CHECK(f.ClaimsOf("doc:08CHENGDU430", "signed_by")[0].object == *signer);
}

TEST_CASE("importing the same cables again changes nothing", "[cable][pipeline]") {
  Fixture f;
  const std::string in = f.dir / "in";
  std::filesystem::create_directories(in);
  WriteFile(in + "/08CHENGDU412.txt", fx::kTelegram);
  WriteFile(in + "/09VIENTIANE233.txt", fx::kWebsite);
  WriteFile(in + "/cables.csv", fx::kCsv);
  ImportSummary first = f.Import({in});
  CHECK(first.failed == 0);
  CHECK(first.documents == 4);
  const std::string before = DumpStore(f.db);
  ImportSummary again = f.Import({in});
  CHECK(again.unchanged == 3);
  CHECK(DumpStore(f.db) == before);
}

TEST_CASE("a Cablegate page imports as a cable with its text as a reader sees it", "[cable][pipeline]") {
  Fixture f;
  WriteFile(f.dir / "09VIENTIANE233.txt", fx::kWebsite);
  f.Import({f.dir / "09VIENTIANE233.txt"});
  auto d = f.store->GetDocument("doc:09VIENTIANE233");
  REQUIRE(d.ok());
  CHECK(d->text.find("<a") == std::string::npos);
  CHECK(d->properties["cable_form"] == "website");
  CHECK(d->properties["tags"] == Json{"PREL", "PGOV", "LA", "VM"});
  const auto concerns = f.ClaimsOf("doc:09VIENTIANE233", "concerns");
  REQUIRE(concerns.size() == 2);
  std::vector<std::string> countries;
  for (const auto& c : concerns) countries.push_back(f.store->GetEntity(c.object)->properties["country"]);
  std::sort(countries.begin(), countries.end());
  CHECK(countries == std::vector<std::string>{"LA", "VN"});
  SearchQuery q;
  q.text = "Mekong";
  q.type = EntityType::kDocument;
  CHECK(f.store->Search(q)->size() == 1);
}

TEST_CASE("a cables.csv file: one document per row, a bad row warned about and skipped", "[cable][pipeline]") {
  Fixture f;
  const std::string bad_row = "5003,\"3/4/2009 10:00\",\"09RIGA130\",\"Embassy Riga\"\n";
  WriteFile(f.dir / "cables.csv", fx::kCsv + bad_row);
  ImportSummary s = f.Import({f.dir / "cables.csv"});
  REQUIRE(s.files.size() == 1);
  const FileReport& r = s.files[0];
  CHECK(r.importer == "cable");
  CHECK(r.outcome == FileReport::Outcome::kImported);
  CHECK(r.documents == std::vector<std::string>{"doc:09RIGA120", "doc:09RIGA125"});
  REQUIRE(r.warnings.size() == 1);
  const auto line = std::count(fx::kCsv.begin(), fx::kCsv.end(), '\n') + 1;
  CHECK(r.warnings[0] == "row 3 (line " + std::to_string(line) + "): 4 columns, expected 8");

  auto first = f.store->GetDocument("doc:09RIGA120");
  REQUIRE(first.ok());
  CHECK(first->properties["cable_form"] == "csv");
  CHECK(first->properties["subject"] == "LATVIA: BANKS REPORT \"STABLE\" DEPOSITS");
  CHECK(first->properties["origin"] == "AMEMBASSY RIGA");
  CHECK(first->text.rfind("VZCZCXRO0101\n", 0) == 0);
  // REF STATE 17001 is confirmed as 09STATE17001 by the references column.
  CHECK(first->properties["refs"] == Json::parse(R"j([{"id":"09STATE17001","text":"STATE 17001"}])j"));
  auto second = f.store->GetDocument("doc:09RIGA125");
  REQUIRE(second.ok());
  CHECK(second->properties["classification"] == "CONFIDENTIAL");
  CHECK(second->properties["published"] == "2009-03-03T09:40:00Z");
  // The second row refers to the first: no stub, the document itself.
  CHECK(f.ClaimsOf("doc:09RIGA125", "references")[0].object == "doc:09RIGA120");
}

TEST_CASE("a cables.csv with a header row maps its columns by name", "[cable][pipeline]") {
  Fixture f;
  WriteFile(f.dir / "export.csv",
            "body,reference id,date\n\"UNCLAS OSLO 000042\n\nTAGS: PREL NO\nSUBJECT: NORWAY: A\n\n1. Text.\n\nHOLM\","
            "09OSLO42,1/5/2009 12:00\n");
  ImportSummary s = f.Import({f.dir / "export.csv"});
  CHECK(s.files[0].documents == std::vector<std::string>{"doc:09OSLO42"});
  CHECK(f.store->GetDocument("doc:09OSLO42")->properties["published"] == "2009-01-05T12:00:00Z");
}

TEST_CASE("text that is not a cable is left to the plain-text importer", "[cable][pipeline]") {
  Fixture f;
  WriteFile(f.dir / "note.txt", "Meeting notes\n\nWe discussed the budget.\n");
  ImportSummary s = f.Import({f.dir / "note.txt"});
  CHECK(s.files[0].importer == "text");
}
