// The four checkers on small stores written for these tests: one test per
// rule of issue 6, each with a case that must be found and one that must not.
#include <catch2/catch.hpp>

#include <set>

#include "checkers.h"
#include "fixture.h"

using namespace dossier;
using namespace dossier::check;
using dossier::testing::CheckStore;
using dossier::testing::DocBuilder;
using dossier::testing::WithCode;

namespace {

bool Refers(const Finding& f, const std::string& id) {
  return std::find(f.refs.begin(), f.refs.end(), id) != f.refs.end();
}

// A figure about `subject` in its own document from `publisher`.
DocBuilder FigureDoc(const std::string& id, const std::string& publisher, const std::string& subject,
                     const std::string& predicate, const std::string& sentence, const std::string& figure,
                     const std::string& time = "", EntityType type = EntityType::kOrganization) {
  DocBuilder d(id, sentence, publisher.empty() ? Json::object() : Json{{"publisher", publisher}});
  const std::string s = d.Entity(type, subject);
  if (sentence.find(subject) != std::string::npos) d.Mention(s, subject, 0, type);
  d.Figure(s, predicate, figure, time);
  return d;
}

}  // namespace

TEST_CASE("numbers: scales and predicate synonyms meet, agreement counts independent sources") {
  CheckStore cs;
  cs.Write(FigureDoc("doc:harbor-a", "Velmora Ledger", "Tessaline Corp", "deal_value",
                     "Tessaline Corp closed a deal worth $11.5bn on Monday.", "$11.5bn", "2031"));
  cs.Write(FigureDoc("doc:harbor-b", "Quarry Street Wire", "Tessaline Corp", "price",
                     "The price, $11.5 billion, was the highest paid in the port.", "$11.5 billion", "2031"));
  cs.Write(FigureDoc("doc:harbor-c", "Ostrava Evening", "Tessaline Corp", "buy_for",
                     "Tessaline Corp agreed to buy the docks for 11,500 million dollars.", "11,500 million dollars"));
  auto checker = MakeNumbersChecker();
  const auto findings = cs.Run(*checker);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.code == "value-agreement");
  CHECK(f.severity == Severity::kInfo);
  CHECK(f.evidence["independent_sources"] == 3);
  CHECK(f.evidence["predicate"] == "deal_value");
  CHECK(f.evidence["unit"] == "USD");
  CHECK(f.message.find("3 statements agree") != std::string::npos);
  CHECK(f.message.find("3 independent sources") != std::string::npos);
  // Evidence names every claim with its quote and document, and why.
  REQUIRE(f.evidence["groups"].size() == 1);
  const Json& claims = f.evidence["groups"][0]["claims"];
  REQUIRE(claims.size() == 3);
  for (const Json& c : claims) {
    CHECK(c.contains("quote"));
    CHECK(c.contains("document"));
    CHECK(c.contains("value"));
  }
  CHECK(f.evidence["why"].get<std::string>().find("2031") != std::string::npos);  // the undated one joined 2031
}

TEST_CASE("numbers: hedges decide agreement and conflicts show the values side by side") {
  CheckStore cs;
  // "nearly 30 million" and "30 million" in one article: one document
  // repeating itself is no agreement between sources, and no finding.
  DocBuilder d("doc:lantern-city", "Lantern City, home to nearly 30 million people, grew fast. \"It has 30 million people,\" she said.");
  const std::string city = d.Entity(EntityType::kPlace, "Lantern City");
  d.Mention(city, "Lantern City", 0, EntityType::kPlace)
      .Figure(city, "population", "nearly 30 million people")
      .Figure(city, "population", "30 million people");
  cs.Write(d);
  // Agreement: "more than 3,000" and "some 3,000"; conflict with "2,000".
  cs.Write(FigureDoc("doc:flood-a", "Ridge Gazette", "Marrow Valley", "people_killed",
                     "More than 3,000 people were killed in Marrow Valley.", "More than 3,000 people", "",
                     EntityType::kPlace));
  cs.Write(FigureDoc("doc:flood-b", "Coastline Post", "Marrow Valley", "deaths",
                     "Marrow Valley counted some 3,000 deaths.", "some 3,000 deaths", "", EntityType::kPlace));
  auto checker = MakeNumbersChecker();
  auto findings = cs.Run(*checker);
  auto agree = WithCode(findings, "value-agreement");
  REQUIRE(agree.size() == 1);
  CHECK(WithCode(findings, "value-conflict").empty());
  CHECK_FALSE(Refers(agree[0], "place:lantern-city"));
  CHECK(agree[0].evidence["predicate"] == "death_toll");
  CHECK(agree[0].evidence["independent_sources"] == 2);

  cs.Write(FigureDoc("doc:flood-c", "Hillside Daily", "Marrow Valley", "people_killed_or_disappeared",
                     "In Marrow Valley 2,000 people were killed or disappeared.", "2,000 people", "",
                     EntityType::kPlace));
  findings = cs.Run(*checker);
  auto conflict = WithCode(findings, "value-conflict");
  REQUIRE(conflict.size() == 1);
  CHECK(conflict[0].severity == Severity::kWarning);
  CHECK(conflict[0].message.find("2,000 person") != std::string::npos);
  CHECK(conflict[0].message.find("more than 3,000 person") != std::string::npos);
  CHECK(conflict[0].message.find("approximately 3,000 person") != std::string::npos);
  CHECK(conflict[0].evidence["groups"].size() == 2);
}

