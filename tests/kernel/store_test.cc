// The store's curation API: entities, aliases, documents, claims, identity
// curation, listing and search.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "dossier/record.h"
#include "dossier/store.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::TempDir;

namespace {

const Actor kCurator{"test:curator"};

// The store under test: a file, or a database on PostgreSQL when the suite
// runs against that backend (tests/CMakeLists.txt registers it twice).
struct Fixture {
  TempDir dir;
  std::string location = dossier::testing::StoreAt(dir);
  std::unique_ptr<Store> store;

  Fixture() {
    StoreOptions options;
    options.create_if_missing = true;
    auto s = Store::Open(location, options);
    REQUIRE(s.ok());
    store = std::move(s).value();
  }

  std::string AddPerson(const std::string& name, std::vector<std::string> aliases = {}) {
    NewEntity e;
    e.type = EntityType::kPerson;
    e.name = name;
    e.aliases = std::move(aliases);
    auto r = store->AddEntity(e, kCurator);
    REQUIRE(r.ok());
    return r->id;
  }

  std::string AddDoc(const std::string& title, const std::string& text) {
    Document d;
    d.title = title;
    d.text = text;
    d.paragraphs = {{0, static_cast<int64_t>(text.size()), {{"number", 1}}}};
    auto r = store->AddDocument(d, kCurator);
    REQUIRE(r.ok());
    return r->id;
  }
};

const char* kText =
    "CHONGQING, China — Sun Zhengcai, the party chief, said the city of nearly 30 million people "
    "would keep buying American soybeans. Sun spoke on Tuesday.";

}  // namespace

TEST_CASE("entities get stable readable ids and are found by name or alias", "[store]") {
  Fixture f;
  const std::string sun = f.AddPerson("Sun Zhengcai", {"Sun", "孙政才"});
  CHECK(sun == "person:sun-zhengcai");
  CHECK(*f.store->Resolve("person:sun-zhengcai") == sun);
  CHECK(*f.store->Resolve("SUN  ZHENGCAI") == sun);
  CHECK(*f.store->Resolve("sun") == sun);
  CHECK(*f.store->Resolve("孙政才") == sun);
  auto missing = f.store->Resolve("Xi");
  CHECK(missing.status().code() == Status::Code::kNotFound);

  NewEntity org;
  org.type = EntityType::kOrganization;
  org.name = "China Council for the Promotion of International Trade";
  org.aliases = {"CCPIT"};
  org.properties = {{"kind", "government"}, {"acronym", "CCPIT"}};
  auto o = f.store->AddEntity(org, kCurator);
  REQUIRE(o.ok());
  CHECK(o->id == "org:china-council-for-the-promotion-of-international-trade");
  CHECK(*f.store->Resolve("ccpit", EntityType::kOrganization) == o->id);
  auto wrong_type = f.store->Resolve("ccpit", EntityType::kPerson);
  CHECK(wrong_type.status().code() == Status::Code::kNotFound);
}

TEST_CASE("the same name twice is refused unless asked for, then suffixed", "[store]") {
  Fixture f;
  f.AddPerson("John Smith");
  NewEntity e;
  e.type = EntityType::kPerson;
  e.name = "JOHN SMITH";
  auto again = f.store->AddEntity(e, kCurator);
  REQUIRE_FALSE(again.ok());
  CHECK(again.status().code() == Status::Code::kAlreadyExists);
  CHECK(again.status().message().find("person:john-smith") != std::string::npos);
  e.allow_same_name = true;
  auto second = f.store->AddEntity(e, kCurator);
  REQUIRE(second.ok());
  CHECK(second->id == "person:john-smith-2");
  auto ambiguous = f.store->Resolve("john smith");
  CHECK(ambiguous.status().code() == Status::Code::kAmbiguous);
  CHECK(ambiguous.status().message().find("person:john-smith-2") != std::string::npos);
  // A place may share a person's name.
  NewEntity place;
  place.type = EntityType::kPlace;
  place.name = "John Smith";
  CHECK(f.store->AddEntity(place, kCurator).ok());
}

