// Checkers: read the store and report findings with their evidence.
#pragma once

#include <string>

#include "dossier/export.h"
#include "dossier/model.h"
#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier {

// Where a checker reports what it found.
class DOSSIER_API FindingSink {
 public:
  virtual ~FindingSink();
  // Reports one finding. fingerprint must identify it across runs (the same
  // problem found again gives the same fingerprint) and code, severity,
  // message and refs must be set; checker and id are filled in by the host.
  virtual void Report(Finding finding) = 0;
};

class DOSSIER_API Checker {
 public:
  virtual ~Checker();
  // Unique among checkers: "numbers", "identity", "corroboration", "integrity".
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  // Reads the store and reports findings. The host replaces this checker's
  // previous findings with the reported ones in one transaction (keeping the
  // curator's resolve/ignore decisions for findings whose evidence has not
  // changed). A non-ok status or an exception discards the run.
  virtual Status Check(StoreView& store, FindingSink& sink) = 0;
};

}  // namespace dossier
