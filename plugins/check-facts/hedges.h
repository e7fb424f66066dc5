// What range of true values a reported figure admits, given how the text
// hedged it. "nearly 30 million" admits 27–30 million; "more than 3,000"
// admits 3,000–3,750; a bare "30 million" admits what rounds to it. Two
// figures agree when their ranges meet. The widths are judgement calls,
// documented in docs/checks.md; they are here, in one place.
#pragma once

#include <optional>
#include <string>

#include "dossier/model.h"

namespace dossier::check {

struct ValueRange {
  double low = 0;
  double high = 0;
  double amount = 0;      // as reported
  std::string qualifier;  // "exact", "nearly", ... as stored
};

// The range a number value ({"amount", "amount_max"?, "qualifier"?}) admits,
// or nothing when the value holds no amount.
std::optional<ValueRange> RangeOf(const Json& value);

// Half the step of the last significant digit of `amount`, capped at 1% of
// it: how far a figure written as a round number may be from the truth
// (docs/checks.md, "Comparison semantics").
double RoundingSlack(double amount);

// Whether the two ranges share a value. Ranges that only touch do not:
// 2,095 and 2,096 (each ±0.5) are two different counts.
inline bool Overlap(const ValueRange& a, const ValueRange& b) {
  return (a.low < b.high && b.low < a.high) || (a.low == b.low && a.high == b.high);
}

}  // namespace dossier::check
