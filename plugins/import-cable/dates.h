// The date forms cables and their containers use, turned into ISO-8601.
//
//   date-time group    "P 130914Z DEC 06"            -> 2006-12-13T09:14:00Z
//   declassify on      "DECL: 07/11/2016", "06/29/14" -> 2016-07-11, 2014-06-29
//   Cablegate website  "Cable dated:2002-11-15T12:40:00", "Monday, 11 January 2010, 02:51"
//   cables.csv         "12/28/1966 18:48", "2004-04-26"
#pragma once

#include <string>
#include <string_view>

namespace dossier::cable {

// Two-digit year of a cable: 1966 onwards, so 66..99 are 19xx.
int ExpandYear(int yy);

// "2006-12-13", or empty when the day does not exist.
std::string IsoDate(int year, int month, int day);

// "JAN".."DEC" or full English month names, any case; 0 when not a month.
int MonthNumber(std::string_view word);

struct DateTimeGroup {
  char precedence = 0;  // 'Z', 'O', 'P' or 'R'
  std::string iso;      // 2006-12-13T09:14:00Z
  std::string rest;     // what followed the year ("ZDK", "ZDK MANY SVCS")
};
// Reads a DTG line ("P 130914Z DEC 06"). False when the line is not one.
bool ParseDateTimeGroup(std::string_view line, DateTimeGroup* out);

// "07/11/2016", "7/1/16", "06/29/14" (month first, as the State Department
// writes) or "2019/07/29" -> ISO date; empty when it is not such a date or the day does not exist.
std::string ParseSlashDate(std::string_view s);

// The date forms of Cablegate pages and cables.csv, at the start of s:
// "2002-11-15T12:40:00", "2004-04-26", "12/28/1966 18:48", "Monday, 11
// January 2010, 02:51". Returns the ISO date or date-time ("...T12:40:00Z")
// and, in *used, how many bytes it read; empty when s starts with none of them.
std::string ParseContainerDate(std::string_view s, size_t* used = nullptr);

}  // namespace dossier::cable
