// The names of a document's entities, indexed for the recognizer's lookups
// by part of a name: a word to the person it may stand for alone, a name to
// the longer names of people that end with it, a short name to the
// organization whose name it starts. Each lookup costs the length of the
// name asked about, not the number of entities: scanning every entity per
// lookup made a text dense with names quadratic to read.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dossier::ner {

class NameIndex {
 public:
  // Which words of a person's name may stand for the whole besides its last
  // ones: a family name put first ("Sun" of "Sun Zhengcai"); an inner word
  // of a name of three or more, unless it is a particle ("da" of "Luiz
  // Inacio Lula da Silva").
  struct Rules {
    std::function<bool(std::string_view)> family_name_first;
    std::function<bool(std::string_view)> particle;
  };
  explicit NameIndex(Rules rules) : rules_(std::move(rules)) {}

  // Adds an entity by its NormalizeName key ("sun zhengcai"); an entity is
  // added once.
  void AddPerson(int id, const std::string& key);
  void AddOrganization(int id, const std::string& key);

  // The one person the word with this key names alone: a one-word name
  // equal to it, a longer name ending with it, or a first or inner word as
  // Rules allow. -1: nobody; -2: two people or more.
  int PersonBySurname(const std::string& key) const;
  // The one person whose name ends with a space and key ("Reyes Matta" of
  // "Fernando Reyes Matta"). -1: nobody; -2: two people or more.
  int PersonEndingWith(const std::string& key) const;
  // The first organization added whose name starts with key and a space
  // ("brookings" of "brookings institution"), or -1.
  int OrganizationStartingWith(const std::string& key) const;

 private:
  // The first two distinct ids given for a key: enough to tell one from several.
  struct Two {
    int first = -1, second = -1;
    void Add(int id);
  };
  static void Lookup(const std::unordered_map<std::string, Two>& map, const std::string& key, Two* into);

  Rules rules_;
  std::unordered_map<std::string, Two> person_words_;    // one-word names, family names first, inner words
  std::unordered_map<std::string, Two> person_endings_;  // every ending after a space
  std::unordered_map<std::string, int> org_starts_;      // every start before a space: the first organization
};

}  // namespace dossier::ner
