// The jsonl importer: reads the interchange format (DESIGN.md §6) back into a
// store. Every record of a file lands in one transaction, or none does.
#include <istream>
#include <set>
#include <string>

#include "dossier/plugin.h"
#include "dossier/text.h"
#include "jsonl.h"

namespace dossier::plugins {
namespace {

const std::set<std::string>& RecordTypes() {
  static const std::set<std::string> kTypes = {"person", "organization", "place",   "document",
                                               "claim",  "mention",      "finding", "judgement"};
  return kTypes;
}

// A record is one line; no record is near this, and a file that is one
// endless line (a binary blob, a truncated array) must not take the memory.
constexpr size_t kMaxLine = 256u << 20;

// std::getline with a ceiling: false at the end of the input; a line longer
// than max sets *too_long and is cut there.
bool ReadLine(std::istream& in, std::string* line, size_t max, bool* too_long) {
  line->clear();
  *too_long = false;
  std::streambuf* buf = in.rdbuf();
  bool any = false;
  for (;;) {
    const int c = buf->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      return any;
    }
    any = true;
    if (c == '\n') return true;
    if (line->size() == max) {
      *too_long = true;
      return true;
    }
    line->push_back(static_cast<char>(c));
  }
}

bool LooksLikeRecord(std::string_view line) {
  // The parser and these lookups do not recurse: a record too deep to import
  // is still recognized, so Import can say why it is refused.
  Json j = Json::parse(line, nullptr, false);
  return j.is_object() && j.contains("id") && j.contains("type") && j["type"].is_string() &&
         RecordTypes().count(j["type"].get<std::string>());
}

class JsonlImporter final : public Importer {
 public:
  std::string name() const override { return "jsonl"; }
  std::string description() const override { return "dossier interchange records, one JSON object per line"; }

  double Sniff(std::string_view head, std::string_view path) const override {
    size_t start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || head[start] != '{') return 0;
    const size_t nl = head.find('\n', start);
    if (nl == std::string_view::npos && head.size() == 64 * 1024) {
      // The first record is longer than the head; trust the name.
      return path.size() >= 6 && path.substr(path.size() - 6) == ".jsonl" ? 0.6 : 0;
    }
    return LooksLikeRecord(head.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start)) ? 0.95
                                                                                                                  : 0;
  }

  Status Import(ImportInput& input, ImportSink& sink) override {
    std::istream& in = input.stream();
    std::string line;
    int64_t number = 0;
    bool too_long = false;
    while (ReadLine(in, &line, kMaxLine, &too_long)) {
      ++number;
      if (too_long) {
        return Status::InvalidArgument("line " + std::to_string(number) + " is longer than " + std::to_string(kMaxLine) +
                                       " bytes");
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      // Checked before parsing: everything after the parser (size estimate,
      // copies, schema validation, printing) recurses once per level.
      if (Status st = CheckJsonDepth(line); !st.ok()) return st.WithContext("line " + std::to_string(number));
      Json record = Json::parse(line, nullptr, false);
      if (record.is_discarded()) return Status::InvalidArgument("line " + std::to_string(number) + ": not valid JSON");
      if (Status st = sink.EmitRecord(record); !st.ok()) return st.WithContext("line " + std::to_string(number));
    }
    if (in.bad()) return Status::IOError("read error after line " + std::to_string(number));
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Importer> MakeJsonlImporter() { return std::make_unique<JsonlImporter>(); }

}  // namespace dossier::plugins