TEST_CASE("numbers and corroboration share one claim analysis, rebuilt after any change") {
  CheckStore cs;
  cs.Write(FigureDoc("doc:mill-a", "Ridge Gazette", "Orla Town", "population",
                     "Orla Town is home to 400,000 people.", "400,000 people", "2030", EntityType::kPlace));
  cs.Write(FigureDoc("doc:mill-b", "Coastline Post", "Orla Town", "population",
                     "Orla Town has 900,000 people.", "900,000 people", "2030", EntityType::kPlace));
  auto numbers = MakeNumbersChecker();
  auto corroboration = MakeCorroborationChecker();
  REQUIRE(WithCode(cs.Run(*numbers), "value-conflict").size() == 1);
  // Built by numbers, used by corroboration: two facts on one source each
  // are no finding; a third outlet with 900,000 corroborates that one.
  CHECK(cs.Run(*corroboration).empty());
  cs.Write(FigureDoc("doc:mill-c", "Quarry Street Wire", "Orla Town", "population",
                     "Some 900,000 people live in Orla Town.", "Some 900,000 people", "2030", EntityType::kPlace));
  auto corroborated = WithCode(cs.Run(*corroboration), "corroborated");
  REQUIRE(corroborated.size() == 1);
  CHECK(corroborated[0].evidence["facts"].size() == 1);

  // A curator rejects the 900,000: no conflict and one fact left, though
  // nothing but a claim's status changed.
  std::string rejected;
  REQUIRE(cs.store->ForEachClaim({}, [&](const Claim& c) {
    if (c.source.document == "doc:mill-b" && c.subject != c.source.document) rejected = c.id;
    return true;
  }).ok());
  REQUIRE(!rejected.empty());
  REQUIRE(cs.store->SetClaimStatus(rejected, ClaimStatus::kRejected, "misread", Actor{"test"}).ok());
  CHECK(WithCode(cs.Run(*numbers), "value-conflict").size() == 1);  // 400,000 against mill-c's 900,000
  CHECK(cs.Run(*corroboration).empty());  // the 900,000 rests on mill-c alone now
}

TEST_CASE("numbers: figures about different times never meet, undated ones meet a single year") {
  CheckStore cs;
  cs.Write(FigureDoc("doc:trade-2006", "Velmora Ledger", "Port Caskel", "trade", "Port Caskel trade was $2 billion.",
                     "$2 billion", "2006", EntityType::kPlace));
  cs.Write(FigureDoc("doc:trade-2014", "Velmora Ledger", "Port Caskel", "trade", "Port Caskel trade was $9 billion.",
                     "$9 billion", "2014", EntityType::kPlace));
  auto checker = MakeNumbersChecker();
  CHECK(cs.Run(*checker).empty());
  // Once two years are stated, an undated figure is not assumed to be either.
  cs.Write(FigureDoc("doc:trade-undated", "Coastline Post", "Port Caskel", "trade",
                     "Port Caskel trade is $5 billion.", "$5 billion", "", EntityType::kPlace));
  CHECK(cs.Run(*checker).empty());
}

TEST_CASE("numbers: claims meet through merges, but catch-all predicates are not compared") {
  CheckStore cs;
  cs.Write(FigureDoc("doc:ferry-a", "Velmora Ledger", "Orrin Ferry Company", "revenue",
                     "Orrin Ferry Company had revenue of $40 million.", "$40 million"));
  cs.Write(FigureDoc("doc:ferry-b", "Coastline Post", "Orrin Ferries", "sales", "Orrin Ferries reported $90 million.",
                     "$90 million"));
  cs.Write(FigureDoc("doc:ferry-c", "Coastline Post", "Orrin Ferries", "amount", "Orrin Ferries paid $3 million.",
                     "$3 million"));
  auto checker = MakeNumbersChecker();
  CHECK(cs.Run(*checker).empty());
  REQUIRE(cs.store->Merge("org:orrin-ferry-company", "org:orrin-ferries", "same company", Actor{"test"}).ok());
  const auto findings = cs.Run(*checker);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "value-conflict");
  CHECK(findings[0].evidence["subject"] == "org:orrin-ferry-company");
  CHECK(findings[0].message.find("3,000,000") == std::string::npos);  // the "amount" figure stays out
}

