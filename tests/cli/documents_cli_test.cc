// Documents as a curator lists and opens them: `list document` counts the
// mentions in each, `show doc:...` lists who and what it names, `stats`
// counts cited-only cables (stubs a REF line made) apart from documents.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "examples_store.h"

using dossier::testing::Dossier;
using dossier::testing::ImportedStore;
using dossier::testing::kExamples;
using dossier::testing::Lines;
using dossier::testing::RunResult;
using dossier::testing::TempDir;
using Json = nlohmann::json;

TEST_CASE("list document counts the mentions in each document", "[cli][documents][backends]") {
  TempDir dir;
  const std::string db = ImportedStore(dir);
  RunResult r = Dossier(db, {"list", "document", "--json"});
  REQUIRE(r.exit_code == 0);
  int with_mentions = 0;
  for (const auto& line : Lines(r.out)) {
    const Json d = Json::parse(line);
    if (d["id"] == "doc:mayor-takes-farm-pitch-to-sichuan") CHECK(d["mentions"].get<int>() >= 8);
    with_mentions += d["mentions"].get<int>() > 0;
  }
  CHECK(with_mentions >= 6);  // every imported document; the cited-only ones have none
}

TEST_CASE("show doc lists who and what it names, most named first", "[cli][documents][backends]") {
  TempDir dir;
  const std::string db = ImportedStore(dir);
  RunResult r = Dossier(db, {"show", "doc:mayor-takes-farm-pitch-to-sichuan", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const Json d = Json::parse(r.out);
  REQUIRE(d["named"].is_array());
  bool vasquez = false;
  int64_t previous = INT64_MAX;
  for (const auto& n : d["named"]) {
    if (n["entity"] == "person:elena-vasquez") {
      vasquez = true;
      CHECK(n["mentions"].get<int>() == 2);
      CHECK(n["type"] == "person");
    }
    if (!n["entity"].get<std::string>().empty()) {
      CHECK(n["mentions"].get<int64_t>() <= previous);
      previous = n["mentions"].get<int64_t>();
    }
  }
  CHECK(vasquez);
  RunResult text = Dossier(db, {"show", "doc:mayor-takes-farm-pitch-to-sichuan"});
  CHECK(text.out.find("  names (") != std::string::npos);
  CHECK(text.out.find("Elena Vasquez  person:elena-vasquez ×2") != std::string::npos);
}

TEST_CASE("stats counts cited-only documents apart", "[cli][documents][backends]") {
  TempDir dir;
  const std::string db = ImportedStore(dir);
  const Json s = Json::parse(Dossier(db, {"stats", "--json"}).out);
  // Five news files and one cable; the cable's two REF lines name
  // cables the store does not hold.
  CHECK(s["document"] == 6);
  CHECK(s["cited_only"] == 2);
  CHECK(Dossier(db, {"stats"}).out.find("documents      6 (and 2 cited only)") != std::string::npos);
}

TEST_CASE("rename keeps the id, keeps the old name as an alias, is audited and undone by renaming back", "[cli][rename][backends]") {
  TempDir dir;
  const std::string db = ImportedStore(dir);
  RunResult r = Dossier(db, {"rename", "Elena Vasquez", "Elena M. Vasquez", "--reason", "her full name, per the council"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("undo: dossier rename person:elena-vasquez \"Elena Vasquez\"") != std::string::npos);
  const Json shown = Json::parse(Dossier(db, {"show", "Elena M. Vasquez", "--json"}).out);
  CHECK(shown["id"] == "person:elena-vasquez");
  CHECK(shown["name"] == "Elena M. Vasquez");
  bool old_alias = false;
  for (const auto& a : shown["aliases"]) old_alias |= a["name"] == "Elena Vasquez";
  CHECK(old_alias);
  // The old name still finds her, by resolution and by search.
  CHECK(Json::parse(Dossier(db, {"show", "Elena Vasquez", "--json"}).out)["id"] == "person:elena-vasquez");
  CHECK(Dossier(db, {"search", "Elena M. Vasquez"}).out.find("person:elena-vasquez") != std::string::npos);
  CHECK(Dossier(db, {"log"}).out.find("rename") != std::string::npos);
  // A name another person has is refused: that is a merge.
  RunResult clash = Dossier(db, {"rename", "Elena M. Vasquez", "Dan Okafor"});
  CHECK(clash.exit_code == 1);
  CHECK(clash.err.find("already exists: person:dan-okafor") != std::string::npos);
  // Renamed back: the name is hers again, and no longer an alias.
  REQUIRE(Dossier(db, {"rename", "person:elena-vasquez", "Elena Vasquez"}).exit_code == 0);
  const Json back = Json::parse(Dossier(db, {"show", "person:elena-vasquez", "--json"}).out);
  CHECK(back["name"] == "Elena Vasquez");
  for (const auto& a : back["aliases"]) CHECK(a["name"] != "Elena Vasquez");
  // A document's title is not renamed.
  CHECK(Dossier(db, {"rename", "doc:24CHENGDU455", "Another title"}).exit_code == 1);
}

TEST_CASE("import --dry-run lists per file what each document would store, and stores nothing", "[cli][documents][import][backends]") {
  TempDir dir;
  const std::string db = dossier::testing::StoreAt(dir, "store.db");
  REQUIRE(Dossier(db, {"import", kExamples + "/news/marlow-harbour-gazette.html"}).exit_code == 0);
  dossier::testing::WriteFile(dir / "note.txt", "Harbour note\n\nTomas Ferreira said the pier opens in May.\n");
  REQUIRE(Dossier(db, {"import", dir / "note.txt"}).exit_code == 0);
  dossier::testing::WriteFile(dir / "note.txt", "Harbour note\n\nTomas Ferreira said the pier opens in June.\n");
  const std::string before = Dossier(db, {"export", "jsonl", "-o", "-"}).out;

  RunResult r = Dossier(db, {"import", "--dry-run", "--json", kExamples + "/news", dir / "note.txt"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, Json> files;
  for (const auto& line : Lines(r.out)) {
    const Json j = Json::parse(line);
    if (j.contains("path")) files[j["path"].get<std::string>().substr(j["path"].get<std::string>().rfind('/') + 1)] = j;
  }
  CHECK(files.at("marlow-harbour-gazette.html")["outcome"] == "unchanged");
  const Json& council = files.at("marlow-council-notes.wiki")["would_store"].at(0);
  CHECK(council["state"] == "new");
  CHECK(council["mentions"].get<int>() > 0);
  const auto known = council["known_entities"].dump();
  CHECK(known.find("(org:marlow-harbour-board)") != std::string::npos);  // named in the gazette, stored
  CHECK(council["new_entities"].dump().find("organization: Wikinews") != std::string::npos);
  const Json& note = files.at("note.txt")["would_store"].at(0);
  CHECK(note["id"] == "doc:note");
  CHECK(note["state"] == "changed");

  // The same in words, one file after another.
  RunResult text = Dossier(db, {"import", "--dry-run", dir / "note.txt"});
  CHECK(text.out.find("changed  doc:note  Harbour note") != std::string::npos);
  CHECK(text.out.find("in the store: person: Tomas Ferreira (person:tomas-ferreira)") != std::string::npos);
  // Nothing was written.
  CHECK(Dossier(db, {"export", "jsonl", "-o", "-"}).out == before);
}
