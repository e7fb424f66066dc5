// The jsonl plugin's two components.
#pragma once

#include <memory>
#include <string_view>

#include "dossier/exporter.h"
#include "dossier/importer.h"

namespace dossier::plugins {

std::unique_ptr<Importer> MakeJsonlImporter();
// Whether a file that begins with head is dossier interchange records (its
// header line, or a first line that is a record): how the importer knows a
// backup and the exporter knows a file it may replace.
bool IsInterchangeHead(std::string_view head);
std::unique_ptr<Exporter> MakeJsonlExporter();

}  // namespace dossier::plugins