TEST_CASE("identity: a surname-only mention is paired by transliteration and by sound, or reported") {
  CheckStore cs;
  DocBuilder d("doc:delegation",
               "Delegate Joe Nguyen met the mayor. Later Mr. Ruan said the talks went well. Shaun Steen agreed, and "
               "Stan added a toast. Mr. Okafor did not attend.");
  const std::string joe = d.Entity(EntityType::kPerson, "Joe Nguyen");
  const std::string shaun = d.Entity(EntityType::kPerson, "Shaun Steen");
  d.Mention(joe, "Joe Nguyen").Mention("", "Mr. Ruan").Mention(shaun, "Shaun Steen").Mention("", "Stan");
  d.Mention("", "Mr. Okafor");
  cs.Write(d);
  auto checker = MakeIdentityChecker();
  const auto findings = cs.Run(*checker);
  const auto same = WithCode(findings, "probable-same-person");
  REQUIRE(same.size() == 2);
  bool ruan = false, stan = false;
  for (const Finding& f : same) {
    if (f.message.find("\"Mr. Ruan\"") != std::string::npos) {
      ruan = true;
      CHECK(f.evidence["suggested"]["entity"] == "person:joe-nguyen");
      CHECK(f.evidence["why"].get<std::string>().find("transliteration") != std::string::npos);
    }
    if (f.message.find("\"Stan\"") != std::string::npos) {
      stan = true;
      CHECK(f.evidence["suggested"]["entity"] == "person:shaun-steen");
      CHECK(f.evidence["why"].get<std::string>().find("Soundex") != std::string::npos);
    }
    REQUIRE(f.evidence["mentions"].size() >= 1);
    CHECK(f.evidence["mentions"][0].contains("context"));
  }
  CHECK(ruan);
  CHECK(stan);
  for (const Finding& f : same) CHECK(f.severity == Severity::kWarning);  // written another way
  const auto unmatched = WithCode(findings, "unmatched-reference");
  REQUIRE(unmatched.size() == 1);
  CHECK(unmatched[0].message.find("Okafor") != std::string::npos);

  // One of the person's own names left unresolved ("Shaun" for Shaun Steen):
  // a reference to confirm, info, not a warning.
  CheckStore own;
  DocBuilder e("doc:toast", "Shaun Steen raised a glass. Later Shaun thanked the mayor.");
  const std::string steen = e.Entity(EntityType::kPerson, "Shaun Steen");
  e.Mention(steen, "Shaun Steen").Mention("", "Shaun", 1);
  own.Write(e);
  const auto first_name = WithCode(own.Run(*checker), "probable-same-person");
  REQUIRE(first_name.size() == 1);
  CHECK(first_name[0].severity == Severity::kInfo);
  CHECK(first_name[0].evidence["suggested"]["entity"] == "person:shaun-steen");
}

TEST_CASE("identity: two full names of one document written two ways are paired") {
  CheckStore cs;
  DocBuilder d("doc:council", "Maria Tran opened the session. Later Maria Chen closed it. Peter Oduya watched.");
  d.Mention(d.Entity(EntityType::kPerson, "Maria Tran"), "Maria Tran")
      .Mention(d.Entity(EntityType::kPerson, "Maria Chen"), "Maria Chen")
      .Mention(d.Entity(EntityType::kPerson, "Peter Oduya"), "Peter Oduya");
  cs.Write(d);
  auto checker = MakeIdentityChecker();
  auto same = WithCode(cs.Run(*checker), "probable-same-person");
  REQUIRE(same.size() == 1);
  CHECK(Refers(same[0], "person:maria-tran"));
  CHECK(Refers(same[0], "person:maria-chen"));
  // The curator's "different" verdict is not asked again.
  REQUIRE(cs.store->Judge("person:maria-tran", "person:maria-chen", Verdict::kDifferent, "cousins", Actor{"test"}).ok());
  CHECK(WithCode(cs.Run(*checker), "probable-same-person").empty());
}

TEST_CASE("identity: entities named alike but kept apart, and surname-only people, are suggested for merging") {
  CheckStore cs;
  NewEntity a;
  a.type = EntityType::kOrganization;
  a.name = "Velmora Shipping";
  a.source.note = "test";
  auto first = cs.store->AddEntity(a, Actor{"test"});
  REQUIRE(first.ok());
  a.name = "VELMORA SHIPPING";
  a.allow_same_name = true;
  auto second = cs.store->AddEntity(a, Actor{"test"});
  REQUIRE(second.ok());
  NewEntity p;
  p.type = EntityType::kPerson;
  p.source.note = "test";
  p.name = "Kallan";
  REQUIRE(cs.store->AddEntity(p, Actor{"test"}).ok());
  p.name = "Idris Kallan";
  REQUIRE(cs.store->AddEntity(p, Actor{"test"}).ok());
  p.name = "Oduya";  // two full names carry it: not suggested
  REQUIRE(cs.store->AddEntity(p, Actor{"test"}).ok());
  p.name = "Peter Oduya";
  REQUIRE(cs.store->AddEntity(p, Actor{"test"}).ok());
  p.name = "Mara Oduya";
  REQUIRE(cs.store->AddEntity(p, Actor{"test"}).ok());

  auto checker = MakeIdentityChecker();
  auto findings = cs.Run(*checker);
  auto apart = WithCode(findings, "same-name-apart");
  REQUIRE(apart.size() == 1);
  CHECK(Refers(apart[0], first->id));
  CHECK(Refers(apart[0], second->id));
  auto surname = WithCode(findings, "surname-only");
  REQUIRE(surname.size() == 1);
  CHECK(Refers(surname[0], "person:kallan"));
  CHECK(Refers(surname[0], "person:idris-kallan"));

  REQUIRE(cs.store->Merge(first->id, second->id, "one company", Actor{"test"}).ok());
  REQUIRE(cs.store->Merge("person:idris-kallan", "person:kallan", "same man", Actor{"test"}).ok());
  findings = cs.Run(*checker);
  CHECK(WithCode(findings, "same-name-apart").empty());
  CHECK(WithCode(findings, "surname-only").empty());
}

