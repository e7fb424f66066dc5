// Name normalisation and slugs: the one definition of "the same name".
#include <algorithm>
#include <iterator>

#include "dossier/text.h"
#include "unicode.h"
#include "utf8.h"

namespace dossier {
namespace {

struct Fold {
  char32_t cp;
  const char* folded;
};

// Generated from Unicode data by tools/gen_fold_table.py.
constexpr Fold kFoldTable[] = {
#include "fold_table.inc"
};

// Folded form of a non-ASCII code point, or nullptr when it folds to itself.
const char* FoldOf(char32_t cp) {
  auto it = std::lower_bound(std::begin(kFoldTable), std::end(kFoldTable), cp,
                             [](const Fold& f, char32_t c) { return f.cp < c; });
  if (it == std::end(kFoldTable) || it->cp != cp) return nullptr;
  return it->folded;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  // First fold every character into a plain stream, then squeeze separators.
  std::string folded;
  folded.reserve(name.size());
  size_t i = 0;
  char32_t cp;
  while (i < name.size()) {
    const auto b = static_cast<unsigned char>(name[i]);
    if (b < 0x80) {
      folded.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    const size_t len = utf8::Decode(name, i, &cp);
    if (len == 0) {  // ill-formed byte: a separator, never part of a key
      folded.push_back(' ');
      ++i;
      continue;
    }
    if (const char* f = FoldOf(cp)) {
      folded += f;
    } else if (unicode::IsWordChar(cp)) {
      folded.append(name.substr(i, len));
    } else {
      folded.push_back(' ');
    }
    i += len;
  }

  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (const char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '.' || c == '\'') continue;  // "U.S." == "US", "O'Brien" == "OBrien"
    if (c >= 0x80 || IsAsciiAlnum(c)) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.push_back(ch);
    } else {
      pending_space = true;
    }
  }
  return out;
}

std::string Slugify(std::string_view name, size_t max_bytes) {
  std::string slug = NormalizeName(name);
  std::replace(slug.begin(), slug.end(), ' ', '-');
  if (slug.size() > max_bytes) {
    slug.resize(Utf8Floor(slug, max_bytes));
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  if (slug.empty()) slug = "unnamed";
  return slug;
}

bool IsRedactionPlaceholder(std::string_view word) {
  size_t run = 0;
  for (char c : word) {
    run = (c == 'X' || c == 'x') ? run + 1 : 0;
    if (run >= 6) return true;
  }
  return word.size() >= 4 && word.find_first_not_of('X') == std::string_view::npos;
}

}  // namespace dossier
