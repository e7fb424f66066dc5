// The recognizer's index of names by their parts (plugins/extract-ner/name_index.h).
#include <catch2/catch.hpp>

#include "name_index.h"

using dossier::ner::NameIndex;

namespace {

NameIndex MakeIndex() {
  return NameIndex({[](std::string_view w) { return w == "sun" || w == "li"; },
                    [](std::string_view w) { return w == "da" || w == "de"; }});
}

}  // namespace

TEST_CASE("a surname, a family name put first or an inner word finds its one person", "[name_index]") {
  NameIndex index = MakeIndex();
  index.AddPerson(0, "sun zhengcai");
  index.AddPerson(1, "luiz inacio lula da silva");
  index.AddPerson(2, "rinehart");
  index.AddPerson(3, "ana moreau lindqvist");
  CHECK(index.PersonBySurname("sun") == 0);       // family name first
  CHECK(index.PersonBySurname("zhengcai") == 0);  // last word
  CHECK(index.PersonBySurname("lula") == 1);      // an inner word of a long name
  CHECK(index.PersonBySurname("inacio") == 1);
  CHECK(index.PersonBySurname("da") == -1);       // a particle stands for nobody
  CHECK(index.PersonBySurname("luiz") == -1);     // a given name first is no surname
  CHECK(index.PersonBySurname("rinehart") == 2);  // a one-word name
  CHECK(index.PersonBySurname("moreau lindqvist") == 3);  // a two-word ending ("Moreau-Lindqvist")
  CHECK(index.PersonBySurname("ana moreau lindqvist") == -1);  // the whole name is no shortening of it
  CHECK(index.PersonBySurname("okonkwo") == -1);
}

TEST_CASE("a word two people share is ambiguous, one person twice is not", "[name_index]") {
  NameIndex index = MakeIndex();
  index.AddPerson(4, "nadia okonkwo");
  CHECK(index.PersonBySurname("okonkwo") == 4);
  index.AddPerson(5, "ada okonkwo");
  CHECK(index.PersonBySurname("okonkwo") == -2);
  index.AddPerson(6, "okonkwo");  // a third: still ambiguous, nothing more kept
  CHECK(index.PersonBySurname("okonkwo") == -2);
  // "li li li": the same person through three rules is one person.
  index.AddPerson(7, "li wen li");
  CHECK(index.PersonBySurname("li") == 7);
}

TEST_CASE("a name finds the one longer name ending with it", "[name_index]") {
  NameIndex index = MakeIndex();
  index.AddPerson(0, "fernando reyes matta");
  index.AddPerson(1, "reyes matta");
  index.AddPerson(2, "pinochet");
  index.AddPerson(3, "augusto pinochet");
  index.AddPerson(4, "lucia pinochet");
  CHECK(index.PersonEndingWith("reyes matta") == 0);
  CHECK(index.PersonEndingWith("matta") == -2);  // two names end with it
  CHECK(index.PersonEndingWith("pinochet") == -2);
  CHECK(index.PersonEndingWith("fernando reyes matta") == -1);  // a name does not end itself
  CHECK(index.PersonEndingWith("augusto") == -1);
}

TEST_CASE("a short name finds the first organization it starts", "[name_index]") {
  NameIndex index = MakeIndex();
  index.AddOrganization(2, "brookings institution");
  index.AddOrganization(5, "brookings institution trust");
  index.AddOrganization(6, "marlow harbour board");
  CHECK(index.OrganizationStartingWith("brookings") == 2);
  CHECK(index.OrganizationStartingWith("brookings institution") == 5);
  CHECK(index.OrganizationStartingWith("marlow harbour") == 6);
  CHECK(index.OrganizationStartingWith("marlow harbour board") == -1);  // the whole name starts nothing
  CHECK(index.OrganizationStartingWith("harbour") == -1);
}