TEST_CASE("identity: one person given two offices at the same time") {
  CheckStore cs;
  DocBuilder a("doc:gazette-1", "Governor Abel Tunde opened the bridge.", Json{{"published", "2031-03-02"}});
  a.Mention(a.Entity(EntityType::kPerson, "Abel Tunde"), "Abel Tunde");
  DocBuilder b("doc:gazette-2", "Senator Abel Tunde voted no. General Abel Tunde saluted.",
               Json{{"published", "2031-09-12"}});
  b.Mention(b.Entity(EntityType::kPerson, "Abel Tunde"), "Abel Tunde", 0)
      .Mention(b.Entity(EntityType::kPerson, "Abel Tunde"), "Abel Tunde", 1);
  DocBuilder c("doc:gazette-3", "Mayor Abel Tunde cut the ribbon.", Json{{"published", "2024-01-01"}});
  c.Mention(c.Entity(EntityType::kPerson, "Abel Tunde"), "Abel Tunde");
  cs.Write(a);
  cs.Write(b);
  cs.Write(c);
  auto checker = MakeIdentityChecker();
  auto conflicts = WithCode(cs.Run(*checker), "conflicting-title");
  REQUIRE(conflicts.size() == 1);  // 2031: governor vs senator; a rank does not conflict with an office
  CHECK(conflicts[0].evidence["time"] == "2031");
  CHECK(conflicts[0].evidence["titles"].contains("governor"));
  CHECK(conflicts[0].evidence["titles"].contains("senator"));
  CHECK_FALSE(conflicts[0].evidence["titles"].contains("mayor"));
}

TEST_CASE("corroboration: one publisher, a REF chain and a reprint each count once") {
  CheckStore cs;
  // Two articles of one publisher: one source.
  cs.Write(FigureDoc("doc:mill-a", "Velmora Ledger", "Brannock Mill", "workers", "Brannock Mill employs 412 workers.",
                     "412 workers"));
  cs.Write(FigureDoc("doc:mill-b", "Velmora Ledger", "Brannock Mill", "workers",
                     "Brannock Mill, with its 412 workers, closed early.", "412 workers"));
  // The same sentence reprinted by another publisher: still one source.
  cs.Write(FigureDoc("doc:mill-c", "Quarry Street Wire", "Brannock Mill", "workers",
                     "Brannock Mill employs 412 workers.", "412 workers"));
  auto checker = MakeCorroborationChecker();
  auto findings = cs.Run(*checker);
  CHECK(findings.empty());  // one source: no finding (show says it)
  // A second, independent outlet in its own words: corroborated by 2.
  cs.Write(FigureDoc("doc:mill-d", "Ostrava Evening", "Brannock Mill", "workers",
                     "Some 400 workers clock in at Brannock Mill.", "Some 400 workers"));
  findings = cs.Run(*checker);
  auto corroborated = WithCode(findings, "corroborated");
  REQUIRE(corroborated.size() == 1);
  REQUIRE(corroborated[0].evidence["facts"].size() == 1);
  CHECK(corroborated[0].evidence["facts"][0]["independent_sources"] == 2);
  const Json& fact = corroborated[0].evidence["facts"][0];
  CHECK(fact["claims"].size() == 4);
  CHECK(fact.contains("counted_once"));  // the publisher's two articles, the reprint
  for (const Json& c : fact["claims"]) CHECK(c.contains("quote"));
  CHECK(Refers(corroborated[0], "org:brannock-mill"));
  CHECK(corroborated[0].message.find("2 sources") != std::string::npos);
}

TEST_CASE("corroboration: a cable citing another through REF is not a second source") {
  CheckStore cs;
  DocBuilder first("doc:31CASKEL100", "The Caskel works employ 900 workers.", Json::object(), "cable");
  const std::string works = first.Entity(EntityType::kOrganization, "Caskel Works");
  first.Figure(works, "workers", "900 workers");
  DocBuilder second("doc:31CASKEL200", "As reported, the Caskel works employ some 900 workers.",
                    Json{{"refs", {{{"id", "31CASKEL100"}, {"label", "A"}}}}}, "cable");
  const std::string works2 = second.Entity(EntityType::kOrganization, "Caskel Works");
  second.Figure(works2, "workers", "some 900 workers");
  cs.Write(first);
  cs.Write(second);
  auto checker = MakeCorroborationChecker();
  CHECK(cs.Run(*checker).empty());  // one source
  // A cable that does not cite them is a second source.
  DocBuilder third("doc:31OSTRAVA300", "The Caskel works employ about 900 workers, the consulate hears.",
                   Json{{"publisher", "Ostrava consulate"}}, "cable");
  const std::string works3 = third.Entity(EntityType::kOrganization, "Caskel Works");
  third.Figure(works3, "workers", "about 900 workers");  // its own words: not a reprint
  cs.Write(third);
  auto corroborated = WithCode(cs.Run(*checker), "corroborated");
  REQUIRE(corroborated.size() == 1);
  CHECK(corroborated[0].evidence["facts"][0]["independent_sources"] == 2);
  CHECK(corroborated[0].evidence["facts"][0]["claims"].size() == 3);
}

