// The data tables and how addresses and posts become organizations.
#include <catch2/catch.hpp>

#include "orgs.h"
#include "tables.h"

using namespace dossier::cable;

TEST_CASE("country TAGS are FIPS codes, mapped to ISO 3166", "[cable][tables]") {
  struct Case {
    const char* tag;
    const char* iso;
    const char* name;
  };
  for (const Case& k : {Case{"CH", "CN", "China"}, Case{"SZ", "CH", "Switzerland"}, Case{"IS", "IL", "Israel"},
                        Case{"IC", "IS", "Iceland"}, Case{"UK", "GB", "United Kingdom"}, Case{"GM", "DE", "Germany"},
                        Case{"RS", "RU", "Russia"}, Case{"IN", "IN", "India"}, Case{"KV", "XK", "Kosovo"}}) {
    INFO(k.tag);
    const Country* c = CountryByTag(k.tag);
    REQUIRE(c != nullptr);
    CHECK(c->iso == k.iso);
    CHECK(c->name == k.name);
  }
  CHECK(CountryByTag("XM") == nullptr);  // a region, not a country
  CHECK(CountryByTag("PREL") == nullptr);
}

TEST_CASE("subject TAGS have meanings, unknown codes have none", "[cable][tables]") {
  CHECK(TagMeaning("ETRD") == "Foreign Trade");
  CHECK(TagMeaning("PREL") == "External Political Relations");
  CHECK(TagMeaning("KNNP") == "Nuclear Nonproliferation");
  CHECK(TagMeaning("KXYZ").empty());
}

TEST_CASE("telegraphic addresses name organizations in places", "[cable][tables]") {
  struct Case {
    const char* address;
    const char* name;
    const char* kind;
    const char* city;
    const char* iso;
  };
  for (const Case& k : {
           Case{"AMCONSUL GUANGZHOU", "US Consulate General Guangzhou", "diplomatic_post", "Guangzhou", "CN"},
           Case{"AMCONSUL PESHAWAR", "US Consulate Peshawar", "diplomatic_post", "Peshawar", "PK"},
           Case{"AMEMBASSY NEW DELHI", "US Embassy New Delhi", "diplomatic_post", "New Delhi", "IN"},
           Case{"SECSTATE WASHDC", "US Department of State", "government", "Washington", "US"},
           Case{"USMISSION UNVIE VIENNA", "US Mission to the UN Agencies in Vienna", "diplomatic_post", "Vienna", "AT"},
           Case{"USMISSION USUN NEW YORK", "US Mission to the United Nations", "diplomatic_post", "New York", "US"},
           Case{"USEU BRUSSELS", "US Mission to the European Union", "diplomatic_post", "Brussels", "BE"},
           Case{"USINT HAVANA", "US Interests Section Havana", "diplomatic_post", "Havana", "CU"},
           Case{"HQ USPACOM HONOLULU HI", "US Pacific Command", "military", "Honolulu", "US"},
           Case{"AMEMBASSY ATLANTIS", "US Embassy Atlantis", "diplomatic_post", "Atlantis", ""},
       }) {
    INFO(k.address);
    const OrgRef o = OrganizationForAddress(k.address);
    CHECK(o.name == k.name);
    CHECK(o.kind == k.kind);
    CHECK(o.city == k.city);
    CHECK(o.iso == k.iso);
  }
  const OrgRef collective = OrganizationForAddress("EU MEMBER STATES COLLECTIVE");
  CHECK(collective.name == "EU Member States Collective");
  CHECK(collective.kind == "other");
  CHECK(collective.description == "telegram collective address");
  // An address nobody listed is kept as written.
  CHECK(OrganizationForAddress("PACOM IDHS HONOLULU HI").name == "PACOM IDHS HONOLULU HI");
}

TEST_CASE("a post named only by the classification line", "[cable][tables]") {
  CHECK(OrganizationForPost("GUANGZHOU").name == "US Consulate General Guangzhou");
  CHECK(OrganizationForPost("GUANGZHOU").short_name == "Consulate General Guangzhou");
  CHECK(OrganizationForAddress("AMEMBASSY NEW DELHI").short_name == "Embassy New Delhi");
  CHECK(OrganizationForAddress("SECSTATE WASHDC").short_name.empty());
  CHECK(OrganizationForPost("BRASILIA").name == "US Embassy Brasilia");
  CHECK(OrganizationForPost("STATE").name == "US Department of State");
  CHECK(OrganizationForPost("IRAN RPO DUBAI").name == "Iran Regional Presence Office Dubai");
  const OrgRef unknown = OrganizationForPost("ATLANTIS");
  CHECK(unknown.name == "US Diplomatic Post Atlantis");
  CHECK(unknown.city == "Atlantis");
}
