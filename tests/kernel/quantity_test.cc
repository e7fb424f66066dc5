// Quantities: numbers, scales, currencies, units, hedges, ranges, ratios, ranks.
#include <catch2/catch.hpp>

#include "dossier/quantity.h"

using namespace dossier;

namespace {

// The only quantity in text (fails the test if there is not exactly one).
Quantity One(const std::string& text) {
  auto all = FindQuantities(text);
  INFO(text);
  REQUIRE(all.size() == 1);
  return all[0];
}

std::string SpanOf(const std::string& text, const Quantity& q) {
  return text.substr(static_cast<size_t>(q.start), static_cast<size_t>(q.end - q.start));
}

}  // namespace

TEST_CASE("money in its usual spellings comes out in plain units", "[quantity]") {
  for (const char* s : {"a $11.5bn deal", "a $11.5 billion deal", "a deal of 11,500 million dollars",
                        "a deal worth USD 11.5 billion", "a deal worth US$11.5bn"}) {
    Quantity q = One(s);
    INFO(s);
    CHECK(q.kind == Quantity::Kind::kMoney);
    CHECK(q.unit == "USD");
    CHECK(q.amount == Approx(11.5e9));
  }
  Quantity q = One("the $580 billion annual trade relationship");
  CHECK(q.noun == "annual trade relationship");
  CHECK(One("€3 million").unit == "EUR");
  CHECK(One("£40m").amount == Approx(40e6));
  CHECK(One("over Rs 1,000 crore").amount == Approx(1e10));
  CHECK(One("over Rs 1,000 crore").qualifier == "more than");
  CHECK(One("it cost 75 cents").amount == Approx(0.75));
  Quantity rate = One("at a cost of $100,000 a year.");
  CHECK(rate.per == "year");
  CHECK(SpanOf("at a cost of $100,000 a year.", rate) == "$100,000 a year");
}

TEST_CASE("counts know what they count, in the singular", "[quantity]") {
  const std::string text = "a municipality of nearly 30 million people";
  Quantity q = One(text);
  CHECK(q.kind == Quantity::Kind::kCount);
  CHECK(q.amount == 30e6);
  CHECK(q.unit == "person");
  CHECK(q.qualifier == "nearly");
  CHECK(SpanOf(text, q) == "nearly 30 million people");
  Quantity cars = One("more than 9 million cars and motorcycles annually");
  CHECK(cars.unit == "car");
  CHECK(cars.noun == "cars and motorcycles");
  CHECK(cars.per == "year");
  CHECK(cars.qualifier == "more than");
  CHECK(One("1,700 multinational companies").unit == "company");
  CHECK(One("nearly one million US jobs depend on it").unit == "job");
  CHECK(One("ten cities").amount == 10);
  CHECK(One("twenty-five delegates").amount == 25);
  CHECK(One("the 20-odd delegates").qualifier == "approximately");
}

TEST_CASE("hedges normalise to the claim schema's qualifiers", "[quantity]") {
  CHECK(One("some 3,000 people").qualifier == "approximately");
  CHECK(One("about 3,000 people").qualifier == "approximately");
  CHECK(One("an estimated 35,000 people").qualifier == "approximately");
  CHECK(One("more than 3,000 people").qualifier == "more than");
  CHECK(One("over 3,000 people").qualifier == "more than");
  CHECK(One("almost 3,000 people").qualifier == "nearly");
  CHECK(One("fewer than 3,000 people").qualifier == "less than");
  CHECK(One("at least 3,000 people").qualifier == "at least");
  CHECK(One("up to 3,000 people").qualifier == "at most");
  CHECK(One("3,000 people").qualifier == "exact");
}

TEST_CASE("ranges", "[quantity]") {
  Quantity q = One("between 3,000 and 4,000 people");
  CHECK(q.amount == 3000);
  REQUIRE(q.amount_max.has_value());
  CHECK(*q.amount_max == 4000);
  CHECK(q.unit == "person");
  Quantity m = One("$3 to $4 billion");
  CHECK(m.amount == Approx(3e9));
  CHECK(*m.amount_max == Approx(4e9));
  CHECK(One("3-4 million people").amount == Approx(3e6));
}