TEST_CASE("integrity: repeated paragraphs, numbering, late dates and missing REFs") {
  CheckStore cs;
  const std::string text =
      "1. The harbour board met on the tenth to discuss the dredging contract at length.\n"
      "2. The board approved the first phase of the dredging work for the spring season.\n"
      "17. Funding for the second phase remains unclear and will be decided by the council.\n"
      "3. The board approved the first phase of the dredging work for the spring season.\n";
  DocBuilder d("doc:31VELMORA42", text,
               Json{{"date_time_group", "2031-05-11T10:00:00Z"},
                    {"refs", {{{"id", "31VELMORA7"}, {"label", "A"}, {"text", "Velmora 7"}}}},
                    {"removed", {{{"reason", "duplicate paragraph"}, {"text", "An earlier copy of paragraph one."}}}}},
               "cable");
  d.Paragraph("1. The harbour board met", {{"number", 1}, {"label", "1."}});
  d.Paragraph("2. The board approved the first phase of the dredging work for the spring season.",
              {{"number", 2}, {"label", "2."}});
  d.Paragraph("17. Funding", {{"number", 3}, {"label", "17."}, {"note", "numbered \"17.\" in the text"}});
  d.Paragraph("3. The board approved the first phase of the dredging work for the spring season.",
              {{"number", 5}, {"label", "5."}});
  const std::string board = d.Entity(EntityType::kOrganization, "Velmora Harbour Board");
  ProposedClaim late;
  late.subject = board;
  late.predicate = "meeting";
  late.time = "2031-06-02";
  late.start = 0;
  late.end = 20;
  late.kind = "event";
  late.value = {{"text", "board meeting"}};
  d.batch.claims.push_back(late);
  ProposedClaim ok = late;
  ok.time = "2031-05";
  ok.predicate = "met";
  d.batch.claims.push_back(ok);
  // A plan the extractor marked as looking forward is meant to be later.
  ProposedClaim plan = late;
  plan.time = "2033";
  plan.predicate = "dredging_phases";
  plan.properties = {{"prospective", true}};
  d.batch.claims.push_back(plan);
  // A range is late when its end is; one that ended before is not.
  ProposedClaim running = late;
  running.time = "2030/2032";
  running.predicate = "dredging_years";
  d.batch.claims.push_back(running);
  ProposedClaim past = late;
  past.time = "2020/2030";
  past.predicate = "survey_years";
  d.batch.claims.push_back(past);
  cs.Write(d);
  auto checker = MakeIntegrityChecker();
  const auto findings = cs.Run(*checker);

  const auto dup = WithCode(findings, "duplicate-paragraph");
  REQUIRE(dup.size() == 2);  // the importer's note, and the stored repeat (paragraphs differ only by number)
  const auto numbering = WithCode(findings, "paragraph-numbering");
  REQUIRE(numbering.size() == 2);
  bool typed = false, sequence = false;
  for (const Finding& f : numbering) {
    typed = typed || f.message.find("numbered \"17.\"") != std::string::npos;
    sequence = sequence || f.message.find("numbered 5 where 4 was expected") != std::string::npos;
  }
  CHECK(typed);
  CHECK(sequence);
  const auto late_findings = WithCode(findings, "date-after-document");
  REQUIRE(late_findings.size() == 2);
  std::string late_messages;
  for (const Finding& f : late_findings) late_messages += f.message + "\n";
  CHECK(late_messages.find("2031-06-02") != std::string::npos);
  CHECK(late_messages.find("2030/2032") != std::string::npos);
  const auto missing = WithCode(findings, "missing-reference");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].message.find("31VELMORA7") != std::string::npos);

  // Once the cited cable is in the store the REF is no longer missing.
  DocBuilder cited("doc:31VELMORA7", "The harbour board was formed.", Json::object(), "cable");
  cs.Write(cited);
  CHECK(WithCode(cs.Run(*checker), "missing-reference").empty());
}

