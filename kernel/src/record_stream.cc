// A store as a stream of interchange records (dossier/record.h,
// ForEachRecord): what the jsonl exporter writes and `dossier copy` moves.
#include <algorithm>

#include "dossier/record.h"

namespace dossier {

int64_t ApproximateRecordCount(StoreView& store) {
  auto s = store.GetStats();
  if (!s.ok()) return 0;
  return s->persons + s->organizations + s->places + s->documents + s->cited_only + s->merged + s->mentions +
         s->claims + s->judgements + s->findings + s->audit_entries;
}

Status ForEachRecord(StoreView& store, const std::vector<EntityType>& types,
                     const std::function<bool(const Json&)>& each) {
  auto wanted = [&](EntityType t) { return types.empty() || std::find(types.begin(), types.end(), t) != types.end(); };
  // `each` said stop: the stream ends there, and that is no error.
  bool stopped = false;
  auto give = [&](const Json& j) {
    if (!each(j)) stopped = true;
    return !stopped;
  };
  if (!give(InterchangeHeader())) return Status::OK();
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace}) {
    if (!wanted(t)) continue;
    EntityFilter f;
    f.type = t;
    f.include_absorbed = true;
    if (Status st = store.ForEachEntity(f, [&](const Entity& e) { return give(EntityRecord(e)); }); !st.ok()) return st;
    if (stopped) return Status::OK();
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
      return give(j);
    });
    if (!st.ok()) return st;
    if (!inner.ok()) return inner;
    if (stopped) return Status::OK();
  }
  // Mentions hang off documents and entities; without either they cannot stand.
  if (types.empty()) {
    if (Status st = store.ForEachMention([&](const Mention& m) { return give(MentionRecord(m)); }); !st.ok()) return st;
    if (stopped) return Status::OK();
  }
  if (wanted(EntityType::kClaim)) {
    if (Status st = store.ForEachClaim({}, [&](const Claim& c) { return give(ClaimRecord(c)); }); !st.ok()) return st;
    if (stopped) return Status::OK();
  }
  if (!types.empty()) return Status::OK();
  if (Status st = store.ForEachJudgement([&](const Judgement& j) { return give(JudgementRecord(j)); }); !st.ok()) {
    return st;
  }
  if (stopped) return Status::OK();
  if (Status st = store.ForEachFinding([&](const Finding& f) { return give(FindingRecord(f)); }); !st.ok()) return st;
  if (stopped) return Status::OK();
  if (Status st = store.ForEachStory(true, [&](const Story& s) { return give(StoryRecord(s)); }); !st.ok()) return st;
  if (stopped) return Status::OK();
  if (Status st = store.ForEachSource([&](const SourceFile& f) { return give(SourceRecord(f)); }); !st.ok()) return st;
  if (stopped) return Status::OK();
  return store.ForEachAudit([&](const AuditEntry& a) { return give(AuditRecord(a)); });
}

}  // namespace dossier