TEST_CASE("bad entity input is refused with a clear reason", "[store]") {
  Fixture f;
  NewEntity e;
  e.type = EntityType::kPerson;
  e.name = "   ";
  CHECK(f.store->AddEntity(e, kCurator).status().code() == Status::Code::kInvalidArgument);
  e.name = "Ok Name";
  e.properties = {{"birth_date", "yesterday"}};
  auto bad = f.store->AddEntity(e, kCurator);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("birth_date") != std::string::npos);
  CHECK(f.store->GetStats()->persons == 0);
}

TEST_CASE("documents keep their text whole, with a content hash and paragraphs", "[store]") {
  Fixture f;
  const std::string doc = f.AddDoc("Chongqing buys soybeans", kText);
  CHECK(doc == "doc:chongqing-buys-soybeans");
  auto d = f.store->GetDocument(doc);
  REQUIRE(d.ok());
  CHECK(d->text == kText);
  CHECK(d->sha256.size() == 64);
  REQUIRE(d->paragraphs.size() == 1);
  CHECK(d->paragraphs[0].properties["number"] == 1);

  Document bad;
  bad.title = "broken";
  bad.text = std::string("caf\xe9");
  CHECK(f.store->AddDocument(bad, kCurator).status().message().find("UTF-8") != std::string::npos);
  bad.text = "short";
  bad.paragraphs = {{0, 99, {}}};
  CHECK(f.store->AddDocument(bad, kCurator).status().code() == Status::Code::kInvalidArgument);
  Document dup;
  dup.id = doc;
  dup.title = "other";
  dup.text = "x";
  CHECK(f.store->AddDocument(dup, kCurator).status().code() == Status::Code::kAlreadyExists);
}

TEST_CASE("aliases record where they were seen", "[store]") {
  Fixture f;
  const std::string doc = f.AddDoc("Report", kText);
  const std::string sun = f.AddPerson("Sun Zhengcai");
  SourceRef seen;
  seen.document = doc;
  seen.quote = "Sun spoke";
  REQUIRE(f.store->AddAlias(sun, "Sun", seen, kCurator).ok());
  auto e = f.store->GetEntity(sun);
  REQUIRE(e->aliases.size() == 1);
  CHECK(e->aliases[0].seen.document == doc);
  CHECK(std::string(kText).substr(e->aliases[0].seen.start, 9) == "Sun spoke");
  // Adding it again, or the entity's own name, changes nothing.
  REQUIRE(f.store->AddAlias(sun, "Sun", {}, kCurator).ok());
  REQUIRE(f.store->AddAlias(sun, "Sun Zhengcai", {}, kCurator).ok());
  CHECK(f.store->GetEntity(sun)->aliases.size() == 1);
  SourceRef wrong;
  wrong.document = doc;
  wrong.quote = "not in the text";
  CHECK(f.store->AddAlias(sun, "Mr. Sun", wrong, kCurator).code() == Status::Code::kInvalidArgument);
}

