// Fuzz target: the news readers (plain text, wiki markup, HTML, JSON), cleaning
// and metadata, then the extractors over what they produce.
#include <cstddef>
#include <cstdint>
#include <string>

#include "article.h"
#include "dossier/text.h"
#include "figures.h"
#include "fuzz_check.h"
#include "quotes.h"
#include "recognizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  auto decoded = dossier::DecodeText(bytes);
  if (!decoded.ok()) return 0;
  std::vector<dossier::news::Article> articles;
  std::string error;
  switch (data[0] % 4) {  // the first byte picks the reader
    case 0: articles = dossier::news::ReadPlainText(*decoded); break;
    case 1: articles = dossier::news::ReadWikiMarkup(*decoded); break;
    case 2: articles = dossier::news::ReadHtml(*decoded); break;
    case 3: articles = dossier::news::ReadJson(*decoded, &error); break;
  }
  for (auto& a : articles) {
    dossier::news::Clean(a);
    dossier::news::FindMetadata(a);
    std::string text;
    std::vector<dossier::Span> paragraphs;
    for (const auto& b : a.blocks) {
      FUZZ_CHECK(dossier::IsValidUtf8(b.text));
      if (!text.empty()) text += "\n\n";
      paragraphs.push_back({static_cast<int64_t>(text.size()), static_cast<int64_t>(text.size() + b.text.size())});
      text += b.text;
    }
    const auto r = dossier::ner::Recognize(text, paragraphs);
    for (const auto& m : r.mentions) {
      FUZZ_CHECK(m.start >= 0 && m.start < m.end && m.end <= static_cast<int64_t>(text.size()));
      FUZZ_CHECK(m.entity < static_cast<int>(r.entities.size()));
    }
    for (const auto& q : dossier::ner::FindQuotes(text, r, paragraphs)) {
      FUZZ_CHECK(q.start <= q.end && q.end <= static_cast<int64_t>(text.size()));
      FUZZ_CHECK(q.speaker >= 0 && q.speaker < static_cast<int>(r.entities.size()));
    }
    for (const auto& f : dossier::ner::FindFigures(text, r, paragraphs, "2020")) {
      FUZZ_CHECK(f.start <= f.end && f.end <= static_cast<int64_t>(text.size()));
      FUZZ_CHECK(f.subject >= 0 && f.subject < static_cast<int>(r.entities.size()));
      FUZZ_CHECK(!f.predicate.empty());
    }
  }
  return 0;
}
