#include "unicode.h"

namespace dossier::unicode {

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, ...
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;  // CJK compatibility forms
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // fullwidth punctuation
  if (cp == 0xFEFF || cp == 0xFFFD) return false;   // BOM, replacement character
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;   // private use
  if (cp >= 0x0080 && cp <= 0x00BF) return false;   // C1 controls, Latin-1 punctuation and signs
  if (cp == 0x00D7 || cp == 0x00F7) return false;   // × ÷
  return true;
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A pairs upper/lower, but the pairing shifts by one twice.
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
    if (cp == 0x178) return true;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp % 2 == 1;
    return cp % 2 == 0;
  }
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 0;
  if (cp >= 0x391 && cp <= 0x3AB) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return !IsUpper(cp);  // 0x138 ĸ, 0x149 ŉ, 0x17F ſ are lower
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 1;
  if (cp >= 0x3AC && cp <= 0x3CE) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  return false;
}

}  // namespace dossier::unicode
