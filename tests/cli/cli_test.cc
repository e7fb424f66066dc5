// The dossier command, run as a user would: every command on a temporary
// store, exit statuses, one-line errors, --json, --help.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

using dossier::testing::Dossier;
using dossier::testing::Lines;
using dossier::testing::RunResult;
using dossier::testing::TempDir;
using Json = nlohmann::json;

namespace {

// Errors are exactly one line on stderr, prefixed, with nothing on stdout.
void CheckOneLineError(const RunResult& r, int code, const std::string& contains) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == code);
  CHECK(Lines(r.err).size() == 1);
  CHECK(r.err.rfind("dossier: ", 0) == 0);
  CHECK(r.err.find(contains) != std::string::npos);
  CHECK(r.err.find("terminate") == std::string::npos);
}

RunResult Ok(const std::string& db, const std::vector<std::string>& args) {
  RunResult r = Dossier(db, args);
  INFO("dossier " << args.front() << "\nstdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  return r;
}

const char* kArticle =
    "CHONGQING, China — Sun Zhengcai, the party chief, said the city of nearly 30 million people "
    "would keep buying American soybeans.\n\nSun spoke on Tuesday.\n";

}  // namespace

TEST_CASE("a store is created, curated and queried through the CLI", "[cli][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "cli.db");
  dossier::testing::WriteFile(dir / "article.txt", kArticle);

  CheckOneLineError(Dossier(db, {"stats"}), 1, "dossier init");
  CHECK(Ok(db, {"init"}).out.find("created store") != std::string::npos);
  CHECK(Ok(db, {"init"}).out.find("is ready") != std::string::npos);

  CHECK(Ok(db, {"add", "person", "Sun Zhengcai", "--alias", "Sun", "--prop", "gender=male"}).out ==
        "added person:sun-zhengcai\n");
  CheckOneLineError(Dossier(db, {"add", "person", "sun zhengcai"}), 1, "already exists");
  CHECK(Ok(db, {"add", "place", "Chongqing", "--prop", "kind=city", "--prop", "country=CN"}).out ==
        "added place:chongqing\n");
  CHECK(Ok(db, {"add", "document", "Chongqing buys soybeans", "--text-file", dir / "article.txt"}).out ==
        "added doc:chongqing-buys-soybeans\n");
  CheckOneLineError(Dossier(db, {"add", "person", "X", "--prop", "birth_date=someday"}), 1, "birth_date");
  CheckOneLineError(Dossier(db, {"add", "document", "Missing", "--text-file", dir / "nope.txt"}), 1, "nope.txt");

  Ok(db, {"alias", "Sun Zhengcai", "孙政才", "--note", "Xinhua profile"});
  CheckOneLineError(Dossier(db, {"alias", "Nobody", "N"}), 1, "no entity named");

  // Claims: need a source.
  auto unsourced = Dossier(db, {"claim", "add", "Chongqing", "population", "--value", "30,000,000"});
  CheckOneLineError(unsourced, 2, "needs a source");
  auto claim = Ok(db, {"--json", "claim", "add", "Chongqing", "population", "--value", "30,000,000", "--unit",
                       "person", "--qualifier", "nearly", "--doc", "doc:chongqing-buys-soybeans", "--quote",
                       "nearly 30 million people", "--attributed-to", "Sun Zhengcai", "--time", "2017"});
  Json cj = Json::parse(claim.out);
  const std::string claim_id = cj["id"];
  CHECK(cj["subject"] == "place:chongqing");
  CHECK(cj["value"]["amount"] == 30000000);
  CHECK(cj["value"]["qualifier"] == "nearly");
  CHECK(cj["attributed_to"] == "person:sun-zhengcai");
  CheckOneLineError(Dossier(db, {"claim", "add", "Chongqing", "mayor", "--object", "Sun Zhengcai", "--doc",
                                 "doc:chongqing-buys-soybeans", "--quote", "words that are not there"}),
                    1, "not in doc:chongqing-buys-soybeans");
  Ok(db, {"claim", "add", "Sun Zhengcai", "title", "--text", "party chief", "--source-note", "interview notes"});

  CheckOneLineError(Dossier(db, {"claim", "set-status", claim_id, "rejected"}), 2, "--reason");
  CheckOneLineError(Dossier(db, {"claim", "set-status", claim_id, "maybe", "--reason", "x"}), 2, "maybe");
  Ok(db, {"claim", "set-status", claim_id, "disputed", "--reason", "census says 32 million"});

  // Queries.
  auto show = Ok(db, {"show", "Sun"});
  CHECK(show.out.find("Sun Zhengcai") != std::string::npos);
  CHECK(show.out.find("孙政才") != std::string::npos);
  CHECK(show.out.find("disputed: census says 32 million") != std::string::npos);
  auto show_claim = Ok(db, {"show", claim_id, "--json"});
  CHECK(Json::parse(show_claim.out)["status"] == "disputed");
  auto doc = Json::parse(Ok(db, {"show", "doc:chongqing-buys-soybeans", "--json"}).out);
  CHECK(doc["text"] == kArticle);
  CHECK(doc["claims"].size() == 1);  // sourced from it

  auto list = Lines(Ok(db, {"list", "places", "--json", "--where", "kind=city"}).out);
  REQUIRE(list.size() == 1);
  CHECK(Json::parse(list[0])["id"] == "place:chongqing");
  CHECK(Ok(db, {"list", "person"}).out.find("person:sun-zhengcai") != std::string::npos);
  CheckOneLineError(Dossier(db, {"list", "spaceships"}), 2, "spaceships");
  CheckOneLineError(Dossier(db, {"list", "place", "--where", "novalue"}), 2, "KEY=VALUE");

  auto claims = Lines(Ok(db, {"claims", "--about", "Chongqing", "--json"}).out);
  CHECK(claims.size() == 1);
  CHECK(Lines(Ok(db, {"claims", "--status", "disputed", "--json"}).out).size() == 1);
  CHECK(Lines(Ok(db, {"claims", "--predicate", "title", "--json"}).out).size() == 1);

  auto hits = Lines(Ok(db, {"search", "soybeans", "--json"}).out);
  REQUIRE(hits.size() == 1);
  CHECK(Json::parse(hits[0])["snippet"].get<std::string>().find("[soybeans]") != std::string::npos);
  CHECK(Ok(db, {"search", "soy*"}).out.find("doc:chongqing-buys-soybeans") != std::string::npos);
  for (const char* hostile : {"foo-bar", "\"unbalanced", "AND", "(((", "NEAR(x", "x:y", "a OR"}) {
    auto r = Dossier(db, {"search", hostile});
    INFO(hostile << " -> " << r.err);
    CHECK((r.exit_code == 0 || r.exit_code == 1));
    if (r.exit_code == 1) CheckOneLineError(r, 1, "search query");
    CHECK(r.err.find("fts5") == std::string::npos);
  }
  CheckOneLineError(Dossier(db, {"search", "***"}), 1, "no words");

  auto stats = Json::parse(Ok(db, {"stats", "--json"}).out);
  CHECK(stats["person"] == 1);
  CHECK(stats["place"] == 1);
  CHECK(stats["document"] == 1);
  CHECK(stats["claim"] == 2);
  CHECK(stats["schema_version"] == 3);

  auto log = Lines(Ok(db, {"log", "--json", "--limit", "0"}).out);
  CHECK(log.size() == 7);  // 3 adds, alias, 2 claims, status
  CHECK(Json::parse(log.back())["action"] == "status");
  CHECK(Json::parse(log.back())["actor"].get<std::string>().rfind("cli:", 0) == 0);
}

