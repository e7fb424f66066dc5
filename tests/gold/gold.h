// The hand-made gold of tests/gold/ (README there): loading it, finding the
// place a gold offset of a corpus file stands at in the text dossier stored,
// and importing a story the way a user would. Shared by the extraction score
// (extraction_score_test.cc) and the cross-checking score.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dossier/host.h"
#include "dossier/model.h"
#include "dossier/store.h"

namespace dossier::gold {

struct GoldEntity {
  EntityType type;
  std::vector<std::string> names;  // as written; the first is the fullest
};

struct GoldFigure {
  int64_t at = 0;  // byte offset in the corpus file
  double value = 0;
  std::string unit;
  std::vector<std::string> subject;  // names, or {"@event"}
  std::string measure;
  std::string noun;
};

struct GoldQuote {
  int64_t at = 0;  // the opening quotation mark
  std::vector<std::string> speaker;
};

struct GoldRole {
  std::vector<std::string> person;        // names
  std::string title;                      // as the text gives it
  std::vector<std::string> organization;  // names, or none
};

struct GoldFile {
  std::string name;  // file name within the story folder
  std::string path;  // in the corpus
  std::vector<GoldEntity> entities;
  std::vector<GoldFigure> figures;
  std::vector<GoldQuote> quotes;
  std::vector<GoldRole> roles;
};

struct GoldStory {
  std::string name;    // the folder (stories/) or event (news/)
  std::string folder;  // the corpus folder its files are in
  std::vector<GoldFile> files;
  Json crosscheck = Json::array();
};

// Every gold file under dir ("stories" and "news" subfolders), paired with the
// corpus at corpus_dir. Stories whose files are not in the corpus are left out.
std::vector<GoldStory> LoadGold(const std::string& gold_dir, const std::string& corpus_dir);

// Where the text at `at` of the raw file stands in the stored document text,
// or nullopt. The stored text lost markup and page furniture, so the place is
// found by the token at `at` and the words before it.
std::optional<int64_t> MapOffset(const std::string& raw, int64_t at, const std::string& stored);

// A store with one story's files imported, as `dossier import FOLDER-FILES`.
struct ImportedStory {
  std::unique_ptr<Store> store;
  std::map<std::string, std::string> document_of;  // gold file name -> document id
};
ImportedStory ImportStory(const GoldStory& story, const PluginHost& host, const std::string& db_path);

// A file's bytes.
std::string ReadRaw(const std::string& path);

// Whether a figure claim states `value` (its amount, or the top of its range)
// in a passage that covers the stored offset `at`.
bool StatesAt(const Claim& claim, int64_t at, double value);

// Whether a name matches one of the gold names (after NormalizeName).
bool NameMatches(const std::string& name, const std::vector<std::string>& gold);

}  // namespace dossier::gold
