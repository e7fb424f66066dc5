// The resolver (kernel/src/resolver.h): its rules on an index written for the
// test, then through the store, where every automatic merge carries its
// evidence, shows in Describe, and is undone by Split for good.
#include <catch2/catch.hpp>

#include "dossier/store.h"
#include "dossier/text.h"
#include "resolver.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::TempDir;

namespace {

// An index over a few entities held in memory.
class FakeIndex final : public ResolverIndex {
 public:
  void Add(const std::string& id, EntityType type, const std::string& name, Json props = Json::object(),
           std::vector<std::string> aliases = {}) {
    entities_.push_back({{id, id, type, name, std::move(props)}, std::move(aliases)});
  }
  std::vector<Candidate> ByName(const std::string& norm, bool aliases) override {
    std::vector<Candidate> out;
    for (const auto& [c, al] : entities_) {
      if (!aliases && NormalizeName(c.name) == norm) out.push_back(c);
      for (const auto& a : al) {
        if (aliases && NormalizeName(a) == norm) out.push_back(c);
      }
    }
    return out;
  }
  std::vector<Candidate> ByKey(NameKey kind, const std::string& key) override {
    std::vector<Candidate> out;
    for (const auto& [c, al] : entities_) {
      for (const auto& [k, v] : NameKeys(c.type, c.name)) {
        if (k == kind && v == key) out.push_back(c);
      }
    }
    return out;
  }
  bool JudgedDifferent(const std::string&, const std::string&) override { return false; }

 private:
  std::vector<std::pair<Candidate, std::vector<std::string>>> entities_;
};

ProposedEntity Proposed(EntityType type, const std::string& name, Json props = Json::object(), double confidence = 1.0) {
  ProposedEntity p;
  p.key = "k";
  p.type = type;
  p.name = name;
  p.properties = std::move(props);
  p.type_confidence = confidence;
  return p;
}

}  // namespace

TEST_CASE("resolver: names, legal forms, surnames, places' kinds and weak types", "[resolver]") {
  FakeIndex index;
  index.Add("org:halvorsen-marine", EntityType::kOrganization, "Halvorsen Marine");
  index.Add("org:brightwater-holdings", EntityType::kOrganization, "Brightwater Holdings Corp.");
  index.Add("person:amara-okafor", EntityType::kPerson, "Amara Okafor");
  index.Add("person:ines-vogel", EntityType::kPerson, "Ines Vogel");
  index.Add("person:karl-vogel", EntityType::kPerson, "Karl Vogel");
  index.Add("place:washington", EntityType::kPlace, "Washington", {{"kind", "subdivision"}, {"subdivision", "US-WA"}});
  index.Add("org:lantern-freight", EntityType::kOrganization, "Lantern Freight", Json::object(), {"Lantern"});

  // The same name, and the same name but for the legal form.
  CHECK(Resolve(Proposed(EntityType::kOrganization, "Halvorsen Marine"), index).id == "org:halvorsen-marine");
  const Resolution corp = Resolve(Proposed(EntityType::kOrganization, "Halvorsen Marine Corp."), index);
  CHECK(corp.id == "org:halvorsen-marine");
  CHECK(corp.rule == "org-form");
  CHECK(corp.merge);
  CHECK(corp.evidence.find("legal form") != std::string::npos);
  CHECK(Resolve(Proposed(EntityType::kOrganization, "Halvorsen Marine Inc"), index).id == "org:halvorsen-marine");
  // A holding company is another company; so is a longer name.
  CHECK(Resolve(Proposed(EntityType::kOrganization, "Halvorsen Marine Holdings"), index).id.empty());
  CHECK(Resolve(Proposed(EntityType::kOrganization, "Brightwater"), index).id.empty());

  // A surname alone that one known person has; not one two people share.
  const Resolution okafor = Resolve(Proposed(EntityType::kPerson, "Okafor"), index);
  CHECK(okafor.id == "person:amara-okafor");
  CHECK(okafor.rule == "surname");
  CHECK(Resolve(Proposed(EntityType::kPerson, "Vogel"), index).id.empty());

  // Washington the city is not Washington the state.
  CHECK(Resolve(Proposed(EntityType::kPlace, "Washington", {{"kind", "city"}, {"subdivision", "US-DC"}}), index).id.empty());
  CHECK(Resolve(Proposed(EntityType::kPlace, "Washington", {{"kind", "subdivision"}}), index).id == "place:washington");

  // A bare name guessed to be a person is the organization the store knows.
  const Resolution weak = Resolve(Proposed(EntityType::kPerson, "Lantern", Json::object(), 0.6), index);
  CHECK(weak.id == "org:lantern-freight");
  CHECK(weak.type == EntityType::kOrganization);
  CHECK(weak.rule == "type");
  // On firm evidence it stays what it was proposed as.
  CHECK(Resolve(Proposed(EntityType::kPerson, "Lantern", Json::object(), 0.9), index).id.empty());
}

