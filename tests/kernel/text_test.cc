// The text toolkit: normalisation, slugs, UTF-8, SHA-256, trimming, edit
// distance, data-file lines.
#include <catch2/catch.hpp>

#include "dossier/markup.h"
#include "dossier/text.h"

using namespace dossier;

TEST_CASE("NormalizeName folds case, diacritics, punctuation and spacing", "[text]") {
  CHECK(NormalizeName("Sun Zhengcai") == "sun zhengcai");
  CHECK(NormalizeName("  SUN   ZHENGCAI ") == "sun zhengcai");
  CHECK(NormalizeName("São Paulo") == "sao paulo");
  CHECK(NormalizeName("SAO PAULO") == NormalizeName("São Paulo"));
  CHECK(NormalizeName("Nguyễn Văn Thiệu") == "nguyen van thieu");
  CHECK(NormalizeName("Đặng") == "dang");
  CHECK(NormalizeName("Straße") == "strasse");
  CHECK(NormalizeName("Łódź") == "lodz");
  CHECK(NormalizeName("U.S.") == "us");
  CHECK(NormalizeName("O'Brien") == "obrien");
  CHECK(NormalizeName("O’Brien") == "obrien");  // typographic apostrophe
  CHECK(NormalizeName("Trade Development Alliance—Seattle") == "trade development alliance seattle");
  CHECK(NormalizeName("Weng\tWenxiang\n") == "weng wenxiang");
  CHECK(NormalizeName("ＡＢＣ") == "abc");  // fullwidth
  CHECK(NormalizeName("Σωκράτης") == "σωκρατης");
  CHECK(NormalizeName("ПУТИН") == "путин");
  CHECK(NormalizeName("孙政才") == "孙政才");  // no case: kept
  CHECK(NormalizeName("!!! ...") == "");
  CHECK(NormalizeName("") == "");
}

TEST_CASE("NormalizeName treats ill-formed UTF-8 as a separator, never as a letter", "[text]") {
  CHECK(NormalizeName(std::string("Sun\xff" "Zhengcai")) == "sun zhengcai");
  CHECK(NormalizeName(std::string("\xc3")) == "");
}

TEST_CASE("Slugify makes readable id fragments", "[text]") {
  CHECK(Slugify("Sun Zhengcai") == "sun-zhengcai");
  CHECK(Slugify("China Council for the Promotion of International Trade") ==
        "china-council-for-the-promotion-of-international-trade");
  CHECK(Slugify("***") == "unnamed");
  const std::string long_name(200, 'a');
  CHECK(Slugify(long_name).size() == 64);
  // Cutting never splits a character.
  const std::string cjk = "孙政才孙政才孙政才孙政才孙政才孙政才孙政才孙政才";
  const std::string slug = Slugify(cjk, 10);
  CHECK(slug.size() == 9);
  CHECK(IsValidUtf8(slug));
  // No trailing dash after a cut.
  CHECK(Slugify("abcd efgh", 5) == "abcd");
}

TEST_CASE("UTF-8 validation rejects what RFC 3629 forbids", "[text]") {
  CHECK(IsValidUtf8("plain ascii"));
  CHECK(IsValidUtf8("São Paulo 孙政才 😀"));
  CHECK_FALSE(IsValidUtf8(std::string("\xc0\xaf")));          // overlong '/'
  CHECK_FALSE(IsValidUtf8(std::string("\xed\xa0\x80")));      // surrogate
  CHECK_FALSE(IsValidUtf8(std::string("\xf4\x90\x80\x80")));  // > U+10FFFF
  CHECK_FALSE(IsValidUtf8(std::string("abc\xe2\x82")));       // truncated
  CHECK_FALSE(IsValidUtf8(std::string("\x80")));              // lone continuation
}

TEST_CASE("RepairUtf8 replaces each ill-formed sequence with U+FFFD and counts them", "[text]") {
  size_t n = 0;
  CHECK(RepairUtf8("fine", &n) == "fine");
  CHECK(n == 0);
  CHECK(RepairUtf8(std::string("caf\xe9 ok"), &n) == "caf\xEF\xBF\xBD ok");  // Latin-1 é
  CHECK(n == 1);
  CHECK(RepairUtf8(std::string("a\x80\x80\x80" "b"), &n) == "a\xEF\xBF\xBD" "b");
  CHECK(n == 1);
  CHECK(IsValidUtf8(RepairUtf8(std::string("\xff\xfe\xfd"))));
}

