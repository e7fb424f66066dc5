// Within one document: figures that contradict each other by arithmetic, as a
// careful editor reads them (docs/checks.md, "integrity").
//   change-percent     "up $4.10 to $20.60, or 30%": the change makes 24.9%
//   duration-two-ways  "a five-day visit" and, later, "the six-day visit"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::check {

struct Slip {
  std::string code;     // "change-percent" or "duration-two-ways"
  int64_t start = 0;    // the passage (byte offsets in the text)
  int64_t end = 0;
  std::string message;  // what does not add up, with the values
  double stated = 0;    // the figure as written
  double computed = 0;  // what the other figures make of it
};

// Every slip in text, in order. Linear in the text; the sentences read
// closely are only those with a percent sign or the word "percent".
std::vector<Slip> FindSlips(std::string_view text);

}  // namespace dossier::check
