// The memory estimates behind --max-batch-mb (kernel/src/batch_size.h).
#include <catch2/catch.hpp>

#include "batch_size.h"

using namespace dossier;

TEST_CASE("JsonBytes counts strings, keys and a fixed size per value", "[limits]") {
  const auto unit = static_cast<int64_t>(sizeof(Json));
  CHECK(JsonBytes(Json(7)) == unit);
  CHECK(JsonBytes(Json("abcd")) == unit + 4);
  CHECK(JsonBytes(Json::parse(R"({"ab":["xyz",1]})")) == 4 * unit + 2 + 3);
}

TEST_CASE("JsonBytes walks a value nested far deeper than the stack would allow", "[limits]") {
  // The parser builds this without recursion; estimating it recursively
  // overflowed the stack (a JSONL record 50,000 deep killed the import).
  const size_t levels = 200000;
  const Json deep = Json::parse(std::string(levels, '[') + std::string(levels, ']'));
  CHECK(JsonBytes(deep) == static_cast<int64_t>(levels * sizeof(Json)));
}
