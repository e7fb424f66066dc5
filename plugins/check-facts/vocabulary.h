// What the checkers know before they read the store, as data: predicate
// synonyms ("price" and "deal_value" state the same fact), unit synonyms
// ("deaths" and "people" count the same thing), surnames that are one name in
// two languages (Nguyen and Ruan), and which words are titles or honorifics.
// The tables live in data/*.txt so a curator can extend them without code.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace dossier::check {

class Vocabulary {
 public:
  // The tables compiled into the plugin; loaded once per process.
  static const Vocabulary& Get();
  // Tables from text in the data files' formats (for tests).
  static Vocabulary FromText(std::string_view predicates, std::string_view units,
                             std::string_view transliterations, std::string_view titles,
                             std::string_view offices = {});

  // The predicate's canonical form: lower case, words joined by "_", each
  // word singular, then mapped through the synonym table.
  std::string CanonicalPredicate(std::string_view predicate) const;
  // Whether figures under this canonical predicate may be compared: false
  // for the catch-all words the predicate table maps to "_" ("amount").
  static bool Comparable(std::string_view canonical_predicate) { return canonical_predicate != "_"; }
  // The unit's canonical form: singular, then mapped through the unit table.
  std::string CanonicalUnit(std::string_view unit) const;
  // Whether two surnames (any case or accents) are listed as renderings of
  // one name; a name is not its own transliteration.
  bool Transliterated(std::string_view a, std::string_view b) const;
  // "mr", "mrs", "dr" ... (periods and case ignored).
  bool IsHonorific(std::string_view word) const;
  // "president", "governor", "senator" ... (periods and case ignored).
  bool IsTitle(std::string_view word) const;
  // A title held one at a time (data/offices.txt): {category, canonical}
  // ("gen." -> {"rank", "general"}), or empty strings when not listed.
  std::pair<std::string, std::string> Office(std::string_view word) const;

 private:
  std::unordered_map<std::string, std::string> predicates_;
  std::unordered_map<std::string, std::string> units_;
  std::unordered_map<std::string, std::unordered_set<int>> surname_groups_;
  std::unordered_set<std::string> honorifics_, titles_;
  std::unordered_map<std::string, std::pair<std::string, std::string>> offices_;
};

}  // namespace dossier::check
