// Opening a store on a PostgreSQL server (docs/design.md, "Backends").
#pragma once

#include <memory>
#include <string>

#include "dossier/store.h"

namespace dossier::postgres {

// Whether a store path names a database server (postgres:// or
// postgresql://) rather than a file.
bool IsServerUri(const std::string& path);

// The URI as messages may show it: without its password.
std::string Redacted(const std::string& uri);

// Connects, creates or migrates the schema, and returns the store. The
// database must exist (creating one is the server administrator's step);
// create_if_missing creates the schema in an empty one. Errors: IOError when
// the server cannot be reached or refuses the login, with its reason;
// NotFound for an empty database without create_if_missing; Unsupported for
// a database another program's tables or a newer dossier's schema are in.
Result<std::unique_ptr<Store>> OpenStore(const std::string& uri, const StoreOptions& options);

}  // namespace dossier::postgres
