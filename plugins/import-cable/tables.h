// Lookups in the cable data tables (data/*.inc): TAGS codes, country tags,
// posts, agencies, and the small word lists the header parser needs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dossier::cable {

// What a subject or organization TAG stands for ("ETRD" -> "Foreign Trade");
// empty when the code is not in the table.
std::string_view TagMeaning(std::string_view code);

struct Country {
  std::string_view tag;   // "CH"
  std::string_view iso;   // "CN"
  std::string_view name;  // "China"
};
// The country a two-letter TAG names, or null.
const Country* CountryByTag(std::string_view tag);

struct Post {
  std::string_view key;   // "NEWDELHI"
  std::string_view city;  // "New Delhi" (empty for a post with no fixed place)
  std::string_view iso;   // "IN" (empty where contested)
  char kind;              // 'E' embassy, 'G' consulate general, 'C' consulate, 'M' mission, 'O' other
  std::string_view name;  // the organization's name for 'M' and 'O'
};
// The post whose squeezed name ("NEWDELHI") is key, or null.
const Post* PostByKey(std::string_view key);

struct Agency {
  std::string_view address;  // "SECSTATE WASHDC"
  std::string_view name;     // "US Department of State"
  std::string_view kind;     // organization kind
  std::string_view city;
  std::string_view iso;
};
// The agency with this plain address (upper case, single spaces), or null.
const Agency* AgencyByAddress(std::string_view address);

// Words of an office or title in a "Classified By" line ("Ambassador",
// "PolCouns", "DCM"), matched ignoring case and a trailing period.
bool IsTitleWord(std::string_view word);

// The canonical post of a reference id for the names REF lines use for it:
// "SECSTATE" -> "STATE", "UNVIE" -> "UNVIEVIENNA", "USUN" -> "USUNNEWYORK".
// Returns key itself when it has no other name.
std::string_view CanonicalPostKey(std::string_view key);

// Handling caveats that may stand on their own line of a header.
bool IsCaveatWord(std::string_view word);

// Words kept in capitals when an address is turned into a name ("EU", "NATO").
const std::vector<std::string_view>& Acronyms();

}  // namespace dossier::cable
