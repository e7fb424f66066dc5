// The rule-based recognizer on fixtures written for dossier.
#include <catch2/catch.hpp>

#include <algorithm>

#include "recognizer.h"

using namespace dossier;
using namespace dossier::ner;

namespace {

struct Found {
  Recognition r;
  std::string text;

  // The entity named `name` (by its canonical name), or nullptr.
  const RecognizedEntity* Get(const std::string& name) const {
    for (const auto& e : r.entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
  bool Has(EntityType t, const std::string& name) const {
    const auto* e = Get(name);
    return e && e->type == t;
  }
  int Mentions(const std::string& name) const {
    int index = -1;
    for (size_t i = 0; i < r.entities.size(); ++i) {
      if (r.entities[i].name == name) index = static_cast<int>(i);
    }
    return static_cast<int>(std::count_if(r.mentions.begin(), r.mentions.end(),
                                          [&](const RecognizedMention& m) { return m.entity == index; }));
  }
  std::vector<std::string> Unresolved() const {
    std::vector<std::string> out;
    for (const auto& m : r.mentions) {
      if (m.entity < 0) out.push_back(text.substr(static_cast<size_t>(m.start), static_cast<size_t>(m.end - m.start)));
    }
    return out;
  }
  std::string Names() const {
    std::string s;
    for (const auto& e : r.entities) s += std::string(TypeName(e.type)) + ":" + e.name + "; ";
    return s;
  }
};

Found Run(const std::string& text) { return {Recognize(text), text}; }

}  // namespace

TEST_CASE("people by given names, family-name-first names, titles and speech verbs", "[ner]") {
  Found f = Run(
      "Harbour Commissioner Nadia Okonkwo met Mayor Tomas Ferreira and Wen Lihua on Monday. "
      "Okonkwo said the deal was close. Ferreira laughed. Wen disagreed, and Grisholm said nothing.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPerson, "Nadia Okonkwo"));
  CHECK(f.Has(EntityType::kPerson, "Tomas Ferreira"));
  CHECK(f.Has(EntityType::kPerson, "Wen Lihua"));
  CHECK(f.Mentions("Nadia Okonkwo") == 2);  // "Okonkwo" is her
  CHECK(f.Mentions("Tomas Ferreira") == 2);
  CHECK(f.Mentions("Wen Lihua") == 2);  // a family name first: "Wen" is her
  CHECK(f.Has(EntityType::kPerson, "Grisholm"));  // one name, but "said"
  CHECK_FALSE(f.Get("Monday"));
}

TEST_CASE("an honorific with a surname that matches nobody stays unresolved", "[ner]") {
  Found f = Run("Trade Secretary Joe Marsh spoke first. Mr. Halvorsen spoke after him. Mr. Marsh left early.");
  INFO(f.Names());
  CHECK(f.Mentions("Joe Marsh") == 2);
  CHECK(f.Unresolved() == std::vector<std::string>{"Halvorsen"});
  CHECK_FALSE(f.Get("Halvorsen"));
}

TEST_CASE("organizations by cue words, acronyms defined in the text, and short forms", "[ner]") {
  Found f = Run(
      "The Northwind Trade Promotion Council (NTPC) opened an office. NTPC officials said the Calder "
      "Institution, a Boston-based research center, would study it. Calder staff agreed. "
      "Brightwater, a manufacturer of ferries, sold two boats.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kOrganization, "Northwind Trade Promotion Council"));
  CHECK(f.Mentions("Northwind Trade Promotion Council") == 3);  // name, (NTPC), NTPC
  CHECK(f.Get("Northwind Trade Promotion Council")->properties["acronym"] == "NTPC");
  CHECK(f.Has(EntityType::kOrganization, "Calder Institution"));
  CHECK(f.Mentions("Calder Institution") == 2);  // "Calder staff"
  CHECK(f.Has(EntityType::kOrganization, "Brightwater"));  // apposition: a manufacturer
  CHECK(f.Has(EntityType::kPlace, "Boston"));              // "Boston-based"
}

TEST_CASE("places from gazetteers, with abbreviations, aliases and hyphenated pairs", "[ner]") {
  Found f = Run(
      "Growers from Fresno, Calif., and Lexington, Ky., flew to Chungking. US-China ties matter to Ohio "
      "and to the Yangtze River towns. The trip ended in Sao Paulo.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPlace, "California"));
  CHECK(f.Has(EntityType::kPlace, "Kentucky"));
  CHECK(f.Has(EntityType::kPlace, "Lexington"));
  CHECK(f.Has(EntityType::kPlace, "Chongqing"));  // the old name is an alias
  CHECK(f.Has(EntityType::kPlace, "United States"));
  CHECK(f.Has(EntityType::kPlace, "China"));
  CHECK(f.Has(EntityType::kPlace, "Ohio"));
  CHECK(f.Has(EntityType::kPlace, "Yangtze River"));
  CHECK(f.Has(EntityType::kPlace, "Sao Paulo"));
  CHECK(f.Get("Chongqing")->properties["country"] == "CN");
  CHECK(f.Get("California")->properties["subdivision"] == "US-CA");
}

TEST_CASE("a title splits a run of capitalised words into an affiliation and a person", "[ner]") {
  Found f = Run("Oregon Senate President Ada Whitlock met Brazilian President Rui Monteiro Bastos da Cunha.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kOrganization, "Oregon Senate"));
  CHECK(f.Has(EntityType::kPerson, "Ada Whitlock"));
  CHECK(f.Has(EntityType::kPerson, "Rui Monteiro Bastos da Cunha"));
  CHECK_FALSE(f.Get("Brazilian"));
}

TEST_CASE("hyphenated and accented names", "[ner]") {
  Found f = Run("Lena Moreau-Lindqvist met José Núñez in Zürich. Moreau-Lindqvist’s notes were clear, Núñez said.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPerson, "Lena Moreau-Lindqvist"));
  CHECK(f.Has(EntityType::kPerson, "José Núñez"));
  CHECK(f.Mentions("Lena Moreau-Lindqvist") == 2);
  CHECK(f.Mentions("José Núñez") == 2);
  CHECK(f.Has(EntityType::kPlace, "Zurich"));
}

TEST_CASE("ALL-CAPS cable text is read too", "[ner]") {
  Found f = Run(
      "1. (C) ON MARCH 3 AMBASSADOR MET DEPUTY FOREIGN MINISTER ARVIND KESARKAR IN NEW DELHI. KESARKAR SAID THE "
      "MINISTRY OF EXTERNAL AFFAIRS (MEA) WOULD REVIEW THE PROPOSAL WITH THE GOVERNMENT OF PAKISTAN.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPerson, "Arvind Kesarkar"));
  CHECK(f.Mentions("Arvind Kesarkar") == 2);
  CHECK(f.Has(EntityType::kPlace, "New Delhi"));
  CHECK(f.Has(EntityType::kOrganization, "Government of Pakistan"));
  bool ministry = false;
  for (const auto& e : f.r.entities) ministry |= e.type == EntityType::kOrganization && e.name.find("Ministry of External Affairs") != std::string::npos;
  CHECK(ministry);
  CHECK_FALSE(f.Get("March"));
}

TEST_CASE("sentence-initial ordinary words, days and nationalities are not entities", "[ner]") {
  Found f = Run("Suddenly the Chinese delegation left. Overall, prices rose on Tuesday. Skeptics doubted it.");
  INFO(f.Names());
  CHECK(f.r.entities.empty());
}

TEST_CASE("headline case is not read as a run of names", "[ner]") {
  Found f = Run("Harbour Board Approves Bigger Budget For Dredging\n\nThe Marlow Harbour Board voted on Friday.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kOrganization, "Marlow Harbour Board"));
  for (const auto& e : f.r.entities) CHECK(e.name.find("Approves") == std::string::npos);
}

TEST_CASE("a name with a year is an organization, a name with a serial or after an ordinary word is not", "[ner]") {
  Found f = Run(
      "Delegates met at Harborview 2024 in March. For the earlier bombings, see Ref 05 Port Ostran 3846 and "
      "the council's resolution 1762.\n\n11.(C) Since 2005, exports have doubled.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kOrganization, "Harborview 2024"));
  CHECK_FALSE(f.Get("Port Ostran 3846"));
  CHECK_FALSE(f.Get("Since 2005"));
  for (const auto& e : f.r.entities) CHECK(e.name.find("3846") == std::string::npos);
}

TEST_CASE("advisers and counselors are titles, not part of the person's name", "[ner]") {
  Found f = Run(
      "Deputy National Security Advisor Talia Brennick met the Commission on Tuesday. Political Counselor "
      "Oren Valdis took notes. Brennick and the Administration want a deal, and Valdis agreed.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPerson, "Talia Brennick"));
  CHECK(f.Has(EntityType::kPerson, "Oren Valdis"));
  CHECK(f.Mentions("Talia Brennick") == 2);
  CHECK(f.Mentions("Oren Valdis") == 2);
  CHECK_FALSE(f.Get("Brennick and the Administration"));
}

TEST_CASE("the West Bank and the Gaza Strip are places, not banks", "[ner]") {
  Found f = Run("Raids continued in the northern West Bank on Monday, and aid reached the Gaza Strip.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPlace, "West Bank"));
  CHECK(f.Has(EntityType::kPlace, "Gaza Strip"));
}

TEST_CASE("\"and the\" ends an organization's name, and a title's \"for\" phrase is not the person", "[ner]") {
  Found f = Run(
      "The Harbour Authority and the Farmers Union signed. Special Advisor for Coastal Affairs Ines Varga and "
      "Secretary of State Malik Oduya watched.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kOrganization, "Harbour Authority"));
  CHECK(f.Has(EntityType::kOrganization, "Farmers Union"));
  CHECK_FALSE(f.Get("Harbour Authority and the Farmers Union"));
  CHECK(f.Has(EntityType::kPerson, "Ines Varga"));
  CHECK(f.Has(EntityType::kPerson, "Malik Oduya"));
}

TEST_CASE("distribution markers inside a cable's sentence do not split or join names", "[ner]") {
  Found f = Run("ASSISTANT SECRETARY RICHARD SIPDIS HOLMBERG MET THE MINISTER. HOLMBERG SAID LITTLE.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPerson, "Richard Holmberg"));
  CHECK(f.Mentions("Richard Holmberg") == 2);
  for (const auto& e : f.r.entities) CHECK(e.name.find("Sipdis") == std::string::npos);
}

TEST_CASE("a title's office ends at a place, and an office alone names nobody", "[ner]") {
  Found f = Run("Special Envoy for Northern Ireland Corin Maddox met the Secretary of State on Monday.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPerson, "Corin Maddox"));
  CHECK_FALSE(f.Get("Ireland Corin Maddox"));
  CHECK_FALSE(f.Get("State"));
}

TEST_CASE("an office keeps the place or organization it names, and a known affiliation stays one", "[ner]") {
  Found f = Run(
      "The President of Brazil arrived. Prime Minister of Israel Dov Halperin spoke, and White House Spokesman "
      "Nell Carver agreed.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPlace, "Brazil"));
  CHECK(f.Has(EntityType::kPlace, "Israel"));
  CHECK(f.Has(EntityType::kPerson, "Dov Halperin"));
  CHECK(f.Has(EntityType::kOrganization, "White House"));
  CHECK(f.Has(EntityType::kPerson, "Nell Carver"));
}

TEST_CASE("a text dense with names: every person found, every surname resolved to its own person", "[ner]") {
  // Two thousand invented surnames, each introduced with a given name and
  // then used alone: the surname lookups must not mix people up, whatever
  // their number.
  static const char* kSyllables[] = {"ka", "ren", "do", "mi", "lan", "tor", "vel", "sa", "gri", "mon",
                                     "bel", "dra", "ko", "zu", "fen", "hal", "ost", "ri", "nu", "pe"};
  std::vector<std::string> surnames;
  for (int i = 0; i < 2000; ++i) {
    std::string s = std::string("Vor") + kSyllables[i % 20] + kSyllables[(i / 20) % 20] + kSyllables[i / 400];
    surnames.push_back(s);
  }
  std::string text;
  for (const auto& s : surnames) text += "Nadia " + s + " met the board. ";
  text += "\n\n";
  for (const auto& s : surnames) text += s + " said it was fine. ";
  const Found f = Run(text);
  for (const auto& s : surnames) {
    INFO(s);
    REQUIRE(f.Has(EntityType::kPerson, "Nadia " + s));
    CHECK(f.Mentions("Nadia " + s) == 2);
  }
  CHECK(f.r.entities.size() == surnames.size());
  CHECK(f.r.mentions.size() == 2 * surnames.size());
}

TEST_CASE("a run of capitalised words longer than a chunk is read a piece at a time", "[ner]") {
  // Two thousand names joined by "and" and nothing else: one run of 6,000
  // words. Read whole, a run costs the square of its length (and a stack
  // frame per "and"); read 64 tokens at a time, only the few names a cut
  // falls into are lost.
  std::string names;
  for (int i = 0; i < 2000; ++i) {
    static const char* kLetters[] = {"ka", "ren", "do", "mi", "lan", "tor", "vel", "sa", "gri", "mon"};
    names += std::string("Nadia Vor") + kLetters[i % 10] + kLetters[(i / 10) % 10] + kLetters[(i / 100) % 10] +
             kLetters[i / 1000] + " and ";
  }
  const Found f = Run(names + "Ilse Marangoni.");
  size_t people = 0;
  for (const auto& e : f.r.entities) people += e.type == EntityType::kPerson && e.name.rfind("Nadia Vor", 0) == 0;
  CHECK(people >= 1800);
  CHECK(people <= 2000);
  CHECK(f.Has(EntityType::kPerson, "Ilse Marangoni"));
}

TEST_CASE("a redaction placeholder is never a name nor part of one", "[ner]") {
  Found f = Run(
      "Ambassador Ruth Calder met XXXXXXXXXXXX Minister Tarik Osman on Monday. XXXXXXXXXXXX said the port "
      "would reopen. XXXXXXXXXXXX and Osman agreed. Lawyer Xxxxxxxxxxxx Purnell and JaffnaXXXXXXXXXXXX stayed.");
  INFO(f.Names());
  for (const auto& e : f.r.entities) CHECK(e.name.find("XXXX") == std::string::npos);
  CHECK(f.Has(EntityType::kPerson, "Tarik Osman"));
  CHECK(f.Has(EntityType::kPerson, "Ruth Calder"));
  for (const auto& m : f.r.mentions) {
    CHECK(f.text.substr(static_cast<size_t>(m.start), static_cast<size_t>(m.end - m.start)).find("XXXX") == std::string::npos);
  }
}

TEST_CASE("a person's name ends at \"for the\", and a delegation prefix is no part of it", "[ner]") {
  Found f = Run(
      "Poloff met Ines Varga for the Harbour Energy Seminar on Tuesday. Later StaffDel Oduya toured the port, "
      "and the Institute for the Study of Tides sent a note.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPerson, "Ines Varga"));
  CHECK_FALSE(f.Get("Ines Varga for the Harbour Energy Seminar"));
  CHECK(f.Has(EntityType::kPerson, "Oduya"));
  CHECK_FALSE(f.Get("StaffDel Oduya"));
  // An organization's own "for the" stays: it names no person before it.
  CHECK(f.Has(EntityType::kOrganization, "Institute for the Study of Tides"));
}

TEST_CASE("an organization known from what only a company does, wherever it appears bare", "[ner]") {
  Found f = Run(
      "Brantley said in a statement that it would close 40 stores. Shares of Corvane rose 5% on Monday. "
      "Halvex shares fell 3%. Later, Brantley confirmed the plan, and Corvane declined to comment. "
      "Mira Olsen said the plan was sound.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kOrganization, "Brantley"));  // not a person, though it "said" and "confirmed"
  CHECK_FALSE(f.Has(EntityType::kPerson, "Brantley"));
  CHECK(f.Has(EntityType::kOrganization, "Corvane"));
  CHECK(f.Has(EntityType::kOrganization, "Halvex"));
  CHECK(f.Has(EntityType::kPerson, "Mira Olsen"));  // a person who speaks stays one
}

TEST_CASE("a cable's participant list without punctuation is split into its people", "[ner]") {
  Found f = Run("Participants: Ambassador Ines Varga Deputy Chief of Mission Malik Oduya Poloff Tomas Reyes.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kPerson, "Ines Varga"));
  CHECK(f.Has(EntityType::kPerson, "Malik Oduya"));
  CHECK(f.Has(EntityType::kPerson, "Tomas Reyes"));
  CHECK_FALSE(f.Get("Ines Varga Deputy Chief of Mission Malik Oduya"));
}

TEST_CASE("a cable paragraph's classification marking is no name, the service it spells is", "[ner]") {
  // "(SBU)" marks a paragraph Sensitive But Unclassified; "the SBU" is
  // Ukraine's security service, which the gazetteer knows by that acronym.
  Found marked = Run("2. (SBU) Kyiv officials met the delegation. 3. (S/NF) Ambassador Ines Varga raised the budget.");
  INFO(marked.Names());
  CHECK_FALSE(marked.Get("Security Service of Ukraine"));
  CHECK(marked.Has(EntityType::kPerson, "Ines Varga"));
  Found named = Run("2. (SBU) Officials said the SBU detained two men in Kyiv.");
  INFO(named.Names());
  CHECK(named.Mentions("Security Service of Ukraine") == 1);
}

TEST_CASE("a title alone is an office, not a person's one-word name", "[ner]") {
  Found f = Run("Poloff met Deputy Minister Rafael Quintero on Monday. Poloff responded that the talks would go on. "
                "The Ambassador said the visit was useful. Quintero said the ministry agreed.");
  INFO(f.Names());
  CHECK_FALSE(f.Get("Poloff"));
  CHECK_FALSE(f.Get("Ambassador"));
  CHECK(f.Has(EntityType::kPerson, "Rafael Quintero"));
  CHECK(f.Mentions("Rafael Quintero") == 2);
}

TEST_CASE("an organization known by the company noun before it, its researchers, or its site's name", "[ner]") {
  Found f = Run(
      "Security firm Quorvex said the list grew. Software maker Talvane sells tools. "
      "Brindel researchers found a flaw. Shoppers on Pellmart.com and readers of velmora.net were told. "
      "The page at www.halvex.com is down.");
  INFO(f.Names());
  CHECK(f.Has(EntityType::kOrganization, "Quorvex"));  // not a person, though it "said"
  CHECK_FALSE(f.Has(EntityType::kPerson, "Quorvex"));
  CHECK(f.Has(EntityType::kOrganization, "Talvane"));
  CHECK(f.Has(EntityType::kOrganization, "Brindel"));
  CHECK(f.Has(EntityType::kOrganization, "Pellmart.com"));
  CHECK(f.Has(EntityType::kOrganization, "velmora.net"));
  // An address is no company's name.
  CHECK_FALSE(f.Get("halvex.com"));
  CHECK_FALSE(f.Get("www.halvex.com"));
}
