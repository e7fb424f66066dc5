// REF items: the cables (and other papers) a cable refers to.
//
//   REF: Guangzhou 31300                        -> 06GUANGZHOU31300 (year of the cable)
//   REF: A. 05 NEW DELHI 8782 / ¶B. STATE 119436
//   REF: A) TRIPOLI 763; B) TRIPOLI 900         -> "(A)", "A.", "A)" and "¶B." labels
//   REF: C. STATE 41252 AND 44603               -> two cables
//   REF: DOHA 152 (08), 2008 SAO PAULO 497, 10SHENYANG 003, 08 KIGALI 00830--05/DEC/2008
//   REF: EMAIL:  / IIR 6 876 0037 08            -> not cables: kept as other references
//
// A cable serial restarts every year, so an item without a year is given
// the cable's own year, except one from the same post with a serial above the
// cable's own, which can only be from the year before.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cable.h"
#include "chunks.h"

namespace dossier::cable {

struct RefContext {
  int year = 0;          // the cable's year (four digits), 0 when unknown
  std::string post_key;  // the cable's own post, squeezed ("NEWDELHI")
  long serial = 0;       // the cable's own serial
};

// Reads the REF field's text into cable->refs and cable->other_refs (and notes).
void ParseRefs(const Chunks& content, const RefContext& context, Cable* cable);

// "GUANGZHOU" -> "GUANGZHOU", "New Delhi" -> "NEWDELHI", "SECSTATE" -> "STATE":
// the post as it appears in reference ids.
std::string PostKey(std::string_view post);

// "06" + "GUANGZHOU" + "32397".
std::string ReferenceId(int year, std::string_view post_key, std::string_view serial);

// Whether s (trimmed) is a reference id: two digits, capitals, digits ("06GUANGZHOU32397").
bool IsReferenceId(std::string_view s);

// "06GUANGZHOU32397" -> year 2006, post key GUANGZHOU, serial 32397 (leading
// zeros dropped). False when id is not shaped like a reference id.
bool SplitReferenceId(std::string_view id, int* year, std::string* post_key, std::string* serial);

}  // namespace dossier::cable
