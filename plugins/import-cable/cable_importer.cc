// The cable importer plugin: US diplomatic cables in every form they
// circulate in, sniffed from the first bytes of a file:
//   - a raw telegram (VZCZC routing lines or a bare classification line),
//   - a Cablegate website extract (the cable in <code><pre> with leftover links),
//   - a cables.csv file (id, date, reference id, origin, classification,
//     references, header, body), streamed one row at a time.
// Each cable becomes one document; the parsing lives in cable_parser.h, the
// facts in cable_batch.h.
#include <algorithm>
#include <filesystem>
#include <memory>

#include "cable_batch.h"
#include "cable_parser.h"
#include "csv_reader.h"
#include "dates.h"
#include "dossier/budget.h"
#include "dossier/plugin.h"
#include "dossier/text.h"
#include "html.h"
#include "preamble.h"
#include "refs.h"
#include "sniff.h"
#include "text_util.h"

namespace dossier::cable {
namespace {

// A single cable is never near this; a larger file is not one cable.
constexpr int64_t kMaxCableFile = 64 << 20;

// What a line of a cable may grow into while it is read: its place in the
// line list, a block, a paragraph with its properties and a note on its
// numbering (about what a file of "1." lines took each).
constexpr int64_t kLineBytes = 700;

// The memory reading the cable may take, counted before it is read: the
// text (held as read and as stored) and what each line may grow into. A
// file of a million short lines is refused here, before any of it is built
// (header lists are bounded by kMaxListItems).
Status CheckLines(std::string_view text, int64_t max_batch_bytes) {
  int64_t lines = 0;
  for (size_t at = 0, nl; at < text.size(); at = nl + 1) {
    nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    lines += !IsBlank(text.substr(at, nl - at));
  }
  MemoryBudget budget(max_batch_bytes, 2 * static_cast<int64_t>(text.size()));
  if (budget.Take(lines * kLineBytes)) return Status::OK();
  return budget.Refusal("the cable's " + std::to_string(lines) + " lines");
}

// Text as the store keeps it: decoded, LF line ends, page markup removed.
Result<std::string> StoredText(std::string_view bytes, std::vector<std::string>* notes, bool* was_html) {
  auto text = DecodeText(bytes, notes);
  if (!text.ok()) return text.status();
  *was_html = LooksLikeHtml(*text);
  if (!*was_html) return text;
  return StripHtml(*text);
}

// cables.csv columns, by position unless a header row names them.
struct Columns {
  int date = 1, reference_id = 2, origin = 3, classification = 4, references = 5, header = 6, body = 7;
  size_t needed() const { return static_cast<size_t>(std::max({date, reference_id, origin, classification, references, header, body}) + 1); }
};

bool ReadHeaderRow(const CsvRecord& row, Columns* columns) {
  Columns c;
  c.date = c.reference_id = c.origin = c.classification = c.references = c.header = c.body = -1;
  for (size_t i = 0; i < row.fields.size(); ++i) {
    const std::string key = Squeeze(row.fields[i]);
    const int at = static_cast<int>(i);
    if (key == "DATE" || key == "CREATED") c.date = at;
    else if (key == "REFERENCEID" || key == "REFID" || key == "REFERENCE") c.reference_id = at;
    else if (key == "ORIGIN") c.origin = at;
    else if (key == "CLASSIFICATION") c.classification = at;
    else if (key == "REFERENCES") c.references = at;
    else if (key == "HEADER") c.header = at;
    else if (key == "BODY") c.body = at;
  }
  if (c.reference_id < 0 || c.body < 0) return false;
  *columns = c;
  return true;
}

class CableImporter final : public Importer {
 public:
  std::string name() const override { return "cable"; }
  std::string description() const override {
    return "US diplomatic cables: raw telegrams, Cablegate page extracts and cables.csv files";
  }

  double Sniff(std::string_view head, std::string_view path) const override { return SniffCable(head); }

  Status Import(ImportInput& input, ImportSink& sink) override {
    if (LooksLikeCablesCsv(input.head())) return ImportCsv(input, sink);
    auto bytes = input.ReadAll(kMaxCableFile);
    if (!bytes.ok()) return bytes.status();
    std::vector<std::string> notes;
    bool html = false;
    auto text = StoredText(*bytes, &notes, &html);
    std::string().swap(*bytes);  // the stored text is all that is kept
    if (!text.ok()) return text.status();
    if (IsBlank(*text)) return Status::InvalidArgument("the file holds no text");
    if (Status st = CheckLines(*text, input.max_batch_bytes()); !st.ok()) return st;
    ParseHints hints;
    hints.form = html ? Form::kWebsite : Form::kTelegram;
    hints.file_name = input.path();
    const Cable cable = ParseCable(*text, hints);
    const std::string stem = std::filesystem::path(input.path()).stem().string();
    return sink.Emit(BuildBatch(cable, {std::move(text).value(), stem, std::move(notes)}));
  }

 private:
  Status ImportCsv(ImportInput& input, ImportSink& sink) {
    std::istream& in = input.stream();
    if (!in) return Status::IOError("cannot read the file");
    CsvReader reader(in);
    Columns columns;
    CsvRecord row;
    bool first = true;
    while (reader.Next(&row)) {
      const std::string where = "row " + std::to_string(row.number) + " (line " + std::to_string(row.line) + ")";
      if (first) {
        first = false;
        if (ReadHeaderRow(row, &columns)) continue;
      }
      if (!row.error.empty()) {
        sink.Warn(where + ": " + row.error);
        continue;
      }
      if (row.fields.size() < columns.needed()) {
        sink.Warn(where + ": " + std::to_string(row.fields.size()) + " columns, expected " + std::to_string(columns.needed()));
        continue;
      }
      if (!row.warning.empty()) sink.Warn(where + ": " + row.warning);
      auto field = [&](int i) -> const std::string& {
        static const std::string kNone;
        return i >= 0 ? row.fields[static_cast<size_t>(i)] : kNone;
      };
      std::string raw = std::string(TrimRightOf(field(columns.header), ""));
      if (!raw.empty()) raw += "\n";
      raw += field(columns.body);
      std::vector<std::string> notes;
      bool html = false;
      auto text = StoredText(raw, &notes, &html);
      if (!text.ok()) {
        sink.Warn(where + ": " + text.status().message());
        continue;
      }
      if (IsBlank(*text)) {
        sink.Warn(where + ": the row holds no cable text");
        continue;
      }
      if (Status st = CheckLines(*text, input.max_batch_bytes()); !st.ok()) {
        sink.Warn(where + ": " + st.message());
        continue;
      }
      ParseHints hints;
      hints.form = Form::kCsv;
      hints.reference_id = std::string(TrimView(field(columns.reference_id)));
      hints.date = ParseContainerDate(TrimView(field(columns.date)));
      hints.origin = CollapseSpaces(field(columns.origin));
      hints.classification = CollapseSpaces(field(columns.classification));
      hints.references = SplitReferenceIds(field(columns.references));
      const Cable cable = ParseCable(*text, hints);
      const std::string fallback = hints.reference_id.empty() ? "row-" + std::to_string(row.number) : hints.reference_id;
      // A row the store refuses is reported by the sink; the next row goes on.
      sink.Emit(BuildBatch(cable, {std::move(text).value(), fallback, std::move(notes)}));
    }
    return Status::OK();
  }
};

void Register(Registrar& r) { r.AddImporter(std::make_unique<CableImporter>()); }

}  // namespace
}  // namespace dossier::cable

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "import-cable", "1.0.0", &dossier::cable::Register};
}
