// What is safe to show or hand on: terminal-safe text (EscapeControls) and
// links a browser may follow (IsWebLink); see dossier/text.h.
#include <cstdio>

#include "dossier/text.h"

namespace dossier {

std::string EscapeControls(std::string_view text, const std::vector<std::string_view>& keep, size_t* pending) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  char hex[8];
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b) {
      bool kept = false;
      for (std::string_view k : keep) {
        if (text.substr(i, k.size()) == k) {
          out.append(k);
          i += k.size();
          kept = true;
          break;
        }
      }
      if (kept) continue;
    }
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
      ++i;
      continue;
    }
    if (c == 0xc2) {
      if (i + 1 == text.size()) break;  // the rest of the character comes next
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9f) {
        std::snprintf(hex, sizeof hex, "\\u%04x", next);
        out += hex;
        i += 2;
        continue;
      }
    }
    out += static_cast<char>(c);
    ++i;
  }
  if (pending) {
    *pending = text.size() - i;
  } else if (i < text.size()) {
    out.append(text.substr(i));
  }
  return out;
}

bool IsWebLink(std::string_view url) {
  for (const unsigned char c : url) {
    if (c <= ' ' || c == 0x7f) return false;
  }
  auto starts = [&](std::string_view scheme) {
    if (url.size() <= scheme.size()) return false;
    for (size_t i = 0; i < scheme.size(); ++i) {
      const char c = url[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != scheme[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://") || starts("mailto:");
}

}  // namespace dossier
