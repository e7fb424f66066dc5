// Importers: recognize a format and turn a file into documents and the facts
// the format states outright.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

#include "dossier/export.h"
#include "dossier/facts.h"
#include "dossier/status.h"

namespace dossier {

// The file being imported. The whole file is never loaded unless the importer
// asks for it, so an importer of a 2 GB CSV can stream it.
class DOSSIER_API ImportInput {
 public:
  virtual ~ImportInput();
  // The path as given to `dossier import` (or a path inside a folder given).
  virtual const std::string& path() const = 0;
  virtual int64_t size() const = 0;
  // The first bytes of the file (up to 64 KiB), as Sniff saw them.
  virtual std::string_view head() const = 0;
  // A stream over the whole file, from the start. Each call rewinds.
  virtual std::istream& stream() = 0;
  // The whole file; fails (naming the limit) when it is larger than max_bytes.
  virtual Result<std::string> ReadAll(int64_t max_bytes) = 0;
  // The memory one document with its facts may take
  // (ImportOptions::max_batch_bytes): an importer whose structures grow
  // with the file counts them against it as it goes (dossier/budget.h) and
  // refuses the file once over, instead of building them all for Emit to
  // refuse.
  virtual int64_t max_batch_bytes() const = 0;
};

// Where an importer hands its documents. Each Emit runs the extractors on the
// document; the store then resolves its entities and writes it in one
// transaction, on the pipeline's writer thread, while the importer goes on.
class DOSSIER_API ImportSink {
 public:
  virtual ~ImportSink();
  // Emits one document. A non-ok status means the document was refused
  // before writing (a size limit, an extractor failed; the reason is in the
  // status); an importer of many documents per file may carry on with the
  // next one. A document the store refuses later is counted in the file's
  // report and, if the file wrote nothing, fails the file with its reason.
  virtual Status Emit(DocumentBatch batch) = 0;
  // Notes something the importer tolerated or skipped in part of the file
  // (a malformed CSV row). Shown in the import summary, never silent.
  virtual void Warn(const std::string& message) = 0;
  // Interchange records (DESIGN.md §6) for importers of whole-store formats
  // such as jsonl. They are written together, in one transaction, at the end
  // of the file; the importer must not mix them with Emit.
  virtual Status EmitRecord(const Json& record) = 0;
};

class DOSSIER_API Importer {
 public:
  virtual ~Importer();
  // Unique among importers: "cable", "news", "jsonl", "text".
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  // How sure the importer is that it reads this file: 0 (no) to 1 (certain).
  // head is the first bytes of the file (up to 64 KiB). Must not throw, must
  // be fast: it is asked for every file.
  virtual double Sniff(std::string_view head, std::string_view path) const = 0;
  // Reads the file and emits its documents. Returns an error (naming the
  // reason; the pipeline adds the file name) when the file cannot be read.
  virtual Status Import(ImportInput& input, ImportSink& sink) = 0;
};

}  // namespace dossier
