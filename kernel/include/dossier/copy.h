// Moving a whole store into another: a file to a database server and back
// (`dossier copy FROM TO`, docs/design.md, "Backends").
#pragma once

#include <cstdint>
#include <functional>

#include "dossier/export.h"
#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier {

struct CopyOptions {
  // Called now and then with the records copied so far and about how many
  // there are (ApproximateRecordCount).
  std::function<void(int64_t done, int64_t total)> progress;
};

// Copies every record of `from`, read in one snapshot, into `to`, which must
// hold nothing yet, in one transaction: `to` then holds what `from` holds,
// the audit log as it was and nothing added to it, so that both export the
// same interchange records. Returns how many records were copied.
// InvalidArgument when `to` holds anything; nothing is written when a
// record fails.
DOSSIER_API Result<int64_t> CopyStore(StoreView& from, Store& to, const Actor& actor,
                                      const CopyOptions& options = {});

}  // namespace dossier
