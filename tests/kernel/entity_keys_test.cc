// EntityKeys gives what DocumentBatch::Entity gives, by hash.
#include <catch2/catch.hpp>

#include "dossier/facts.h"

using namespace dossier;

TEST_CASE("entity keys agree with DocumentBatch::Entity, clashes and stubs included", "[entity_keys]") {
  // Two batches built the same way, one through each.
  auto start = [] {
    DocumentBatch b;
    ProposedEntity stub;  // an entity with an id is never found by name
    stub.key = "ref:05MARLOW1";
    stub.type = EntityType::kOrganization;
    stub.name = "Marlow Harbour Board";
    stub.id = "doc:05MARLOW1";
    b.entities.push_back(stub);
    ProposedEntity own;  // a key of the "eN" form chosen by the caller
    own.key = "e3";
    own.type = EntityType::kPlace;
    own.name = "Port Ostran";
    b.entities.push_back(own);
    return b;
  };
  DocumentBatch scanned = start(), hashed = start();
  EntityKeys keys(hashed);
  const std::vector<std::pair<EntityType, std::string>> names = {
      {EntityType::kOrganization, "Marlow Harbour Board"}, {EntityType::kPerson, "Nadia Okonkwo"},
      {EntityType::kPerson, "NADIA OKONKWO"},              {EntityType::kPlace, "Port Ostran"},
      {EntityType::kOrganization, "Nadia Okonkwo"},        {EntityType::kPerson, "Ilse Marángoni"},
      {EntityType::kPerson, "Ilse Marangoni"},             {EntityType::kPlace, "Lantern City"}};
  for (const auto& [type, name] : names) {
    INFO(name);
    CHECK(keys.Entity(type, name) == scanned.Entity(type, name));
    // Entities added between calls, at the end, are found as well.
    if (name == "Port Ostran") {
      for (DocumentBatch* b : {&scanned, &hashed}) {
        ProposedEntity late;
        late.key = "e6";
        late.type = EntityType::kPerson;
        late.name = "Otto Brennicke";
        b->entities.push_back(late);
      }
      CHECK(keys.Entity(EntityType::kPerson, "Otto  Brennicke") == scanned.Entity(EntityType::kPerson, "Otto Brennicke"));
    }
  }
  REQUIRE(hashed.entities.size() == scanned.entities.size());
  for (size_t i = 0; i < scanned.entities.size(); ++i) {
    CHECK(hashed.entities[i].key == scanned.entities[i].key);
    CHECK(hashed.entities[i].name == scanned.entities[i].name);
  }
  REQUIRE(keys.Find("e3") != nullptr);
  CHECK(keys.Find("e3")->name == "Port Ostran");
  CHECK(keys.Find("e99") == nullptr);
}
