#include "names.h"

#include <algorithm>
#include <sstream>

#include "dossier/text.h"
#include "phonetic.h"

namespace dossier::check {

std::vector<std::string> NameWords(std::string_view name, const Vocabulary& vocabulary) {
  std::vector<std::string> out;
  std::istringstream in(NormalizeName(name));
  std::string w;
  while (in >> w) {
    if (out.empty() && (vocabulary.IsHonorific(w) || vocabulary.IsTitle(w))) continue;
    out.push_back(w);
  }
  return out;
}

WordMatch MatchWord(std::string_view a, std::string_view b, const Vocabulary& vocabulary) {
  const std::string ka = NormalizeName(a), kb = NormalizeName(b);
  WordMatch m;
  if (ka.empty() || kb.empty()) return m;
  // Messages show the words capitalised as names, whatever case they came in.
  auto quoted = [](std::string k) {
    if (!k.empty() && k[0] >= 'a' && k[0] <= 'z') k[0] = static_cast<char>(k[0] - 'a' + 'A');
    return "\"" + k + "\"";
  };
  const std::string qa = quoted(ka), qb = quoted(kb);
  if (ka == kb) {
    m.link = NameLink::kSame;
    m.why = qa + " is the same name as " + qb;
  } else if (vocabulary.Transliterated(ka, kb)) {
    m.link = NameLink::kTransliteration;
    m.why = qa + " and " + qb + " are one surname in two languages (transliteration table)";
  } else if (ka.size() >= 3 && kb.size() >= 3 && Soundex(ka) == Soundex(kb) && EditDistance(ka, kb, 2) <= 2) {
    m.link = NameLink::kSound;
    m.why = qa + " and " + qb + " sound alike (Soundex " + Soundex(ka) + ", " +
            std::to_string(EditDistance(ka, kb, 2)) + " edits apart)";
  } else if (std::min(ka.size(), kb.size()) >= 5 && EditDistance(ka, kb, 1) <= 1) {
    m.link = NameLink::kSpelling;
    m.why = qa + " and " + qb + " differ by one letter";
  }
  return m;
}

WordMatch MatchFullNames(const std::vector<std::string>& a, const std::vector<std::string>& b,
                         const Vocabulary& vocabulary) {
  WordMatch none;
  if (a.size() < 2 || b.size() < 2) return none;
  const WordMatch last = MatchWord(a.back(), b.back(), vocabulary);
  const WordMatch first = MatchWord(a.front(), b.front(), vocabulary);
  if (last.link == NameLink::kNone || first.link == NameLink::kNone) return none;
  WordMatch m;
  m.link = std::min(last.link, first.link);
  if (first.link == NameLink::kSame && last.link == NameLink::kSame) {
    m.why = "the names are written alike";
  } else if (first.link == NameLink::kSame) {
    m.why = last.why;
  } else if (last.link == NameLink::kSame) {
    m.why = first.why;
  } else {
    m.why = first.why + "; " + last.why;
  }
  return m;
}

}  // namespace dossier::check
