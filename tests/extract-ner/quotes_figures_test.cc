// Quotes and figures on fixtures written for dossier.
#include <catch2/catch.hpp>

#include <algorithm>

#include "figures.h"
#include "quotes.h"
#include "lines.h"

using namespace dossier;
using namespace dossier::ner;

namespace {

using dossier::ner::testing::Lines;

std::string Of(const std::string& text, int64_t a, int64_t b) {
  return text.substr(static_cast<size_t>(a), static_cast<size_t>(b - a));
}

// The figure of this amount, or nullptr.
const Figure* ByAmount(const std::vector<Figure>& figures, double amount) {
  for (const auto& f : figures) {
    if (f.quantity.amount == amount) return &f;
  }
  return nullptr;
}

// The name of the subject of the figure of this amount: "@document" for the
// document's own, "(none)" when no figure has that amount.
std::string SubjectOf(const std::vector<Figure>& figures, const Recognition& r, double amount) {
  const Figure* f = ByAmount(figures, amount);
  return !f ? std::string("(none)") : f->subject < 0 ? std::string("@document") : r.entities[static_cast<size_t>(f->subject)].name;
}

}  // namespace

TEST_CASE("quotes are attributed to the speaker named or meant", "[quotes]") {
  const std::string text =
      "“We will open the port by spring,” said Nadia Okonkwo, the harbour commissioner.\n"
      "Tomas Ferreira was less sure. “The dredging has not started,” Ferreira said.\n"
      "“It will be late,” he said.\n"
      "Okonkwo said: “We have the money and the crews.”\n"
      "The council called the plan “not acceptable” on Friday.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto quotes = FindQuotes(text, r, paras);
  REQUIRE(quotes.size() == 4);
  auto speaker = [&](const Quote& q) { return r.entities[static_cast<size_t>(q.speaker)].name; };
  CHECK(Of(text, quotes[0].start, quotes[0].end) == "We will open the port by spring");
  CHECK(speaker(quotes[0]) == "Nadia Okonkwo");
  CHECK(speaker(quotes[1]) == "Tomas Ferreira");
  CHECK(speaker(quotes[2]) == "Tomas Ferreira");  // "he said": the nearest person before
  CHECK(quotes[2].confidence < quotes[1].confidence);
  CHECK(speaker(quotes[3]) == "Nadia Okonkwo");
  CHECK(Of(text, quotes[3].start, quotes[3].end) == "We have the money and the crews.");
}

TEST_CASE("figures get their subject, predicate, hedge and year", "[figures]") {
  const std::string text =
      "The delegation flew to Marlow, a city of nearly 2 million people.\n"
      "Locals say 1 of every 3 ferries in the region is built here.\n"
      "Brightwater Corp. earned $11.5bn in revenue in 2019, the company said.\n"
      "Under Ada Whitlock, some 3,000 people were killed or disappeared, and her rule ended in 1990.\n"
      "The 67-year-old Whitlock denies it.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2020");
  auto find = [&](const std::string& predicate) -> const Figure* {
    for (const auto& f : figures) {
      if (f.predicate == predicate) return &f;
    }
    return nullptr;
  };
  auto subject = [&](const Figure* f) { return r.entities[static_cast<size_t>(f->subject)].name; };
  const Figure* population = find("population");
  REQUIRE(population);
  CHECK(subject(population) == "Marlow");
  CHECK(population->quantity.amount == 2e6);
  CHECK(population->quantity.qualifier == "nearly");
  const Figure* ferries = find("percent:ferry");
  REQUIRE(ferries);
  CHECK(subject(ferries) == "Marlow");  // "here"
  const Figure* revenue = find("revenue");
  REQUIRE(revenue);
  CHECK(subject(revenue) == "Brightwater Corp");
  CHECK(revenue->quantity.amount == Approx(11.5e9));
  CHECK(revenue->time == "2019");
  const Figure* killed = find("deaths");
  REQUIRE(killed);
  CHECK(subject(killed) == "Ada Whitlock");
  CHECK(killed->quantity.qualifier == "approximately");
  const Figure* age = find("age");
  REQUIRE(age);
  CHECK(subject(age) == "Ada Whitlock");
  CHECK(age->quantity.amount == 67);
}

