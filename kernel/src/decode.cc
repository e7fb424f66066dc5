// DecodeText: from whatever bytes a file holds to the UTF-8 text dossier stores.
#include <cstring>

#include "dossier/text.h"
#include "utf8.h"

namespace dossier {
namespace {

// Windows-1252's 0x80-0x9F; 0 where the code page leaves a hole.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string FromCp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else if (b < 0xA0) {
      const char32_t cp = kCp1252High[b - 0x80];
      utf8::Append(&out, cp ? cp : 0xFFFD);
    } else {
      utf8::Append(&out, b);  // Latin-1 and Windows-1252 agree from 0xA0 up
    }
  }
  return out;
}

Result<std::string> FromUtf16(std::string_view bytes, bool little_endian) {
  std::string out;
  size_t bad = 0;
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    auto unit = [&](size_t at) -> char32_t {
      const auto a = static_cast<unsigned char>(bytes[at]), b = static_cast<unsigned char>(bytes[at + 1]);
      return little_endian ? (a | (b << 8)) : ((a << 8) | b);
    };
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else {
        cp = 0xFFFD;
        ++bad;
      }
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
      ++bad;
    }
    utf8::Append(&out, cp);
  }
  (void)bad;
  return out;
}

std::string NormalizeLineEnds(std::string_view text, bool* changed) {
  std::string out;
  out.reserve(text.size());
  *changed = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      *changed = true;
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

Result<std::string> DecodeText(std::string_view bytes, std::vector<std::string>* notes) {
  auto note = [&](std::string n) {
    if (notes) notes->push_back(std::move(n));
  };
  std::string text;
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    const bool le = bytes[0] == '\xFF';
    auto decoded = FromUtf16(bytes.substr(2), le);
    if (!decoded.ok()) return decoded.status();
    text = std::move(decoded).value();
    note(std::string("converted from UTF-16") + (le ? "LE" : "BE"));
  } else {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
      return Status::InvalidArgument("binary data, not text (it contains NUL bytes)");
    }
    // Tell UTF-8 with a few broken bytes from text in a single-byte code page.
    size_t valid_multibyte = 0, invalid = 0;
    char32_t cp;
    for (size_t i = 0; i < bytes.size();) {
      if (static_cast<unsigned char>(bytes[i]) < 0x80) {
        ++i;
        continue;
      }
      const size_t len = utf8::Decode(bytes, i, &cp);
      if (len == 0) {
        ++invalid;
        ++i;
      } else {
        ++valid_multibyte;
        i += len;
      }
    }
    if (invalid == 0) {
      text.assign(bytes);
    } else if (valid_multibyte == 0 || invalid > valid_multibyte) {
      text = FromCp1252(bytes);
      note("converted from Windows-1252 (" + std::to_string(invalid) + " bytes were not UTF-8)");
    } else {
      size_t replaced = 0;
      text = RepairUtf8(bytes, &replaced);
      note("replaced " + std::to_string(replaced) + " invalid UTF-8 sequence" + (replaced == 1 ? "" : "s") +
           " with U+FFFD");
    }
  }
  bool changed = false;
  std::string normalized = NormalizeLineEnds(text, &changed);
  if (changed) note("line ends converted to LF");
  return normalized;
}

}  // namespace dossier
