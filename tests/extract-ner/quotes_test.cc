// Quotes and their speakers, one rule per case, on sentences written for dossier.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "quotes.h"
#include "lines.h"

using namespace dossier;
using namespace dossier::ner;

namespace {

using dossier::ner::testing::Lines;

struct Found {
  std::string words;
  std::string speaker;  // empty: none
};

std::vector<Found> Quotes(const std::string& text) {
  const auto paras = Lines(text);
  const Recognition r = Recognize(text, paras);
  std::vector<Found> out;
  for (const Quote& q : FindQuotes(text, r, paras)) {
    Found f;
    f.words = text.substr(static_cast<size_t>(q.start), static_cast<size_t>(q.end - q.start));
    if (q.speaker >= 0) f.speaker = r.entities[static_cast<size_t>(q.speaker)].name;
    out.push_back(f);
  }
  return out;
}

}  // namespace

TEST_CASE("a quotation continued over paragraphs is its speaker's in each paragraph", "[quotes]") {
  const auto q = Quotes(
      "Nadia Okonkwo spoke to the harbour board on Monday.\n"
      "“We will open the port by spring,” she said. “The crews are ready.\n"
      "“The money is in the bank and the dredgers arrive next week.”\n"
      "Tomas Ferreira was less sure.");
  REQUIRE(q.size() == 3);
  CHECK(q[0].speaker == "Nadia Okonkwo");
  CHECK(q[1].words == "The crews are ready.");
  CHECK(q[1].speaker == "Nadia Okonkwo");  // goes on after “…,” she said.
  CHECK(q[2].words == "The money is in the bank and the dredgers arrive next week.");
  CHECK(q[2].speaker == "Nadia Okonkwo");  // the next paragraph opens the quotation again
}

TEST_CASE("the speaker named only after the first paragraph of a quotation speaks all of it", "[quotes]") {
  const auto q = Quotes(
      "Tomas Ferreira and Nadia Okonkwo met the press.\n"
      "\"The first phase is done and paid for.\n"
      "\"The second phase starts in May,\" Okonkwo said.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Nadia Okonkwo");
  CHECK(q[1].speaker == "Nadia Okonkwo");
}

TEST_CASE("an apposition may stand between the speaker and the verb", "[quotes]") {
  const auto q = Quotes(
      "“The bridge will close for a month,” Tomas Ferreira, the city engineer, said.\n"
      "Nadia Okonkwo, the harbour commissioner, told reporters: “We were not consulted.”");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Tomas Ferreira");
  CHECK(q[1].speaker == "Nadia Okonkwo");
}

TEST_CASE("according to X names the speaker", "[quotes]") {
  const auto q = Quotes("“The ferry is safe to sail,” according to Tomas Ferreira.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Tomas Ferreira");
}

TEST_CASE("a title refers back to the person last named with it", "[quotes]") {
  const auto q = Quotes(
      "Nadia Okonkwo, the harbour commissioner, opened the meeting.\n"
      "Tomas Ferreira asked about the cost.\n"
      "“We have the money,” the commissioner said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Nadia Okonkwo");
}

TEST_CASE("a name after a link word is not the speaker, and the quote is kept", "[quotes]") {
  const auto q = Quotes(
      "Tomas Ferreira was charged on Monday.\n"
      "“The charges will not stand,” the lawyer for Tomas Ferreira said.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker.empty());
}

TEST_CASE("a quotation no one is said to speak is kept without a speaker", "[quotes]") {
  const auto q = Quotes(
      "Tomas Ferreira left the meeting early.\n"
      "“Nobody asked the fishermen what they think.”\n"
      "The council called the plan “not acceptable” on Friday.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].words == "Nobody asked the fishermen what they think.");
  CHECK(q[0].speaker.empty());
}

TEST_CASE("reported speech earlier in the paragraph names the speaker", "[quotes]") {
  const auto q = Quotes("Nadia Okonkwo said the dredging would start soon. “The contracts are signed.”");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Nadia Okonkwo");
}

TEST_CASE("typewriter marks and a dash before the speaker", "[quotes]") {
  const auto q = Quotes(
      "``We will win the final,'' said Tomas Ferreira.\n"
      "\"The draw could have been much worse\" - Nadia Okonkwo, club chairman.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].words == "We will win the final");
  CHECK(q[0].speaker == "Tomas Ferreira");
  CHECK(q[1].speaker == "Nadia Okonkwo");
}

TEST_CASE("an organization speaks only where the text says it did", "[quotes]") {
  const auto q = Quotes(
      "“Trade through the port will double,” Brightwater Corp said in a statement.\n"
      "Brightwater Corp hired Tomas Ferreira in May.\n"
      "“Our ferries run on time,” the company said.");
  REQUIRE(q.size() == 2);
  CHECK(q[0].speaker == "Brightwater Corp");
  CHECK(q[1].speaker != "Tomas Ferreira");
}

TEST_CASE("initials and titles with a period do not end the attribution", "[quotes]") {
  const auto q = Quotes("“The harbour is open again,” harbour master Col. Tomas R. Ferreira told reporters.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Tomas R. Ferreira");
}

TEST_CASE("titles of works in quotation marks are not quotes", "[quotes]") {
  const auto q = Quotes(
      "Nadia Okonkwo said the films “The Harbour at Night,” and “Return of the Dredgers” sold well.");
  CHECK(q.empty());
}

TEST_CASE("a person named after an organization speaks, not the organization", "[quotes]") {
  const auto q = Quotes("\"The draw could have been much worse for us\" - Brightwater Corp chairman Tomas Ferreira.");
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Tomas Ferreira");
}

TEST_CASE("empty quotation marks quote nothing, even after a speech verb", "[quotes]") {
  const auto q = Quotes("Tomas Ferreira said \"\" and left.\nNadia Okonkwo said: \" \"");
  CHECK(q.empty());
}

TEST_CASE("a description no one was named with is the person last quoted, and a name after an adjective speaks", "[quotes]") {
  const auto q = Quotes(
      "\"The harbour needs a plan,\" said Tomas Ferreira, a former Velmoran ambassador to Ostrava.\n"
      "Officials met on Monday in Tallow to discuss the dredging.\n"
      "\"The plan is late,\" said the Velmoran analyst.\n"
      "\"We will be fine,\" says a cheery Dorian Pell.");
  REQUIRE(q.size() == 3);
  CHECK(q[0].speaker == "Tomas Ferreira");
  // Ferreira was never called an analyst: the description means the man last quoted.
  CHECK(q[1].speaker == "Tomas Ferreira");
  // "a cheery Dorian Pell": Pell speaks, not the last person quoted.
  CHECK(q[2].speaker == "Dorian Pell");
}

TEST_CASE("a title finds the person named with it paragraphs back", "[quotes]") {
  std::string text = "Hugo Varga, the director of the Tallow Centre for Trade, spoke first.\n";
  // Many names between: the title reaches further back than the last dozen mentions.
  for (int i = 0; i < 8; ++i) text += "Ostrava met Marta Quill, Dan Okafor and Corvane Freight in Tallow.\n";
  text += "\"Trade is politics,\" said the director of the centre.";
  const auto q = Quotes(text);
  REQUIRE(q.size() == 1);
  CHECK(q[0].speaker == "Hugo Varga");
}
