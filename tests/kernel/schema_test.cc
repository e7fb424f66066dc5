// Schema validation: every write is checked, and a violation names the field.
#include <catch2/catch.hpp>

#include "dossier/schema.h"

using namespace dossier;

TEST_CASE("valid properties pass", "[schema]") {
  CHECK(ValidateProperties(EntityType::kPerson, Json::object()).ok());
  CHECK(ValidateProperties(EntityType::kPerson,
                           {{"birth_date", "1963"},
                            {"gender", "male"},
                            {"nationality", {"CN"}},
                            {"titles", {{{"title", "party secretary"}, {"from", "2012-11"}}}},
                            {"x-newsroom-id", 42}})
            .ok());
  CHECK(ValidateProperties(EntityType::kOrganization, {{"kind", "diplomatic_post"}, {"acronym", "FCS"}}).ok());
  CHECK(ValidateProperties(EntityType::kPlace, {{"kind", "city"}, {"country", "CN"}, {"latitude", 29.56}}).ok());
  CHECK(ValidateProperties(EntityType::kDocument,
                           {{"kind", "cable"},
                            {"reference_id", "06GUANGZHOU32397"},
                            {"tags", {"ETRD", "ECON"}},
                            {"paragraphs", {{{"start", 0}, {"end", 10}, {"number", 1}, {"marking", "SBU"}}}}})
            .ok());
}

TEST_CASE("a violation is an error naming the field", "[schema]") {
  auto bad_date = ValidateProperties(EntityType::kPerson, {{"birth_date", "13/12/2006"}});
  REQUIRE_FALSE(bad_date.ok());
  CHECK(bad_date.code() == Status::Code::kInvalidArgument);
  CHECK(bad_date.message().find("birth_date") != std::string::npos);

  auto bad_nested = ValidateProperties(EntityType::kPerson, {{"titles", {{{"title", 7}}}}});
  REQUIRE_FALSE(bad_nested.ok());
  CHECK(bad_nested.message().find("titles[0].title") != std::string::npos);

  auto unknown = ValidateProperties(EntityType::kPlace, {{"popluation", 5}});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.message().find("popluation") != std::string::npos);

  auto bad_enum = ValidateProperties(EntityType::kOrganization, {{"kind", "cartel"}});
  REQUIRE_FALSE(bad_enum.ok());
  CHECK(bad_enum.message().find("kind") != std::string::npos);

  auto no_kind = ValidateProperties(EntityType::kDocument, {{"title", "x"}});
  REQUIRE_FALSE(no_kind.ok());

  CHECK_FALSE(ValidateProperties(EntityType::kPerson, Json::array()).ok());
  // Every message is one line.
  for (const auto& st : {bad_date, bad_nested, unknown, bad_enum, no_kind}) {
    CHECK(st.message().find('\n') == std::string::npos);
  }
}

TEST_CASE("claim records are validated", "[schema]") {
  Json ok = {{"subject", "place:chongqing"},
             {"predicate", "population"},
             {"value", {{"amount", 30000000}, {"unit", "person"}, {"qualifier", "nearly"}}},
             {"document", "doc:x"},
             {"start", 1},
             {"end", 5},
             {"status", "unreviewed"}};
  CHECK(ValidateClaimRecord(ok).ok());
  Json bad_qualifier = ok;
  bad_qualifier["value"]["qualifier"] = "kinda";
  CHECK_FALSE(ValidateClaimRecord(bad_qualifier).ok());
  Json bad_status = ok;
  bad_status["status"] = "maybe";
  auto st = ValidateClaimRecord(bad_status);
  REQUIRE_FALSE(st.ok());
  CHECK(st.message().find("status") != std::string::npos);
  Json bad_subject = ok;
  bad_subject["subject"] = "Chongqing";
  CHECK_FALSE(ValidateClaimRecord(bad_subject).ok());
}

TEST_CASE("interchange records are validated per type, properties included", "[schema]") {
  CHECK(ValidateRecord({{"id", "person:sun-zhengcai"},
                        {"type", "person"},
                        {"name", "Sun Zhengcai"},
                        {"aliases", {"Sun", {{"name", "Mr. Sun"}, {"document", "doc:x"}, {"start", 0}, {"end", 7}}}},
                        {"properties", {{"gender", "male"}}}})
            .ok());
  CHECK(ValidateRecord({{"id", "doc:a"}, {"type", "document"}, {"name", "A"}, {"properties", {{"kind", "text"}}},
                        {"text", "hello"}})
            .ok());
  CHECK(ValidateRecord({{"id", "mention:1"}, {"type", "mention"}, {"entity", "person:a"}, {"document", "doc:a"},
                        {"start", 0}, {"end", 1}, {"text", "A"}})
            .ok());
  CHECK(ValidateRecord({{"id", "finding:1"}, {"type", "finding"}, {"checker", "numbers"}, {"code", "value-conflict"},
                        {"severity", "warning"}, {"refs", {"claim:a", "claim:b"}}, {"message", "m"},
                        {"status", "open"}})
            .ok());
  CHECK(ValidateRecord({{"id", "judgement:1"}, {"type", "judgement"}, {"a", "person:a"}, {"b", "person:b"},
                        {"verdict", "different"}})
            .ok());
  // The properties of a person record go through person.schema.json.
  auto bad_props = ValidateRecord(
      {{"id", "person:a"}, {"type", "person"}, {"name", "A"}, {"properties", {{"gender", "robot"}}}});
  REQUIRE_FALSE(bad_props.ok());
  CHECK(bad_props.message().find("gender") != std::string::npos);
  // A document needs its text.
  CHECK_FALSE(ValidateRecord({{"id", "doc:a"}, {"type", "document"}, {"name", "A"}, {"properties", {{"kind", "text"}}}})
                  .ok());
  // Id prefix must match the type.
  CHECK_FALSE(ValidateRecord({{"id", "org:a"}, {"type", "person"}, {"name", "A"}}).ok());
  CHECK_FALSE(ValidateRecord({{"id", "x"}, {"type", "spaceship"}}).ok());
  CHECK_FALSE(ValidateRecord({{"type", "person"}, {"name", "A"}}).ok());
}

TEST_CASE("the schemas are compiled in", "[schema]") {
  for (const char* name : {"person.schema.json", "organization.schema.json", "place.schema.json",
                           "document.schema.json", "claim.schema.json", "record.schema.json"}) {
    INFO(name);
    CHECK_FALSE(SchemaText(name).empty());
  }
  CHECK(SchemaText("nope.json").empty());
}

TEST_CASE("a value nested deeper than the limit is refused before the validator walks it", "[schema]") {
  // Built without recursion; valijson would recurse a few frames per level.
  const size_t levels = 100000;
  Json record = {{"id", "person:deep"}, {"type", "person"}, {"name", "Deep"}};
  record["properties"] = {{"x", Json::parse(std::string(levels, '[') + std::string(levels, ']'))}};
  const Status st = ValidateRecord(record);
  CHECK(st.code() == Status::Code::kInvalidArgument);
  CHECK(st.message() == "invalid record: JSON nested 100002 levels deep, over the limit of 64");
  const Status props = ValidateProperties(EntityType::kPerson, record["properties"]);
  CHECK(props.message() == "invalid person property: JSON nested 100001 levels deep, over the limit of 64");
  // At the limit, the usual rules apply.
  Json shallow = Json::array();
  for (int i = 0; i < 60; ++i) shallow = Json::array({shallow});
  CHECK(ValidateProperties(EntityType::kPerson, {{"x-note", shallow}}).ok());
}
