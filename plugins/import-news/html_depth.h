// How deep a page's elements nest, measured on the raw markup before gumbo
// parses it. gumbo checks the whole stack of open elements for each new tag,
// so its time grows with the square of the depth: 100,000 nested <div>s take
// it minutes' worth of CPU on a shared machine. Real pages nest a few dozen
// levels; a page nested thousands deep is junk or an attack, refused by name.
#pragma once

#include <cstddef>
#include <string_view>

namespace dossier::news {

// Pages nested deeper are not parsed.
inline constexpr size_t kMaxHtmlDepth = 5000;

// The greatest number of elements open at once, counting only elements that
// must be closed explicitly: void elements (<br>, <img>) and those whose end
// tag HTML lets a page leave out (<p>, <li>, <td>, ...) are not counted, so
// sloppy but ordinary pages stay shallow. Comments and the contents of
// <script> and <style> are skipped. Linear in the size of the markup.
size_t HtmlNestingDepth(std::string_view html);

}  // namespace dossier::news
