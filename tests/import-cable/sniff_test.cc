// Recognizing cables in each form, and leaving other text alone.
#include <catch2/catch.hpp>

#include "import-cable/fixtures.h"
#include "sniff.h"

using dossier::cable::SniffCable;
namespace fx = dossier::testing::cables;

TEST_CASE("each form of cable is recognized with confidence", "[cable][sniff]") {
  CHECK(SniffCable(fx::kTelegram) >= 0.9);
  CHECK(SniffCable(fx::kWebsite) >= 0.9);
  CHECK(SniffCable(fx::kOldHeader) >= 0.9);
  CHECK(SniffCable(fx::kRunTogether) >= 0.9);
  CHECK(SniffCable(fx::kMetadataPage) >= 0.9);
  CHECK(SniffCable(fx::kQuirks) >= 0.9);
  CHECK(SniffCable(fx::kCsv) >= 0.9);
  CHECK(SniffCable("id,date,reference id,origin,classification,references,header,body\n") >= 0.9);
}

TEST_CASE("other text is not a cable", "[cable][sniff]") {
  CHECK(SniffCable("") == 0);
  CHECK(SniffCable(std::string("\x7f" "ELF\0\0\1", 7)) == 0);
  CHECK(SniffCable("City council approves budget\n\nThe council voted 7-2 on Tuesday.\n") == 0);
  // A memo with a subject line, or an article about secret talks, is not a cable.
  CHECK(SniffCable("MEMO\nFROM: Alice\nSUBJECT: Budget\n\nText.\n") == 0);
  CHECK(SniffCable("SECRET TALKS 2 ENDED\n\nOfficials said the secret talks ended on Monday.\n") == 0);
  CHECK(SniffCable("name,age\nAda,36\n") == 0);
  CHECK(SniffCable("Appears in these articles:<br />") == 0);
}
