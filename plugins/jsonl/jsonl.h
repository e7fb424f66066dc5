// The jsonl plugin's two components.
#pragma once

#include <memory>

#include "dossier/exporter.h"
#include "dossier/importer.h"

namespace dossier::plugins {

std::unique_ptr<Importer> MakeJsonlImporter();
std::unique_ptr<Exporter> MakeJsonlExporter();

}  // namespace dossier::plugins