TEST_CASE("claims need a source and keep it", "[store]") {
  Fixture f;
  const std::string doc = f.AddDoc("Report", kText);
  const std::string sun = f.AddPerson("Sun Zhengcai");
  NewEntity cq;
  cq.type = EntityType::kPlace;
  cq.name = "Chongqing";
  REQUIRE(f.store->AddEntity(cq, kCurator).ok());

  NewClaim c;
  c.subject = "Chongqing";
  c.predicate = "Population";
  c.value = {{"amount", 30000000}, {"unit", "person"}, {"qualifier", "nearly"}};
  c.attributed_to = "Sun Zhengcai";
  auto unsourced = f.store->AddClaim(c, kCurator);
  REQUIRE_FALSE(unsourced.ok());
  CHECK(unsourced.status().message().find("needs a source") != std::string::npos);

  c.source.document = doc;
  c.source.quote = "nearly 30 million people";
  auto added = f.store->AddClaim(c, kCurator);
  REQUIRE(added.ok());
  CHECK(added->predicate == "population");
  CHECK(added->subject == "place:chongqing");
  CHECK(added->attributed_to == sun);
  CHECK(added->status == ClaimStatus::kUnreviewed);
  CHECK(std::string(kText).substr(added->source.start, added->source.end - added->source.start) ==
        "nearly 30 million people");
  CHECK(added->id.rfind("claim:", 0) == 0);
  // The same claim again is the same claim.
  CHECK(f.store->AddClaim(c, kCurator).status().code() == Status::Code::kAlreadyExists);

  // A span that cuts a character, or a quote that disagrees with the span, is refused.
  NewClaim spanned = c;
  spanned.predicate = "leader";
  spanned.value = {{"text", "Sun"}};
  spanned.source.quote = "";
  spanned.source.start = 18;  // inside the em dash (bytes 17-19)
  spanned.source.end = 20;
  CHECK(f.store->AddClaim(spanned, kCurator).status().message().find("UTF-8") != std::string::npos);
  spanned.source.start = 20;
  spanned.source.end = 32;
  spanned.source.quote = "wrong words";
  CHECK(f.store->AddClaim(spanned, kCurator).status().message().find("does not match") != std::string::npos);

  // A note is a source too.
  NewClaim noted;
  noted.subject = sun;
  noted.predicate = "title";
  noted.value = {{"text", "party chief"}};
  noted.source.note = "phone call with the press office, 3 May";
  CHECK(f.store->AddClaim(noted, kCurator).ok());

  // Values are validated.
  NewClaim bad = noted;
  bad.value = {{"amount", 5}, {"qualifier", "kinda"}};
  CHECK(f.store->AddClaim(bad, kCurator).status().code() == Status::Code::kInvalidArgument);
}

TEST_CASE("claim status changes need a reason and rejected claims are kept", "[store]") {
  Fixture f;
  const std::string sun = f.AddPerson("Sun Zhengcai");
  NewClaim c;
  c.subject = sun;
  c.predicate = "age";
  c.value = {{"amount", 53}};
  c.source.note = "bio";
  auto claim = f.store->AddClaim(c, kCurator);
  REQUIRE(claim.ok());
  CHECK(f.store->SetClaimStatus(claim->id, ClaimStatus::kRejected, "  ", kCurator).code() ==
        Status::Code::kInvalidArgument);
  REQUIRE(f.store->SetClaimStatus(claim->id, ClaimStatus::kRejected, "birth year is 1963", kCurator).ok());
  auto after = f.store->GetClaim(claim->id);
  CHECK(after->status == ClaimStatus::kRejected);
  CHECK(after->status_reason == "birth year is 1963");
  ClaimFilter rejected;
  rejected.status = ClaimStatus::kRejected;
  CHECK(f.store->ListClaims(rejected)->size() == 1);
  CHECK(f.store->SetClaimStatus("claim:nope", ClaimStatus::kConfirmed, "x", kCurator).code() ==
        Status::Code::kNotFound);
}

