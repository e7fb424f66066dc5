// Quantities in running text: "$11.5bn", "nearly 30 million people",
// "1 of every 4 laptops", "four times more", "18 percent", "third-largest",
// "600 pounds", "between 3,000 and 4,000". One parser for every extractor and
// checker, so two plugins never read the same figure two ways.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/export.h"

namespace dossier {

struct Quantity {
  enum class Kind {
    kMoney,    // unit is an ISO 4217 code: "USD", "EUR", "GBP", "CNY", "INR", ...
    kPercent,  // unit "percent" (a fifth -> 20)
    kCount,    // unit is the counted thing, singular: "person", "laptop", "car", "job"
    kRatio,    // "1 of every 4 laptops" -> 0.25, unit "laptop"; "four times more" -> 4, unit "times"
    kRank,     // "third-largest" -> 3, unit "rank"
    kMeasure,  // unit "pound", "kilogram", "ton", "mile", "kilometer", "square foot", "acre", ...
    kAge,      // "89-year-old" -> 89, unit "year"
  };
  Kind kind = Kind::kCount;
  int64_t start = 0;  // the whole expression, hedge and unit included (byte offsets)
  int64_t end = 0;
  double amount = 0;  // in plain units: "$11.5bn" -> 11500000000
  std::optional<double> amount_max;  // upper end of a range
  std::string unit;
  // How the text hedged it: "exact", "approximately", "nearly", "more than",
  // "less than", "at least", "at most" (the values of schemas/claim.schema.json).
  std::string qualifier = "exact";
  std::string noun;  // what it counts or describes, as in the text given: "cars and motorcycles"
  int64_t noun_start = -1;
  int64_t noun_end = -1;
  std::string per;  // "year" for "$100,000 a year", "annually", "per year"
};

DOSSIER_API std::string_view KindName(Quantity::Kind kind);

// Every quantity in text, in order. Years ("in 2012", "1973-90"), dates
// ("Jan. 5", "December 11"), clock times and ordinals such as "19th century"
// are not quantities.
DOSSIER_API std::vector<Quantity> FindQuantities(std::string_view text);

// A number written in words or digits, alone: "four" -> 4, "twenty-five" -> 25,
// "one million" -> 1e6, "30,000" -> 30000, "11.5" -> 11.5.
DOSSIER_API std::optional<double> ParseNumber(std::string_view words);

// The singular, lower-case form of a counted noun ("people" -> "person",
// "laptops" -> "laptop", "cities" -> "city"), for comparing units.
DOSSIER_API std::string Singular(std::string_view noun);

}  // namespace dossier
