// The schema of a store on PostgreSQL, and its versions (docs/design.md,
// "Backends").
#pragma once

#include "postgres/pg_db.h"

namespace dossier::postgres {

// The schema version of the database (0: no dossier tables in it). Throws
// std::runtime_error when the database holds another program's tables.
int SchemaVersion(PgDb* db);

// Creates the schema in an empty database, or brings an older one up to the
// version this dossier writes (the SQLite store's version number: the two
// backends hold one data model). Serialised by the store's write lock, so
// that two first opens of a new database do not both create it. Throws
// std::runtime_error for a database a newer dossier wrote or another
// program's; SqliteError for the server's errors.
void Migrate(PgDb* db);

}  // namespace dossier::postgres
