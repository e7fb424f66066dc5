// A US diplomatic cable as the parser reads it: every header field, the
// paragraphs, and what was tolerated on the way. Pure data: no store, no SDK.
//
// Every span is a byte range of the text the parser was given (the text the
// store keeps), so each value can be shown next to the passage stating it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dossier::cable {

struct Span {
  int64_t start = -1;
  int64_t end = -1;
  bool valid() const { return start >= 0 && end > start; }
};

// The most items of one header list (TAGS, REF items and their serials,
// caveats, listed reference ids) a cable is read with. A real cable has a
// few dozen; a line of a million is hostile, and each item becomes a claim:
// the rest stay in the text, and a note says so.
inline constexpr size_t kMaxListItems = 1000;

// A value read from the text, with where it was read.
struct Field {
  std::string value;
  Span span;
  bool empty() const { return value.empty(); }
};

// Which form the cable came in.
enum class Form {
  kTelegram,  // raw telegram: VZCZC routing lines, or at least FM/TO lines
  kWebsite,   // a Cablegate web page extract (HTML removed before parsing)
  kCsv,       // a row of a cables.csv file
};

// A TO or INFO addressee line: "RUEHC/SECSTATE WASHDC PRIORITY 5570".
struct Address {
  std::string name;        // "SECSTATE WASHDC"
  std::string routing;     // "RUEHC"
  std::string precedence;  // "PRIORITY"
  std::string serial;      // "5570"
  std::string office;      // "USDP ADMIN/CHAIRS" from "SECDEF WASHDC//USDP ADMIN/CHAIRS//"
  Span span;               // the whole line
};

// One REF item: "A. STATE 78495" -> {label "A", id "06STATE78495"}.
struct Ref {
  std::string label;
  std::string id;    // canonical reference id; empty for items that name no cable
  std::string text;  // the item as written
  bool year_inferred = false;  // the item gave no year; it was deduced
  Span span;
};

struct ClassifiedBy {
  std::string name;    // "Jon Dorschner"
  std::string title;   // "A/PolCouns"
  std::string reason;  // "1.4 (B, D)"
  Span span;
  bool empty() const { return name.empty() && title.empty() && reason.empty(); }
};

// A block of the body: a numbered paragraph, an unnumbered one, or a heading.
struct Paragraph {
  Span span;
  int number = -1;       // as read (a typed "15." between 4 and 6 is 5); -1: none
  std::string label;     // as written: "¶1", "1", "B", "15"
  std::string marking;   // portion marking: "SBU", "C", "S/NF"
  std::string section;   // the heading it falls under
  bool heading = false;  // a section heading ("Under Orders to Increase U.S. Imports")
  std::string note;      // what was tolerated about it
};

struct Cable {
  Form form = Form::kTelegram;

  // "06GUANGZHOU32397": two-digit year, post, serial without leading zeros.
  // Empty when the text, its container and its file name give no year.
  std::string reference_id;
  Field post;          // as in the classification line: "GUANGZHOU", "NEW DELHI"
  std::string serial;  // "32397"
  int year = 0;        // four digits, 0 when unknown
  int section = 0;     // SECTION 01 OF 02 -> 1, 2
  int sections = 0;

  Field classification_line;  // the line, as a whole
  std::string classification;  // UNCLASSIFIED, CONFIDENTIAL, SECRET, ...
  std::vector<Field> caveats;  // SIPDIS, SENSITIVE, NOFORN, ...

  Field precedence;       // PRIORITY, IMMEDIATE, ROUTINE, FLASH
  Field date_time_group;  // ISO-8601 UTC ("2006-12-13T09:14:00Z"); span of the DTG line
  std::string published;  // the cable's date or date-time (ISO), from whatever states it
  Field from;             // the FM line's sender: "AMCONSUL GUANGZHOU"
  std::string from_routing;  // the DE line's routing indicator: "RUEHGZ"
  std::vector<Address> to;
  std::vector<Address> info;
  std::string origin;  // the container's "origin" column ("Embassy The Hague")

  std::vector<Field> office_lines;  // "USDOC FOR 4420/ITA/MAC/MCQUEEN, DAS LEVINE"
  Field eo;                         // "E.O. 12958: DECL: 07/11/2016"
  std::string declassify_on;        // "2016-07-11"
  std::vector<Field> tags;          // "ETRD", "CH", each with its span
  Field subject;
  std::vector<Ref> refs;        // items naming a cable
  std::vector<Ref> other_refs;  // items naming something else (an e-mail, an IIR)
  ClassifiedBy classified_by;

  std::vector<Paragraph> paragraphs;
  Field summary;
  Field comment;
  Field signer;

  bool all_caps = false;  // the body is written in capitals
  std::vector<std::string> notes;  // noise tolerated on the way, one line each
};

}  // namespace dossier::cable
