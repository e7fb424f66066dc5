// Timestamps as the store writes them: ISO-8601 UTC with milliseconds.
#pragma once

#include <string>

namespace dossier {

// "2026-11-23T18:30:05.123Z"
std::string NowIso();

}  // namespace dossier