TEST_CASE("deal figures are named by how the deal is worded", "[figures]") {
  const std::string text =
      "Tessaline Corp agreed to buy the Velmora docks for $11.5bn on Monday.\n"
      "Orrin Ferries Corp. sealed a deal worth $2 billion.\n"
      "Brightwater Corp. was valued at $900 million.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2031");
  std::vector<std::string> predicates;
  for (const auto& f : figures) predicates.push_back(f.predicate);
  std::string all;
  for (const auto& p : predicates) all += p + " ";
  INFO(all);
  REQUIRE(predicates.size() == 3);
  CHECK(predicates[0] == "deal_value");  // "agreed to buy ... for"
  CHECK(predicates[1] == "deal_value");  // "a deal worth"
  CHECK(predicates[2] == "market_value");  // "valued at"
}

TEST_CASE("figures no name goes with are about the document's event", "[figures]") {
  const std::string text =
      "At least 40 people were killed when the old bridge collapsed.\n"
      "Rescuers worked through a five-day search.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2031");
  REQUIRE(ByAmount(figures, 40));
  CHECK(ByAmount(figures, 40)->subject == -1);
  CHECK(ByAmount(figures, 40)->predicate == "deaths");
  REQUIRE(ByAmount(figures, 5));
  CHECK(ByAmount(figures, 5)->subject == -1);
  CHECK(ByAmount(figures, 5)->predicate == "duration");
  CHECK(ByAmount(figures, 5)->quantity.unit == "day");
}

TEST_CASE("a figure's predicate names what it measures", "[figures]") {
  // One figure per line, each with its own amount; the measure expected of it.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"The grocer Pellham Stores will close 121 stores next year.", "stores_closed"},
      {"Some 3,002 jobs will be cut at the Varrow plant.", "jobs_cut"},
      {"About 5,003 protesters marched through the square.", "participants"},
      {"The donors pledged $35m in aid on Tuesday.", "aid"},
      {"The airline reported a profit of $12m.", "profit"},
      {"Shares in the miner rose 13% on Friday.", "share_price_change"},
      {"The fund bought a 24% stake in the port.", "stake"},
      {"The former mayor was jailed for 14 years.", "sentence"},
      {"The odds are 1 in 301 that it hits.", "probability"},
      {"Volunteers counted 17 billboards along the road.", "count:billboard"},
      {"The new line will cost $4.6bn to build.", "cost"},
      {"The film grossed $46m in its opening weekend.", "box_office"},
      {"At least 27 people were injured in the crash.", "injured"},
      {"The minister began a six-day visit on Monday.", "duration"},
  };
  for (const auto& [line, measure] : cases) {
    const std::vector<Span> paras = {{0, static_cast<int64_t>(line.size())}};
    const Recognition r = Recognize(line, paras);
    const auto figures = FindFigures(line, r, paras, "2031");
    INFO(line);
    REQUIRE(figures.size() == 1);
    CHECK(figures[0].predicate == measure);
  }
}

TEST_CASE("a figure's subject is what its sentence is about, not who reports it", "[figures]") {
  const std::string text =
      "In Delmont, Kessling Corp's sales fell 7% in the spring.\n"
      "Mayor Ilsa Brandt said nearly 300 homes were flooded.\n"
      "According to Ilsa Brandt, 41 roads were closed.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2031");
  auto subject = [&](const Figure* f) { return f->subject < 0 ? std::string("@document") : r.entities[static_cast<size_t>(f->subject)].name; };
  REQUIRE(ByAmount(figures, 7));
  CHECK(subject(ByAmount(figures, 7)) == "Kessling Corp");
  REQUIRE(ByAmount(figures, 300));
  CHECK(subject(ByAmount(figures, 300)) == "@document");
  REQUIRE(ByAmount(figures, 41));
  CHECK(subject(ByAmount(figures, 41)) == "@document");
}