TEST_CASE("merge is read-through and split restores both entities exactly", "[store][merge]") {
  Fixture f;
  const std::string doc = f.AddDoc("Report", kText);
  const std::string a = f.AddPerson("Sun Zhengcai", {"孙政才"});
  const std::string b = f.AddPerson("Sun Cheng-tsai", {"S. Zhengcai"});
  NewClaim c;
  c.subject = b;
  c.predicate = "title";
  c.value = {{"text", "party chief"}};
  c.source.document = doc;
  c.source.quote = "the party chief";
  REQUIRE(f.store->AddClaim(c, kCurator).ok());

  auto json_of = [&](const std::string& id) {
    auto d = f.store->Describe(id);
    REQUIRE(d.ok());
    Json j = EntityRecord(d->entity);
    Json claims = Json::array();
    for (const auto& cl : d->claims) claims.push_back(ClaimRecord(cl));
    j["claims"] = claims;
    j["absorbed"] = d->absorbed;
    Json judgements = Json::array();
    for (const auto& jd : d->judgements) judgements.push_back(JudgementRecord(jd));
    j["judgements"] = judgements;
    return j.dump();
  };
  const std::string a_before = json_of(a), b_before = json_of(b);
  const std::string raw_before = dossier::testing::DumpStore(f.location);

  REQUIRE(f.store->Merge(a, b, "same man, Wade-Giles spelling", kCurator).ok());
  auto merged = f.store->Describe(a);
  REQUIRE(merged.ok());
  CHECK(merged->absorbed == std::vector<std::string>{b});
  CHECK(merged->claims.size() == 1);  // b's claim reads through a
  std::vector<std::string> names;
  for (const auto& al : merged->entity.aliases) names.push_back(al.name);
  CHECK(names == std::vector<std::string>{"孙政才", "Sun Cheng-tsai", "S. Zhengcai"});
  CHECK(*f.store->Resolve("S. Zhengcai") == a);
  CHECK(*f.store->Resolve(b) == a);
  CHECK(*f.store->Resolve(b, std::nullopt, false) == b);
  CHECK(f.store->GetEntity(b)->merged_into == a);
  REQUIRE(merged->judgements.size() == 1);
  CHECK(merged->judgements[0].verdict == Verdict::kSame);
  EntityFilter people;
  people.type = EntityType::kPerson;
  CHECK(f.store->ListEntities(people)->size() == 1);
  CHECK(f.store->GetStats()->persons == 1);
  // Searching the absorbed name finds the survivor.
  SearchQuery q;
  q.text = "Cheng-tsai";
  auto hits = f.store->Search(q);
  REQUIRE(hits.ok());
  REQUIRE_FALSE(hits->empty());
  CHECK(hits->front().id == a);

  CHECK(f.store->Merge(a, b, "", kCurator).code() == Status::Code::kInvalidArgument);  // already one

  REQUIRE(f.store->Split(b, kCurator).ok());
  CHECK(json_of(a) == a_before);
  CHECK(json_of(b) == b_before);
  CHECK(dossier::testing::DumpStore(f.location) == raw_before);
  CHECK(f.store->Split(b, kCurator).code() == Status::Code::kInvalidArgument);
}

TEST_CASE("chained merges split back one step at a time", "[store][merge]") {
  Fixture f;
  const std::string a = f.AddPerson("Alpha One");
  const std::string b = f.AddPerson("Beta Two");
  const std::string c = f.AddPerson("Gamma Three");
  REQUIRE(f.store->Merge(b, c, "", kCurator).ok());  // c -> b
  REQUIRE(f.store->Merge(a, b, "", kCurator).ok());  // b (with c) -> a
  CHECK(*f.store->Resolve(c) == a);
  CHECK(f.store->Describe(a)->absorbed == std::vector<std::string>{b, c});
  auto survivor = f.store->Split(a, kCurator);
  CHECK(survivor.message().find("split one of: " + b) != std::string::npos);
  REQUIRE(f.store->Split(b, kCurator).ok());  // b comes back with c still inside
  CHECK(*f.store->Resolve(c) == b);
  CHECK(*f.store->Resolve(b) == b);
  CHECK(f.store->Describe(a)->absorbed.empty());
}

