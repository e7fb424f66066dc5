// Out-of-line virtual destructors of the SDK's interfaces: their vtables live
// in the kernel library, so every plugin shares one definition of each type.
#include "batch_size.h"
#include "dossier/checker.h"
#include "dossier/exporter.h"
#include "dossier/extractor.h"
#include "dossier/importer.h"
#include "dossier/plugin.h"
#include "dossier/store.h"
#include "dossier/text.h"

namespace dossier {

ImportInput::~ImportInput() = default;
ImportSink::~ImportSink() = default;
Importer::~Importer() = default;
Extractor::~Extractor() = default;
FindingSink::~FindingSink() = default;
Checker::~Checker() = default;
ExportTarget::~ExportTarget() = default;
Exporter::~Exporter() = default;
Registrar::~Registrar() = default;
RecordWriter::~RecordWriter() = default;
WriteGroup::~WriteGroup() = default;
FindingWriter::~FindingWriter() = default;

int64_t DocumentBatch::Bytes() const { return BatchBytes(*this); }

std::string DocumentBatch::Entity(EntityType type, const std::string& name) {
  const std::string norm = NormalizeName(name);
  for (const auto& e : entities) {
    if (e.type == type && e.id.empty() && NormalizeName(e.name) == norm) return e.key;
  }
  ProposedEntity e;
  e.key = "e" + std::to_string(entities.size() + 1);
  // Keys must stay unique even if a caller chose "eN" keys of its own.
  for (bool clash = true; clash;) {
    clash = false;
    for (const auto& other : entities) {
      if (other.key == e.key) {
        e.key += "'";
        clash = true;
      }
    }
  }
  e.type = type;
  e.name = name;
  entities.push_back(std::move(e));
  return entities.back().key;
}

}  // namespace dossier
