#include "gazetteer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "data_files.h"
#include "dossier/text.h"
#include "dossier/tokens.h"

namespace dossier::ner {
namespace {

using Json = nlohmann::json;

// Lines of a data file without comments and blanks (the kernel's one rule,
// dossier/text.h).
std::vector<std::string> Lines(std::string_view file) {
  std::vector<std::string> out;
  const std::string text(DataFile(file));
  for (std::string_view line : DataLines(text)) out.emplace_back(line);
  return out;
}

std::vector<std::string> Words(std::string_view file) {
  std::vector<std::string> out;
  for (const auto& line : Lines(file)) {
    std::istringstream in(line);
    std::string w;
    while (in >> w) out.push_back(w);
  }
  return out;
}

std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(line);
  while (std::getline(in, part, sep)) out.push_back(part);
  return out;
}

size_t WordCount(const std::string& norm) { return static_cast<size_t>(std::count(norm.begin(), norm.end(), ' ')) + 1; }

// Administrative words iso-codes appends to subdivision names ("Sichuan Sheng").
bool IsAdminSuffix(const std::string& w) {
  static const std::unordered_set<std::string> kSuffixes = {
      "sheng", "shi", "zizhiqu", "province", "provincia", "region", "state", "oblast", "krai", "kray",
      "governorate", "prefecture", "department", "departamento", "district", "county", "municipality",
      "voivodeship", "canton", "territory", "emirate", "parish", "republic", "respublika", "okrug", "ken", "do"};
  return kSuffixes.count(w) > 0;
}

}  // namespace

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer instance;
  return instance;
}

void Gazetteer::AddPlace(const std::string& alias, const Place& place, bool overwrite) {
  const std::string key = NormalizeName(alias);
  if (key.empty()) return;
  if (overwrite) {
    places_[key] = place;
  } else {
    places_.emplace(key, place);
  }
  max_place_words_ = std::max(max_place_words_, WordCount(key));
}

void Gazetteer::LoadIsoCodes() {
  const std::string dir = "/usr/share/iso-codes/json/";
  std::map<std::string, std::string> country_names;
  {
    std::ifstream in(dir + "iso_3166-1.json");
    Json j = Json::parse(in, nullptr, false);
    if (j.is_object()) {
      for (const auto& c : j.value("3166-1", Json::array())) {
        const std::string code = c.value("alpha_2", "");
        const std::string name = c.value("common_name", c.value("name", ""));
        Place p{name.substr(0, name.find(',')), "country", code, ""};
        country_names[code] = p.name;
        for (const char* field : {"name", "common_name", "official_name"}) {
          std::string n = c.value(field, "");
          if (n.empty()) continue;
          AddPlace(n, p, false);
          if (auto comma = n.find(','); comma != std::string::npos) AddPlace(n.substr(0, comma), p, false);
        }
      }
    }
  }
  std::ifstream in(dir + "iso_3166-2.json");
  Json j = Json::parse(in, nullptr, false);
  if (!j.is_object()) return;
  for (const auto& s : j.value("3166-2", Json::array())) {
    const std::string code = s.value("code", "");
    std::string name = s.value("name", "");
    if (auto paren = name.find(" ("); paren != std::string::npos) name.resize(paren);
    std::vector<std::string> words = Split(NormalizeName(name), ' ');
    // Strip "Sheng", "Province", ... so "Sichuan Sheng" is found as "Sichuan".
    std::string display = name;
    if (words.size() > 1 && IsAdminSuffix(words.back())) {
      display = name.substr(0, name.rfind(' '));
    }
    const std::string key = NormalizeName(display);
    // Subdivision names that are ordinary words or given names ("Central",
    // "Victoria") would be found everywhere; they are left out.
    if (key.size() < 4 || common_words_.count(key) || first_names_.count(key)) continue;
    Place p{display, "subdivision", code.substr(0, 2), code};
    AddPlace(display, p, false);
  }
}

void Gazetteer::LoadWordList() {
  std::ifstream in("/usr/share/dict/words");
  std::string w;
  while (std::getline(in, w)) {
    if (w.empty() || w.find('\'') != std::string::npos) continue;
    const auto c = static_cast<unsigned char>(w[0]);
    if (c >= 'a' && c <= 'z') common_words_.insert(w);
  }
  for (const auto& word : Words("common_words.txt")) common_words_.insert(word);
}

