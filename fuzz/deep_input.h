// Deep structures from a few input bytes, for the fuzz targets. Nesting a
// hundred thousand levels deep is what overflows a recursive parser, but a
// fuzzer typing it bracket by bracket never gets there (and -max_len cuts
// it). A target that offers this mode reads, after its own marker byte:
//   1 byte   k: the depth starts at 2^(k % 17) - 1 (0 to 65,535)
//   1 byte   added to it (0 to 255)
//   1 byte   which of the target's patterns to nest
//   the rest the payload, put at the bottom of the nesting
// so a five-byte input reaches every depth up to 255 exactly and deeper ones
// in steps, of any pattern, and the fuzzer mutates what sits inside. Depths
// are spread evenly over their orders of magnitude: most inputs stay shallow
// and quick, which keeps the fuzzer's rate up.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dossier::fuzz {

struct Deep {
  size_t levels = 0;
  uint8_t pattern = 0;
  std::string_view payload;
};

// The deep-mode fields of data (which starts after the target's marker), or
// nothing when it is too short to hold them.
inline std::optional<Deep> ReadDeep(const uint8_t* data, size_t size) {
  if (size < 3) return std::nullopt;
  Deep d;
  d.levels = (size_t{1} << (data[0] % 17)) - 1 + data[1];
  d.pattern = data[2];
  d.payload = std::string_view(reinterpret_cast<const char*>(data + 3), size - 3);
  return d;
}

// What Nest and Repeat build is cut to about this size by taking fewer
// levels: deep enough to overflow a recursion under the sanitizers (whose
// stack frames are larger), small enough that the target's other work (the
// extractors over the text) keeps the fuzzer near ten runs a second.
inline constexpr size_t kMaxDeepBytes = 128 * 1024;

// open repeated levels times, the payload, close repeated levels times.
inline std::string Nest(std::string_view open, std::string_view close, size_t levels, std::string_view payload) {
  const size_t unit = open.size() + close.size();
  if (unit > 0) levels = std::min(levels, kMaxDeepBytes / unit);
  std::string out;
  out.reserve(levels * (open.size() + close.size()) + payload.size());
  for (size_t i = 0; i < levels; ++i) out += open;
  out += payload;
  for (size_t i = 0; i < levels; ++i) out += close;
  return out;
}

// The payload repeated levels times (one long run: a paragraph, a line).
inline std::string Repeat(std::string_view payload, size_t levels) {
  if (!payload.empty()) levels = std::min(levels, kMaxDeepBytes / payload.size());
  std::string out;
  out.reserve(levels * payload.size());
  for (size_t i = 0; i < levels; ++i) out += payload;
  return out;
}

}  // namespace dossier::fuzz
