// Fuzz target: interchange records. Any line either fails validation with a
// message or is written; a batch that fails rolls back and leaves the store whole.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "dossier/schema.h"
#include "dossier/store.h"
#include "fuzz_check.h"

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
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto writer = store->BeginRecords(dossier::Actor{"fuzz"});
  FUZZ_CHECK(writer.ok());
  std::istringstream in(text);
  std::string line;
  bool failed = false;
  while (std::getline(in, line)) {
    dossier::Json j = dossier::Json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
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
