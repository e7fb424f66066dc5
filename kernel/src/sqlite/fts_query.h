// Turns what a user typed into a search box into an FTS5 MATCH expression that
// cannot be a syntax error.
//
// The user language: words, "quoted phrases" (an unclosed quote runs to the
// end), prefix* , AND / OR / NOT in capitals between terms, -word to exclude,
// and parentheses (unclosed ones are closed, stray ones dropped). Everything
// else is literal: each word is quoted, so "foo-bar" is the phrase foo bar and
// a lone "AND" is the word "and".
#pragma once

#include <string>
#include <string_view>

#include "dossier/status.h"

namespace dossier::sqlite {

// The FTS5 expression for query, or InvalidArgument with a message about the
// query (no words to search for; only excluded words).
Result<std::string> ToFtsExpression(std::string_view query);

}  // namespace dossier::sqlite
