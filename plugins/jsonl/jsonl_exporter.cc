// The jsonl exporter: the whole store (or some types of it) as interchange
// records, one per line, in a stable order, streamed.
#include <algorithm>

#include "dossier/plugin.h"
#include "dossier/record.h"
#include "jsonl.h"

namespace dossier::plugins {
namespace {

class JsonlExporter final : public Exporter {
 public:
  std::string name() const override { return "jsonl"; }
  std::string description() const override {
    return "dossier interchange records (import them into an empty store to reproduce this one)";
  }
  std::string default_output() const override { return "dossier.jsonl"; }
  bool OwnsOutput(std::string_view head) const override { return IsInterchangeHead(head); }

  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    if (!selection.about.empty()) return Status::InvalidArgument("the jsonl exporter writes whole types; drop --about");
    std::ostream& out = target.stream();
    auto wanted = [&](EntityType t) {
      return selection.types.empty() || std::find(selection.types.begin(), selection.types.end(), t) != selection.types.end();
    };
    // About how many records there are, for the progress line: the rows
    // the store counts (stories, sources and the audit log come on top).
    int64_t total = 0, done = 0;
    if (auto s = store.GetStats(); s.ok()) {
      total = s->persons + s->organizations + s->places + s->documents + s->cited_only + s->merged + s->mentions +
              s->claims + s->judgements + s->findings + s->audit_entries;
    }
    auto write = [&](const Json& j) {
      out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
      if ((++done & 1023) == 0) target.Progress(done, std::max(done, total));
      return static_cast<bool>(out);
    };
    if (!write(InterchangeHeader())) return Status::IOError("cannot write the export");
    for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace}) {
      if (!wanted(t)) continue;
      EntityFilter f;
      f.type = t;
      f.include_absorbed = true;
      if (Status st = store.ForEachEntity(f, [&](const Entity& e) { return write(EntityRecord(e)); }); !st.ok()) return st;
    }
    if (wanted(EntityType::kDocument)) {
      EntityFilter f;
      f.type = EntityType::kDocument;
      f.include_absorbed = true;
      Status inner;
      Status st = store.ForEachEntity(f, [&](const Entity& e) {
        auto d = store.GetDocument(e.id);
        if (!d.ok()) {
          inner = d.status();
          return false;
        }
        Json j = DocumentRecord(*d);
        const Json as_entity = EntityRecord(e);
        j["aliases"] = as_entity["aliases"];
        if (as_entity.contains("merged_into")) j["merged_into"] = as_entity["merged_into"];
        return write(j);
      });
      if (!st.ok()) return st;
      if (!inner.ok()) return inner;
    }
    // Mentions hang off documents and entities; without either they cannot stand.
    if (selection.types.empty()) {
      if (Status st = store.ForEachMention([&](const Mention& m) { return write(MentionRecord(m)); }); !st.ok()) return st;
    }
    if (wanted(EntityType::kClaim)) {
      if (Status st = store.ForEachClaim({}, [&](const Claim& c) { return write(ClaimRecord(c)); }); !st.ok()) return st;
    }
    if (selection.types.empty()) {
      if (Status st = store.ForEachJudgement([&](const Judgement& j) { return write(JudgementRecord(j)); }); !st.ok()) {
        return st;
      }
      if (Status st = store.ForEachFinding([&](const Finding& f) { return write(FindingRecord(f)); }); !st.ok()) return st;
      if (Status st = store.ForEachStory(true, [&](const Story& s) { return write(StoryRecord(s)); }); !st.ok()) return st;
      if (Status st = store.ForEachSource([&](const SourceFile& f) { return write(SourceRecord(f)); }); !st.ok()) return st;
      // The audit log last: a restore appends it after the records it tells of.
      if (Status st = store.ForEachAudit([&](const AuditEntry& a) { return write(AuditRecord(a)); }); !st.ok()) return st;
    }
    if (!out) return Status::IOError("cannot write the export");
    return Status::OK();
  }
};

}  // namespace

std::unique_ptr<Exporter> MakeJsonlExporter() { return std::make_unique<JsonlExporter>(); }

}  // namespace dossier::plugins