TEST_CASE("ratios, multiples, percentages, ranks, measures and ages", "[quantity]") {
  Quantity laptops = One("1 of every 4 laptops in the world");
  CHECK(laptops.kind == Quantity::Kind::kRatio);
  CHECK(laptops.amount == 0.25);
  CHECK(laptops.unit == "laptop");
  CHECK(One("one in five Americans").amount == Approx(0.2));
  Quantity times = One("China sells four times more goods");
  CHECK(times.kind == Quantity::Kind::kRatio);
  CHECK(times.amount == 4);
  CHECK(times.unit == "times");
  CHECK(times.noun == "goods");
  CHECK(One("18 percent of orders").kind == Quantity::Kind::kPercent);
  CHECK(One("18 per cent").amount == 18);
  CHECK(One("a 1.79% rise").amount == Approx(1.79));
  CHECK(One("up 2 percentage points").unit == "percentage point");
  Quantity rank = One("the world’s second-largest market");
  CHECK(rank.kind == Quantity::Kind::kRank);
  CHECK(rank.amount == 2);
  CHECK(rank.noun == "market");
  Quantity weight = One("more than 600 pounds of early-season cherries");
  CHECK(weight.kind == Quantity::Kind::kMeasure);
  CHECK(weight.unit == "pound");
  CHECK(weight.noun == "early-season cherries");
  CHECK(One("a 1 million-square-foot hall").unit == "square foot");
  CHECK(One("7,000 miles").unit == "mile");
  Quantity age = One("the 89-year-old general");
  CHECK(age.kind == Quantity::Kind::kAge);
  CHECK(age.amount == 89);
}

TEST_CASE("a count's noun may carry names before it, after digits", "[quantity]") {
  Quantity q = One("a reference to 75 Cuban dissidents jailed");
  CHECK(q.kind == Quantity::Kind::kCount);
  CHECK(q.unit == "dissident");
  CHECK(q.noun == "Cuban dissidents");
  CHECK(One("About 12 American Seahawk helicopters are now").unit == "helicopter");
  CHECK(One("About 12 American Seahawk helicopters are now").qualifier == "approximately");
  // A name of its own, with no common plural after it, is no noun.
  CHECK(FindQuantities("he lived at 10 Downing Street then").empty());
}

TEST_CASE("a bare number counts people when what follows or precedes says so", "[quantity]") {
  for (const char* s : {"At Fort Benning, 20 were arrested.", "at least 138,000 who died across Asia",
                        "316 said they were raped", "Of them, 229 have been detained", "Bombs kill 16 in Baghdad",
                        "the death toll rose to 94,000 on Sunday"}) {
    INFO(s);
    const auto all = FindQuantities(s);
    REQUIRE(all.size() == 1);
    CHECK(all[0].kind == Quantity::Kind::kCount);
    CHECK(all[0].unit == "person");
  }
  // In words, only by what follows: "twenty two were arrested".
  Quantity words = One("and twenty two were arrested at the gate");
  CHECK(words.amount == 22);
  CHECK(words.unit == "person");
  CHECK(One("Of them, 23,856 were men.").unit == "man");
  CHECK(FindQuantities("The two were married.").empty());
  Quantity troops = One("The number of U.S. troops killed in Iraq now stands at 1,270.");
  CHECK(troops.amount == 1270);
  CHECK(troops.unit == "troop");
  // Nothing says what these count.
  for (const char* s : {"the score was 20 at half time", "Of the 229 were many", "he wrote 316 then stopped"}) {
    INFO(s);
    CHECK(FindQuantities(s).empty());
  }
}

