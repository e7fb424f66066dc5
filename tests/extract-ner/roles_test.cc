// Roles on fixtures written for dossier: the title a person holds, and where.
#include <catch2/catch.hpp>

#include "lines.h"
#include "recognizer.h"
#include "roles.h"

using namespace dossier;
using namespace dossier::ner;
using dossier::ner::testing::Lines;

namespace {

struct Found {
  std::string person, title, organization;
};

std::vector<Found> RolesIn(const std::string& text) {
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  std::vector<Found> out;
  for (const Role& role : FindRoles(text, r, paras)) {
    out.push_back({r.entities[static_cast<size_t>(role.person)].name, role.title,
                   role.organization >= 0 ? r.entities[static_cast<size_t>(role.organization)].name : ""});
  }
  return out;
}

const Found* Of(const std::vector<Found>& roles, const std::string& person) {
  for (const auto& f : roles) {
    if (f.person == person) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("roles: a title before the name, with the organization before it", "[roles]") {
  const auto roles = RolesIn(
      "Kessling Corp spokeswoman Ilsa Brandt said the plant would close.\n"
      "Maj. Gen. Oren Vasquez arrived on Monday.\n"
      "On Monday, Secretary of State Dorian Pell met the mayor.\n"
      "Officials tapped Sen. Ada Whitlock for the post.");
  const Found* brandt = Of(roles, "Ilsa Brandt");
  REQUIRE(brandt);
  CHECK(brandt->title == "spokeswoman");
  CHECK(brandt->organization == "Kessling Corp");
  const Found* vasquez = Of(roles, "Oren Vasquez");
  REQUIRE(vasquez);
  CHECK(vasquez->title == "major general");  // abbreviations written out
  const Found* pell = Of(roles, "Dorian Pell");
  REQUIRE(pell);
  CHECK(pell->title == "secretary of state");
  const Found* whitlock = Of(roles, "Ada Whitlock");
  REQUIRE(whitlock);
  CHECK(whitlock->title == "senator");  // not "tapped senator"
}

TEST_CASE("roles: a title in apposition, with its organization after 'of'", "[roles]") {
  const auto roles = RolesIn(
      "Nadia Okonkwo, chief engineer of the Marlow Harbour Board, said the dredging was late.\n"
      "Tomas Reyes, a 49-year-old sailor with 30 years at sea, disagreed.\n"
      "His daughter Leslie Reyes was not there.");
  const Found* okonkwo = Of(roles, "Nadia Okonkwo");
  REQUIRE(okonkwo);
  CHECK(okonkwo->title == "chief engineer");
  CHECK(okonkwo->organization == "Marlow Harbour Board");
  // No title word: a description, not a role. Kin is no title.
  CHECK(!Of(roles, "Tomas Reyes"));
  CHECK(!Of(roles, "Leslie Reyes"));
}