TEST_CASE("a figure's subject named before: a pronoun, the company, a self-report, the country, a place after", "[figures]") {
  const std::string text =
      "Judge Oren Vasquez opened the hearing in Tallow on Monday.\n"
      "Dorian Pell, the defendant, spoke first. Dorian Pell denied the charges. Dorian Pell wept.\n"
      "He spent six years in prison before the trial.\n"
      "Corvane Freight Inc runs the port terminal.\n"
      "The company expects to hire 300 workers next year.\n"
      "Corvane Freight Inc said it had 41 cranes at the terminal.\n"
      "Corvane Freight Inc said 12 ships were delayed.\n"
      "Tallinn lies in Estonia.\n"
      "Some 40% of the country's grain passes through the port.\n"
      "More than 2,000 people live in Tallinn.\n"
      "Analysts at Brightwater Bank said Corvane Freight Inc, which has 75 ferries, would grow.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2031");
  auto subject = [&](double amount) { return SubjectOf(figures, r, amount); };
  // "He": of the people named just before, the one the text names most.
  CHECK(subject(6) == "Dorian Pell");
  CHECK(subject(300) == "Corvane Freight Inc");  // "The company"
  CHECK(subject(41) == "Corvane Freight Inc");   // "said it had": about itself
  CHECK(subject(12) == "@document");             // only reports it
  CHECK(subject(40) == "Estonia");               // "the country's"
  CHECK(subject(2000) == "Tallinn");              // people counted in a place
  CHECK(subject(75) == "Corvane Freight Inc");    // a relative clause after its name
}

TEST_CASE("ALL-CAPS cable text: figures are read as in ordinary case, and reference lines give none", "[figures]") {
  const std::string text =
      "COUNTY OFFICIALS IN MEISHAN SAID 1,200 HOUSEHOLDS HAD SIGNED LEASES BY MARCH.\n"
      "REF: A. CHENGDU 398 B. CHENGDU 1560 C. STATE 33127\n"
      "ACTION EAP-00 INFO LOG-00 NP-00 AID-00 /009W 071013Z MAR 08 FM AMCONSUL CHENGDU TO SECSTATE WASHDC 2211 INFO "
      "AMEMBASSY BEIJING 1187";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2008");
  std::string all;
  for (const auto& f : figures) all += f.predicate + "=" + f.quantity.unit + " ";
  INFO(all);
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].quantity.amount == 1200);
  CHECK(figures[0].quantity.unit == "household");
}

TEST_CASE("a figure's years: a range, and a later year that is a plan or a misread", "[figures]") {
  const std::string text =
      "Under Ada Whitlock, from 1973 to 1990, some 3,000 people disappeared.\n"
      "Brightwater Corp plans to open 50 depots in the north by 2012.\n"
      "Orrin Ferries Corp sold 40 ferries in 2013.\n"
      "Tessaline Corp opened 12 depots in 2009.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2010");
  REQUIRE(ByAmount(figures, 3000));
  CHECK(ByAmount(figures, 3000)->time == "1973/1990");
  CHECK_FALSE(ByAmount(figures, 3000)->prospective);
  REQUIRE(ByAmount(figures, 50));
  CHECK(ByAmount(figures, 50)->time == "2012");
  CHECK(ByAmount(figures, 50)->prospective);
  REQUIRE(ByAmount(figures, 40));
  CHECK(ByAmount(figures, 40)->time == "2013");
  CHECK_FALSE(ByAmount(figures, 40)->prospective);  // later than the document, and nothing says it is a plan
  REQUIRE(ByAmount(figures, 12));
  CHECK(ByAmount(figures, 12)->time == "2009");
  CHECK_FALSE(ByAmount(figures, 12)->prospective);
}

TEST_CASE("a year looked forward to, two years that are no range, and no document year", "[figures]") {
  const std::string text =
      "Tessaline Corp will run 30 ferries by 2014.\n"
      "Brightwater Corp sold 50 depots in 2005 and 2008.\n"
      "Orrin Ferries Corp ran 16 routes in 1973-90.\n"
      "Brightwater Corp opened 9 depots last year.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2012");
  REQUIRE(ByAmount(figures, 30));
  CHECK(ByAmount(figures, 30)->prospective);
  REQUIRE(ByAmount(figures, 50));
  CHECK(ByAmount(figures, 50)->time == "2005");
  REQUIRE(ByAmount(figures, 16));
  CHECK(ByAmount(figures, 16)->time == "1973/1990");
  REQUIRE(ByAmount(figures, 9));
  CHECK(ByAmount(figures, 9)->time == "2011");
  // Without a usable document year nothing is prospective or "last year", and nothing throws.
  for (const std::string year : {"", "June", "20x1"}) {
    INFO(year);
    std::vector<Figure> undated;
    REQUIRE_NOTHROW(undated = FindFigures(text, r, paras, year));
    REQUIRE(ByAmount(undated, 30));
    CHECK_FALSE(ByAmount(undated, 30)->prospective);
    REQUIRE(ByAmount(undated, 9));
    CHECK(ByAmount(undated, 9)->time.empty());
  }
}