TEST_CASE("a number between commas after a name is an age", "[quantity]") {
  Quantity q = One("Bouncer Zdravko Micevic, 22, is charged with manslaughter.");
  CHECK(q.kind == Quantity::Kind::kAge);
  CHECK(q.amount == 22);
  // Dates and numbers not between commas are not ages.
  CHECK(FindQuantities("on December 31, 2004, they met").empty());
  CHECK(FindQuantities("Micevic, 22 and others").empty());
  CHECK(FindQuantities("Smith, 140, said").empty());
}

TEST_CASE("years, dates, times, ordinals and identifiers are not quantities", "[quantity]") {
  for (const char* s : {"in a 2012 report", "his 1973-90 rule", "on Jan. 5 they met", "on 5 January", "held 7-9 December",
                        "at 09:14 GMT", "the 19th century", "the 1970s", "cable 06GUANGZHOU32397", "USDOC 4420/ITA",
                        "at 3.5 p.m.", "the only one hosted by a city", "one reason officials say", "Two existing South American blocs",
                        "1. (SBU) Summary", "filed for Chapter 11 protection", "a fleet of Boeing 767 jets",
                        "drove along Route 66 all night", "ran Windows 95 for years"}) {
    INFO(s);
    CHECK(FindQuantities(s).empty());
  }
}

TEST_CASE("durations as adjectives, in digits or words, are measures of time", "[quantity]") {
  const Quantity reign = One("a 17-year reign");
  CHECK(reign.kind == Quantity::Kind::kMeasure);
  CHECK(reign.amount == 17);
  CHECK(reign.unit == "year");
  const Quantity visit = One("a five-day visit to the coast");
  CHECK(visit.kind == Quantity::Kind::kMeasure);
  CHECK(visit.amount == 5);
  CHECK(visit.unit == "day");
  CHECK(visit.start == 2);
  const Quantity term = One("jailed for 14 years");
  CHECK(term.kind == Quantity::Kind::kCount);
  CHECK(term.unit == "year");
  CHECK(term.amount == 14);
  CHECK(One("she is 89 years old").kind == Quantity::Kind::kAge);
  CHECK(FindQuantities("two years ago").empty());
  const Quantity age = One("a twelve-year-old boy");
  CHECK(age.kind == Quantity::Kind::kAge);
  CHECK(age.amount == 12);
}

TEST_CASE("a number after a capitalised word at a sentence's start or in shouted text is still a figure", "[quantity]") {
  CHECK(One("Only 5 ferries sailed").amount == 5);
  CHECK(One("It rained. Only 5 ferries sailed").amount == 5);
  CHECK(One("OFFICIALS SAID 1,200 households signed").amount == 1200);
}

TEST_CASE("ParseNumber and Singular", "[quantity]") {
  CHECK(ParseNumber("four") == 4);
  CHECK(ParseNumber("twenty-five") == 25);
  CHECK(ParseNumber("one hundred and five") == 105);
  CHECK(ParseNumber("one million") == 1e6);
  CHECK(ParseNumber("30,000") == 30000);
  CHECK(ParseNumber("11.5") == 11.5);
  CHECK_FALSE(ParseNumber("four walls").has_value());
  CHECK_FALSE(ParseNumber("none").has_value());
  CHECK(Singular("people") == "person");
  CHECK(Singular("cities") == "city");
  CHECK(Singular("Laptops") == "laptop");
  CHECK(Singular("buses") == "buse");  // a known limit of suffix rules: "s" after "e" stays simple
  CHECK(Singular("taxes") == "tax");
  CHECK(Singular("business") == "business");
}

TEST_CASE("a long run of number words or numbered items on one line is read as its parts", "[quantity]") {
  // A number is looked for at every word of such a run; each look reads at
  // most a number's worth of words, and the count after the run is found.
  std::string words;
  for (int i = 0; i < 20000; ++i) words += "nine ";
  const Quantity q = One(words + "and 30 people came");
  CHECK(q.amount == 30);
  CHECK(q.unit == "person");
  // "1." items on one line count nothing, however many there are.
  std::string items;
  for (int i = 0; i < 20000; ++i) items += "1. ";
  CHECK(FindQuantities(items + "and 40 people came").size() == 1);
}
