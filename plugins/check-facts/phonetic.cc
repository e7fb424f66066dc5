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

}  // namespace dossier::check
