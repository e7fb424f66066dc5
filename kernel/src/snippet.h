// Snippets: a window of text around a span, for showing a mention in context.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

// window is a byte range of some text that may cut characters at either end;
// [start, end) is the span inside window. Returns the window with the span
// wrapped in open/close marks, whitespace runs collapsed to one space, broken
// characters at the edges dropped, and "…" where the window was cut
// (cut_left/cut_right say whether the text goes on beyond the window).
std::string MakeSnippet(std::string_view window, int64_t start, int64_t end, bool cut_left,
                        bool cut_right, std::string_view open, std::string_view close);

}  // namespace dossier
