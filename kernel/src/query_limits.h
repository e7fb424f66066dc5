// How much one search may ask for (docs/design.md §5, `search`). A query of
// hundreds of common words makes the full-text engine merge hundreds of long
// lists (800 words took 111 s); no one types such a query, so it is refused
// with a message instead of run. Backend-neutral: every store applies it.
#pragma once

#include <cstddef>
#include <string_view>

#include "dossier/status.h"

namespace dossier {

inline constexpr size_t kMaxQueryBytes = 1024;
inline constexpr size_t kMaxQueryWords = 64;  // words and phrase words, operators aside

// OK, or InvalidArgument saying which limit the query passes and by how much.
Status CheckQueryLimits(std::string_view query);

}  // namespace dossier
