#include "snippet.h"

#include <algorithm>

#include "dossier/text.h"

namespace dossier {
namespace {

void AppendCollapsed(std::string* out, std::string_view s) {
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

}  // namespace

std::string MakeSnippet(std::string_view window, int64_t start, int64_t end, bool cut_left,
                        bool cut_right, std::string_view open, std::string_view close) {
  const auto size = static_cast<int64_t>(window.size());
  start = std::clamp<int64_t>(start, 0, size);
  end = std::clamp<int64_t>(end, start, size);
  // Drop a character cut by the window's left edge: skip continuation bytes.
  size_t left = 0;
  while (left < static_cast<size_t>(start) && (static_cast<unsigned char>(window[left]) & 0xC0) == 0x80) ++left;
  // And one cut by the right edge.
  size_t right = window.size();
  if (right > static_cast<size_t>(end)) {
    const size_t floor = Utf8Floor(window, right - 1);
    std::string_view last = window.substr(floor);
    if (!IsValidUtf8(last)) right = std::max(floor, static_cast<size_t>(end));
  }
  std::string out;
  if (cut_left || left > 0) out += "…";
  AppendCollapsed(&out, window.substr(left, static_cast<size_t>(start) - left));
  out += open;
  AppendCollapsed(&out, window.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
  out += close;
  AppendCollapsed(&out, window.substr(static_cast<size_t>(end), right - static_cast<size_t>(end)));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (cut_right || right < window.size()) out += "…";
  return out;
}

}  // namespace dossier
