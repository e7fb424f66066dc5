// Fuzz target: the quantity parser. Spans inside the text, in order, amounts finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "dossier/quantity.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  int64_t last_end = 0;
  for (const auto& q : dossier::FindQuantities(text)) {
    FUZZ_CHECK(q.start >= last_end);
    FUZZ_CHECK(q.start < q.end);
    FUZZ_CHECK(q.end <= static_cast<int64_t>(text.size()));
    FUZZ_CHECK(std::isfinite(q.amount));
    FUZZ_CHECK(!q.amount_max || std::isfinite(*q.amount_max));
    FUZZ_CHECK(q.noun.empty() || (q.noun_start >= 0 && q.noun_end <= static_cast<int64_t>(text.size())));
    last_end = q.start;
  }
  (void)dossier::ParseNumber(text);
  (void)dossier::Singular(text);
  return 0;
}
