// The checkers' small units on their own: phonetic keys, name
// matching, the vocabulary tables, hedged ranges and the REF chains of sources.
#include <catch2/catch.hpp>

#include "checkers.h"
#include "dossier/quantity.h"
#include "hedges.h"
#include "names.h"
#include "phonetic.h"
#include "sources.h"
#include "vocabulary.h"

using namespace dossier;
using namespace dossier::check;

TEST_CASE("Soundex codes names by sound") {
  CHECK(Soundex("Robert") == "R163");
  CHECK(Soundex("Rupert") == "R163");
  CHECK(Soundex("Ashcraft") == "A261");  // h between s and c: one code
  CHECK(Soundex("Tymczak") == "T522");
  CHECK(Soundex("Pfister") == "P236");
  CHECK(Soundex("Steen") == "S350");
  CHECK(Soundex("Stan") == "S350");
  CHECK(Soundex("Nguyễn") == Soundex("NGUYEN"));
  CHECK(Soundex("Lee") == "L000");
  CHECK(Soundex("").empty());
  CHECK(Soundex("1234").empty());
}

namespace {
const Vocabulary& V() { return Vocabulary::Get(); }
}  // namespace

TEST_CASE("Name words drop leading titles and honorifics") {
  CHECK(NameWords("Mr. Ruan", V()) == std::vector<std::string>{"ruan"});
  CHECK(NameWords("President Mara Oduya", V()) == std::vector<std::string>{"mara", "oduya"});
  CHECK(NameWords("Joe Nguyễn", V()) == std::vector<std::string>{"joe", "nguyen"});
}

TEST_CASE("Name words link by sameness, transliteration, sound and spelling") {
  CHECK(MatchWord("Ruan", "Nguyen", V()).link == NameLink::kTransliteration);
  CHECK(MatchWord("Chen", "Tran", V()).link == NameLink::kTransliteration);
  CHECK(MatchWord("Li", "Le", V()).link == NameLink::kTransliteration);
  CHECK(MatchWord("Stan", "Steen", V()).link == NameLink::kSound);
  CHECK(MatchWord("Kallanova", "Kalanova", V()).link >= NameLink::kSpelling);
  CHECK(MatchWord("Margolies", "Margoliez", V()).link >= NameLink::kSpelling);
  CHECK(MatchWord("ODUYA", "Oduya", V()).link == NameLink::kSame);
  CHECK(MatchWord("Stan", "Shaun", V()).link == NameLink::kNone);
  CHECK(MatchWord("Ruan", "Wagner", V()).link == NameLink::kNone);
  CHECK(MatchWord("Li", "Lu", V()).link == NameLink::kNone);  // short words need more than sound
  const WordMatch m = MatchWord("Ruan", "Nguyen", V());
  CHECK(m.why.find("Ruan") != std::string::npos);
  CHECK(m.why.find("transliteration") != std::string::npos);
}

TEST_CASE("Full names match when first and last words both link") {
  const auto a = NameWords("Maria Tran", V());
  CHECK(MatchFullNames(a, NameWords("Maria Chen", V()), V()).link == NameLink::kTransliteration);
  CHECK(MatchFullNames(a, NameWords("Peter Tran", V()), V()).link == NameLink::kNone);
  CHECK(MatchFullNames(NameWords("Bertrand Kowalczyk", V()), NameWords("Bertrand Kowalczik", V()), V()).link ==
        NameLink::kSound);
}

TEST_CASE("The predicate vocabulary makes different wordings meet") {
  CHECK(V().CanonicalPredicate("deal_value") == "deal_value");
  CHECK(V().CanonicalPredicate("price") == "deal_value");
  CHECK(V().CanonicalPredicate("buy_for") == "deal_value");
  CHECK(V().CanonicalPredicate("people_killed") == "death_toll");
  CHECK(V().CanonicalPredicate("deaths") == "death_toll");
  CHECK(V().CanonicalPredicate("people_killed_or_disappeared") == "death_toll");
  CHECK(V().CanonicalPredicate("Population") == "population");
  CHECK(V().CanonicalPredicate("inhabitants") == "population");
  CHECK(V().CanonicalPredicate("runways") == "runway");  // unknown: normalised, itself
  CHECK(V().CanonicalPredicate("amount") == "_");
  CHECK_FALSE(Vocabulary::Comparable(V().CanonicalPredicate("amount")));
  CHECK(V().CanonicalUnit("deaths") == "person");
  CHECK(V().CanonicalUnit("people") == "person");
  CHECK(V().CanonicalUnit("USD") == "USD");
  CHECK(V().CanonicalUnit("dollars") == "USD");
}

