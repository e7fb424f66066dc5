// The extract-ner plugin's extractors.
#pragma once

#include <memory>

#include "dossier/extractor.h"

namespace dossier::ner {

std::unique_ptr<Extractor> MakeNerExtractor();      // "ner": people, organizations, places
std::unique_ptr<Extractor> MakeQuoteExtractor();    // "quotes": who said what
std::unique_ptr<Extractor> MakeNumberExtractor();   // "numbers": figures and what they are about
std::unique_ptr<Extractor> MakeRoleExtractor();     // "roles": titles people hold, and where

}  // namespace dossier::ner