TEST_CASE("corroboration: the same words given to two speakers in two outlets are a conflict") {
  CheckStore cs;
  const std::string words = "We will rebuild the harbour wall before the winter storms";
  auto quote_doc = [&](const std::string& id, const std::string& publisher, const std::string& speaker) {
    DocBuilder d(id, speaker + " said: \"" + words + ".\"", Json{{"publisher", publisher}});
    const std::string who = d.Entity(EntityType::kPerson, speaker);
    d.Mention(who, speaker).Said(who, words);
    return d;
  };
  cs.Write(quote_doc("doc:wall-a", "Ridge Gazette", "Nadia Okonkwo"));
  cs.Write(quote_doc("doc:wall-b", "Coastline Post", "Nadia Okonkwo"));
  auto checker = MakeCorroborationChecker();
  // The same words from the same speaker: no conflict.
  auto findings = cs.Run(*checker);
  CHECK(WithCode(findings, "quote-speaker-conflict").empty());
  // A third outlet gives them to someone else: one warning naming both speakers and outlets.
  cs.Write(quote_doc("doc:wall-c", "Hillside Daily", "Tomas Ferreira"));
  findings = cs.Run(*checker);
  auto conflict = WithCode(findings, "quote-speaker-conflict");
  REQUIRE(conflict.size() == 1);
  CHECK(conflict[0].severity == Severity::kWarning);
  CHECK(conflict[0].message.find("Nadia Okonkwo (Coastline Post, Ridge Gazette)") != std::string::npos);
  CHECK(conflict[0].message.find("Tomas Ferreira (Hillside Daily)") != std::string::npos);
  CHECK(conflict[0].evidence["speakers"].size() == 2);
  // A short form of one speaker's name is left to the identity checker.
  CheckStore same;
  same.Write(quote_doc("doc:wall-d", "Ridge Gazette", "Nadia Okonkwo"));
  same.Write(quote_doc("doc:wall-e", "Coastline Post", "Okonkwo"));
  CHECK(WithCode(same.Run(*checker), "quote-speaker-conflict").empty());
}

namespace {

// Three outlets' reports of one trial, grouped into one story.
void WriteTrialStory(CheckStore& cs) {
  // Two outlets lay the toll on the defendant the story is about; the third
  // on the event itself (no named subject).
  DocBuilder a("doc:trial-a", "Dorian Pell was tried for the 12 deaths. Dorian Pell served 5 years before. He has 30 years ahead.",
               Json{{"publisher", "Velmora Ledger"}});
  const std::string pa = a.Entity(EntityType::kPerson, "Dorian Pell");
  a.Mention(pa, "Dorian Pell").Figure(pa, "deaths", "12 deaths").Figure(pa, "duration", "5 years before");
  a.Figure(std::string(kThisDocument), "duration", "30 years ahead");
  DocBuilder b("doc:trial-b", "Dorian Pell faced charges over 12 deaths and 5 years on the run, and 30 years in jail.",
               Json{{"publisher", "Quarry Street Wire"}});
  const std::string pb = b.Entity(EntityType::kPerson, "Dorian Pell");
  b.Mention(pb, "Dorian Pell").Figure(pb, "deaths", "12 deaths and").Figure(pb, "duration", "5 years on the run");
  b.Figure(std::string(kThisDocument), "duration", "30 years in jail");
  DocBuilder c("doc:trial-c", "The fire killed 14 people in the mill.", Json{{"publisher", "Ostrava Evening"}});
  c.Figure(std::string(kThisDocument), "deaths", "14 people");
  cs.Write(a);
  cs.Write(b);
  cs.Write(c);
  Story s;
  s.id = "story:trial";
  s.title = "trial";
  for (const char* d : {"doc:trial-a", "doc:trial-b", "doc:trial-c"}) s.members.push_back({d, "grouping", false, ""});
  REQUIRE(cs.store->SaveGrouping({s}, Actor{"test"}).ok());
}

}  // namespace

