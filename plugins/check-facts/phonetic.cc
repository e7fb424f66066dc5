#include "phonetic.h"

#include <algorithm>
#include <vector>

#include "dossier/text.h"

namespace dossier::check {
namespace {

char SoundexDigit(char c) {
  switch (c) {
    case 'b': case 'f': case 'p': case 'v': return '1';
    case 'c': case 'g': case 'j': case 'k': case 'q': case 's': case 'x': case 'z': return '2';
    case 'd': case 't': return '3';
    case 'l': return '4';
    case 'm': case 'n': return '5';
    case 'r': return '6';
    case 'h': case 'w': return '-';  // transparent: letters either side still merge
    default: return '0';              // vowels and y separate equal digits
  }
}

}  // namespace

std::string Soundex(std::string_view word) {
  std::string out;
  char last = 0;
  for (char c : NormalizeName(word)) {
    if (c < 'a' || c > 'z') continue;
    const char d = SoundexDigit(c);
    if (out.empty()) {
      out += static_cast<char>(c - 'a' + 'A');
      last = d;
      continue;
    }
    if (d == '-') continue;
    if (d != '0' && d != last) out += d;
    last = d;
    if (out.size() == 4) break;
  }
  if (!out.empty()) out.resize(4, '0');
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b, size_t cap) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) >= cap) return cap;
  // Three rows: the one before last is needed for transpositions.
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min >= cap) return cap;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], cap);
}

}  // namespace dossier::check
