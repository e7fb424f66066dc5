// JsonNestingDepth / CheckJsonDepth: the bracket count taken before a parser
// builds a value that would be too deep to copy, print or validate.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "dossier/text.h"

using namespace dossier;

namespace {

std::string Nested(size_t levels, char open = '[', char close = ']') {
  return std::string(levels, open) + std::string(levels, close);
}

}  // namespace

TEST_CASE("JsonNestingDepth counts arrays and objects, not brackets inside strings", "[text][json]") {
  CHECK(JsonNestingDepth("") == 0);
  CHECK(JsonNestingDepth("42") == 0);
  CHECK(JsonNestingDepth("\"[[[{{{\"") == 0);
  CHECK(JsonNestingDepth("[]") == 1);
  CHECK(JsonNestingDepth(R"({"a":[1,{"b":[]}],"c":{}})") == 4);
  CHECK(JsonNestingDepth(R"({"a":"]]]}}} [[[[[ {{{{"})") == 1);
  // Escaped quotes and backslashes inside strings neither end nor extend them.
  CHECK(JsonNestingDepth(R"(["a\"[[[[", "b\\", [[]]])") == 3);
  CHECK(JsonNestingDepth(R"(["\\\"[[", [] ])") == 2);
  // Siblings do not add up.
  CHECK(JsonNestingDepth("[[],[],[[]]]") == 3);
  CHECK(JsonNestingDepth(Nested(50000)) == 50000);
  CHECK(JsonNestingDepth(Nested(100, '{', '}')) == 100);
  // Stray closes are the parser's business; they never make the count wrap.
  CHECK(JsonNestingDepth("]]]]][") == 1);
}

TEST_CASE("JsonNestingDepth agrees with the parsed value's depth", "[text][json]") {
  // Depth of a parsed value, walked with an explicit stack.
  auto parsed_depth = [](const nlohmann::json& root) {
    size_t deepest = 0;
    std::vector<std::pair<const nlohmann::json*, size_t>> stack = {{&root, 0}};
    while (!stack.empty()) {
      auto [j, d] = stack.back();
      stack.pop_back();
      if (!j->is_structured()) continue;
      deepest = std::max(deepest, d + 1);
      for (const auto& child : *j) stack.push_back({&child, d + 1});
    }
    return deepest;
  };
  for (const char* text : {R"({"id":"person:a","type":"person","properties":{"x":[{"y":[[1]]}]}})",
                           R"(["]", "[", {"k\"[": ["\\"]}])", "[[[[\"\\u005b\"]]]]", "{}", "\"plain\""}) {
    INFO(text);
    CHECK(JsonNestingDepth(text) == parsed_depth(nlohmann::json::parse(text)));
  }
}

TEST_CASE("CheckJsonDepth refuses deeper text with the depth and the limit", "[text][json]") {
  CHECK(CheckJsonDepth(Nested(kMaxJsonDepth)).ok());
  const Status st = CheckJsonDepth(Nested(50000));
  CHECK(st.code() == Status::Code::kInvalidArgument);
  CHECK(st.message() == "JSON nested 50000 levels deep, over the limit of 64");
  CHECK(CheckJsonDepth(Nested(kMaxJsonDepth + 1)).message() == "JSON nested 65 levels deep, over the limit of 64");
  CHECK(CheckJsonDepth("[[[]]]", 2).message() == "JSON nested 3 levels deep, over the limit of 2");
}