TEST_CASE("numbers: a figure about what the story is about meets the story's own figures") {
  CheckStore cs;
  WriteTrialStory(cs);
  auto checker = MakeNumbersChecker();
  const auto findings = cs.Run(*checker);
  // (The quotes differ: one quote in two outlets is one wire story.)
  // The defendant is the subject in two of three documents: his toll (12, two
  // outlets) and the event's toll (14, the third) are one toll, and conflict.
  const auto conflicts = WithCode(findings, "value-conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].evidence["subject"] == "story:trial");
  CHECK(conflicts[0].message.find("12") != std::string::npos);
  CHECK(conflicts[0].message.find("14") != std::string::npos);
  // 5 and 30 years are two things (far apart), not a conflict; each is
  // stated by two outlets, and each is an agreement.
  const auto agreements = WithCode(findings, "value-agreement");
  REQUIRE(agreements.size() == 2);
  std::set<double> agreed;
  for (const Finding& f : agreements) {
    CHECK(f.evidence["independent_sources"] == 2);
    agreed.insert(f.evidence["groups"][0]["claims"][0]["value"]["amount"].get<double>());
  }
  CHECK(agreed == std::set<double>{5, 30});
  // Each is a finding of its own across runs: their fingerprints differ.
  CHECK(agreements[0].fingerprint != agreements[1].fingerprint);
}

TEST_CASE("numbers: one distance given two compass directions by two outlets is a conflict") {
  CheckStore cs;
  auto distance = [&](const std::string& id, const std::string& publisher, const std::string& sentence,
                      const std::string& figure, const std::string& direction) {
    DocBuilder d = FigureDoc(id, publisher, "Tallow", "distance", sentence, figure, "2031", EntityType::kPlace);
    if (!direction.empty()) d.batch.claims.back().value["direction"] = direction;
    return d;
  };
  cs.Write(distance("doc:quake-a", "Velmora Ledger", "The quake struck 40 km north-east of Tallow.", "40 km", "north-east"));
  cs.Write(distance("doc:quake-b", "Quarry Street Wire", "It hit 40 km north-west of Tallow.", "40 km", "north-west"));
  cs.Write(distance("doc:quake-c", "Ostrava Evening", "The epicentre lay 40 km from Tallow.", "40 km", ""));
  auto checker = MakeNumbersChecker();
  const auto findings = cs.Run(*checker);
  const auto directions = WithCode(findings, "direction-conflict");
  REQUIRE(directions.size() == 1);
  CHECK(directions[0].severity == Severity::kWarning);
  CHECK(directions[0].message.find("north-east (Velmora Ledger)") != std::string::npos);
  CHECK(directions[0].message.find("north-west (Quarry Street Wire)") != std::string::npos);
  CHECK(directions[0].evidence["directions"].size() == 2);
  // The distances themselves agree: that is its own finding.
  CHECK(WithCode(findings, "value-agreement").size() == 1);
  // One direction, or two in one document only: no conflict.
  CheckStore same;
  same.Write(distance("doc:quake-a", "Velmora Ledger", "The quake struck 40 km north-east of Tallow.", "40 km", "north-east"));
  same.Write(distance("doc:quake-b", "Quarry Street Wire", "It hit 40 km northeast of Tallow.", "40 km", "north-east"));
  CHECK(WithCode(same.Run(*checker), "direction-conflict").empty());
}

namespace {

// Three outlets of one story (story:summit), each document built by `build`.
void WriteStory(CheckStore& cs, const std::vector<DocBuilder>& docs) {
  Story s;
  s.id = "story:summit";
  s.title = "summit";
  for (const DocBuilder& d : docs) {
    cs.Write(d);
    s.members.push_back({d.batch.document.id, "grouping", false, ""});
  }
  REQUIRE(cs.store->SaveGrouping({s}, Actor{"test"}).ok());
}

}  // namespace

TEST_CASE("numbers: a story's figures laid on different subjects are aligned by measure and value") {
  CheckStore cs;
  // The bloc's exports: on the bloc in one outlet, on the event in another
  // (no named subject), 181 against 188 billion: close, a conflict. Its
  // members: the same 12 on a country and on a person, under a plain count
  // and a specific measure: an agreement. Its population: 360 million on the
  // bloc and 2 million on a city: far apart, two things.
  DocBuilder a("doc:summit-a", "The Varnian Community has exports of $181bn. The 12 members met in Tallow, a city of 2 million people.",
               Json{{"publisher", "Velmora Ledger"}});
  const std::string bloc = a.Entity(EntityType::kOrganization, "Varnian Community");
  const std::string tallow = a.Entity(EntityType::kPlace, "Tallow");
  a.Mention(bloc, "Varnian Community", 0, EntityType::kOrganization).Mention(tallow, "Tallow", 0, EntityType::kPlace);
  a.Figure(bloc, "exports", "$181bn").Figure(tallow, "count:member", "12 members").Figure(tallow, "population", "2 million people");
  DocBuilder b("doc:summit-b", "The bloc will have exports of $188 billion. Dorian Pell hosted 12 members and 360 million people.",
               Json{{"publisher", "Quarry Street Wire"}});
  const std::string pell = b.Entity(EntityType::kPerson, "Dorian Pell");
  b.Mention(pell, "Dorian Pell").Figure(std::string(kThisDocument), "exports", "$188 billion");
  b.Figure(pell, "members", "12 members").Figure(std::string(kThisDocument), "population", "360 million people");
  WriteStory(cs, {a, b});
  auto checker = MakeNumbersChecker();
  const auto findings = cs.Run(*checker);
  const auto conflicts = WithCode(findings, "value-conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].evidence["subject"] == "story:summit");
  CHECK(conflicts[0].evidence["predicate"] == "export");
  CHECK(conflicts[0].message.find("181,000,000,000") != std::string::npos);
  CHECK(conflicts[0].message.find("188,000,000,000") != std::string::npos);
  // It says which subjects it aligned, and is found by them.
  CHECK(conflicts[0].evidence["laid_on"].size() == 2);
  CHECK(conflicts[0].evidence["why"].get<std::string>().find("different subjects") != std::string::npos);
  CHECK(std::find(conflicts[0].refs.begin(), conflicts[0].refs.end(), std::string("org:varnian-community")) !=
        conflicts[0].refs.end());
  const auto agreements = WithCode(findings, "value-agreement");
  REQUIRE(agreements.size() == 1);
  CHECK(agreements[0].evidence["predicate"] == "member");
  CHECK(agreements[0].evidence["groups"][0]["claims"].size() == 2);
  // Each claim is cited with the subject it was laid on.
  std::set<std::string> laid;
  for (const auto& c : agreements[0].evidence["groups"][0]["claims"]) laid.insert(c["subject"].get<std::string>());
  CHECK(laid == std::set<std::string>{"place:tallow", "person:dorian-pell"});
  // Run again: the same findings, by fingerprint.
  const auto again = cs.Run(*checker);
  CHECK(again.size() == findings.size());
  CHECK(WithCode(again, "value-conflict")[0].fingerprint == conflicts[0].fingerprint);
}

TEST_CASE("numbers: across subjects, small amounts, two specific measures and one document's two values are not aligned") {
  CheckStore cs;
  // 3 under a plain count and under "visits": small, not aligned. $5m as aid
  // and as a fine: two measures, not aligned. Exports of 100 and 110 million
  // given both by one outlet: two things, no conflict.
  DocBuilder a("doc:summit-a", "Tallow saw 3 ships. Tallow gave $5m in aid. Tallow exports $100m of fish and $110m of wool.",
               Json{{"publisher", "Velmora Ledger"}});
  const std::string tallow = a.Entity(EntityType::kPlace, "Tallow");
  a.Mention(tallow, "Tallow", 0, EntityType::kPlace);
  a.Figure(tallow, "count:ship", "3 ships").Figure(tallow, "aid", "$5m").Figure(tallow, "exports", "$100m");
  a.Figure(tallow, "exports", "$110m");
  DocBuilder b("doc:summit-b", "Dorian Pell made 3 visits. Dorian Pell was fined $5m. Exports came to $110m.",
               Json{{"publisher", "Quarry Street Wire"}});
  const std::string pell = b.Entity(EntityType::kPerson, "Dorian Pell");
  b.Mention(pell, "Dorian Pell").Figure(pell, "visits", "3 visits").Figure(pell, "fine", "$5m");
  b.Figure(std::string(kThisDocument), "exports", "$110m");
  WriteStory(cs, {a, b});
  auto checker = MakeNumbersChecker();
  const auto findings = cs.Run(*checker);
  CHECK(WithCode(findings, "value-conflict").empty());
  // The $110m exports are given by both outlets: that one agrees.
  const auto agreements = WithCode(findings, "value-agreement");
  REQUIRE(agreements.size() == 1);
  CHECK(agreements[0].message.find("110,000,000") != std::string::npos);
}

TEST_CASE("numbers: a value one document also gives is no disagreement between outlets") {
  CheckStore cs;
  // "About 12 helicopters" in all three outlets; one of them also says the
  // marines will have 10. No outlet gives 10 alone: no conflict, and the 12
  // is an agreement.
  // (Each outlet words it its own way: one quote in two outlets is one wire story.)
  auto doc = [](const std::string& id, const std::string& publisher, const std::string& text, const std::string& figure) {
    DocBuilder d(id, text, Json{{"publisher", publisher}});
    d.Figure(std::string(kThisDocument), "count:helicopter", figure);
    return d;
  };
  DocBuilder a = doc("doc:summit-a", "Velmora Ledger", "About 12 helicopters fly. The marines will have 10 helicopters.",
                     "About 12 helicopters");
  a.Figure(std::string(kThisDocument), "count:helicopter", "10 helicopters");
  WriteStory(cs, {a, doc("doc:summit-b", "Quarry Street Wire", "Some 12 helicopters fly supplies in.", "Some 12 helicopters"),
                  doc("doc:summit-c", "Ostrava Evening", "They sent 12 helicopters.", "12 helicopters")});
  auto checker = MakeNumbersChecker();
  const auto findings = cs.Run(*checker);
  CHECK(WithCode(findings, "value-conflict").empty());
  const auto agreements = WithCode(findings, "value-agreement");
  REQUIRE(agreements.size() == 1);
  CHECK(agreements[0].evidence["independent_sources"] == 3);
}

TEST_CASE("numbers: a conflict shows only the values two documents disagree on") {
  CheckStore cs;
  // 38 injured in one outlet, 59 in another, which also counts 5 injured
  // by a second bomb: 38 against 59 conflict; the 5 is no side of it.
  DocBuilder a("doc:summit-a", "The bombs wounded 38 others.", Json{{"publisher", "Velmora Ledger"}});
  a.Figure(std::string(kThisDocument), "injured", "38 others");
  DocBuilder b("doc:summit-b", "Officials said 59 wounded were taken in. Later a mine hurt 5 people.",
               Json{{"publisher", "Quarry Street Wire"}});
  b.Figure(std::string(kThisDocument), "injured", "59 wounded").Figure(std::string(kThisDocument), "injured", "5 people");
  WriteStory(cs, {a, b});
  auto checker = MakeNumbersChecker();
  const auto conflicts = WithCode(cs.Run(*checker), "value-conflict");
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].evidence["groups"].size() == 2);
  CHECK(conflicts[0].message.find("38 person") != std::string::npos);
  CHECK(conflicts[0].message.find("59 person") != std::string::npos);
  CHECK(conflicts[0].message.find("5 person") == std::string::npos);
}
