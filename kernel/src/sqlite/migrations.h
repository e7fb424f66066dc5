// Schema migrations for the SQLite backend, keyed on PRAGMA user_version.
//
// Migration i (1-based) takes a store from version i-1 to version i. Each runs in
// its own transaction together with the user_version bump, so a store is always
// at exactly one version. Never edit a released migration: add the next one.
#pragma once

#include "sqlite/db.h"

namespace dossier::sqlite {

// The version this build writes.
int CurrentSchemaVersion();

// Brings the store up to CurrentSchemaVersion(). Throws SqliteError from the
// engine; throws std::runtime_error with a readable message when the store is
// newer than this build or is some other application's database; throws
// SqliteError(SQLITE_CORRUPT) when its version is one no dossier writes (a
// negative one, or 0 on a store that holds tables).
void Migrate(Db* db);

// As Migrate, but stops at version up_to (tests build older stores with it).
void MigrateTo(Db* db, int up_to);

}  // namespace dossier::sqlite
