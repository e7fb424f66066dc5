// Fuzz target: the text toolkit. Decoding always gives valid UTF-8; tokens and
// sentences lie inside the text, in order; normalising never breaks UTF-8.
// The JSON depth scan never counts past the brackets the text holds.
#include <cstddef>
#include <cstdint>
#include <string>

#include "dossier/text.h"
#include "dossier/tokens.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = dossier::DecodeText(bytes);
  if (decoded.ok()) FUZZ_CHECK(dossier::IsValidUtf8(*decoded));
  const std::string repaired = dossier::RepairUtf8(bytes);
  FUZZ_CHECK(dossier::IsValidUtf8(repaired));
  FUZZ_CHECK(dossier::IsValidUtf8(dossier::NormalizeName(repaired)));
  FUZZ_CHECK(dossier::IsValidUtf8(dossier::Slugify(repaired)));
  int64_t last = 0;
  for (const auto& t : dossier::Tokenize(repaired)) {
    FUZZ_CHECK(t.start >= last && t.start < t.end && t.end <= static_cast<int64_t>(repaired.size()));
    FUZZ_CHECK(dossier::IsValidUtf8(t.in(repaired)));
    last = t.end;
  }
  last = 0;
  for (const auto& s : dossier::SplitSentences(repaired)) {
    FUZZ_CHECK(s.start >= last && s.start < s.end && s.end <= static_cast<int64_t>(repaired.size()));
    last = s.end;
  }
  FUZZ_CHECK(dossier::Sha256Hex(bytes).size() == 64);
  size_t opens = 0;
  for (char c : bytes) opens += c == '[' || c == '{';
  FUZZ_CHECK(dossier::JsonNestingDepth(bytes) <= opens);
  return 0;
}
