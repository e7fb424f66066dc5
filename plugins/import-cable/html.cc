// Removing the Cablegate page markup around a cable (see html.h).
#include "html.h"

#include "text_util.h"

namespace dossier::cable {
namespace {

// The length of the tag starting at text[pos] ('<'), or 0 when it is not one:
// a tag starts with a letter, '/' or '!' and closes on the same line.
size_t TagLength(std::string_view text, size_t pos) {
  if (pos + 2 >= text.size()) return 0;
  const char c = text[pos + 1];
  if (!IsAlpha(c) && c != '/' && c != '!') return 0;
  const size_t limit = std::min(text.size(), pos + 2048);
  char quote = 0;
  for (size_t i = pos + 1; i < limit; ++i) {
    const char d = text[i];
    if (quote) {
      if (d == quote) quote = 0;
      continue;
    }
    if (d == '\'' || d == '"') quote = d;
    if (d == '>') return i - pos + 1;
    if (d == '<' || d == '\n') return 0;
  }
  return 0;
}

// The tag's name, lower case ("a", "/pre", "br").
std::string TagName(std::string_view tag) {
  std::string name;
  for (size_t i = 1; i < tag.size() && (IsAlnum(tag[i]) || (i == 1 && tag[i] == '/')); ++i) {
    name += IsUpper(tag[i]) ? static_cast<char>(tag[i] + 32) : tag[i];
  }
  return name;
}

void AppendUtf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the entity at text[pos] ('&') into out; returns its length, or 0.
size_t DecodeEntity(std::string_view text, size_t pos, std::string& out) {
  const size_t semi = text.find(';', pos);
  if (semi == std::string_view::npos || semi - pos > 10) return 0;
  const std::string_view name = text.substr(pos + 1, semi - pos - 1);
  if (name.size() > 1 && name[0] == '#') {
    unsigned long cp = 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      int v = IsDigit(c) ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
      if (cp > 0x10FFFF) return 0;
    }
    AppendUtf8(out, cp);
    return semi - pos + 1;
  }
  static const struct {
    std::string_view name;
    std::string_view text;
  } kNamed[] = {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}, {"para", "¶"}};
  for (const auto& e : kNamed) {
    if (name == e.name) {
      out += e.text;
      return semi - pos + 1;
    }
  }
  return 0;
}

}  // namespace

bool LooksLikeHtml(std::string_view text) {
  for (size_t pos = text.find('<'); pos != std::string_view::npos; pos = text.find('<', pos + 1)) {
    const size_t n = TagLength(text, pos);
    if (n == 0) continue;
    const std::string name = TagName(text.substr(pos, n));
    if (name == "pre" || name == "/pre" || name == "a" || name == "/a" || name == "br" || name == "code" || name == "p") {
      return true;
    }
  }
  for (size_t pos = text.find('&'); pos != std::string_view::npos; pos = text.find('&', pos + 1)) {
    std::string scratch;
    if (DecodeEntity(text, pos, scratch) > 0) return true;
  }
  return false;
}

std::string StripHtml(std::string_view text, size_t* removed) {
  std::string out;
  out.reserve(text.size());
  size_t tags = 0;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '<') {
      if (const size_t n = TagLength(text, i); n > 0) {
        const std::string name = TagName(text.substr(i, n));
        if (name == "br" || name == "/p" || name == "p") out += '\n';
        ++tags;
        i += n;
        continue;
      }
    } else if (c == '&') {
      if (const size_t n = DecodeEntity(text, i, out); n > 0) {
        i += n;
        continue;
      }
    }
    out += c;
    ++i;
  }
  if (removed) *removed = tags;
  return out;
}

}  // namespace dossier::cable