TEST_CASE("judgements: different blocks merging, same merges, unsure is recorded", "[store][merge]") {
  Fixture f;
  const std::string a = f.AddPerson("Joe Nguyen");
  const std::string b = f.AddPerson("Joe Ruan");
  const std::string c = f.AddPerson("Jo Nguyen");
  auto diff = f.store->Judge(a, c, Verdict::kDifferent, "different middle names", kCurator);
  REQUIRE(diff.ok());
  auto blocked = f.store->Merge(a, c, "", kCurator);
  REQUIRE_FALSE(blocked.ok());
  CHECK(blocked.message().find("judged different") != std::string::npos);

  auto unsure = f.store->Judge(a, b, Verdict::kUnsure, "Ruan is the Chinese reading of Nguyen", kCurator);
  REQUIRE(unsure.ok());
  CHECK(f.store->ListJudgements()->size() == 2);

  auto same = f.store->Judge(a, b, Verdict::kSame, "confirmed by the press office", kCurator);
  REQUIRE(same.ok());
  CHECK(*f.store->Resolve(b) == a);
  CHECK(f.store->ListJudgements()->size() == 2);  // the pair's verdict was replaced
  CHECK(f.store->Judge(a, b, Verdict::kDifferent, "", kCurator).status().message().find("split them first") !=
        std::string::npos);
  // Split restores the earlier "unsure" verdict.
  REQUIRE(f.store->Split(b, kCurator).ok());
  auto js = f.store->ListJudgements();
  REQUIRE(js.ok());
  bool found_unsure = false;
  for (const auto& j : *js) found_unsure |= (j.verdict == Verdict::kUnsure && j.reason.find("Ruan") != std::string::npos);
  CHECK(found_unsure);

  NewEntity place;
  place.type = EntityType::kPlace;
  place.name = "Joe";
  auto p = f.store->AddEntity(place, kCurator);
  CHECK(f.store->Merge(a, p->id, "", kCurator).message().find("cannot merge") != std::string::npos);
}

TEST_CASE("list filters and counts", "[store]") {
  Fixture f;
  const std::string doc = f.AddDoc("Report", kText);
  f.AddPerson("Sun Zhengcai");
  f.AddPerson("Weng Wenxiang", {"Weng"});
  NewEntity cq;
  cq.type = EntityType::kPlace;
  cq.name = "Chongqing";
  cq.properties = {{"kind", "city"}, {"country", "CN"}};
  REQUIRE(f.store->AddEntity(cq, kCurator).ok());
  NewEntity gz = cq;
  gz.name = "Guangdong";
  gz.properties = {{"kind", "subdivision"}, {"country", "CN"}};
  REQUIRE(f.store->AddEntity(gz, kCurator).ok());

  EntityFilter people;
  people.type = EntityType::kPerson;
  CHECK(f.store->ListEntities(people)->size() == 2);
  people.name_contains = "weng";
  auto weng = f.store->ListEntities(people);
  REQUIRE(weng->size() == 1);
  CHECK(weng->front().aliases == 1);

  EntityFilter cities;
  cities.type = EntityType::kPlace;
  cities.where = {{"kind", "city"}};
  auto c = f.store->ListEntities(cities);
  REQUIRE(c->size() == 1);
  CHECK(c->front().name == "Chongqing");
  cities.where = {{"country", "CN"}};
  CHECK(f.store->ListEntities(cities)->size() == 2);
  cities.where = {{"bad key!", "x"}};
  CHECK(f.store->ListEntities(cities).status().code() == Status::Code::kInvalidArgument);

  EntityFilter docs;
  docs.type = EntityType::kDocument;
  docs.where = {{"kind", "text"}};
  CHECK(f.store->ListEntities(docs)->size() == 1);

  EntityFilter page;
  page.limit = 2;
  page.offset = 1;
  page.sort = EntityFilter::Sort::kId;
  auto p = f.store->ListEntities(page);
  REQUIRE(p->size() == 2);
  CHECK(p->at(0).id == "person:sun-zhengcai");
}

