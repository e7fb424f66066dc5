// The jsonld exporter: one JSON document with a schema.org @graph; the right
// @types, every reference resolving to a node, curator and checker reviews.
#include <catch2/catch.hpp>

#include <set>

#include "export_support.h"

using namespace dossier;
using namespace dossier::testing;

namespace {

void CollectRefs(const Json& j, std::vector<std::string>* refs, bool top = true) {
  if (j.is_object()) {
    if (!top && j.contains("@id") && j.size() == 1) refs->push_back(j["@id"]);
    for (const auto& [k, v] : j.items()) CollectRefs(v, refs, false);
  } else if (j.is_array()) {
    for (const auto& v : j) CollectRefs(v, refs, false);
  }
}

}  // namespace

TEST_CASE("jsonld: schema.org types, resolvable references, reviews", "[export][jsonld]") {
  ExportFixture f;
  REQUIRE(f.Export("jsonld", "out.jsonld").ok());
  const Json doc = Json::parse(ReadFile(f.dir / "out.jsonld"));
  // Written out, so that the file reads offline (no remote context to fetch).
  CHECK(doc["@context"] == Json{{"@vocab", "https://schema.org/"}});
  const Json& graph = doc["@graph"];
  std::map<std::string, Json> by_id;
  std::map<std::string, int> types;
  for (const auto& n : graph) {
    REQUIRE(n.contains("@type"));
    REQUIRE(n.contains("@id"));
    ++types[n["@type"]];
    CHECK(by_id.emplace(n["@id"], n).second);
  }
  CHECK(types["Person"] == 4);
  CHECK(types["Organization"] == 2);
  CHECK(types["Place"] == 1);
  CHECK(types["NewsArticle"] == 1);
  CHECK(types["DigitalDocument"] == 1);
  CHECK(types["Claim"] == 6);
  CHECK(types["ClaimReview"] == 4);  // confirmed, disputed, rejected, and the checker's conflict

  std::vector<std::string> refs;
  for (const auto& n : graph) CollectRefs(n, &refs);
  CHECK(refs.size() > 10);
  for (const auto& r : refs) {
    INFO(r);
    CHECK(by_id.count(r));
  }
  // An id full of markup characters is a valid IRI.
  const std::string kite = "urn:dossier:org:kite%26%22co%22%3Cltd%3E";
  REQUIRE(by_id.count(kite));
  CHECK(by_id[kite]["name"] == "Kite & \"Co\" <Ltd>");
  CHECK(by_id["urn:dossier:" + std::string(kLayla)]["name"] == kLaylaName);
  CHECK(by_id["urn:dossier:" + std::string(kLayla)]["alternateName"] == Json::array({"Layla Haddad"}));

  const Json& member = by_id["urn:dossier:claim:member"];
  CHECK(member["about"]["@id"] == "urn:dossier:person:mara-ellingsen");
  CHECK(member["appearance"]["@id"] == "urn:dossier:doc:harbour-report");
  const Json& review = by_id["urn:dossier:claim:member/review"];
  CHECK(review["@type"] == "ClaimReview");
  CHECK(review["reviewRating"]["alternateName"] == "confirmed");
  CHECK(by_id["urn:dossier:claim:said/review"]["reviewRating"]["ratingExplanation"] == "misquoted; see the recording");
  CHECK_FALSE(by_id.count("urn:dossier:claim:met/review"));  // unreviewed: no review
  const Json& conflict = by_id["urn:dossier:finding:pop-conflict"];
  CHECK(conflict["reviewRating"]["alternateName"] == "value-conflict");
  CHECK(conflict["itemReviewed"].size() == 2);
  CHECK(by_id["urn:dossier:claim:pop-report"]["additionalProperty"]["value"] == 30000);
  CHECK(by_id["urn:dossier:doc:harbour-report"]["headline"] == "Harbour \"deal\", <revisited>");
}
