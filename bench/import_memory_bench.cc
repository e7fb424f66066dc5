// Peak memory of `dossier import`: runs the real binary (every plugin and
// extractor, as a user runs it) on a folder, by default the 1,044-cable
// Cablegate sample in ../shared/corpus/cablegate-sample, into a fresh store,
// and prints the child's peak resident set (getrusage via wait4), its wall
// time and what it printed. The target for the sample is under 300 MB.
//
//   import_memory_bench [--corpus DIR] [-- IMPORT_OPTION...]
//
// Options after "--" go to `dossier import` (e.g. --max-batch-mb 16).
// Figures only; nothing is asserted.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "measure.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  std::string corpus = std::string(DOSSIER_CORPUS_DIR) + "/cablegate-sample";
  std::vector<std::string> extra;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--corpus" && i + 1 < argc) {
      corpus = argv[++i];
    } else if (a == "--") {
      extra.assign(argv + i + 1, argv + argc);
      break;
    } else {
      std::fprintf(stderr, "usage: import_memory_bench [--corpus DIR] [-- IMPORT_OPTION...]\n");
      return 2;
    }
  }
  if (!fs::is_directory(corpus)) {
    std::fprintf(stderr, "import_memory_bench: no folder %s (the corpus is not here); nothing measured\n", corpus.c_str());
    return 0;
  }
  char dir_template[] = "/tmp/dossier-membench-XXXXXX";
  if (!mkdtemp(dir_template)) {
    std::perror("mkdtemp");
    return 1;
  }
  const std::string dir = dir_template;
  const std::string db = dir + "/store.db", out = dir + "/import.out";
  std::vector<std::string> args = {DOSSIER_BINARY, "--db", db, "import", corpus};
  args.insert(args.end(), extra.begin(), extra.end());
  const dossier::bench::ChildRun run = dossier::bench::RunChild(args, out);
  std::printf("dossier import %s\n", corpus.c_str());
  std::printf("  exit status       %d\n", run.status);
  std::printf("  peak RSS          %.1f MB (target < 300 MB)\n", run.peak_mib);
  std::printf("  wall time         %.2f s\n", run.seconds);
  std::printf("  store size        %.1f MB\n", fs::exists(db) ? fs::file_size(db) / 1048576.0 : 0.0);
  std::printf("  it printed:\n");
  std::fflush(stdout);
  std::string cmd = "tail -3 '" + out + "' | sed 's/^/    /'";
  if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "cannot show %s\n", out.c_str());
  fs::remove_all(dir);
  return 0;
}
