// The jsonl exporter and importer: a store holding every kind of record goes
// out and comes back identical.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "dossier/pipeline.h"
#include "dossier/schema.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::Lines;
using dossier::testing::ReadFile;
using dossier::testing::TempDir;

namespace {

const Actor kActor{"test:roundtrip"};

std::unique_ptr<Store> OpenNew(const std::string& path) {
  StoreOptions o;
  o.create_if_missing = true;
  auto s = Store::Open(path, o);
  REQUIRE(s.ok());
  return std::move(s).value();
}

// A store with every record type: merged entities, aliases with sources,
// documents with paragraphs, mentions, claims of each status, judgements, findings.
void Populate(Store& s) {
  DocumentBatch b;
  b.document.id = "doc:harbour-report";
  b.document.title = "Harbour report";
  b.document.kind = "news_article";
  b.document.text = "ROTTERDAM — Port director Ines Vogel said 14.5 million containers passed in 2023. "
                    "Vogel, who runs the Havenbedrijf, expects \"more, not fewer\" next year.";
  const std::string& text = b.document.text;
  auto at = [&](const std::string& what) { return static_cast<int64_t>(text.find(what)); };
  auto end = [&](const std::string& what) { return at(what) + static_cast<int64_t>(what.size()); };
  b.document.paragraphs = {{0, end("in 2023."), {{"number", 1}}}, {at("Vogel, who"), static_cast<int64_t>(text.size()), {}}};
  b.document.properties = {{"publisher", "Harbour Weekly"}, {"authors", {"Jan de Wit"}}};
  b.document.source = "harbour.txt";
  const std::string vogel = b.Entity(EntityType::kPerson, "Ines Vogel");
  const std::string port = b.Entity(EntityType::kOrganization, "Havenbedrijf Rotterdam");
  b.entities.back().aliases = {"Havenbedrijf"};
  b.entities.back().properties = {{"kind", "company"}, {"country", "NL"}};
  const std::string city = b.Entity(EntityType::kPlace, "Rotterdam");
  b.mentions = {{city, EntityType::kPlace, 0, end("ROTTERDAM"), 0.9, "test-ner"},
                {vogel, EntityType::kPerson, at("Ines Vogel"), end("Ines Vogel"), 1.0, "test-ner"},
                {vogel, EntityType::kPerson, at("Vogel, who"), at("Vogel, who") + 5, 0.8, "test-ner"},
                {"", EntityType::kPerson, at("Port director"), end("Port director"), 0.5, "test-ner"}};  // unresolved
  ProposedClaim containers;
  containers.subject = port;
  containers.predicate = "containers_handled";
  containers.value = {{"amount", 14500000}, {"unit", "container"}, {"text", "14.5 million"}};
  containers.time = "2023";
  containers.start = at("14.5 million");
  containers.end = end("passed in 2023");
  containers.attributed_to = vogel;
  containers.kind = "number";
  b.claims.push_back(containers);
  ProposedClaim quote;
  quote.subject = vogel;
  quote.predicate = "said";
  quote.value = {{"text", "more, not fewer"}};
  quote.start = at("more, not fewer");
  quote.end = end("more, not fewer");
  quote.kind = "said";
  b.claims.push_back(quote);
  auto written = s.WriteDocument(b, kActor);
  INFO(written.status().message());
  REQUIRE(written.ok());

  NewEntity dup;
  dup.name = "I. Vogel";
  dup.properties = {{"gender", "female"}};
  REQUIRE(s.AddEntity(dup, kActor).ok());
  REQUIRE(s.Merge("person:ines-vogel", "person:i-vogel", "initial and surname match", kActor).ok());
  NewEntity other;
  other.name = "Inge Vogel";
  REQUIRE(s.AddEntity(other, kActor).ok());
  REQUIRE(s.Judge("person:ines-vogel", "person:inge-vogel", Verdict::kDifferent, "sisters", kActor).ok());
  SourceRef seen;
  seen.document = "doc:harbour-report";
  seen.quote = "Port director";
  REQUIRE(s.AddAlias("person:ines-vogel", "the port director", seen, kActor).ok());
  REQUIRE(s.SetProperties("place:rotterdam", {{"kind", "city"}, {"country", "NL"}}, false, kActor).ok());

  NewClaim wrong;
  wrong.subject = "Rotterdam";
  wrong.predicate = "population";
  wrong.value = {{"amount", 6000000}, {"qualifier", "about"}};
  wrong.value["qualifier"] = "approximately";
  wrong.source.note = "a taxi driver";
  auto w = s.AddClaim(wrong, kActor);
  REQUIRE(w.ok());
  REQUIRE(s.SetClaimStatus(w->id, ClaimStatus::kRejected, "that is the metro region, and a guess", kActor).ok());

  Finding f1;
  f1.code = "single-source";
  f1.severity = Severity::kInfo;
  f1.message = "containers_handled rests on one source";
  f1.refs = {"org:havenbedrijf-rotterdam"};
  f1.evidence = {{"sources", 1}};
  f1.fingerprint = "single:containers";
  Finding f2 = f1;
  f2.code = "name-variant";
  f2.severity = Severity::kWarning;
  f2.message = "Ines Vogel and Inge Vogel may be one person";
  f2.refs = {"person:ines-vogel", "person:inge-vogel"};
  f2.fingerprint = "variant:vogel";
  REQUIRE(s.ReplaceFindings("test-checker", {f1, f2}, kActor).ok());
  auto findings = s.ListFindings({});
  REQUIRE(findings->size() == 2);
  REQUIRE(s.SetFindingStatus(findings->at(0).id, FindingStatus::kIgnored, "known", kActor).ok());
}

}  // namespace

