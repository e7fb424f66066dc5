// The plain-text importer: the fallback for any readable text file. One
// document, no metadata: the title is the first line, paragraphs are the
// blocks between blank lines.
#include <filesystem>

#include "dossier/budget.h"
#include "dossier/plugin.h"
#include "dossier/text.h"

namespace dossier::plugins {
namespace {

constexpr int64_t kMaxBytes = 256 << 20;

// What a paragraph takes in memory: its offsets and its (empty) properties
// object, as the pipeline's estimate counts it.
constexpr int64_t kParagraphBytes = sizeof(Paragraph) + 96;

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t\f\v") == std::string_view::npos; }

// Blocks of text between blank lines, trimmed of surrounding whitespace;
// false once they would take more than the budget (a file of a million
// one-line paragraphs is refused as they are counted, not after).
bool Paragraphs(const std::string& text, MemoryBudget& budget, std::vector<Paragraph>* out) {
  size_t pos = 0;
  int64_t start = -1, end = -1;
  auto flush = [&] {
    if (start >= 0 && budget.Take(kParagraphBytes)) out->push_back({start, end, Json::object()});
    start = end = -1;
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    if (IsBlank(line)) {
      flush();
      if (budget.over()) return false;
    } else {
      const size_t first = line.find_first_not_of(" \t");
      const size_t last = line.find_last_not_of(" \t");
      if (start < 0) start = static_cast<int64_t>(pos + first);
      end = static_cast<int64_t>(pos + last + 1);
    }
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  flush();
  return !budget.over();
}

class TextImporter final : public Importer {
 public:
  std::string name() const override { return "text"; }
  std::string description() const override {
    return "plain text: one document titled by its first line, paragraphs split on blank lines";
  }

  // Low confidence on purpose: any format-specific importer should win.
  double Sniff(std::string_view head, std::string_view path) const override {
    if (head.empty() || head.find('\0') != std::string_view::npos) return 0;
    size_t control = 0;
    for (char c : head) {
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    if (control * 100 > head.size()) return 0;  // more than 1% control bytes: not text
    return 0.1;
  }

  Status Import(ImportInput& input, ImportSink& sink) override {
    auto bytes = input.ReadAll(kMaxBytes);
    if (!bytes.ok()) return bytes.status();
    std::vector<std::string> notes;
    auto text = DecodeText(*bytes, &notes);
    std::string().swap(*bytes);  // the decoded text is all that is kept
    if (!text.ok()) return text.status();
    if (IsBlank(*text) || text->find_first_not_of(" \t\n\f\v") == std::string::npos) {
      return Status::InvalidArgument("the file holds no text");
    }
    DocumentBatch batch;
    Document& d = batch.document;
    d.text = std::move(text).value();
    d.kind = "text";
    MemoryBudget budget(input.max_batch_bytes(), static_cast<int64_t>(d.text.size()));
    if (!Paragraphs(d.text, budget, &d.paragraphs)) return budget.Refusal("the document with its paragraphs");
    const Paragraph& first = d.paragraphs.front();
    std::string title = d.text.substr(static_cast<size_t>(first.start), static_cast<size_t>(first.end - first.start));
    if (const size_t nl = title.find('\n'); nl != std::string::npos) title.resize(nl);
    if (title.size() > 200) {
      title.resize(Utf8Floor(title, 200));
      title += "…";
    }
    const std::string stem = std::filesystem::path(input.path()).stem().string();
    d.title = NormalizeName(title).empty() ? stem : title;
    d.id = "doc:" + Slugify(stem);
    if (!notes.empty()) d.properties["notes"] = notes;
    return sink.Emit(std::move(batch));
  }
};

void Register(Registrar& r) { r.AddImporter(std::make_unique<TextImporter>()); }

}  // namespace
}  // namespace dossier::plugins

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "import-text", "1.0.0", &dossier::plugins::Register};
}
