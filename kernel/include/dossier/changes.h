// When the store last changed, read from the audit log, so that a command can
// skip work whose inputs have not changed (`dossier check --since`).
#pragma once

#include <string>
#include <string_view>

#include "dossier/export.h"
#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier {

// The time (ISO-8601 UTC, as the audit log writes it) of the latest change to
// what checkers read: every audited action except checker runs ("check") and
// curator decisions on findings ("finding"). Empty when nothing was audited.
DOSSIER_API Result<std::string> LastChangeAt(StoreView& store);

// The audit entry of that latest change (seq 0 when none). Its seq and time
// together stamp the state checkers read: work derived from the store can be
// kept while they stay the same.
DOSSIER_API Result<AuditEntry> LastChange(StoreView& store);

// The time of the latest run of this checker whose findings were stored, or
// empty when it never ran.
DOSSIER_API Result<std::string> LastCheckAt(StoreView& store, std::string_view checker);

// A time the user typed ("2026-12-04", "2026-12-04T07:30", "2026-12-04 07:30:00Z")
// in the audit log's form for comparison: 'T' between date and time, no
// trailing 'Z'. InvalidArgument when it is not such a time.
DOSSIER_API Result<std::string> ParseSinceTime(std::string_view text);

// Whether an audit time is at or after `since` (a time from ParseSinceTime
// or LastCheckAt), compared at since's precision: "2026-12-04" includes
// every change made that day.
DOSSIER_API bool ChangedSince(const std::string& audit_time, const std::string& since);

}  // namespace dossier
