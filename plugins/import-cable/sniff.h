// Recognizing a cable from the first bytes of a file (at most 64 KiB), in
// each form it circulates in: a raw telegram, a Cablegate page extract, or a
// cables.csv file. Other text gets 0, so the plain-text importer takes it.
#pragma once

#include <string_view>

namespace dossier::cable {

// 0.95 for a cable or a cables.csv, 0 otherwise.
double SniffCable(std::string_view head);

// Whether head opens a cables.csv: a row "id,date,reference id,..." or a
// header row naming those columns.
bool LooksLikeCablesCsv(std::string_view head);

}  // namespace dossier::cable
