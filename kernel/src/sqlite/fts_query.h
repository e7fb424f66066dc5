// Turns what a user typed into a search box into an FTS5 MATCH expression that
// cannot be a syntax error.
//
// The user language: words, "quoted phrases" (an unclosed quote runs to the
// end), prefix* , AND / OR / NOT in capitals between terms, -word to exclude,
// and parentheses (unclosed ones are closed, stray ones dropped). Everything
// else is literal: each word is quoted, so "foo-bar" is the phrase foo bar and
// a lone "AND" is the word "and".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "dossier/status.h"

namespace dossier::sqlite {

// The most words and phrases one query may hold. FTS5 merges the positions
// of every term of an OR as it goes: 60,000 terms took it 2 s and 1.7 GB
// (half a minute under the sanitizers), and nobody types a few dozen.
inline constexpr size_t kMaxSearchTerms = 256;

// How many matches of a query each part of a search ranks: the newest this
// many, read in rowid order so the full-text index stops there. A query
// with fewer matches is ranked whole; one with more (a word most documents
// hold, a two-letter prefix) is ranked among its newest, in bounded time
// however large the archive (docs/performance.md).
inline constexpr int64_t kRankWindow = 1000;

// Which engine the expression is for: SQLite's FTS5 (MATCH), or PostgreSQL's
// full-text search (to_tsquery('simple', ...), docs/design.md, "Backends").
// The query means the same in both.
enum class QuerySyntax { kFts5, kTsquery };

// The expression for query, or InvalidArgument with a message about the
// query (no words to search for; only excluded words; more than
// kMaxSearchTerms words and phrases).
Result<std::string> ToFtsExpression(std::string_view query, QuerySyntax syntax = QuerySyntax::kFts5);

}  // namespace dossier::sqlite