TEST_CASE("merge then split gives back byte-identical show --json", "[cli][merge][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "merge.db");
  dossier::testing::WriteFile(dir / "a.txt", kArticle);
  Ok(db, {"init"});
  Ok(db, {"add", "document", "Article", "--text-file", dir / "a.txt"});
  Ok(db, {"add", "person", "Sun Zhengcai", "--alias", "孙政才"});
  Ok(db, {"add", "person", "Sun Cheng-tsai", "--alias", "Sun", "--doc", "doc:article", "--quote", "Sun spoke"});
  Ok(db, {"claim", "add", "Sun Cheng-tsai", "title", "--text", "party chief", "--doc", "doc:article", "--quote",
          "the party chief"});
  Ok(db, {"claim", "add", "Sun Zhengcai", "quoted", "--text", "buying soybeans", "--doc", "doc:article", "--span",
          "91:126"});
  Ok(db, {"judge", "Sun Zhengcai", "Sun Cheng-tsai", "unsure", "--reason", "romanisation?"});

  const std::string a_before = Ok(db, {"show", "person:sun-zhengcai", "--json"}).out;
  const std::string b_before = Ok(db, {"show", "person:sun-cheng-tsai", "--json"}).out;

  CHECK(Ok(db, {"merge", "Sun Zhengcai", "Sun Cheng-tsai", "--reason", "same man"}).out.find("merged") !=
        std::string::npos);
  auto merged = Json::parse(Ok(db, {"show", "Sun Zhengcai", "--json"}).out);
  CHECK(merged["absorbed"] == Json::array({"person:sun-cheng-tsai"}));
  CHECK(merged["claims"].size() == 2);
  // The absorbed id shows the survivor.
  CHECK(Json::parse(Ok(db, {"show", "person:sun-cheng-tsai", "--json"}).out)["id"] == "person:sun-zhengcai");

  Ok(db, {"split", "person:sun-cheng-tsai"});
  CHECK(Ok(db, {"show", "person:sun-zhengcai", "--json"}).out == a_before);
  CHECK(Ok(db, {"show", "person:sun-cheng-tsai", "--json"}).out == b_before);

  // judge same merges too; different is then refused until split.
  Ok(db, {"judge", "Sun Zhengcai", "Sun Cheng-tsai", "same", "--reason", "checked"});
  CheckOneLineError(Dossier(db, {"judge", "Sun Zhengcai", "Sun Cheng-tsai", "different"}), 1, "split them first");
  Ok(db, {"split", "Sun Cheng-tsai"});
  CheckOneLineError(Dossier(db, {"split", "Sun Cheng-tsai"}), 1, "not merged");
  CheckOneLineError(Dossier(db, {"judge", "a", "b", "perhaps"}), 2, "perhaps");
}