TEST_CASE("a distance keeps its compass direction, written one way", "[figures]") {
  const std::string text =
      "The quake struck 40 km north-east of Tallinn on Monday.\n"
      "A second tremor hit 25 miles (40 km) to the SW of Tallinn.\n"
      "The convoy drove 300 km north Korea's border roads.\n"
      "Crews cleared 12 km of road.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2031");
  REQUIRE(ByAmount(figures, 40));
  CHECK(ByAmount(figures, 40)->direction == "north-east");  // the first 40 km
  REQUIRE(ByAmount(figures, 25));
  CHECK(ByAmount(figures, 25)->direction == "south-west");
  REQUIRE(ByAmount(figures, 300));
  CHECK(ByAmount(figures, 300)->direction.empty());  // "north Korea's", not a direction of something
  REQUIRE(ByAmount(figures, 12));
  CHECK(ByAmount(figures, 12)->direction.empty());
}

TEST_CASE("a figure's subject: a body by its own noun, a speaker of himself, an age before a name, a forecaster", "[figures]") {
  const std::string text =
      "Delegates met in Tallow to found the Northern Waterways Community on Monday.\n"
      "Corvane Freight Inc sent observers.\n"
      "The new community will have a combined budget of $40 million.\n"
      "The board approved 12 projects.\n"
      "\"I have waited 9 years for this,\" said Dorian Pell.\n"
      "Marta Quill, whose 14-year-old son Tomas Quill was hurt, spoke next.\n"
      "Brightwater Bank predicts that Halvex Marine Ltd will sell 70 boats.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2031");
  auto subject = [&](double amount) { return SubjectOf(figures, r, amount); };
  // "The new community": the body named with "Community", not the last
  // organization named (Corvane Freight Inc).
  CHECK(subject(40000000) == "Northern Waterways Community");
  // "The board": no board is named, so no organization is guessed.
  CHECK(subject(12) == "@document");
  // "I have waited 9 years", inside Dorian Pell's quotation.
  CHECK(subject(9) == "Dorian Pell");
  // An age with one word between it and the name: the son's, not his mother's.
  CHECK(subject(14) == "Tomas Quill");
  // Who predicts a figure is not what it is about.
  CHECK(subject(70) == "Halvex Marine Ltd");
}

TEST_CASE("an age between commas is the person's before it, and a place is no subject by a word it is part of", "[figures]") {
  const std::string text =
      "Dock worker Tavish Orlen, 41, was charged on Monday.\n"
      "In Pellham, 19, the marchers said, were turned away at the gate.\n"
      "Last year the fund gave money to Japan.\n"
      "A web shop placed a link for donors, collecting more than $8 million from 100,000 people.\n"
      "More than 900 people died in Pellham, out of at least 2,300 who died across Varnia.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2031");
  auto subject = [&](double amount) { return SubjectOf(figures, r, amount); };
  REQUIRE(ByAmount(figures, 41));
  CHECK(ByAmount(figures, 41)->quantity.kind == Quantity::Kind::kAge);
  CHECK(subject(41) == "Tavish Orlen");
  // "Pellham, 19," is no one's age: no figure.
  CHECK(subject(19) == "(none)");
  // "placed" is not "place": the money is not Japan's, the country named before.
  CHECK(subject(8000000) == "@document");
  // The whole named after "across", the part after "in".
  CHECK(subject(900) == "Pellham");
  CHECK(subject(2300) == "Varnia");
}

TEST_CASE("a dateline names no figure's subject, and others wounded are an injured toll", "[figures]") {
  const std::string text =
      "Bombs hit the harbour: 'gates held'\nVELMORA, Tallow (Ledger Wire) -- Two bombs killed 16 people and wounded 38 others on Monday.\n"
      "Officials in Tallow said 59 wounded were brought to the hospital.\n"
      "VELMORA HARBOUR BOARD - TALLOW - 12 SHIPS IN PORT.";
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  const auto figures = FindFigures(text, r, paras, "2031");
  auto subject = [&](double amount) { return SubjectOf(figures, r, amount); };
  CHECK(subject(16) == "@document");
  CHECK(subject(38) == "@document");
  REQUIRE(ByAmount(figures, 16));
  CHECK(ByAmount(figures, 16)->predicate == "deaths");
  REQUIRE(ByAmount(figures, 38));
  CHECK(ByAmount(figures, 38)->predicate == "injured");
  REQUIRE(ByAmount(figures, 59));
  CHECK(ByAmount(figures, 59)->predicate == "injured");
}