TEST_CASE("export jsonl, import into an empty store, export again: the same lines", "[jsonl][backends]") {
  TempDir dir;
  PluginHost host;
  host.LoadDefault();
  REQUIRE(host.errors().empty());

  auto first = OpenNew(dossier::testing::StoreAt(dir, "first.db"));
  Populate(*first);
  Pipeline out1(*first, host, kActor);
  REQUIRE(out1.Export("jsonl", {}, dir / "first.jsonl").ok());
  const std::string exported = ReadFile(dir / "first.jsonl");

  // Every record type is there, and every line is a valid record.
  std::set<std::string> types;
  for (const auto& line : Lines(exported)) {
    Json j = Json::parse(line);
    INFO(line);
    CHECK(ValidateRecord(j).ok());
    types.insert(j["type"].get<std::string>());
  }
  CHECK(types == std::set<std::string>{"header", "person", "organization", "place", "document", "mention", "claim",
                                       "judgement", "finding", "audit"});
  CHECK(Json::parse(Lines(exported).front())["type"] == "header");
  CHECK(exported.find("\"merged_into\":\"person:ines-vogel\"") != std::string::npos);
  CHECK(exported.find("\"status\":\"rejected\"") != std::string::npos);

  auto second = OpenNew(dossier::testing::StoreAt(dir, "second.db"));
  Pipeline in(*second, host, kActor);
  auto summary = in.Import({dir / "first.jsonl"}, {});
  REQUIRE(summary.ok());
  INFO((summary->files.empty() ? "" : summary->files[0].reason));
  REQUIRE(summary->imported == 1);
  // Every line but the header was written.
  CHECK(summary->files[0].records == static_cast<int64_t>(Lines(exported).size()) - 1);
  REQUIRE(in.Export("jsonl", {}, dir / "second.jsonl").ok());
  const std::string reexported = ReadFile(dir / "second.jsonl");

  // The same lines in the same order, and two more: the file imported, and
  // the import's own audit entry after them.
  auto a = Lines(exported), b = Lines(reexported);
  REQUIRE(b.size() == a.size() + 2);
  CHECK(Json::parse(b.back())["action"] == "import-records");
  b.pop_back();
  b.erase(std::remove_if(b.begin(), b.end(), [](const std::string& line) { return Json::parse(line)["type"] == "source"; }),
          b.end());
  CHECK(a == b);

  // What the records stand for came back, not just their text.
  CHECK(*second->Resolve("I. Vogel") == "person:ines-vogel");
  CHECK(second->Describe("person:ines-vogel")->claims.size() == 2);
  SearchQuery q;
  q.text = "Havenbedrijf";
  CHECK_FALSE(second->Search(q)->empty());
}

TEST_CASE("a bad record fails the whole file and names the line", "[jsonl][backends]") {
  TempDir dir;
  PluginHost host;
  host.LoadDefault();
  auto store = OpenNew(dossier::testing::StoreAt(dir, "s.db"));
  dossier::testing::WriteFile(dir / "bad.jsonl",
                              "{\"id\":\"person:a\",\"type\":\"person\",\"name\":\"A\"}\n"
                              "{\"id\":\"person:b\",\"type\":\"person\",\"name\":\"B\",\"properties\":{\"gender\":\"robot\"}}\n");
  dossier::testing::WriteFile(dir / "dangling.jsonl",
                              "{\"id\":\"mention:1\",\"type\":\"mention\",\"entity\":\"person:zed\",\"document\":\"doc:none\","
                              "\"start\":0,\"end\":1,\"text\":\"Z\"}\n");
  Pipeline p(*store, host, kActor);
  auto s = p.Import({dir / "bad.jsonl", dir / "dangling.jsonl"}, {});
  REQUIRE(s.ok());
  REQUIRE(s->failed == 2);
  CHECK(s->files[0].reason.find("line 2: invalid record field \"properties.gender\"") == 0);
  INFO(s->files[1].reason);
  // (Its document and its entity are both missing: which one is named first
  // is the engine's order of checking.)
  CHECK(s->files[1].reason.find("mention mention:1 refers to a ") != std::string::npos);
  CHECK(s->files[1].reason.find(" that is neither in the store nor in the file") != std::string::npos);
  CHECK(store->GetStats()->persons == 0);  // line 1 was rolled back with the rest
}
