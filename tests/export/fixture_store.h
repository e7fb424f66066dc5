// A small invented store for the exporter tests: people, organizations and
// places with hostile names (quotes, commas, <, &, newlines, right-to-left
// script, an id full of markup characters), two documents with paragraphs and
// mentions, relation and value claims in every curator status, and a finding.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/store.h"

namespace dossier::testing {

// Ids of the fixture's records, for assertions.
inline constexpr const char* kMara = "person:mara-ellingsen";
inline constexpr const char* kFox = "person:sean-o-brien";  // named `Seán "The Fox" O'Brien, <Jr.> & Co`
inline constexpr const char* kLayla = "person:layla-haddad";  // named in Arabic script
inline constexpr const char* kLone = "person:ivo-lindqvist";  // mentioned nowhere, related to nobody
inline constexpr const char* kTrust = "org:northwind-harbour-trust";
inline constexpr const char* kKite = "org:kite&\"co\"<ltd>";  // an id with markup characters
inline constexpr const char* kPort = "place:port-elsey";
inline constexpr const char* kReport = "doc:harbour-report";
inline constexpr const char* kMemo = "doc:pier-memo";
// The fox's name, as stored.
inline constexpr const char* kFoxName = "Se\xC3\xA1n \"The Fox\" O'Brien, <Jr.> & Co";
inline constexpr const char* kLaylaName = "\xD9\x84\xD9\x8A\xD9\x84\xD9\x89 \xD8\xAD\xD8\xAF\xD8\xA7\xD8\xAF";

// The fixture's interchange records (DESIGN.md §6), in dependency order.
std::vector<Json> FixtureRecords();

// Writes the fixture into a new store at path.
std::unique_ptr<Store> MakeFixtureStore(const std::string& path);

// Loads the bundled plugins from the build's plugin folder into host.
void LoadBundledPlugins(PluginHost& host);

}  // namespace dossier::testing
