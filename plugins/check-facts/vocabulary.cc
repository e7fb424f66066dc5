#include "vocabulary.h"

#include <sstream>
#include <vector>

#include "check_data_files.h"
#include "dossier/quantity.h"
#include "dossier/text.h"

namespace dossier::check {
namespace {

// The data file's lines (comments and blanks out, by the kernel's one rule),
// as strings.
std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view line : DataLines(text)) out.emplace_back(line);
  return out;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

// "canonical: a b c" lines into a synonym -> canonical map; `key` normalises both sides.
template <typename Key>
void LoadSynonyms(std::string_view text, Key key, std::unordered_map<std::string, std::string>* out) {
  for (const std::string& line : Lines(text)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string canonical = line.substr(0, colon);
    const std::string canonical_key = key(canonical);
    (*out)[canonical_key] = canonical;
    for (const std::string& w : Words(line.substr(colon + 1))) (*out)[key(w)] = canonical;
  }
}

// Each word singular, joined by "_": "people_killed" -> "person_killed".
std::string PredicateKey(std::string_view predicate) {
  std::string out;
  std::string spaced(predicate);
  for (char& c : spaced) {
    if (c == '_' || c == '-') c = ' ';
  }
  for (const std::string& w : Words(NormalizeName(spaced))) out += (out.empty() ? "" : "_") + Singular(w);
  return out;
}

std::string UnitKey(std::string_view unit) {
  std::string spaced(unit);
  for (char& c : spaced) {
    if (c == '_' || c == '-') c = ' ';
  }
  std::string out;
  for (const std::string& w : Words(NormalizeName(spaced))) out += (out.empty() ? "" : "_") + Singular(w);
  return out;
}

std::string WordKey(std::string_view word) { return NormalizeName(word); }

}  // namespace

Vocabulary Vocabulary::FromText(std::string_view predicates, std::string_view units,
                                std::string_view transliterations, std::string_view titles,
                                std::string_view offices) {
  Vocabulary v;
  LoadSynonyms(predicates, PredicateKey, &v.predicates_);
  LoadSynonyms(units, UnitKey, &v.units_);
  int group = 0;
  for (const std::string& line : Lines(transliterations)) {
    for (const std::string& w : Words(line)) v.surname_groups_[WordKey(w)].insert(group);
    ++group;
  }
  for (const std::string& line : Lines(titles)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::string kind = line.substr(0, colon);
    auto& set = kind == "honorific" ? v.honorifics_ : v.titles_;
    for (const std::string& w : Words(line.substr(colon + 1))) set.insert(WordKey(w));
  }
  for (const std::string& line : Lines(offices)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::vector<std::string> head = Words(line.substr(0, colon));
    if (head.size() != 2) continue;
    const std::pair<std::string, std::string> office{head[0], head[1]};
    v.offices_[WordKey(head[1])] = office;
    for (const std::string& w : Words(line.substr(colon + 1))) {
      std::string spaced = w;
      for (char& c : spaced) {
        if (c == '_') c = ' ';
      }
      v.offices_[WordKey(spaced)] = office;
    }
  }
  return v;
}

const Vocabulary& Vocabulary::Get() {
  static const Vocabulary v = FromText(DataFile("predicates.txt"), DataFile("units.txt"),
                                       DataFile("transliteration.txt"), DataFile("titles.txt"),
                                       DataFile("offices.txt"));
  return v;
}

std::string Vocabulary::CanonicalPredicate(std::string_view predicate) const {
  std::string key = PredicateKey(predicate);
  auto it = predicates_.find(key);
  return it == predicates_.end() ? key : it->second;
}

std::string Vocabulary::CanonicalUnit(std::string_view unit) const {
  std::string key = UnitKey(unit);
  auto it = units_.find(key);
  if (it != units_.end()) return it->second;
  return key;
}

bool Vocabulary::Transliterated(std::string_view a, std::string_view b) const {
  const std::string ka = WordKey(a), kb = WordKey(b);
  if (ka == kb) return false;
  auto ia = surname_groups_.find(ka), ib = surname_groups_.find(kb);
  if (ia == surname_groups_.end() || ib == surname_groups_.end()) return false;
  for (int g : ia->second) {
    if (ib->second.count(g)) return true;
  }
  return false;
}

bool Vocabulary::IsHonorific(std::string_view word) const { return honorifics_.count(WordKey(word)) > 0; }
bool Vocabulary::IsTitle(std::string_view word) const { return titles_.count(WordKey(word)) > 0; }

std::pair<std::string, std::string> Vocabulary::Office(std::string_view word) const {
  auto it = offices_.find(WordKey(word));
  return it == offices_.end() ? std::pair<std::string, std::string>{} : it->second;
}

}  // namespace dossier::check
