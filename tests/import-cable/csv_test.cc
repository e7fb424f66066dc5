// RFC 4180 records read one at a time, from a stream or from memory.
#include <catch2/catch.hpp>

#include <sstream>

#include "csv_reader.h"

using dossier::cable::CsvReader;
using dossier::cable::CsvRecord;

namespace {

std::vector<CsvRecord> ReadAll(const std::string& data, size_t max_field = CsvReader::kDefaultMaxField) {
  std::istringstream in(data);
  CsvReader reader(in, max_field);
  std::vector<CsvRecord> out;
  CsvRecord r;
  while (reader.Next(&r)) out.push_back(r);
  return out;
}

}  // namespace

TEST_CASE("quoted fields hold commas, line ends and doubled quotes", "[csv]") {
  const auto rows = ReadAll("1,\"a, b\",\"line one\nline two\",\"say \"\"hi\"\"\"\r\n2,plain,,last\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == std::vector<std::string>{"1", "a, b", "line one\nline two", "say \"hi\""});
  CHECK(rows[0].number == 1);
  CHECK(rows[0].line == 1);
  CHECK(rows[1].fields == std::vector<std::string>{"2", "plain", "", "last"});
  CHECK(rows[1].line == 3);  // the first record spanned two lines
  CHECK(rows[0].error.empty());
  CHECK(rows[0].warning.empty());
}

TEST_CASE("a field longer than the read block is read whole", "[csv]") {
  const std::string body(200000, 'x');
  const auto rows = ReadAll("7,\"" + body + "\",end\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields[1] == body);
  CHECK(rows[0].fields[2] == "end");
}

TEST_CASE("sloppy CSV is read with a warning", "[csv]") {
  const auto rows = ReadAll("1,a\"b,c\n2,\"q\"x,y\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields[1] == "a\"b");
  CHECK(rows[0].warning == "a quote inside unquoted field 2");
  CHECK(rows[1].fields[1] == "qx");
  CHECK(rows[1].warning == "text after the closing quote of field 2");
}

TEST_CASE("a quote that never closes is an error for its record", "[csv]") {
  const auto rows = ReadAll("1,ok\n2,\"never closed\n3,more\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].error.empty());
  CHECK(rows[1].error == "field 2 opens a quote that never closes");
}

TEST_CASE("an overlong field costs its own record only: reading resumes at the next row", "[csv]") {
  const std::string runaway = "2,\"" + std::string(3u << 20, 'y') + "\n";
  const auto rows = ReadAll("1,first\n" + runaway + "3,third\n4,fourth\n", 1u << 20);
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].error.find("longer than 1 MiB") != std::string::npos);
  // The unbalanced quote would swallow the rest; the reader picks up at "3,".
  CHECK(rows[2].fields == std::vector<std::string>{"3", "third"});
  CHECK(rows[3].fields == std::vector<std::string>{"4", "fourth"});
}

TEST_CASE("reading from memory reports where each field starts", "[csv]") {
  const std::string text = "junk\n12,\"x\",\"y\"";
  CsvReader reader(text, 5);
  CsvRecord r;
  REQUIRE(reader.Next(&r));
  CHECK(r.fields == std::vector<std::string>{"12", "x", "y"});
  CHECK(r.field_starts == std::vector<int64_t>{5, 9, 13});
  CHECK_FALSE(reader.Next(&r));
}

TEST_CASE("blank lines between records are skipped, an empty input has none", "[csv]") {
  CHECK(ReadAll("").empty());
  CHECK(ReadAll("\n\n").empty());
  const auto rows = ReadAll("a,b\n\n\nc,d");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == std::vector<std::string>{"c", "d"});
}