TEST_CASE("Utf8Floor finds the start of the character at an offset", "[text]") {
  const std::string s = "aé孙";  // 1 + 2 + 3 bytes
  CHECK(Utf8Floor(s, 0) == 0);
  CHECK(Utf8Floor(s, 2) == 1);
  CHECK(Utf8Floor(s, 4) == 3);
  CHECK(Utf8Floor(s, 5) == 3);
  CHECK(Utf8Floor(s, 99) == s.size());
}

TEST_CASE("IsSpanOf accepts only spans inside the text, on character boundaries", "[text]") {
  const std::string s = "aé孙";  // 1 + 2 + 3 bytes
  CHECK(IsSpanOf(s, 0, 0));
  CHECK(IsSpanOf(s, 0, 6));
  CHECK(IsSpanOf(s, 1, 3));
  CHECK(IsSpanOf(s, 6, 6));
  CHECK_FALSE(IsSpanOf(s, 2, 3));  // inside é
  CHECK_FALSE(IsSpanOf(s, 1, 4));  // inside 孙
  CHECK_FALSE(IsSpanOf(s, 3, 1));  // start after end
  CHECK_FALSE(IsSpanOf(s, -1, 2));
  CHECK_FALSE(IsSpanOf(s, 0, 7));  // past the end
  CHECK_FALSE(IsSpanOf(s, INT64_MAX - 1, INT64_MAX));
  CHECK_FALSE(IsSpanOf(s, INT64_MIN, 0));
  CHECK_FALSE(IsSpanOf("", 0, 1));
}

TEST_CASE("Sha256Hex matches the FIPS 180-4 test vectors", "[text]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // Lengths around the padding boundary (55, 56, 63, 64 bytes) must all work.
  for (size_t len : {55, 56, 63, 64, 65}) CHECK(Sha256Hex(std::string(len, 'x')).size() == 64);
  CHECK(Sha256Hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(Sha256Hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
}

TEST_CASE("CsvField quotes what RFC 4180 needs and defuses spreadsheet formulas", "[text][csv]") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField(" padded") == "\" padded\"");
  // A cell a spreadsheet would run is made text.
  CHECK(CsvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(CsvField("@SUM(A1)") == "'@SUM(A1)");
  CHECK(CsvField("+1 555 0100 call") == "'+1 555 0100 call");
  CHECK(CsvField("-2+3") == "'-2+3");
  CHECK(CsvField("\tTAB") == "'\tTAB");
  // Numbers stay numbers.
  CHECK(CsvField("-12") == "-12");
  CHECK(CsvField("+3.5") == "+3.5");
  CHECK(CsvField("-1.5e6") == "-1.5e6");
  CHECK(CsvField("-") == "'-");
  CHECK(CsvField("") == "");
}

TEST_CASE("Trim and TrimView take ASCII whitespace off both ends, nothing else", "[text]") {
  CHECK(Trim("  a b \t\r\n") == "a b");
  CHECK(Trim("\v\fx\f") == "x");
  CHECK(Trim("   ").empty());
  CHECK(Trim("").empty());
  CHECK(Trim("\xc2\xa0x") == "\xc2\xa0x");  // a no-break space is not ASCII whitespace
  const std::string s = "  kept  ";
  const std::string_view v = TrimView(s);
  CHECK(v == "kept");
  CHECK(v.data() == s.data() + 2);  // a view into the text, no copy
}

TEST_CASE("EditDistance counts insertions, deletions, substitutions and swaps, up to a limit", "[text]") {
  CHECK(EditDistance("kitten", "sitting", 16) == 3);
  CHECK(EditDistance("stan", "steen", 16) == 2);
  CHECK(EditDistance("Gillepsie", "Gillespie", 16) == 1);  // adjacent transposition
  CHECK(EditDistance("", "abc", 16) == 3);
  CHECK(EditDistance("same", "same", 0) == 0);
  CHECK(EditDistance("SCTION", "SECTION", 1) == 1);
  CHECK(EditDistance("Section", "SECTION", 1) == 2);  // case-sensitive: past the limit
  // Past the limit: limit + 1, whether the lengths or the rows show it.
  CHECK(EditDistance("aaaaaaaaaa", "bbbbbbbbbb", 3) == 4);
  CHECK(EditDistance("a", "abcdefghij", 2) == 3);
}

TEST_CASE("DataLines trims, drops comments and blank lines", "[text]") {
  const std::string data = "# a header comment\n\nAmsterdam\n  Lyon   # a note\nC# Corp\n\t\n#\nlast";
  const auto lines = DataLines(data);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "Amsterdam");
  CHECK(lines[1] == "Lyon");
  CHECK(lines[2] == "C# Corp");  // a '#' inside a word is no comment
  CHECK(lines[3] == "last");
  CHECK(DataLines("").empty());
}
