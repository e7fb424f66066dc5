// Fuzz target: the news readers (plain text, wiki markup, HTML, JSON), cleaning
// and metadata, then the extractors over what they produce.
// The first byte picks the reader (its value modulo 4). From 0xFC up it also
// selects deep mode (deep_input.h), which nests the payload in that reader's
// structures: one paragraph as long as asked (plain text), nested templates,
// links and headings (wiki), nested elements and JSON-LD (HTML), nested
// arrays and objects (JSON).
#include <cstddef>
#include <cstdint>
#include <string>

#include "article.h"
#include "deep_input.h"
#include "dossier/text.h"
#include "figures.h"
#include "fuzz_check.h"
#include "quotes.h"
#include "recognizer.h"

namespace {

using dossier::fuzz::Deep;
using dossier::fuzz::Nest;
using dossier::fuzz::Repeat;

std::string DeepText(const Deep& d) {
  // One block as long as asked: the readers hand blocks to std::regex.
  if (d.pattern % 2 == 0) return "Harbour vote\n\n" + Repeat(d.payload.empty() ? "a" : d.payload, d.levels);
  return "(" + Repeat("Ada Brook and ", d.levels) + std::string(d.payload) + " contributed to this report.)\n";
}

std::string DeepWiki(const Deep& d) {
  switch (d.pattern % 4) {
    case 0: return Nest("{{w|", "}}", d.levels, d.payload);
    case 1: return Nest("[[", "]]", d.levels, d.payload);
    case 2: return "{{date|March 3, 2011}}\n" + Nest("{{", "|x}}", d.levels, d.payload);
    default: return "== " + Repeat(d.payload.empty() ? "=" : d.payload, d.levels) + " ==\n\nText.\n";
  }
}

std::string DeepHtml(const Deep& d) {
  static const std::pair<const char*, const char*> kPatterns[] = {
      {"<div>", "</div>"}, {"<b><i>", "</i></b>"}, {"<table><tr><td>", "</td></tr></table>"},
      {"<ul><li>", "</li></ul>"}, {"<p><span>", "</span></p>"}};
  if (d.pattern % 6 == 5) {
    return "<html><head><script type=\"application/ld+json\">" + Nest("{\"@graph\":[", "]}", d.levels, "{}") +
           "</script></head><body><article><p>" + std::string(d.payload) + "</p></article></body></html>";
  }
  const auto& [open, close] = kPatterns[d.pattern % 6];
  return "<html><body><article>" + Nest(open, close, d.levels, d.payload) + "</article></body></html>";
}

std::string DeepJson(const Deep& d) {
  switch (d.pattern % 3) {
    case 0: return Nest("[", "]", d.levels, "{\"text\":\"" + std::string(d.payload) + "\"}");
    case 1: return Nest("{\"text\":\"x\",\"a\":", "}", d.levels, d.payload.empty() ? "0" : d.payload);
    default:  // JSON Lines: a deep line between two good ones
      return "{\"text\":\"A.\"}\n" + Nest("[", "]", d.levels, "1") + "\n{\"text\":\"" + std::string(d.payload) +
             "\"}\n";
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] >= 0xFC) {
    auto deep = dossier::fuzz::ReadDeep(data + 1, size - 1);
    if (!deep) return 0;
    switch (data[0] % 4) {
      case 0: bytes = DeepText(*deep); break;
      case 1: bytes = DeepWiki(*deep); break;
      case 2: bytes = DeepHtml(*deep); break;
      case 3: bytes = DeepJson(*deep); break;
    }
  }
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
      FUZZ_CHECK(q.speaker >= -1 && q.speaker < static_cast<int>(r.entities.size()));  // -1: no speaker
    }
    for (const auto& f : dossier::ner::FindFigures(text, r, paragraphs, "2020")) {
      FUZZ_CHECK(f.start <= f.end && f.end <= static_cast<int64_t>(text.size()));
      FUZZ_CHECK(f.subject >= -1 && f.subject < static_cast<int>(r.entities.size()));  // -1: the document
      FUZZ_CHECK(!f.predicate.empty());
    }
  }
  return 0;
}
