// Exporters: stream the store, or a selection of it, to a format.
#pragma once

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/export.h"
#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier {

// What to export: everything, or a part.
struct Selection {
  std::vector<EntityType> types;  // empty: all
  std::string about;              // entity id: it and what is connected to it
  int depth = 1;                  // how far from `about` to follow connections
  // Filled in by ResolveSelection when `about` is set (exporters read it
  // through the Selects* functions): the sorted ids of what is selected —
  // the entities within `depth` steps of `about` along relation claims and
  // co-mentions (with the ids merged into them), the documents that mention
  // `about`, and the documents that source claims about it.
  std::vector<std::string> members;
  // Whether a document's source is written as stored (the curator's full
  // path) by the exports meant to be handed over (html, ftm, jsonld, csv,
  // graphs). Without it they carry the file name only, or the web address
  // (docs/exports.md, "What leaves the machine"). JSON Lines, the backup,
  // always keeps the source as stored.
  bool include_paths = false;
  // Graph formats (gexf, graphml, dot): how much of the graph to draw. The
  // max_nodes most-named people, organizations and places (and `about`)
  // are kept, with the edges between them; co-mentions of fewer than
  // min_weight documents are left out. -1: the format's default (dot keeps
  // 200 nodes, 50 around `about`, and co-mentions of 2 documents or more
  // but every one with `about` itself; gexf and graphml everything);
  // max_nodes 0: no limit.
  int64_t max_nodes = -1;
  int64_t min_weight = -1;
};

// A document's source as an export handed over writes it: a web address as
// it is; a path on the curator's machine as its file name alone
// ("/home/ana/leaks/cable-17.txt" -> "cable-17.txt"), unless
// selection.include_paths.
DOSSIER_API std::string SourceToHandOver(const Selection& selection, std::string_view source);

// Resolves selection->about (an id or a name) to its canonical entity and
// fills selection->members. Nothing to do when about is empty. Errors: the
// store's (NotFound, Ambiguous), InvalidArgument for a negative depth.
DOSSIER_API Status ResolveSelection(StoreView& store, Selection* selection);

// Whether the selection includes the entity (person, organization, place or
// document) with this id and type: its type is wanted, and it is a member
// when `about` is set.
DOSSIER_API bool SelectsEntity(const Selection& selection, std::string_view id, EntityType type);
// Whether it includes the claim: claims are wanted, and with `about` set its
// subject, and its object if it has one, are members.
DOSSIER_API bool SelectsClaim(const Selection& selection, const Claim& claim);
// Whether it includes the mention: its entity is selected, and with `about`
// set its document is a member too.
DOSSIER_API bool SelectsMention(const Selection& selection, const Mention& mention);
// Whether it includes the finding: without `about`, when no --type narrows
// the export or claims are wanted; with it, when one of its refs is a member.
DOSSIER_API bool SelectsFinding(const Selection& selection, const Finding& finding);

// The entity each merged-away id was merged into, read once from the store,
// for the exports that write canonical entities only and must point every
// reference at one of them: a claim stored about "Okonkwo", later merged
// into "Nadia Okonkwo", is about her in the export, not about an id the
// export never defines.
class DOSSIER_API CanonicalIds {
 public:
  // Reads the merges (merged-away entities only: as many as were merged).
  Status Load(StoreView& store);
  // The canonical id of id; id itself when it was never merged away.
  const std::string& operator()(const std::string& id) const;
  // The claim with its subject, object and speaker read through merges.
  Claim OnCanonical(Claim claim) const;

 private:
  std::map<std::string, std::string> merged_;  // merged-away id -> canonical id
};

// Where an exporter writes. Files are written atomically: to a temporary name,
// renamed into place when the export succeeds, removed when it fails.
class DOSSIER_API ExportTarget {
 public:
  virtual ~ExportTarget();
  // For single-file exporters: the output stream (a file, or stdout for "-").
  virtual std::ostream& stream() = 0;
  // For folder exporters: a stream for a file at a path relative to the output
  // folder (subfolders are created). Valid until the next call or the end.
  virtual Result<std::ostream*> OpenFile(const std::string& relative_path) = 0;
  // How far the export is: `done` of `total` items (documents, records,
  // pages) written; a terminal shows it with a rate and the time left. Cheap
  // to call often: the host redraws at most ten times a second.
  virtual void Progress(int64_t done, int64_t total) {}
};

class DOSSIER_API Exporter {
 public:
  virtual ~Exporter();
  // Unique among exporters: "jsonl", "ftm", "csv", "html", ...
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  // True when the output is a folder of files (csv, html); false for one stream.
  virtual bool writes_folder() const { return false; }
  // The output file name used when none is given ("dossier.jsonl").
  virtual std::string default_output() const = 0;
  // Streams the selection to target. Must not hold the whole store in memory.
  // The host gives the exporter one read snapshot of the store: every read it
  // makes sees the store as of one transaction.
  virtual Status Export(StoreView& store, const Selection& selection, ExportTarget& target) = 0;
  // Whether a file that begins with `head` (up to 64 KiB of it) is output of
  // this exporter: a file export replaces an existing file only when it is
  // (or is empty), so that `-o notes.txt` cannot overwrite someone's notes.
  // Folder exports are recognised by the marker file the host writes into
  // them (kExportMarker) and need not implement this.
  virtual bool OwnsOutput(std::string_view head) const { return false; }
};

// The file the host writes at the top of every folder export, so that a later
// export knows the folder is one it may replace.
inline constexpr const char* kExportMarker = ".dossier-export";

}  // namespace dossier