Gazetteer::Gazetteer() {
  for (const auto& w : Words("first_names.txt")) first_names_.insert(NormalizeName(w));
  for (const auto& w : Words("family_names.txt")) family_names_.insert(NormalizeName(w));
  for (const auto& w : Words("org_cues.txt")) org_cues_.insert(NormalizeName(w));
  for (const auto& w : Words("event_cues.txt")) event_cues_.insert(NormalizeName(w));
  for (const auto& w : Words("place_cues.txt")) place_cues_.insert(NormalizeName(w));
  for (const auto& w : Words("demonyms.txt")) demonyms_.insert(NormalizeName(w));
  for (const auto& w : Words("never_entities.txt")) never_.insert(NormalizeName(w));
  for (const auto& line : Lines("titles.txt")) {
    const auto colon = line.find(':');
    const TitleKind kind = line.substr(0, colon) == "honorific" ? TitleKind::kHonorific : TitleKind::kTitle;
    std::istringstream rest(line.substr(colon + 1));
    std::string w;
    while (rest >> w) titles_[NormalizeName(w)] = kind;
  }
  LoadWordList();
  LoadIsoCodes();
  // Curated data wins over iso-codes' spellings.
  for (const auto& line : Lines("place_aliases.txt")) {
    auto parts = Split(line, '|');
    if (parts.size() < 2) continue;
    const std::string code = parts[1];
    Place p;
    if (code == "region") {
      p = {parts[0], "region", "", ""};
    } else if (code.size() == 2) {
      // Keep iso-codes' name for the country as its canonical name.
      p = {parts[0], "country", code, ""};
      for (const auto& [key, place] : places_) {
        if (place.kind == "country" && place.country == code) {
          p.name = place.name;
          break;
        }
      }
    } else {
      p = {parts[0], "subdivision", code.substr(0, 2), code};
    }
    AddPlace(parts[0], p, true);
  }
  for (const auto& line : Lines("us_states.txt")) {
    auto parts = Split(line, '|');
    Place p{parts[0], "subdivision", "US", parts[1]};
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i == 1) continue;
      // "Washington" the state must not shadow Washington the city (the capital).
      AddPlace(parts[i], p, parts[i] != "Washington");
    }
  }
  for (const auto& line : Lines("cities.txt")) {
    auto parts = Split(line, '|');
    if (parts.size() < 2) continue;
    Place p{parts[0], "city", parts[1], ""};
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i == 1) continue;
      AddPlace(parts[i], p, true);
    }
  }
  for (const auto& line : Lines("orgs.txt")) {
    auto parts = Split(line, '|');
    KnownOrg o{parts[0], parts.size() > 1 ? parts[1] : "", parts.size() > 2 ? parts[2] : ""};
    orgs_[NormalizeName(o.name)] = o;
    if (!o.acronym.empty()) orgs_[NormalizeName(o.acronym)] = o;
  }
}

const Place* Gazetteer::FindPlace(std::string_view name) const {
  auto it = places_.find(NormalizeName(name));
  return it == places_.end() ? nullptr : &it->second;
}

const KnownOrg* Gazetteer::FindOrg(std::string_view name) const {
  auto it = orgs_.find(NormalizeName(name));
  return it == orgs_.end() ? nullptr : &it->second;
}

bool Gazetteer::IsFirstName(std::string_view w) const { return first_names_.count(NormalizeName(w)) > 0; }
bool Gazetteer::IsFamilyName(std::string_view w) const { return family_names_.count(NormalizeName(w)) > 0; }
bool Gazetteer::IsOrgCue(std::string_view w) const { return org_cues_.count(NormalizeName(w)) > 0; }
bool Gazetteer::IsEventCue(std::string_view w) const { return event_cues_.count(NormalizeName(w)) > 0; }
bool Gazetteer::IsPlaceCue(std::string_view w) const { return place_cues_.count(NormalizeName(w)) > 0; }
bool Gazetteer::IsDemonym(std::string_view w) const { return demonyms_.count(NormalizeName(w)) > 0; }
bool Gazetteer::NeverEntity(std::string_view w) const { return never_.count(NormalizeName(w)) > 0; }

TitleKind Gazetteer::Title(std::string_view w) const {
  auto it = titles_.find(NormalizeName(w));
  return it == titles_.end() ? TitleKind::kNone : it->second;
}

bool Gazetteer::IsCommonWord(std::string_view w) const { return common_words_.count(LowerAscii(w)) > 0; }

size_t Gazetteer::LongestPlace(const std::vector<std::string_view>& words, const Place** place) const {
  std::string name;
  size_t best = 0;
  for (size_t n = 1; n <= words.size() && n <= max_place_words_; ++n) {
    name += (n > 1 ? " " : "") + std::string(words[n - 1]);
    if (const Place* p = FindPlace(name)) {
      best = n;
      *place = p;
    }
  }
  return best;
}

}  // namespace dossier::ner
