// Cable date forms to ISO-8601 (see dates.h).
#include "dates.h"

#include <cstdio>

#include "text_util.h"

namespace dossier::cable {
namespace {

constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};

bool LeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && LeapYear(year) ? 29 : kDays[month - 1];
}

// Reads exactly n digits at s[*pos]; -1 when they are not there.
int Digits(std::string_view s, size_t* pos, size_t n) {
  if (*pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = s[*pos + i];
    if (!IsDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  return v;
}

// Reads 1 to max digits; -1 when there is none.
int SomeDigits(std::string_view s, size_t* pos, size_t max) {
  size_t n = 0;
  int v = 0;
  while (*pos + n < s.size() && n < max && IsDigit(s[*pos + n])) v = v * 10 + (s[*pos + n++] - '0');
  if (n == 0) return -1;
  *pos += n;
  return v;
}

std::string IsoDateTime(int y, int mo, int d, int h, int mi, int sec) {
  const std::string date = IsoDate(y, mo, d);
  if (date.empty() || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return date;
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", h, mi, sec);
  return date + buf;
}

}  // namespace

int ExpandYear(int yy) { return yy >= 66 ? 1900 + yy : 2000 + yy; }

std::string IsoDate(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > DaysIn(year, month)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int MonthNumber(std::string_view word) {
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonths[m];
    if (EqualsCI(word, full) || (word.size() == 3 && StartsWithCI(full, word))) return m + 1;
  }
  if (EqualsCI(word, "sept")) return 9;
  return 0;
}

bool ParseDateTimeGroup(std::string_view line, DateTimeGroup* out) {
  std::string_view s = TrimView(line);
  if (s.size() < 15 || std::string_view("ZOPR").find(s[0]) == std::string_view::npos || s[1] != ' ') return false;
  size_t pos = 2;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  const int day = Digits(s, &pos, 2), hour = Digits(s, &pos, 2), minute = Digits(s, &pos, 2);
  if (day < 0 || hour < 0 || minute < 0 || pos >= s.size() || s[pos] != 'Z') return false;
  ++pos;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos + 3 > s.size()) return false;
  const int month = MonthNumber(s.substr(pos, 3));
  pos += 3;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  const int yy = Digits(s, &pos, 2);
  if (month == 0 || yy < 0 || !AtWordEnd(s, pos)) return false;
  const std::string iso = IsoDateTime(ExpandYear(yy), month, day, hour, minute, 0);
  if (iso.size() < 20) return false;  // no such day or time
  out->precedence = s[0];
  out->iso = iso;
  out->rest = std::string(TrimView(s.substr(pos)));
  return true;
}

std::string ParseSlashDate(std::string_view s) {
  s = TrimView(s);
  size_t pos = 0;
  // "2019/07/29": year first, as later cables write it.
  if (const int y = Digits(s, &pos, 4); y >= 0 && pos < s.size() && s[pos] == '/') {
    ++pos;
    const int month = SomeDigits(s, &pos, 2);
    if (month < 0 || pos >= s.size() || s[pos++] != '/') return "";
    const int day = SomeDigits(s, &pos, 2);
    if (day < 0 || !AtWordEnd(s, pos)) return "";
    return IsoDate(y, month, day);
  }
  pos = 0;
  const int month = SomeDigits(s, &pos, 2);
  if (month < 0 || pos >= s.size() || s[pos] != '/') return "";
  ++pos;
  const int day = SomeDigits(s, &pos, 2);
  if (day < 0 || pos >= s.size() || s[pos] != '/') return "";
  ++pos;
  const size_t year_start = pos;
  int year = SomeDigits(s, &pos, 4);
  if (year < 0 || !AtWordEnd(s, pos)) return "";
  if (pos - year_start == 2) year = ExpandYear(year);
  else if (pos - year_start != 4) return "";
  return IsoDate(year, month, day);
}

std::string ParseContainerDate(std::string_view s, size_t* used) {
  size_t pos = 0;
  std::string iso;
  // "2002-11-15T12:40:00" or "2004-04-26"
  if (const int y = Digits(s, &pos, 4); y >= 0 && pos < s.size() && s[pos] == '-') {
    ++pos;
    const int mo = Digits(s, &pos, 2);
    if (mo < 0 || pos >= s.size() || s[pos++] != '-') return "";
    const int d = Digits(s, &pos, 2);
    if (d < 0) return "";
    iso = IsoDate(y, mo, d);
    if (pos < s.size() && s[pos] == 'T') {
      size_t p = pos + 1;
      const int h = Digits(s, &p, 2);
      int mi = -1, sec = 0;
      if (h >= 0 && p < s.size() && s[p] == ':') {
        ++p;
        mi = Digits(s, &p, 2);
        if (p < s.size() && s[p] == ':') {
          ++p;
          sec = Digits(s, &p, 2);
        }
      }
      if (mi >= 0 && sec >= 0) {
        iso = IsoDateTime(y, mo, d, h, mi, sec);
        pos = p;
      }
    }
  } else if (pos = 0; s.size() > 0 && IsDigit(s[0])) {
    // "12/28/1966 18:48"
    const int mo = SomeDigits(s, &pos, 2);
    if (mo < 0 || pos >= s.size() || s[pos++] != '/') return "";
    const int d = SomeDigits(s, &pos, 2);
    if (d < 0 || pos >= s.size() || s[pos++] != '/') return "";
    const int y = Digits(s, &pos, 4);
    if (y < 0) return "";
    iso = IsoDate(y, mo, d);
    size_t p = pos;
    if (p < s.size() && s[p] == ' ') {
      ++p;
      const int h = SomeDigits(s, &p, 2);
      if (h >= 0 && p < s.size() && s[p] == ':') {
        ++p;
        const int mi = Digits(s, &p, 2);
        if (mi >= 0) {
          iso = IsoDateTime(y, mo, d, h, mi, 0);
          pos = p;
        }
      }
    }
  } else {
    // "Monday, 11 January 2010, 02:51"
    size_t comma = s.find(',');
    if (comma == std::string_view::npos || comma > 10 || !StartsWithCI(s.substr(comma >= 3 ? comma - 3 : 0), "day")) {
      return "";
    }
    pos = comma + 1;
    while (pos < s.size() && s[pos] == ' ') ++pos;
    const int d = SomeDigits(s, &pos, 2);
    if (d < 0 || pos >= s.size() || s[pos++] != ' ') return "";
    size_t word_end = pos;
    while (word_end < s.size() && IsAlpha(s[word_end])) ++word_end;
    const int mo = MonthNumber(s.substr(pos, word_end - pos));
    pos = word_end;
    if (mo == 0 || pos >= s.size() || s[pos++] != ' ') return "";
    const int y = Digits(s, &pos, 4);
    if (y < 0) return "";
    iso = IsoDate(y, mo, d);
    size_t p = pos;
    if (p + 1 < s.size() && s[p] == ',' && s[p + 1] == ' ') {
      p += 2;
      const int h = Digits(s, &p, 2);
      if (h >= 0 && p < s.size() && s[p] == ':') {
        ++p;
        const int mi = Digits(s, &p, 2);
        if (mi >= 0) {
          iso = IsoDateTime(y, mo, d, h, mi, 0);
          pos = p;
        }
      }
    }
  }
  if (iso.empty()) return "";
  if (used) *used = pos;
  return iso;
}

}  // namespace dossier::cable