TEST_CASE("search ranks and highlights across names, documents and quotes", "[store][search]") {
  Fixture f;
  const std::string doc = f.AddDoc("Chongqing buys soybeans", kText);
  f.AddPerson("Sun Zhengcai", {"孙政才"});
  NewClaim c;
  c.subject = "Sun Zhengcai";
  c.predicate = "said";
  c.value = {{"text", "keep buying soybeans"}};
  c.source.document = doc;
  c.source.quote = "would keep buying American soybeans";
  REQUIRE(f.store->AddClaim(c, kCurator).ok());

  SearchQuery q;
  q.text = "soybeans";
  auto hits = f.store->Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 2);  // the document and the claim quote
  bool saw_doc = false, saw_claim = false;
  for (const auto& h : *hits) {
    CHECK(h.snippet.find("[soybeans]") != std::string::npos);
    saw_doc |= h.type == EntityType::kDocument;
    saw_claim |= h.type == EntityType::kClaim;
  }
  CHECK(saw_doc);
  CHECK(saw_claim);

  q.type = EntityType::kClaim;
  CHECK(f.store->Search(q)->size() == 1);
  q.type.reset();

  q.text = "Sao Paulo OR 孙政才";
  auto cjk = f.store->Search(q);
  REQUIRE(cjk.ok());
  REQUIRE(cjk->size() == 1);
  CHECK(cjk->front().id == "person:sun-zhengcai");

  q.text = "soybean";  // no stemming: words match as written
  CHECK(f.store->Search(q)->empty());
  q.text = "soy*";  // prefixes cover word forms
  CHECK(f.store->Search(q)->size() == 2);
  q.text = "chong*";
  CHECK_FALSE(f.store->Search(q)->empty());

  for (const char* hostile : {"foo-bar", "\"unbalanced", "AND", "NEAR(", "col:x", "((((", "a OR", "*"}) {
    q.text = hostile;
    auto r = f.store->Search(q);
    INFO(hostile);
    if (!r.ok()) {
      CHECK(r.status().code() == Status::Code::kInvalidArgument);
      CHECK(r.status().message().find("fts5") == std::string::npos);
      CHECK(r.status().message().find("syntax") == std::string::npos);
    }
  }
}

TEST_CASE("every change is in the audit log with its actor", "[store]") {
  Fixture f;
  const std::string a = f.AddPerson("Alpha One");
  const std::string b = f.AddPerson("Beta Two");
  REQUIRE(f.store->Merge(a, b, "why", Actor{"cli:alice"}).ok());
  REQUIRE(f.store->Split(b, Actor{"cli:bob"}).ok());
  auto log = f.store->ListAudit(0);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 4);
  CHECK(log->at(0).action == "add");
  CHECK(log->at(2).action == "merge");
  CHECK(log->at(2).actor == "cli:alice");
  CHECK(log->at(2).detail["absorbed"] == b);
  CHECK(log->at(3).action == "split");
  CHECK(log->at(3).actor == "cli:bob");
}

TEST_CASE("describe shows mentions count, claims and the document", "[store]") {
  Fixture f;
  const std::string doc = f.AddDoc("Report", kText);
  auto d = f.store->Describe(doc);
  REQUIRE(d.ok());
  REQUIRE(d->document.has_value());
  CHECK(d->document->text == kText);
  CHECK(f.store->Describe("person:nobody").status().code() == Status::Code::kNotFound);
}

TEST_CASE("describe lists each finding about an entity or its claims once, with its evidence when asked", "[store]") {
  Fixture f;
  const std::string doc = f.AddDoc("Report", kText);
  const std::string sun = f.AddPerson("Sun Zhengcai");
  std::vector<std::string> claims;
  for (const char* quote : {"nearly 30 million people", "Sun spoke on Tuesday"}) {
    NewClaim c;
    c.subject = sun;
    c.predicate = "said";
    c.value = {{"text", quote}};
    c.source.document = doc;
    c.source.quote = quote;
    auto added = f.store->AddClaim(c, kCurator);
    REQUIRE(added.ok());
    claims.push_back(added->id);
  }
  // One finding citing the person and both claims, with a large evidence.
  auto writer = f.store->BeginFindings("numbers", kCurator);
  REQUIRE(writer.ok());
  Finding fd;
  fd.checker = "numbers";
  fd.code = "value-agreement";
  fd.severity = Severity::kInfo;
  fd.message = "two statements agree";
  fd.fingerprint = "fp-1";
  fd.refs = {sun, claims[0], claims[1]};
  fd.evidence = {{"why", std::string(100000, 'x')}};
  REQUIRE((*writer)->Put(fd).ok());
  REQUIRE((*writer)->Commit().ok());

  auto with = f.store->Describe(sun);
  REQUIRE(with.ok());
  REQUIRE(with->findings.size() == 1);  // cited three ways, listed once
  CHECK(with->findings[0].evidence["why"].get<std::string>().size() == 100000);
  DescribeOptions text_view;
  text_view.finding_evidence = false;
  auto without = f.store->Describe(sun, text_view);
  REQUIRE(without.ok());
  REQUIRE(without->findings.size() == 1);
  CHECK(without->findings[0].message == "two statements agree");
  CHECK(without->findings[0].evidence.empty());
}

