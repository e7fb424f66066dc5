// Fuzz target: the search-query sanitiser. Whatever is typed must become an
// FTS5 expression SQLite accepts, or a clean InvalidArgument.
// Input starting with byte 0x01 is deep mode (deep_input.h): the payload
// nested in parentheses, operators and quotes as deep as asked.
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

#include "deep_input.h"
#include "fuzz_check.h"
#include "sqlite/fts_query.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    sqlite3_open(":memory:", &d);
    sqlite3_exec(d,
                 "CREATE VIRTUAL TABLE t USING fts5(a, b, tokenize='unicode61 remove_diacritics 2', prefix='2 3');"
                 "INSERT INTO t VALUES ('the harbour board of Marlow', 'São Paulo 2024 dredging');",
                 nullptr, nullptr, nullptr);
    return d;
  }();
  std::string query(reinterpret_cast<const char*>(data), size);
  if (size > 0 && data[0] == 0x01) {
    auto deep = dossier::fuzz::ReadDeep(data + 1, size - 1);
    if (!deep) return 0;
    static const std::pair<const char*, const char*> kPatterns[] = {
        {"(", ")"}, {"(a OR ", ")"}, {"(NOT ", ")"}, {"-(", ")"}, {"(\"", "\")"}, {"(b AND (", ") OR c)"}};
    const auto& [open, close] = kPatterns[deep->pattern % 6];
    query = dossier::fuzz::Nest(open, close, deep->levels, deep->payload.empty() ? "harbour" : deep->payload);
  }
  auto expr = dossier::sqlite::ToFtsExpression(query);
  if (!expr.ok()) {
    FUZZ_CHECK(expr.status().code() == dossier::Status::Code::kInvalidArgument);
    FUZZ_CHECK(!expr.status().message().empty());
    return 0;
  }
  sqlite3_stmt* st = nullptr;
  FUZZ_CHECK(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &st, nullptr) == SQLITE_OK);
  sqlite3_bind_text(st, 1, expr->c_str(), static_cast<int>(expr->size()), SQLITE_TRANSIENT);
  const int rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) std::fprintf(stderr, "query %s -> %s: %s\n", query.c_str(), expr->c_str(), sqlite3_errmsg(db));
  sqlite3_finalize(st);
  FUZZ_CHECK(rc == SQLITE_ROW);
  return 0;
}