TEST_CASE("the store path comes from --db, then $DOSSIER_DB, then ./dossier.db", "[cli][backends]") {
  TempDir dir;
  const std::string env_db = dossier::testing::StoreAt(dir, "env.db");
  auto r = dossier::testing::Run({dossier::testing::DossierBinary(), "init"}, {"DOSSIER_DB=" + env_db, "NO_COLOR=1"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find(env_db) != std::string::npos);
  auto cwd = dossier::testing::Run({"sh", "-c", "cd '" + dir.path() + "' && env -u DOSSIER_DB '" +
                                                    dossier::testing::DossierBinary() + "' init"});
  REQUIRE(cwd.exit_code == 0);
  CHECK(cwd.out.find("dossier.db") != std::string::npos);
}

TEST_CASE("every command has --help and bad usage exits 2", "[cli][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "help.db");
  for (std::vector<std::string> cmd :
       std::vector<std::vector<std::string>>{{"--help"}, {"init", "--help"}, {"add", "--help"}, {"alias", "--help"},
                                             {"claim", "--help"}, {"claim", "add", "--help"},
                                             {"claim", "set-status", "--help"}, {"merge", "--help"},
                                             {"split", "--help"}, {"judge", "--help"}, {"show", "--help"},
                                             {"list", "--help"}, {"claims", "--help"}, {"search", "--help"},
                                             {"stats", "--help"}, {"log", "--help"}}) {
    auto r = Dossier(db, cmd);
    INFO(cmd.front() << " " << (cmd.size() > 1 ? cmd[1] : ""));
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Usage") != std::string::npos);
  }
  CheckOneLineError(Dossier(db, {}), 2, "");
  CheckOneLineError(Dossier(db, {"frobnicate"}), 2, "");
  CheckOneLineError(Dossier(db, {"show"}), 2, "ID-or-NAME");
  CheckOneLineError(Dossier(db, {"search", "x", "--limit", "zero"}), 2, "limit");
}

TEST_CASE("runtime errors are one line and exit 1", "[cli][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "err.db");
  dossier::testing::WriteFile(dir / "junk.db", std::string(8192, 'j'));
  CheckOneLineError(Dossier(dir / "junk.db", {"stats"}), 1, "not a dossier store");
  CheckOneLineError(Dossier(dir.path(), {"stats"}), 1, "directory");
  Ok(db, {"init"});
  CheckOneLineError(Dossier(db, {"show", "person:nobody"}), 1, "no entity");
  CheckOneLineError(Dossier(db, {"show", "claim:nope"}), 1, "no claim");
  CheckOneLineError(Dossier(db, {"merge", "a", "b"}), 1, "no entity named");
  CheckOneLineError(Dossier(db, {"split", "nobody"}), 1, "no entity named");
}