TEST_CASE("Vocabulary tables are read from their text format") {
  const Vocabulary v = Vocabulary::FromText("fare: ticket_price price\n# comment\n", "coin: coins piece\n",
                                            "ashdown ashton\n", "honorific: mr\ntitle: warden\n",
                                            "office warden: wdn\nrank marshal:\n");
  CHECK(v.CanonicalPredicate("ticket_prices") == "fare");
  CHECK(v.CanonicalUnit("pieces") == "coin");
  CHECK(v.Transliterated("Ashdown", "ASHTON"));
  CHECK_FALSE(v.Transliterated("Ashdown", "Ashdown"));
  CHECK(v.IsHonorific("Mr."));
  CHECK(v.IsTitle("Warden"));
  CHECK(v.Office("Wdn.") == std::pair<std::string, std::string>{"office", "warden"});
  CHECK(v.Office("marshal").first == "rank");
  CHECK(v.Office("dictator").first.empty());
}

namespace {
ValueRange RangeOfText(const std::string& text) {
  const auto qs = FindQuantities(text);
  REQUIRE(qs.size() == 1);
  Json value = {{"amount", qs[0].amount}, {"unit", qs[0].unit}, {"qualifier", qs[0].qualifier}};
  if (qs[0].amount_max) value["amount_max"] = *qs[0].amount_max;
  auto r = RangeOf(value);
  REQUIRE(r);
  return *r;
}
}  // namespace

TEST_CASE("Scales normalise before figures are compared") {
  const ValueRange a = RangeOfText("a deal worth $11.5bn");
  const ValueRange b = RangeOfText("a deal worth $11.5 billion");
  CHECK(a.amount == Approx(11.5e9));
  CHECK(b.amount == Approx(11.5e9));
  CHECK(Overlap(a, b));
  const ValueRange c = RangeOfText("for 11,500 million dollars");
  CHECK(c.amount == Approx(11.5e9));
  CHECK(Overlap(a, c));
}

TEST_CASE("Hedged figures agree when their ranges meet") {
  CHECK(Overlap(RangeOfText("nearly 30 million people"), RangeOfText("30 million people")));
  CHECK(Overlap(RangeOfText("more than 3,000 people"), RangeOfText("some 3,000 people")));
  CHECK(Overlap(RangeOfText("about 25%"), RangeOfText("26%")));
  CHECK_FALSE(Overlap(RangeOfText("more than 3,000 people"), RangeOfText("2,095 people")));
  CHECK_FALSE(Overlap(RangeOfText("nearly 30 million people"), RangeOfText("31 million people")));
  CHECK_FALSE(Overlap(RangeOfText("2,095 deaths"), RangeOfText("2,096 deaths")));
  CHECK(Overlap(RangeOfText("between 3,000 and 4,000 people"), RangeOfText("3,500 people")));
  CHECK(RangeOf(Json::object()) == std::nullopt);
  CHECK(RangeOf(Json{{"text", "many"}}) == std::nullopt);
}

TEST_CASE("Rounding slack follows the last significant digit, at most 1%") {
  CHECK(RoundingSlack(2095) == 0.5);
  CHECK(RoundingSlack(360e6) == Approx(3.6e6));  // half of 10 million is more than 1%
  CHECK(RoundingSlack(30e6) == Approx(3e5));
  CHECK(RoundingSlack(2100) == Approx(21));
  CHECK(RoundingSlack(11.5) == Approx(0.05));
  // "$11bn" is not "$11.5bn" rounded, nor "$4bn" "$4.5bn".
  CHECK_FALSE(Overlap(RangeOfText("$11bn"), RangeOfText("$11.5bn")));
  CHECK_FALSE(Overlap(RangeOfText("$4bn"), RangeOfText("$4.5bn")));
  CHECK(Overlap(RangeOfText("2,100 people"), RangeOfText("2,095 people")));
  CHECK(RoundingSlack(0) == 0);
}

TEST_CASE("Figures are printed with thousands separators") {
  CHECK(FormatAmount(30000000) == "30,000,000");
  CHECK(FormatAmount(2095) == "2,095");
  CHECK(FormatAmount(11.5) == "11.5");
  CHECK(FormatAmount(-1200) == "-1,200");
}

TEST_CASE("A REF chain as long as the store is followed without recursion") {
  // Joins link roots by id, so citing 200,000 cables in descending order makes
  // a chain 200,000 long; following it recursively overflowed the stack.
  Sources sources;
  auto id = [](int i) {
    std::string n = std::to_string(i);
    return "doc:" + std::string(7 - n.size(), '0') + n;
  };
  const int n = 200000;
  for (int i = n; i > 0; --i) sources.Join("doc:citing", id(i));
  CHECK(sources.OriginOf(id(n)) == id(1));
  CHECK(sources.OriginOf("doc:citing") == id(1));
  CHECK(sources.OriginOf("doc:elsewhere") == "doc:elsewhere");
}
