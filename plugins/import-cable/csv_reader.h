// RFC 4180 records, read one at a time from a stream (the real cables.csv is
// 1.7 GB, so it is never held whole) or from text in memory.
//
// Fields are separated by commas; a field in double quotes may hold commas,
// line ends and doubled quotes (""). Records end with LF or CRLF. The reader
// is lenient where files are sloppy and says so in CsvRecord::warning: a quote
// inside an unquoted field is kept as text, text after a closing quote is
// kept too. A quoted field that never closes, or grows past the size limit
// (an unbalanced quote swallowing the rest of a big file), is an error for
// that record; the reader then resumes at the next line that starts like a
// cables.csv row (digits and a comma), so one bad row costs only itself.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::cable {

struct CsvRecord {
  std::vector<std::string> fields;
  std::vector<int64_t> field_starts;  // offset of each field's first character (after an opening quote)
  int64_t number = 0;                 // 1 for the first record
  int64_t line = 0;                   // the line it starts on, 1-based
  std::string warning;  // something tolerated ("text after a closing quote in field 3")
  std::string error;    // the record could not be read; fields are partial
};

class CsvReader {
 public:
  static constexpr size_t kDefaultMaxField = 64u << 20;

  explicit CsvReader(std::istream& in, size_t max_field = kDefaultMaxField);
  // Reads text[pos...]; offsets in records are offsets into text.
  CsvReader(std::string_view text, size_t pos, size_t max_field = kDefaultMaxField);

  // The next record; false at the end of the input.
  bool Next(CsvRecord* record);

 private:
  bool Get(char* c);
  bool Peek(char* c);
  void SkipToRowStart();

  std::istream* in_ = nullptr;
  std::string buffer_;     // for streams
  std::string_view data_;  // the bytes not yet read
  int64_t offset_ = 0;     // offset of data_[0] in the source
  int64_t line_ = 1;
  int64_t records_ = 0;
  size_t max_field_;
  bool at_line_start_ = true;
};

}  // namespace dossier::cable