TEST_CASE("resolver: a longer or shorter form of one known person's name", "[resolver]") {
  FakeIndex index;
  index.Add("person:luiz-inacio-lula-da-silva", EntityType::kPerson, "Luiz Inacio Lula da Silva");
  index.Add("person:amara-okafor", EntityType::kPerson, "Amara Okafor");
  index.Add("person:george-w-bush", EntityType::kPerson, "George W. Bush");
  index.Add("person:george-h-w-bush", EntityType::kPerson, "George H. W. Bush");
  // Its last words, not starting with a particle.
  const Resolution lula = Resolve(Proposed(EntityType::kPerson, "Lula da Silva"), index);
  CHECK(lula.id == "person:luiz-inacio-lula-da-silva");
  CHECK(lula.rule == "name-form");
  CHECK(lula.merge);
  CHECK(lula.evidence.find("shorter form") != std::string::npos);
  CHECK(Resolve(Proposed(EntityType::kPerson, "da Silva"), index).id.empty());
  // The same first and last names with a middle one: either way round.
  CHECK(Resolve(Proposed(EntityType::kPerson, "Amara Nneka Okafor"), index).id == "person:amara-okafor");
  // Two known people fit "George Bush": neither is taken.
  CHECK(Resolve(Proposed(EntityType::kPerson, "George Bush"), index).id.empty());
  // Another first name is another person.
  CHECK(Resolve(Proposed(EntityType::kPerson, "Chidi Okafor"), index).id.empty());
}

TEST_CASE("the store merges short forms with their evidence, split undoes it for good", "[resolver]") {
  TempDir dir;
  StoreOptions options;
  options.create_if_missing = true;
  auto store = std::move(Store::Open(dir / "r.db", options)).value();
  const Actor importer{"test:import"};
  auto write = [&](const std::string& id, const std::string& text, std::vector<ProposedEntity> entities) {
    DocumentBatch b;
    b.document.id = id;
    b.document.title = id;
    b.document.text = text;
    for (size_t i = 0; i < entities.size(); ++i) {
      entities[i].key = "e" + std::to_string(i);
      ProposedMention m;
      m.entity = entities[i].key;
      m.type = entities[i].type;
      m.start = 0;
      m.end = 1;
      b.mentions.push_back(m);
    }
    b.entities = std::move(entities);
    REQUIRE(store->WriteDocument(b, importer).ok());
  };
  // The surname comes first, the full name later: the full name takes it in.
  write("doc:one", "Okafor spoke.", {Proposed(EntityType::kPerson, "Okafor")});
  write("doc:two", "Amara Okafor spoke.", {Proposed(EntityType::kPerson, "Amara Okafor")});
  CHECK(*store->Resolve("person:okafor") == "person:amara-okafor");
  // And later surnames alone resolve to the one person.
  write("doc:three", "Okafor again.", {Proposed(EntityType::kPerson, "Okafor")});
  auto details = store->Describe("person:amara-okafor");
  REQUIRE(details.ok());
  CHECK(details->mention_count == 3);
  REQUIRE(details->merges.size() == 1);
  CHECK(details->merges[0].absorbed == "person:okafor");
  CHECK(details->merges[0].by == "resolver");
  CHECK(details->merges[0].reason.find("one known person") != std::string::npos);

  // Legal forms.
  write("doc:four", "Halvorsen Marine Corp. said.", {Proposed(EntityType::kOrganization, "Halvorsen Marine Corp.")});
  write("doc:five", "Halvorsen Marine said.", {Proposed(EntityType::kOrganization, "Halvorsen Marine")});
  CHECK(*store->Resolve("Halvorsen Marine") == *store->Resolve("Halvorsen Marine Corp."));

  // The curator undoes the resolver; a re-import does not merge them again.
  REQUIRE(store->Split("person:okafor", Actor{"test:curator"}).ok());
  CHECK(*store->Resolve("person:okafor") == "person:okafor");
  write("doc:six", "Okafor, once more.", {Proposed(EntityType::kPerson, "Okafor")});
  CHECK(*store->Resolve("person:okafor") == "person:okafor");
  CHECK(store->Describe("person:okafor")->mention_count >= 2);
}
