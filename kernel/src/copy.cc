// CopyStore (dossier/copy.h): the interchange records of one store put into
// another, so a copy is exactly what an export and a restore would make of it.
#include "dossier/copy.h"

#include "dossier/record.h"

namespace dossier {

Result<int64_t> CopyStore(StoreView& from, Store& to, const Actor& actor, const CopyOptions& options) {
  auto stats = to.GetStats();
  if (!stats.ok()) return stats.status();
  const Stats& s = *stats;
  if (s.persons + s.organizations + s.places + s.documents + s.cited_only + s.claims + s.mentions + s.judgements +
          s.findings + s.audit_entries + s.merged >
      0) {
    return Status::InvalidArgument("store " + s.path + " is not empty; copy into a new store");
  }
  auto snapshot = from.BeginSnapshot();
  if (!snapshot.ok()) return snapshot.status();
  const int64_t total = ApproximateRecordCount(from);
  RecordOptions record_options;
  record_options.audit = false;
  auto writer = to.BeginRecords(actor, record_options);
  if (!writer.ok()) return writer.status();
  int64_t done = 0;
  Status failed;
  Status st = ForEachRecord(from, {}, [&](const Json& record) {
    failed = (*writer)->Put(record);
    if (!failed.ok()) {
      failed = failed.WithContext("record " + record.value("id", std::string("?")));
      return false;
    }
    if ((++done & 1023) == 0 && options.progress) options.progress(done, std::max(done, total));
    return true;
  });
  if (!st.ok()) return st;
  if (!failed.ok()) return failed;
  if (Status commit = (*writer)->Commit(); !commit.ok()) return commit;
  if (options.progress) options.progress(done, done);
  return done;
}

}  // namespace dossier