TEST_CASE("a search for a word in more documents than it ranks still finds the best of the newest", "[store][search]") {
  Fixture f;
  // More documents holding "harbour" than a search ranks (kRankWindow, 1,000).
  for (int i = 0; i < 1100; ++i) f.AddDoc("Note " + std::to_string(i), "The harbour was quiet on day " + std::to_string(i) + ".");
  const std::string best = f.AddDoc("Harbour harbour", "The harbour, the harbour and the harbour again.");
  SearchQuery q;
  q.text = "harbour";
  q.type = EntityType::kDocument;
  q.limit = 5;
  auto hits = f.store->Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 5);
  CHECK(hits->front().id == best);
  // A prefix query over them too, with its snippets.
  q.text = "har*";
  hits = f.store->Search(q);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 5);
  CHECK(hits->front().id == best);
  CHECK(hits->front().snippet.find("[harbour]") != std::string::npos);
}

TEST_CASE("the full-text indexes stay consistent through every kind of write", "[store][search]") {
  Fixture f;
  // Grouped, every row is still waiting to be indexed (fts_pending) when it is
  // updated, replaced or deleted; the index is built at the group's commit.
  const bool grouped = GENERATE(false, true);
  INFO((grouped ? "in one write group" : "each write committed alone"));
  std::unique_ptr<WriteGroup> group;
  if (grouped) group = std::move(f.store->BeginGroup()).value();
  const std::string doc = f.AddDoc("Report", kText);
  const std::string a = f.AddPerson("Sun Zhengcai", {"孙政才"});
  const std::string b = f.AddPerson("Sun Cheng-tsai");
  REQUIRE(f.store->AddAlias(a, "Party Chief Sun", {}, kCurator).ok());
  REQUIRE(f.store->Merge(a, b, "", kCurator).ok());
  REQUIRE(f.store->Split(b, kCurator).ok());
  NewClaim c;
  c.subject = a;
  c.predicate = "said";
  c.value = {{"text", "soybeans"}};
  c.source.document = doc;
  c.source.quote = "would keep buying American soybeans";
  REQUIRE(f.store->AddClaim(c, kCurator).ok());
  // A new version of the document from the same source replaces text and index entries.
  DocumentBatch v1;
  v1.document.id = "doc:versioned";
  v1.document.title = "Versioned";
  v1.document.text = "first wording about walnuts";
  v1.document.source = "v.txt";
  REQUIRE(f.store->WriteDocument(v1, kCurator).ok());
  DocumentBatch v2 = v1;
  v2.document.text = "second wording about hazelnuts";
  auto replaced = f.store->WriteDocument(v2, kCurator);
  REQUIRE(replaced.ok());
  CHECK(replaced->kind == WriteOutcome::Kind::kReplaced);
  RecordOptions replace;
  replace.replace = true;  // the records below overwrite each other
  auto records = f.store->BeginRecords(kCurator, replace);
  REQUIRE(records.ok());
  REQUIRE((*records)->Put({{"id", "person:rec"}, {"type", "person"}, {"name", "Record Person"}, {"aliases", {"R. P."}}}).ok());
  REQUIRE((*records)->Put({{"id", "person:rec"}, {"type", "person"}, {"name", "Record Person II"}}).ok());
  // A claim record written again with another quote (a JSONL file imported twice, edited).
  Json quoted = {{"id", "claim:rec"},      {"type", "claim"},      {"subject", "person:rec"},
                 {"predicate", "said"},    {"value", {{"text", "pistachios"}}}, {"document", "doc:versioned"},
                 {"status", "unreviewed"}, {"quote", "about pistachios"}};
  {
    Status put = (*records)->Put(quoted);
    INFO(put.message());
    REQUIRE(put.ok());
  }
  REQUIRE((*records)->Commit().ok());
  records = f.store->BeginRecords(kCurator, replace);
  REQUIRE(records.ok());
  quoted["quote"] = "about almonds";
  REQUIRE((*records)->Put(quoted).ok());
  REQUIRE((*records)->Commit().ok());
  if (group) REQUIRE(group->Commit().ok());

  if (!dossier::testing::OnPostgres()) {  // FTS5's own check of its index
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(f.location.c_str(), &db) == SQLITE_OK);
    for (const char* table : {"entity_fts", "document_fts", "claim_fts"}) {
      const std::string sql =
          std::string("INSERT INTO ") + table + "(" + table + ", rank) VALUES ('integrity-check', 1)";
      INFO(table << ": " << sqlite3_errmsg(db));
      CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    sqlite3_close(db);
  }

  SearchQuery q;
  q.text = "walnuts";
  CHECK(f.store->Search(q)->empty());
  q.text = "hazelnuts";
  CHECK(f.store->Search(q)->size() == 1);
  q.text = "\"Record Person II\"";
  CHECK(f.store->Search(q)->size() == 1);
  q.text = "\"R. P.\"";
  CHECK(f.store->Search(q)->empty());  // the alias went with the replaced record
  q.text = "pistachios";
  q.type = EntityType::kClaim;
  CHECK(f.store->Search(q)->empty());
  q.text = "almonds";
  CHECK(f.store->Search(q)->size() == 1);
}

