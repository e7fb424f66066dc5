// An example dossier plugin: imports office memos.
//
//   MEMO
//   FROM: Alice Marsh
//   TO: Bob Kestrel, Carla Mendes
//   DATE: 2024-03-01
//   SUBJECT: Budget for the Lisbon office
//
//   The body, in paragraphs separated by blank lines.
//
// Each memo becomes a document of kind "memo" titled by its subject, with the
// sender and recipients as people and "sent_by" / "sent_to" claims.
#include <memory>
#include <sstream>
#include <string>

#include "dossier/plugin.h"
#include "dossier/text.h"

namespace {

using namespace dossier;

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

class MemoImporter final : public Importer {
 public:
  std::string name() const override { return "memo"; }
  std::string description() const override { return "office memos: MEMO, then FROM/TO/DATE/SUBJECT lines"; }

  double Sniff(std::string_view head, std::string_view path) const override {
    return head.substr(0, 5) == "MEMO\n" ? 0.9 : 0.0;
  }

  Status Import(ImportInput& input, ImportSink& sink) override {
    auto bytes = input.ReadAll(16 << 20);
    if (!bytes.ok()) return bytes.status();
    auto text = DecodeText(*bytes);  // the SDK's text toolkit: UTF-8, LF line ends
    if (!text.ok()) return text.status();

    DocumentBatch batch;
    Document& doc = batch.document;
    doc.kind = "memo";
    doc.text = *text;
    std::istringstream lines(doc.text);
    std::string line, from;
    std::vector<std::string> to;
    size_t offset = 0;
    while (std::getline(lines, line)) {
      offset += line.size() + 1;
      if (line.empty()) {
        // The header ends at the first blank line; the rest is the body.
        doc.paragraphs.push_back({static_cast<int64_t>(offset), static_cast<int64_t>(doc.text.size()), {}});
        break;
      }
      const size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      const std::string key = line.substr(0, colon), value = Trim(line.substr(colon + 1));
      if (key == "SUBJECT") doc.title = value;
      if (key == "DATE") doc.properties["published"] = value;
      if (key == "FROM") from = value;
      if (key == "TO") {
        std::istringstream names(value);
        for (std::string n; std::getline(names, n, ',');) to.push_back(Trim(n));
      }
    }
    if (doc.title.empty()) return Status::InvalidArgument("the memo has no SUBJECT line");
    doc.id = "doc:memo-" + Slugify(doc.title);

    if (!from.empty()) {
      ProposedClaim sent_by;
      sent_by.subject = kThisDocument;
      sent_by.predicate = "sent_by";
      sent_by.object = batch.Entity(EntityType::kPerson, from);
      const size_t at = doc.text.find(from);
      sent_by.start = static_cast<int64_t>(at);
      sent_by.end = static_cast<int64_t>(at + from.size());
      batch.mentions.push_back({sent_by.object, EntityType::kPerson, sent_by.start, sent_by.end, 1.0, ""});
      batch.claims.push_back(sent_by);
    }
    for (const auto& name : to) {
      ProposedClaim sent_to;
      sent_to.subject = kThisDocument;
      sent_to.predicate = "sent_to";
      sent_to.object = batch.Entity(EntityType::kPerson, name);
      batch.claims.push_back(sent_to);
    }
    return sink.Emit(std::move(batch));
  }
};

void Register(Registrar& registrar) { registrar.AddImporter(std::make_unique<MemoImporter>()); }

}  // namespace

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "memo", "0.1.0", &Register};
}
