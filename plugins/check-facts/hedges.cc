#include "hedges.h"

#include <cmath>

namespace dossier::check {

double RoundingSlack(double amount) {
  const double x = std::fabs(amount);
  if (x == 0) return 0;
  // The step of the last significant digit: 30,000,000 -> 10,000,000; 2,095 -> 1; 11.5 -> 0.1.
  double step = 1;
  if (std::fabs(x - std::round(x)) > 1e-9) {
    step = 1;
    double scaled = x;
    for (int i = 0; i < 6 && std::fabs(scaled - std::round(scaled)) > 1e-6 * scaled; ++i) {
      scaled *= 10;
      step /= 10;
    }
  } else {
    double r = std::round(x);
    while (r >= 10 && std::fmod(r, 10) == 0) {
      r /= 10;
      step *= 10;
    }
  }
  // At most 1%: "$11bn" is not "$11.5bn" rounded (docs/checks.md,
  // "Comparison semantics"); a reporter who rounds says "about".
  return std::min(step / 2, 0.01 * x);
}

std::optional<ValueRange> RangeOf(const Json& value) {
  if (!value.is_object()) return std::nullopt;
  auto amount_it = value.find("amount");
  if (amount_it == value.end() || !amount_it->is_number()) return std::nullopt;
  ValueRange r;
  r.amount = amount_it->get<double>();
  r.qualifier = value.value("qualifier", std::string("exact"));
  if (r.qualifier.empty()) r.qualifier = "exact";
  const double x = r.amount;
  const double slack = RoundingSlack(x);
  if (auto max_it = value.find("amount_max"); max_it != value.end() && max_it->is_number()) {
    r.low = x - slack;
    r.high = max_it->get<double>() + RoundingSlack(max_it->get<double>());
    return r;
  }
  const std::string& q = r.qualifier;
  if (q == "approximately") {
    r.low = x * 0.9;
    r.high = x * 1.1;
  } else if (q == "nearly") {
    r.low = x * 0.9;
    r.high = x;
  } else if (q == "more than" || q == "at least") {
    r.low = x;
    r.high = x * 1.25;
  } else if (q == "less than" || q == "at most") {
    r.low = x * 0.75;
    r.high = x;
  } else {
    r.low = x - slack;
    r.high = x + slack;
  }
  if (r.low > r.high) std::swap(r.low, r.high);  // negative amounts
  return r;
}

}  // namespace dossier::check
