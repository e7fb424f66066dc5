// Extraction speed: MB/s of text through the English extractors (entities,
// quotes, figures), against tokenizing the same text in the same process.
//
//   extract_bench [FILE_OR_FOLDER...]   (default: ../shared/corpus news and seeds,
//                                        or a generated text when that is absent)
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/tokens.h"
#include "figures.h"
#include "quotes.h"
#include "roles.h"
#include "recognizer.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::string> Load(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(p, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } else if (fs::is_regular_file(p, ec)) {
      files.emplace_back(p);
    }
    for (const auto& f : files) {
      std::ifstream in(f);
      std::stringstream s;
      s << in.rdbuf();
      out.push_back(s.str());
    }
  }
  return out;
}

std::string Generated() {
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += "MARLOW, Oregon — Harbour Commissioner Nadia Okonkwo said on Monday that the Marlow Harbour Board "
            "(MHB) would spend nearly $12 million on dredging. “We will open the port by spring,” Okonkwo said. "
            "Ferry traffic to Portland and Seattle rose 8 percent, and some 3,000 people work at the port.\n\n";
  }
  return text;
}

std::vector<dossier::Span> Paragraphs(const std::string& text) {
  std::vector<dossier::Span> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    if (nl > pos) out.push_back({static_cast<int64_t>(pos), static_cast<int64_t>(nl)});
    pos = nl + 1;
  }
  return out;
}

double Seconds(const std::function<void()>& f, int reps) {
  const auto t0 = Clock::now();
  for (int i = 0; i < reps; ++i) f();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  if (paths.empty()) {
    const std::string corpus = std::string(DOSSIER_SOURCE_DIR) + "/../shared/corpus";
    if (fs::is_directory(corpus)) paths = {corpus + "/news", corpus + "/seeds"};
  }
  std::vector<std::string> texts = Load(paths);
  const bool generated = texts.empty();
  if (generated) texts = {Generated()};
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  dossier::ner::Recognize("warm up the gazetteer");  // loaded once per process; not measured

  const int reps = std::max(1, static_cast<int>(20'000'000 / std::max<size_t>(bytes, 1)));
  size_t entities = 0, quotes = 0, figures = 0;
  const double extract = Seconds([&] {
    for (const auto& t : texts) {
      const auto paras = Paragraphs(t);
      const auto r = dossier::ner::Recognize(t, paras);
      entities += r.entities.size();
      quotes += dossier::ner::FindQuotes(t, r, paras).size();
      figures += dossier::ner::FindFigures(t, r, paras, "").size();
    }
  }, reps);
  // Roles (a later extractor) on the same recognitions, apart, so that the
  // line above stays comparable with earlier runs.
  std::vector<dossier::ner::Recognition> recognized;
  std::vector<std::vector<dossier::Span>> paragraphs;
  for (const auto& t : texts) {
    paragraphs.push_back(Paragraphs(t));
    recognized.push_back(dossier::ner::Recognize(t, paragraphs.back()));
  }
  size_t roles = 0;
  const double find_roles = Seconds([&] {
    for (size_t i = 0; i < texts.size(); ++i) roles += dossier::ner::FindRoles(texts[i], recognized[i], paragraphs[i]).size();
  }, reps);
  size_t tokens = 0;
  const double tokenize = Seconds([&] {
    for (const auto& t : texts) tokens += dossier::Tokenize(t).size();
  }, reps);
  const double mb = static_cast<double>(bytes) * reps / 1e6;
  std::printf("extract_bench: %zu documents, %.1f KB (%s), %d passes\n", texts.size(), bytes / 1e3,
              generated ? "generated text" : "corpus", reps);
  std::printf("  extractors (entities, quotes, figures): %8.2f MB/s\n", mb / extract);
  std::printf("  and roles (same recognitions)          : %8.2f MB/s (%.1f%% more time)\n", mb / (extract + find_roles),
              100.0 * find_roles / extract);
  std::printf("  baseline: tokenizing only            : %8.2f MB/s\n", mb / tokenize);
  std::printf("  ratio extractors / tokenizing         : %8.1fx slower\n", extract / tokenize);
  std::printf("  per pass: %zu entities, %zu quotes, %zu figures, %zu roles\n", entities / reps, quotes / reps, figures / reps,
              roles / reps);
  return 0;
}
