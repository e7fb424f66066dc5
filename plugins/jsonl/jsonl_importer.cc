// The jsonl importer: reads the interchange format (DESIGN.md §6) back into a
// store. Every record of a file lands in one transaction, or none does.
#include <algorithm>
#include <fstream>
#include <istream>
#include <set>
#include <string>
#include <vector>

#include "dossier/plugin.h"
#include "dossier/text.h"
#include "jsonl.h"

namespace dossier::plugins {
namespace {

const std::set<std::string>& RecordTypes() {
  static const std::set<std::string> kTypes = {"person",  "organization", "place",     "document", "claim",
                                               "mention", "finding",      "judgement", "audit",    "source",   "story"};
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
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string()) return false;
  const std::string type = j["type"].get<std::string>();
  if (type == "header") return j.value("format", std::string()) == "dossier-jsonl";
  return j.contains("id") && RecordTypes().count(type);
}

// A first record longer than the head (a document with its text): its first
// key, as the exporter writes keys in order, and an id of a record type.
bool LooksLikeLongRecord(std::string_view line) {
  if (line.rfind("{\"aliases\":", 0) != 0 && line.rfind("{\"id\":", 0) != 0) return false;
  for (const char* prefix : {"\"id\":\"person:", "\"id\":\"org:", "\"id\":\"place:", "\"id\":\"doc:"}) {
    if (line.find(prefix) != std::string_view::npos) return true;
  }
  return false;
}

// The ids of one file's records, kept small (a hash and a line number per
// record) so that a backup of millions of records can be checked for an id
// given twice; a hash seen twice is confirmed against the file itself.
class SeenIds {
 public:
  void Add(const std::string& id, int64_t line) { seen_.push_back({std::hash<std::string>()(id), line}); }

  // The line of an earlier record with this id, or 0.
  int64_t EarlierLine(const std::string& id, int64_t line, const std::string& path) const {
    const size_t h = std::hash<std::string>()(id);
    for (const auto& [hash, at] : seen_) {
      if (hash == h && at != line && IdOnLine(path, at) == id) return at;
    }
    return 0;
  }

  // The first pair of lines that give one id, as "line A and line B", or "".
  std::string FirstDuplicate(const std::string& path) {
    std::sort(seen_.begin(), seen_.end());
    for (size_t i = 1; i < seen_.size(); ++i) {
      if (seen_[i].first != seen_[i - 1].first) continue;
      const std::string id = IdOnLine(path, seen_[i - 1].second);
      if (!id.empty() && id == IdOnLine(path, seen_[i].second)) {
        return id + " is given twice, on lines " + std::to_string(seen_[i - 1].second) + " and " +
               std::to_string(seen_[i].second);
      }
    }
    return "";
  }

 private:
  static std::string IdOnLine(const std::string& path, int64_t wanted) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    for (int64_t n = 1; std::getline(in, line); ++n) {
      if (n != wanted) continue;
      Json j = Json::parse(line, nullptr, false);
      return j.is_object() && j.contains("id") && j["id"].is_string() ? j["id"].get<std::string>() : "";
    }
    return "";
  }

  std::vector<std::pair<size_t, int64_t>> seen_;
};

class JsonlImporter final : public Importer {
 public:
  std::string name() const override { return "jsonl"; }
  std::string description() const override { return "dossier interchange records, one JSON object per line"; }

  // Known by content before any text importer looks (a backup whose first
  // document is a cable must not be read as one cable): the header line, or
  // a first line that is a record. Only a first line longer than the head
  // with neither form falls back on the file's name.
  double Sniff(std::string_view head, std::string_view path) const override {
    if (IsInterchangeHead(head)) return 1.0;
    const size_t start = head.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || head[start] != '{') return 0;
    if (head.find('\n', start) != std::string_view::npos || head.size() < 64 * 1024) return 0;
    return path.size() >= 6 && path.substr(path.size() - 6) == ".jsonl" ? 0.6 : 0;
  }

  Status Import(ImportInput& input, ImportSink& sink) override {
    std::istream& in = input.stream();
    std::string line;
    int64_t number = 0;
    bool too_long = false;
    SeenIds seen;
    while (ReadLine(in, &line, kMaxLine, &too_long)) {
      ++number;
      const std::string where = "line " + std::to_string(number);
      if (too_long) return Status::InvalidArgument(where + " is longer than " + std::to_string(kMaxLine) + " bytes");
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      // Checked before parsing: everything after the parser (size estimate,
      // copies, schema validation, printing) recurses once per level.
      if (Status st = CheckJsonDepth(line); !st.ok()) return st.WithContext("line " + std::to_string(number));
      Json record = Json::parse(line, nullptr, false);
      if (record.is_discarded()) return Status::InvalidArgument(where + ": not valid JSON");
      const bool has_id = record.is_object() && record.contains("id") && record["id"].is_string();
      const std::string id = has_id ? record["id"].get<std::string>() : "";
      if (record.is_object() && record.value("type", Json()) == "header" && number != 1) {
        return Status::InvalidArgument(where + ": a header line may only be the first line");
      }
      if (Status st = sink.EmitRecord(record); !st.ok()) {
        // Refused as already in the store: perhaps it is only earlier in this file.
        if (has_id && st.code() == Status::Code::kAlreadyExists) {
          if (const int64_t earlier = seen.EarlierLine(id, number, input.path()); earlier > 0) {
            return Status::InvalidArgument(id + " is given twice, on lines " + std::to_string(earlier) + " and " +
                                           std::to_string(number));
          }
        }
        return st.WithContext(where);
      }
      if (has_id) seen.Add(id, number);
    }
    if (in.bad()) return Status::IOError("read error after line " + std::to_string(number));
    if (std::string twice = seen.FirstDuplicate(input.path()); !twice.empty()) return Status::InvalidArgument(twice);
    return Status::OK();
  }
};

}  // namespace

bool IsInterchangeHead(std::string_view head) {
  const size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || head[start] != '{') return false;
  const size_t nl = head.find('\n', start);
  const std::string_view first = head.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
  if (nl == std::string_view::npos && head.size() >= 64 * 1024) return LooksLikeLongRecord(first);
  return LooksLikeRecord(first);
}

std::unique_ptr<Importer> MakeJsonlImporter() { return std::make_unique<JsonlImporter>(); }

}  // namespace dossier::plugins
