#include "dossier/record.h"

namespace dossier {
namespace {

void PutIf(Json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

}  // namespace

Json AliasJson(const Alias& a) {
  if (a.seen.empty() && a.seen.start < 0) return a.name;
  Json j = {{"name", a.name}};
  PutIf(j, "document", a.seen.document);
  if (a.seen.start >= 0) j["start"] = a.seen.start;
  if (a.seen.end >= 0) j["end"] = a.seen.end;
  PutIf(j, "quote", a.seen.quote);
  PutIf(j, "note", a.seen.note);
  return j;
}

Json EntityRecord(const Entity& e) {
  Json j = {{"id", e.id}, {"type", std::string(TypeName(e.type))}, {"name", e.name}};
  Json aliases = Json::array();
  for (const auto& a : e.aliases) aliases.push_back(AliasJson(a));
  j["aliases"] = std::move(aliases);
  j["properties"] = e.properties.is_object() ? e.properties : Json::object();
  PutIf(j, "merged_into", e.merged_into);
  PutIf(j, "created_at", e.created_at);
  PutIf(j, "updated_at", e.updated_at);
  return j;
}

Json DocumentRecord(const Document& d, bool with_text) {
  Json p = d.properties.is_object() ? d.properties : Json::object();
  p["kind"] = d.kind;
  if (!d.source.empty()) p["source"] = d.source;
  if (!d.sha256.empty()) p["sha256"] = d.sha256;
  if (!d.paragraphs.empty()) {
    Json paras = Json::array();
    for (const auto& para : d.paragraphs) {
      Json pj = {{"start", para.start}, {"end", para.end}};
      if (para.properties.is_object()) {
        for (auto it = para.properties.begin(); it != para.properties.end(); ++it) pj[it.key()] = it.value();
      }
      paras.push_back(std::move(pj));
    }
    p["paragraphs"] = std::move(paras);
  }
  Json j = {{"id", d.id}, {"type", "document"}, {"name", d.title}, {"properties", std::move(p)}};
  if (with_text) j["text"] = d.text;
  PutIf(j, "created_at", d.created_at);
  PutIf(j, "updated_at", d.updated_at);
  return j;
}

Json MentionRecord(const Mention& m) {
  Json j = {{"id", m.id}, {"type", "mention"}};
  PutIf(j, "entity", m.entity);
  j["entity_type"] = std::string(TypeName(m.type));
  j["document"] = m.document;
  j["start"] = m.start;
  j["end"] = m.end;
  j["text"] = m.text;
  PutIf(j, "extractor", m.extractor);
  j["confidence"] = m.confidence;
  return j;
}

Json ClaimRecord(const Claim& c) {
  Json j = {{"id", c.id}, {"type", "claim"}, {"subject", c.subject}, {"predicate", c.predicate}};
  PutIf(j, "object", c.object);
  if (!c.value.is_null()) j["value"] = c.value;
  PutIf(j, "time", c.time);
  PutIf(j, "document", c.source.document);
  if (c.source.start >= 0) j["start"] = c.source.start;
  if (c.source.end >= 0) j["end"] = c.source.end;
  PutIf(j, "quote", c.source.quote);
  PutIf(j, "source_note", c.source.note);
  PutIf(j, "attributed_to", c.attributed_to);
  PutIf(j, "kind", c.kind);
  PutIf(j, "extractor", c.extractor);
  j["confidence"] = c.confidence;
  j["status"] = std::string(StatusName(c.status));
  PutIf(j, "status_reason", c.status_reason);
  if (c.properties.is_object() && !c.properties.empty()) j["properties"] = c.properties;
  PutIf(j, "created_at", c.created_at);
  PutIf(j, "updated_at", c.updated_at);
  return j;
}

Json JudgementRecord(const Judgement& jd) {
  Json j = {{"id", jd.id}, {"type", "judgement"}, {"a", jd.a}, {"b", jd.b},
            {"verdict", std::string(VerdictName(jd.verdict))}};
  PutIf(j, "reason", jd.reason);
  PutIf(j, "by", jd.by);
  PutIf(j, "at", jd.at);
  return j;
}

Json FindingRecord(const Finding& f) {
  Json j = {{"id", f.id},
            {"type", "finding"},
            {"checker", f.checker},
            {"code", f.code},
            {"severity", std::string(SeverityName(f.severity))},
            {"refs", f.refs},
            {"message", f.message},
            {"status", std::string(FindingStatusName(f.status))}};
  if (f.evidence.is_object() && !f.evidence.empty()) j["evidence"] = f.evidence;
  PutIf(j, "fingerprint", f.fingerprint);
  PutIf(j, "status_reason", f.status_reason);
  PutIf(j, "created_at", f.created_at);
  PutIf(j, "updated_at", f.updated_at);
  return j;
}

Json InterchangeHeader() {
  return {{"id", "header"}, {"type", "header"}, {"format", "dossier-jsonl"}, {"version", kInterchangeVersion}};
}

Json SourceRecord(const SourceFile& f) {
  return {{"id", "source:" + f.sha256}, {"type", "source"},     {"sha256", f.sha256},
          {"path", f.path},              {"importer", f.importer}, {"size", f.size},
          {"imported_at", f.imported_at}, {"documents", f.documents}};
}

Json StoryRecord(const Story& st) {
  Json members = Json::array();
  for (const auto& m : st.members) {
    Json j = {{"document", m.document}, {"by", m.by}};
    if (m.excluded) j["excluded"] = true;
    if (!m.reason.empty()) j["reason"] = m.reason;
    members.push_back(std::move(j));
  }
  Json j = {{"id", st.id},           {"type", "story"},     {"name", st.title},
            {"members", members},    {"outlets", st.outlets}, {"properties", st.properties.is_object() ? st.properties : Json::object()},
            {"created_at", st.created_at}, {"updated_at", st.updated_at}};
  PutIf(j, "first_date", st.first_date);
  PutIf(j, "last_date", st.last_date);
  PutIf(j, "merged_into", st.merged_into);
  return j;
}

Json AuditRecord(const AuditEntry& a) {
  return {{"id", "audit:" + std::to_string(a.seq)},
          {"type", "audit"},
          {"seq", a.seq},
          {"at", a.at},
          {"actor", a.actor},
          {"action", a.action},
          {"target", a.target},
          {"detail", a.detail.is_object() ? a.detail : Json::object()}};
}

}  // namespace dossier
