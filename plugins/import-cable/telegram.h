// The routing block of a raw telegram, before the classification line:
//
//   VZCZCXRO3668                          transmission line
//   PP RUEHCN RUEHGH RUEHVC               precedence and routing indicators
//   DE RUEHGZ #2397 3470914               the sending station
//   ZNR UUUUU ZZH
//   P 130914Z DEC 06                      date-time group
//   FM AMCONSUL GUANGZHOU
//   TO RUEHC/SECSTATE WASHDC PRIORITY 5570
//   INFO RUEHOO/CHINA POSTS COLLECTIVE
//   RUCPDOG/USDOC WASHDC
//
// and the older form that opens with an "INFO LOG-00 ..." distribution block
// and has no routing indicators on its addresses.
#pragma once

#include <string_view>
#include <vector>

#include "cable.h"
#include "text_util.h"

namespace dossier::cable {

// Reads the routing block starting at text offset `from` (on line `line`)
// into cable (precedence, date_time_group, from, from_routing, to, info).
// Returns the offset where the routing block ends: the classification line
// (or whatever else) comes next. Returns `from` when there is no routing block.
size_t ParseRouting(std::string_view text, const std::vector<Line>& lines, size_t line, size_t from, Cable* cable);

// Reads one TO/INFO address line ("RUEHC/SECSTATE WASHDC PRIORITY 5570").
Address ParseAddress(std::string_view text, size_t start, size_t end);

// "IMMEDIATE" for O or OO, "PRIORITY" for P, "ROUTINE" for R, "FLASH" for Z.
std::string_view PrecedenceName(char letter);

}  // namespace dossier::cable
