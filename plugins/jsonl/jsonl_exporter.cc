// The jsonl exporter: the whole store (or some types of it) as interchange
// records, one per line, in a stable order, streamed.
#include <algorithm>

#include "dossier/plugin.h"
#include "dossier/record.h"
#include "jsonl.h"

namespace dossier::plugins {
namespace {

class JsonlExporter final : public Exporter {
 public:
  std::string name() const override { return "jsonl"; }
  std::string description() const override {
    return "dossier interchange records (import them into an empty store to reproduce this one)";
  }
  std::string default_output() const override { return "dossier.jsonl"; }
  bool OwnsOutput(std::string_view head) const override { return IsInterchangeHead(head); }

  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    if (!selection.about.empty()) return Status::InvalidArgument("the jsonl exporter writes whole types; drop --about");
    std::ostream& out = target.stream();
    const int64_t total = ApproximateRecordCount(store);
    int64_t done = 0;
    Status st = ForEachRecord(store, selection.types, [&](const Json& j) {
      out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
      if ((++done & 1023) == 0) target.Progress(done, std::max(done, total));
      return static_cast<bool>(out);
    });
    if (!st.ok()) return st;
    if (!out) return Status::IOError("cannot write the export");
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Exporter> MakeJsonlExporter() { return std::make_unique<JsonlExporter>(); }

}  // namespace dossier::plugins
