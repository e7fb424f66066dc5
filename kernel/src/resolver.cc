#include "resolver.h"

#include <algorithm>
#include <set>

#include "dossier/text.h"

namespace dossier {

ResolverIndex::~ResolverIndex() = default;

namespace {

// Words that say what legal form a company takes, never which company it is.
const std::set<std::string>& LegalForms() {
  static const std::set<std::string> kForms = {
      "ag",   "bv",   "co",          "company", "corp", "corporation", "gmbh", "inc",  "incorporated", "kg",
      "llc",  "llp",  "lp",          "ltd",     "limited", "nv",       "plc",  "pty",  "sa",           "sas",
      "spa",  "srl",  "oyj",         "ab",      "asa",  "se",          "kk",   "bhd",  "pte",          "tbk"};
  return kForms;
}

std::vector<std::string> Words(const std::string& norm) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < norm.size()) {
    size_t end = norm.find(' ', at);
    if (end == std::string::npos) end = norm.size();
    if (end > at) out.push_back(norm.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// "halvorsen marine corp" -> "halvorsen marine"; "" when nothing is left or
// nothing was taken away. A leading "the" goes too.
std::string OrgCore(const std::string& norm) {
  std::vector<std::string> words = Words(norm);
  const size_t before = words.size();
  while (words.size() > 1 && (LegalForms().count(words.back()) || words.back() == "and" || words.back() == "the")) {
    words.pop_back();
  }
  if (words.size() > 1 && words.front() == "the") words.erase(words.begin());
  if (words.size() == before || words.empty()) return "";
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string Kind(const Json& properties) {
  return properties.is_object() && properties.contains("kind") && properties["kind"].is_string()
             ? properties["kind"].get<std::string>()
             : "";
}

// Places agree unless they say they are different kinds of place (a city and
// a state) or lie in different countries.
bool PlacesAgree(const Json& a, const Json& b) {
  const std::string ka = Kind(a), kb = Kind(b);
  auto major = [](const std::string& k) { return k == "city" || k == "subdivision" || k == "country" || k == "region"; };
  if (major(ka) && major(kb) && ka != kb) return false;
  for (const char* key : {"country", "subdivision"}) {
    if (a.is_object() && b.is_object() && a.contains(key) && b.contains(key) && a[key] != b[key]) return false;
  }
  return true;
}

// The candidates of the proposed type that agree with it, oldest first.
std::vector<Candidate> SameType(const std::vector<Candidate>& found, const ProposedEntity& p) {
  std::vector<Candidate> out;
  for (const auto& c : found) {
    if (c.type != p.type) continue;
    if (p.type == EntityType::kPlace && !PlacesAgree(p.properties, c.properties)) continue;
    out.push_back(c);
  }
  return out;
}

// Words that join a name's parts and never start a short form of it.
bool IsParticle(const std::string& w) {
  return w == "da" || w == "de" || w == "del" || w == "della" || w == "do" || w == "dos" || w == "das" ||
         w == "di" || w == "du" || w == "van" || w == "von" || w == "der" || w == "den" || w == "la" ||
         w == "le" || w == "al" || w == "el" || w == "bin" || w == "ibn" || w == "y";
}

// Whether `a` is a shorter form of the person's name `b` (both normalised
// words, a shorter than b): the same first and last names with middle ones
// left out ("john smith" of "john michael smith"), or its last two words or
// more, not starting with a particle ("lula da silva" of "luiz inacio lula
// da silva").
bool ShorterForm(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() < 2 || a.size() >= b.size() || a.back() != b.back()) return false;
  if (a.front() == b.front()) {
    size_t j = 0;
    for (const auto& w : b) {
      if (j < a.size() && w == a[j]) ++j;
    }
    if (j == a.size()) return true;
  }
  return !IsParticle(a.front()) && std::equal(a.begin(), a.end(), b.end() - static_cast<std::ptrdiff_t>(a.size()));
}

// Below this, a type is a guess from capitalisation and context that another
// document's firmer evidence overrides (rule 5).
constexpr double kWeakType = 0.8;

}  // namespace

std::vector<std::pair<NameKey, std::string>> NameKeys(EntityType type, const std::string& name) {
  std::vector<std::pair<NameKey, std::string>> out;
  const std::string norm = NormalizeName(name);
  if (type == EntityType::kOrganization) {
    if (std::string core = OrgCore(norm); !core.empty()) out.emplace_back(NameKey::kOrgCore, core);
  } else if (type == EntityType::kPerson) {
    const std::vector<std::string> words = Words(norm);
    if (words.size() >= 2 && words.back().size() >= 2) out.emplace_back(NameKey::kSurname, words.back());
  }
  return out;
}

Resolution Resolve(const ProposedEntity& p, ResolverIndex& index) {
  Resolution r;
  r.type = p.type;
  std::vector<std::string> norms = {NormalizeName(p.name)};
  for (const auto& a : p.aliases) norms.push_back(NormalizeName(a));

  // 2. The same name, then the same alias, within the type.
  for (const bool aliases : {false, true}) {
    for (const auto& n : norms) {
      if (n.empty()) continue;
      const auto same = SameType(index.ByName(n, aliases), p);
      if (!same.empty()) {
        r.id = same.front().id;
        r.rule = aliases ? "alias" : "name";
        return r;
      }
    }
  }
  // 3. An organization's name but for its legal form.
  if (p.type == EntityType::kOrganization) {
    for (const auto& n : norms) {
      const std::string core = OrgCore(n).empty() ? n : OrgCore(n);
      std::vector<Candidate> fits = SameType(index.ByKey(NameKey::kOrgCore, core), p);
      for (const bool aliases : {false, true}) {
        for (const auto& c : SameType(index.ByName(core, aliases), p)) fits.push_back(c);
      }
      std::set<std::string> ids;
      for (const auto& c : fits) ids.insert(c.canonical);
      if (ids.size() == 1) {
        r.id = *ids.begin();
        r.rule = "org-form";
        r.merge = true;
        r.evidence = "\"" + p.name + "\" and \"" + fits.front().name + "\" differ only in their legal form";
        return r;
      }
    }
  }
  // 4. A surname alone that one known person has.
  if (p.type == EntityType::kPerson && Words(norms.front()).size() == 1) {
    const auto fits = SameType(index.ByKey(NameKey::kSurname, norms.front()), p);
    if (fits.size() == 1) {
      r.id = fits.front().canonical;
      r.rule = "surname";
      r.merge = true;
      r.evidence = "\"" + p.name + "\" alone: " + fits.front().name + " is the one known person of that surname";
      return r;
    }
  }
  // 4b. A longer or shorter form of one known person's full name.
  if (p.type == EntityType::kPerson) {
    const std::vector<std::string> words = Words(norms.front());
    if (words.size() >= 2) {
      std::set<std::string> ids;
      std::string fit;  // the name that fits
      for (const auto& c : SameType(index.ByKey(NameKey::kSurname, words.back()), p)) {
        const std::vector<std::string> theirs = Words(NormalizeName(c.name));
        if (ShorterForm(words, theirs) || ShorterForm(theirs, words)) {
          ids.insert(c.canonical);
          fit = c.name;
        }
      }
      if (ids.size() == 1) {
        r.id = *ids.begin();
        r.rule = "name-form";
        r.merge = true;
        r.evidence = "\"" + p.name + "\" and \"" + fit + "\" are a longer and a shorter form of one name, "
                     "and no other known person's name fits";
        return r;
      }
    }
  }
  // 5. A weakly typed name the store knows as something else.
  if (p.type_confidence < kWeakType && p.type != EntityType::kDocument) {
    std::vector<Candidate> known = index.ByName(norms.front(), false);
    for (const auto& c : index.ByName(norms.front(), true)) known.push_back(c);
    for (const auto& c : known) {
      if (c.type == p.type || c.type == EntityType::kDocument) continue;
      r.id = c.id;
      r.type = c.type;
      r.rule = "type";
      r.evidence = "\"" + p.name + "\" is a " + std::string(TypeName(c.type)) + " elsewhere in the store";
      return r;
    }
  }
  return r;
}

std::vector<std::pair<std::string, std::string>> AbsorbedBy(const std::string& id, const ProposedEntity& p,
                                                            ResolverIndex& index) {
  std::vector<std::pair<std::string, std::string>> out;
  if (p.type != EntityType::kPerson) return out;
  for (const auto& [kind, surname] : NameKeys(p.type, p.name)) {
    if (kind != NameKey::kSurname) continue;
    // The full name must be the only one of that surname.
    std::set<std::string> holders;
    for (const auto& c : index.ByKey(NameKey::kSurname, surname)) {
      if (c.type == EntityType::kPerson) holders.insert(c.canonical);
    }
    if (holders.size() != 1 || *holders.begin() != id) continue;
    for (const auto& c : index.ByName(surname, false)) {
      if (c.type != EntityType::kPerson || c.canonical != c.id || c.id == id || index.JudgedDifferent(id, c.id)) continue;
      out.emplace_back(c.id, "\"" + c.name + "\" alone: " + p.name + " is the one known person of that surname");
    }
  }
  return out;
}

}  // namespace dossier
