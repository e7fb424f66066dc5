// Who published a document, in a word a reader knows it by: the outlet of a
// story (docs/checks.md, "Stories"), and the unit of independence when
// sources are counted (two copies from one outlet are one source).
#pragma once

#include <string>

#include "dossier/model.h"

namespace dossier {

// The publisher the importer found; else the web site of its URL
// ("www.bbc.co.uk" -> "bbc.co.uk"); a cable's sending post; else the file
// name it came from, without folders or extension and a leading "NN-"
// ("02-edition-cnn-com.txt" -> "edition-cnn-com"); else "".
std::string OutletOf(const Json& properties, const std::string& source);

}  // namespace dossier
