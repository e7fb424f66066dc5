#include "name_index.h"

#include <algorithm>
#include <vector>

namespace dossier::ner {
namespace {

std::vector<std::string> Words(const std::string& key) {
  std::vector<std::string> out;
  for (size_t at = 0; at < key.size();) {
    const size_t space = std::min(key.find(' ', at), key.size());
    if (space > at) out.push_back(key.substr(at, space - at));
    at = space + 1;
  }
  return out;
}

}  // namespace

void NameIndex::Two::Add(int id) {
  if (first < 0) {
    first = id;
  } else if (first != id && second < 0) {
    second = id;
  }
}

void NameIndex::AddPerson(int id, const std::string& key) {
  const std::vector<std::string> words = Words(key);
  if (words.size() == 1) person_words_[words[0]].Add(id);
  if (words.size() >= 2 && rules_.family_name_first(words.front())) person_words_[words.front()].Add(id);
  if (words.size() >= 3) {
    for (size_t k = 1; k < words.size(); ++k) {
      if (!rules_.particle(words[k])) person_words_[words[k]].Add(id);
    }
  }
  // Keys have single spaces and no space at either end.
  for (size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
    person_endings_[key.substr(space + 1)].Add(id);
  }
}

void NameIndex::AddOrganization(int id, const std::string& key) {
  for (size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
    org_starts_.emplace(key.substr(0, space), id);  // an earlier organization keeps the start
  }
}

void NameIndex::Lookup(const std::unordered_map<std::string, Two>& map, const std::string& key, Two* into) {
  const auto it = map.find(key);
  if (it == map.end()) return;
  for (int id : {it->second.first, it->second.second}) {
    if (id >= 0) into->Add(id);
  }
}

int NameIndex::PersonBySurname(const std::string& key) const {
  Two found;
  Lookup(person_words_, key, &found);
  Lookup(person_endings_, key, &found);
  return found.second >= 0 ? -2 : found.first;
}

int NameIndex::PersonEndingWith(const std::string& key) const {
  Two found;
  Lookup(person_endings_, key, &found);
  return found.second >= 0 ? -2 : found.first;
}

int NameIndex::OrganizationStartingWith(const std::string& key) const {
  const auto it = org_starts_.find(key);
  return it == org_starts_.end() ? -1 : it->second;
}

}  // namespace dossier::ner
