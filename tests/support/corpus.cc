#include "corpus.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace dossier::testing {

std::string CorpusDir() { return DOSSIER_CORPUS_DIR; }

void SkipWithoutCorpus() {
  std::error_code ec;
  if (std::filesystem::is_directory(CorpusDir(), ec)) return;
  std::fprintf(stderr, "skipped: the corpus is not at %s (a clone without ../shared)\n", CorpusDir().c_str());
  std::exit(77);
}

}  // namespace dossier::testing
