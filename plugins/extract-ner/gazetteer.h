// What the recognizer knows before it reads a document: places (countries and
// subdivisions from Debian's iso-codes, cities and US state abbreviations
// from data/), given and family names, titles, organization cues, known
// organizations, nationality adjectives, and which words are ordinary English
// (from /usr/share/dict/words when installed).
//
// Loaded once per process; every lookup takes a word or name as written and
// compares NormalizeName keys, so case, accents and periods do not matter.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dossier::ner {

struct Place {
  std::string name;         // canonical: "Chongqing", "California", "United States"
  std::string kind;         // "country", "subdivision", "city", "region"
  std::string country;      // ISO 3166-1 alpha-2
  std::string subdivision;  // ISO 3166-2, for subdivisions
};

struct KnownOrg {
  std::string name;
  std::string acronym;
  std::string kind;  // organization.schema.json kind
};

enum class TitleKind { kNone, kHonorific, kTitle };

class Gazetteer {
 public:
  static const Gazetteer& Get();

  // The place with this name or alias, or nullptr.
  const Place* FindPlace(std::string_view name) const;
  const KnownOrg* FindOrg(std::string_view name_or_acronym) const;
  bool IsFirstName(std::string_view word) const;
  bool IsFamilyName(std::string_view word) const;  // East Asian, family name first
  TitleKind Title(std::string_view word) const;
  bool IsOrgCue(std::string_view word) const;
  bool IsEventCue(std::string_view word) const;
  bool IsPlaceCue(std::string_view word) const;  // "River", "Island", "Province"
  bool IsDemonym(std::string_view word) const;
  bool NeverEntity(std::string_view word) const;
  // An ordinary English word in lower case ("sun", "trade", "suddenly").
  bool IsCommonWord(std::string_view word) const;
  // The longest place name (in words) starting at words[0], or 0.
  size_t LongestPlace(const std::vector<std::string_view>& words, const Place** place) const;
  // The longest known place-name length in words.
  size_t max_place_words() const { return max_place_words_; }

 private:
  Gazetteer();
  void AddPlace(const std::string& alias, const Place& place, bool overwrite);
  void LoadIsoCodes();
  void LoadWordList();

  std::unordered_map<std::string, Place> places_;  // by NormalizeName
  std::unordered_map<std::string, KnownOrg> orgs_;
  std::unordered_set<std::string> first_names_, family_names_, org_cues_, event_cues_, place_cues_, demonyms_, never_;
  std::unordered_map<std::string, TitleKind> titles_;
  std::unordered_set<std::string> common_words_;
  size_t max_place_words_ = 1;
};

}  // namespace dossier::ner