TEST_CASE("a document's many mentions and claims are all written, the later of two on one span winning",
          "[store]") {
  Fixture f;
  // 70 words: more mentions than one insert statement takes, with a second
  // mention of word 31 (from another extractor) as the 33rd row, in the
  // next statement, and the same claim twice.
  DocumentBatch b;
  b.document.title = "Roll call";
  std::string text;
  for (int i = 0; i < 70; ++i) text += "Name" + std::to_string(100 + i) + " ";
  b.document.text = text;
  const std::string who = b.Entity(EntityType::kPerson, "Name100");
  for (int i = 0; i < 70; ++i) {
    b.mentions.push_back({i == 0 ? who : "", EntityType::kPerson, i * 8, i * 8 + 7, 0.5, "first"});
    if (i == 31) b.mentions.push_back({who, EntityType::kPerson, i * 8, i * 8 + 7, 0.9, "second"});
  }
  for (int i = 0; i < 40; ++i) {
    ProposedClaim c;
    c.subject = who;
    c.predicate = "said";
    c.value = {{"text", "word " + std::to_string(i % 35)}};  // claims 35-39 repeat 0-4
    c.start = (i % 35) * 8;
    c.end = c.start + 7;
    b.claims.push_back(c);
  }
  auto written = f.store->WriteDocument(b, kCurator);
  REQUIRE(written.ok());
  CHECK(written->mentions == 71);

  std::vector<Mention> mentions;
  REQUIRE(f.store->ForEachMention([&](const Mention& m) {
    mentions.push_back(m);
    return true;
  }).ok());
  REQUIRE(mentions.size() == 70);
  int second = 0;
  for (const auto& m : mentions) {
    CHECK(m.text == b.document.text.substr(static_cast<size_t>(m.start), 7));
    if (m.extractor == "second") {
      ++second;
      CHECK(m.start == 31 * 8);
      CHECK(m.confidence == 0.9);
      CHECK_FALSE(m.entity.empty());
    }
  }
  CHECK(second == 1);
  ClaimFilter all;
  CHECK(f.store->ListClaims(all)->size() == 35);
}
