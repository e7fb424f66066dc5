// Figures of one document that do not add up (plugins/check-facts/arithmetic.h),
// on sentences written for these tests: each rule with a slip it must find
// and a sound statement it must leave alone.
#include <catch2/catch.hpp>

#include "arithmetic.h"

using dossier::check::FindSlips;
using dossier::check::Slip;

TEST_CASE("arithmetic: a change and the level it reached against the percent stated") {
  // 4.10 on a base of 16.50 is 24.8%, not 30%.
  auto slips = FindSlips("Halvorsen shares rose $4.10 to $20.60, or 30%, on Tuesday.");
  REQUIRE(slips.size() == 1);
  CHECK(slips[0].code == "change-percent");
  CHECK(slips[0].stated == 30);
  CHECK(slips[0].computed == Approx(24.85).epsilon(0.01));
  CHECK(slips[0].message.find("rose $4.10 to $20.60") != std::string::npos);
  CHECK(slips[0].message.find("30%") != std::string::npos);
  // Stated right, rounded to the unit: no slip.
  CHECK(FindSlips("Halvorsen shares rose $4.10 to $20.60, or 25%, on Tuesday.").empty());
  // Falls: 2 down to 8 is from 10, a 20% fall.
  CHECK(FindSlips("The index fell 2 points to 8 points, or 20 percent.").empty());
  REQUIRE(FindSlips("The index fell 2 points to 8 points, or 25 percent.").size() == 1);
  // "from A to B": 16.50 to 20.60 is 24.8%.
  CHECK(FindSlips("Shares climbed from $16.50 to $20.60, a 25% gain.").empty());
  REQUIRE(FindSlips("Shares climbed from $16.50 to $20.60, a 40% gain.").size() == 1);
  // A hedged percent is read loosely; a percent about something else is not compared.
  CHECK(FindSlips("Shares rose $4.10 to $20.60, or about 27%.").empty());
  CHECK(FindSlips("Shares rose $4.10 to $20.60; the index rose 2%.").empty());
  // No direction word: nothing to compute.
  CHECK(FindSlips("It paid $4.10 to $20.60, or 30%, per share.").empty());
}

TEST_CASE("arithmetic: one event given two lengths in one document") {
  const std::string text =
      "The minister began a five-day visit to Tallinn on Monday.\n"
      "Officials said the six-day visit would end with a summit.\n"
      "A two-year plan and a five-year plan were both signed.";
  const auto slips = FindSlips(text);
  REQUIRE(slips.size() == 1);
  CHECK(slips[0].code == "duration-two-ways");
  CHECK(slips[0].computed == 5);
  CHECK(slips[0].stated == 6);
  CHECK(slips[0].message.find("five-day visit") != std::string::npos);
  CHECK(slips[0].message.find("six-day visit") != std::string::npos);
  // The same length twice, or in digits and words, is no slip.
  CHECK(FindSlips("A 5-day visit began. The five-day visit ended.").empty());
}
