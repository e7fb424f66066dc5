// The cable data tables (data/*.inc), indexed once for lookups.
#include "tables.h"

#include <unordered_map>
#include <unordered_set>

#include "text_util.h"

namespace dossier::cable {
namespace {

struct TagRow {
  std::string_view code;
  std::string_view meaning;
};

constexpr TagRow kTags[] = {
#include "data/tags.inc"
};
constexpr Country kCountries[] = {
#include "data/countries.inc"
};
constexpr Post kPosts[] = {
#include "data/posts.inc"
};
constexpr Agency kAgencies[] = {
#include "data/agencies.inc"
};

// Built on first use; the tables never change afterwards.
template <class Row, size_t N, class Key>
std::unordered_map<std::string_view, const Row*> Index(const Row (&rows)[N], Key key) {
  std::unordered_map<std::string_view, const Row*> index;
  for (const Row& r : rows) index.emplace(key(r), &r);
  return index;
}

// Offices and ranks seen in "Classified By" lines; lower case, no periods.
constexpr std::string_view kTitleWords[] = {
    "a/dcm", "a/polcouns", "acting", "admin", "affairs", "amb", "ambassador", "assistant", "ca", "cda", "cg",
    "charge", "chargé", "chief", "consul", "councelor", "counsel", "counselor", "counsellor", "couns", "d'affaires",
    "d’affaires", "d'affairs", "d’affairs", "das", "dcm", "deputy", "director", "econ", "econcouns", "economic", "econoff", "executive", "first",
    "general", "head", "isn", "minister", "minister-counselor", "mission", "nea", "officer", "pmo", "pol", "pol/econ",
    "pol/mil", "polcouns", "political", "poloff", "polmilcouns", "principal", "rso", "secretary", "section", "senior",
    "special", "under", "the", "a/s", "a/pol", "eco", "polchief", "econchief", "m/c", "pao", "political/economic",
    "regional", "and", "of", "for", "interim", "ai", "attache", "defense", "legal", "public",
    "commercial", "agricultural", "consular", "management", "officer-in-charge", "pol-econ", "polecon"};

constexpr std::string_view kCaveats[] = {"SIPDIS", "SENSITIVE", "NOFORN", "EXDIS", "NODIS", "LIMDIS", "STADIS",
                                         "ORCON", "PROPIN", "EFTO", "NOCONTRACT", "SBU", "FOUO"};

// REF lines name a few posts differently from their reference ids.
struct Alias {
  std::string_view from;
  std::string_view to;
};
constexpr Alias kPostAliases[] = {
    {"SECSTATE", "STATE"},     {"SECSTATEWASHDC", "STATE"}, {"STATEWASHDC", "STATE"},  {"DEPTOFSTATE", "STATE"},
    {"UNVIE", "UNVIEVIENNA"},  {"USUN", "USUNNEWYORK"},     {"USEU", "USEUBRUSSELS"},  {"USMISSIONGENEVA", "GENEVA"},
    {"USMISSIONUSUN", "USUNNEWYORK"}, {"USMISSIONUNVIEVIENNA", "UNVIEVIENNA"},         {"SAINTPETERSBURG", "STPETERSBURG"},
};

// Lower case, without the periods and commas that abbreviations carry.
std::string Folded(std::string_view word) {
  std::string w;
  for (char c : word) {
    if (c != '.' && c != ',' && c != ';' && c != ':') w += IsUpper(c) ? static_cast<char>(c + 32) : c;
  }
  return w;
}

}  // namespace

std::string_view TagMeaning(std::string_view code) {
  static const auto index = Index(kTags, [](const TagRow& r) { return r.code; });
  const auto it = index.find(code);
  return it == index.end() ? std::string_view() : it->second->meaning;
}

const Country* CountryByTag(std::string_view tag) {
  static const auto index = Index(kCountries, [](const Country& r) { return r.tag; });
  const auto it = index.find(tag);
  return it == index.end() ? nullptr : it->second;
}

const Post* PostByKey(std::string_view key) {
  static const auto index = Index(kPosts, [](const Post& r) { return r.key; });
  const auto it = index.find(key);
  return it == index.end() ? nullptr : it->second;
}

const Agency* AgencyByAddress(std::string_view address) {
  static const auto index = Index(kAgencies, [](const Agency& r) { return r.address; });
  const auto it = index.find(address);
  return it == index.end() ? nullptr : it->second;
}

bool IsTitleWord(std::string_view word) {
  static const std::unordered_set<std::string> index = [] {
    std::unordered_set<std::string> words;
    for (std::string_view t : kTitleWords) words.insert(Folded(t));
    return words;
  }();
  const std::string w = Folded(word);
  // Offices written as a path ("EAP/CM", "Pol/Econ") are titles, not names.
  return !w.empty() && (index.count(w) > 0 || word.find('/') != std::string_view::npos);
}

std::string_view CanonicalPostKey(std::string_view key) {
  for (const Alias& a : kPostAliases) {
    if (a.from == key) return a.to;
  }
  return key;
}

bool IsCaveatWord(std::string_view word) {
  for (std::string_view c : kCaveats) {
    if (c == word) return true;
  }
  return false;
}

const std::vector<std::string_view>& Acronyms() {
  static const std::vector<std::string_view> kAcronyms = {
      "EU", "EC", "IAEA", "NATO", "ASEAN", "CARICOM", "OSCE", "UN", "OAS", "SADC", "ECOWAS", "GCC", "AU", "APEC",
      "NEA", "EUR", "WHA", "AF", "SCA", "EAP", "IO", "USG", "US", "G8", "G20", "OECD", "NSC", "DC", "IAEA", "DOD"};
  return kAcronyms;
}

}  // namespace dossier::cable
