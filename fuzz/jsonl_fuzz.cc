// Fuzz target: interchange records. Any line either fails validation with a
// message or is written; a batch that fails rolls back and leaves the store whole.
// Lines go through the importer's depth check (CheckJsonDepth) before they
// are parsed, and a line that passes it parses to a value no deeper.
// Input starting with byte 0x01 is deep mode (deep_input.h): one record whose
// properties nest the payload as deep as asked, in one of four patterns.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "deep_input.h"
#include "dossier/schema.h"
#include "dossier/store.h"
#include "dossier/text.h"
#include "fuzz_check.h"

namespace {

// Depth of a parsed value, walked with a stack of its own.
size_t ParsedDepth(const dossier::Json& root) {
  size_t deepest = 0;
  std::vector<std::pair<const dossier::Json*, size_t>> pending = {{&root, 0}};
  while (!pending.empty()) {
    const auto [v, depth] = pending.back();
    pending.pop_back();
    if (!v->is_structured()) continue;
    deepest = std::max(deepest, depth + 1);
    for (const auto& child : *v) pending.push_back({&child, depth + 1});
  }
  return deepest;
}

// One record nesting the payload levels deep inside its properties.
std::string DeepRecord(const dossier::fuzz::Deep& d) {
  using dossier::fuzz::Nest;
  static const std::pair<const char*, const char*> kPatterns[] = {
      {"[", "]"}, {"{\"k\":", "}"}, {"[{\"a\":[", "]}]"}, {"[\"s\\\"[\",", "]"}};
  const auto& [open, close] = kPatterns[d.pattern % 4];
  return R"({"id":"person:deep","type":"person","name":"Deep","properties":{"x-deep":)" +
         Nest(open, close, d.levels, d.payload.empty() ? "0" : d.payload) + "}}";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::string path;
  static std::unique_ptr<dossier::Store> store = [] {
    dossier::StoreOptions o;
    o.create_if_missing = true;
    const char* tmp = std::getenv("TMPDIR");
    path = std::string(tmp && *tmp ? tmp : "/tmp") + "/dossier-jsonl-fuzz-" + std::to_string(getpid()) + ".db";
    unlink(path.c_str());
    // Registered before the store exists, so it runs after the store is
    // closed at exit: a run leaves no store files behind (every run used to).
    std::atexit([] {
      for (const char* suffix : {"", "-wal", "-shm"}) unlink((path + suffix).c_str());
    });
    auto s = dossier::Store::Open(path, o);
    FUZZ_CHECK(s.ok());
    return std::move(s).value();
  }();
  std::string text(reinterpret_cast<const char*>(data), size);
  if (size > 0 && data[0] == 0x01) {
    auto deep = dossier::fuzz::ReadDeep(data + 1, size - 1);
    if (!deep) return 0;
    text = DeepRecord(*deep);
  }
  auto writer = store->BeginRecords(dossier::Actor{"fuzz"});
  FUZZ_CHECK(writer.ok());
  std::istringstream in(text);
  std::string line;
  bool failed = false;
  while (std::getline(in, line)) {
    // As the importer does: nothing deeper than the limit is parsed.
    const dossier::Status depth = dossier::CheckJsonDepth(line);
    if (!depth.ok()) {
      FUZZ_CHECK(depth.code() == dossier::Status::Code::kInvalidArgument);
      continue;
    }
    dossier::Json j = dossier::Json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    // The parser reads a NUL byte as the end of its input; the scan goes on
    // past it, so it may count more than was parsed, never less.
    const size_t scanned = dossier::JsonNestingDepth(line);
    if (line.find('\0') == std::string::npos) {
      FUZZ_CHECK(ParsedDepth(j) == scanned);
    } else {
      FUZZ_CHECK(ParsedDepth(j) <= scanned);
    }
    dossier::Status st = (*writer)->Put(j);
    if (!st.ok()) {
      FUZZ_CHECK(!st.message().empty());
      failed = true;
      break;
    }
  }
  // Commit half the time so later inputs meet existing records.
  if (!failed && size % 2 == 0) (void)(*writer)->Commit();
  writer->reset();
  FUZZ_CHECK(store->GetStats().ok());
  return 0;
}
