// The parser on broken input: cut short anywhere, bytes flipped, garbage.
// Whatever comes in, it returns (no crash, no exception), every span lies on
// the text and on character boundaries, and what it proposes validates.
#include <catch2/catch.hpp>

#include <random>

#include "cable_batch.h"
#include "cable_parser.h"
#include "dossier/record.h"
#include "dossier/schema.h"
#include "dossier/text.h"
#include "html.h"
#include "import-cable/fixtures.h"

using namespace dossier;
namespace fx = dossier::testing::cables;

namespace {

// Checks what the store would check, so a bad span fails here and not in a user's import.
void CheckBatch(const std::string& text) {
  cable::ParseHints hints;
  hints.file_name = "09RIGA1.txt";
  const cable::Cable c = cable::ParseCable(text, hints);
  const DocumentBatch b = cable::BuildBatch(c, {text, "fuzz", {}});
  const auto size = static_cast<int64_t>(text.size());
  auto ok = [&](int64_t s, int64_t e) {
    return s >= 0 && e >= s && e <= size && Utf8Floor(text, static_cast<size_t>(s)) == static_cast<size_t>(s) &&
           Utf8Floor(text, static_cast<size_t>(e)) == static_cast<size_t>(e);
  };
  for (const auto& p : b.document.paragraphs) REQUIRE(ok(p.start, p.end));
  for (const auto& m : b.mentions) REQUIRE((ok(m.start, m.end) && m.end > m.start));
  for (const auto& cl : b.claims) {
    if (cl.start >= 0) REQUIRE(ok(cl.start, cl.end));
    REQUIRE((!cl.object.empty() || !cl.value.is_null()));
  }
  for (const auto& e : b.entities) {
    REQUIRE(!NormalizeName(e.name).empty());
    if (!e.properties.empty()) REQUIRE(ValidateProperties(e.type, e.properties).ok());
  }
  REQUIRE(!NormalizeName(b.document.title).empty());
  REQUIRE(IsValidUtf8(b.document.properties.dump(-1, ' ', false, Json::error_handler_t::strict)));
  const Status st = ValidateProperties(EntityType::kDocument, DocumentRecord(b.document, false)["properties"]);
  INFO(st.message());
  REQUIRE(st.ok());
}

}  // namespace

TEST_CASE("every fixture cut short at every byte still parses", "[cable][robustness]") {
  for (const std::string* fixture : {&fx::kTelegram, &fx::kRunTogether, &fx::kQuirks}) {
    for (size_t n = 0; n <= fixture->size(); ++n) {
      const std::string cut = fixture->substr(0, Utf8Floor(*fixture, n));
      INFO("cut at " << n);
      CheckBatch(cut);
    }
  }
  // The website page, cut before its markup is removed.
  const std::string page = fx::kMetadataPage;
  for (size_t n = 0; n <= page.size(); n += 3) {
    CheckBatch(cable::StripHtml(page.substr(0, Utf8Floor(page, n))));
  }
}

TEST_CASE("fixtures with bytes changed at random still parse", "[cable][robustness]") {
  std::mt19937 rng(20240601);
  const std::string alphabet = " \n\t.:/-()0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ\xC2\xB6\"',";
  for (const std::string* fixture : {&fx::kTelegram, &fx::kOldHeader, &fx::kRunTogether, &fx::kQuirks}) {
    for (int round = 0; round < 300; ++round) {
      std::string t = *fixture;
      const int edits = 1 + static_cast<int>(rng() % 12);
      for (int k = 0; k < edits; ++k) {
        const size_t at = rng() % (t.size() + 1);
        switch (rng() % 3) {
          case 0: t.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
          case 1: if (at < t.size()) t.erase(at, 1 + rng() % 20); break;
          default: if (at < t.size()) t[at] = alphabet[rng() % alphabet.size()]; break;
        }
      }
      t = RepairUtf8(t);  // the importer decodes bytes into valid UTF-8 first
      INFO("round " << round);
      CheckBatch(t);
    }
  }
}

TEST_CASE("garbage, empty and degenerate texts", "[cable][robustness]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string t;
    const size_t n = rng() % 400;
    for (size_t i = 0; i < n; ++i) t += static_cast<char>(32 + rng() % 95);
    CheckBatch(t);
  }
  for (const std::string& t : {std::string(), std::string("\n\n\n"), std::string("UNCLAS"),
                               std::string("UNCLAS RIGA 0"), std::string("TAGS:"), std::string("REF: A."),
                               std::string("SUBJECT:\n\n1."), std::string("\xC2\xB6"), std::string("15.\n\n15.\n\n15."),
                               std::string("VZCZC\nFM\nTO\nINFO\n"), std::string(5000, '-'), std::string(3000, '(')}) {
    CheckBatch(t);
  }
}

TEST_CASE("hostile lists: a thousand items of each read, a note for the rest, the text whole", "[cable][robustness]") {
  const std::string head = "UNCLASSIFIED SECTION 01 OF 01 MARLOW 000412\n\nSIPDIS\n\nE.O. 12958: N/A\n";
  std::string tags, refs, comments;
  for (int i = 0; i < 3000; ++i) tags += i % 2 ? "PREL " : "ECON ";
  for (int i = 0; i < 3000; ++i) refs += std::string(1, static_cast<char>('A' + i % 26)) + ". STATE " + std::to_string(1000 + i) + " ";
  for (int i = 0; i < 1500; ++i) comments += std::to_string(i % 900 + 1) + ". (C) Comment: item " + std::to_string(i) + ".\n\n";
  const std::string text = head + "TAGS: " + tags + "\nSUBJECT: LEDGER\n\nREF: " + refs + "\n\n" + comments + "OKONKWO\n";
  cable::ParseHints hints;
  hints.file_name = "05MARLOW412.txt";
  const cable::Cable c = cable::ParseCable(text, hints);
  CHECK(c.tags.size() == cable::kMaxListItems);
  CHECK(c.refs.size() + c.other_refs.size() == cable::kMaxListItems);
  auto noted = [&](const std::string& part) {
    return std::any_of(c.notes.begin(), c.notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
  };
  CHECK(noted("TAGS: more than 1000 words; the rest stay in the text"));
  CHECK(noted("REF: more than 1000 items; the rest stay in the text"));
  // Each COMMENT paragraph has no END COMMENT, so its passage is its
  // paragraph; a thousand are gathered into the property, the rest noted.
  CHECK(c.comment.value.rfind("item 0.\n\nitem 1.\n\n", 0) == 0);
  CHECK(c.comment.value.find("item 999.") != std::string::npos);
  CHECK(c.comment.value.find("item 1000.") == std::string::npos);
  CHECK(noted("500 more comment passages are left out of the comment property (they stay in the text)"));
  CheckBatch(text);
}
