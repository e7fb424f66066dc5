// What the reliability tests ask of a store after hostile input, a kill or a
// race: SQLite's own integrity check, the full-text indexes agreeing with
// their tables, and per-document counts to compare with a clean run. Read
// straight from the file with SQLite, not through the kernel, so a kernel bug
// cannot hide itself.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace dossier::testing {

// "ok", or what PRAGMA integrity_check (and FTS5's 'integrity-check' on each
// full-text index) reported.
std::string IntegrityCheck(const std::string& db_path);

// Rows per table: document, paragraph, mention, claim, entity, source_file.
std::map<std::string, int64_t> TableCounts(const std::string& db_path);

// Per document id: "<paragraphs>/<mentions>/<claims with it as source>/<text bytes>".
// Equal maps mean every document was written whole.
std::map<std::string, std::string> DocumentShapes(const std::string& db_path);

// Document ids whose source is the given file path.
std::vector<std::string> DocumentsFrom(const std::string& db_path, const std::string& source);

// The value of one SQL query's first column of its first row, as text ("" if none).
std::string QueryText(const std::string& db_path, const std::string& sql);

}  // namespace dossier::testing
