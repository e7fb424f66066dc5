// Turning a parsed cable into a DocumentBatch (see cable_batch.h).
#include "cable_batch.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "dossier/text.h"
#include "orgs.h"
#include "tables.h"
#include "text_util.h"

namespace dossier::cable {
namespace {

const char* FormName(Form form) {
  switch (form) {
    case Form::kTelegram: return "telegram";
    case Form::kWebsite: return "website";
    case Form::kCsv: return "csv";
  }
  return "telegram";
}

Json Addressees(const std::vector<Address>& list) {
  Json out = Json::array();
  for (const Address& a : list) {
    if (a.name.empty()) continue;
    Json j = {{"name", a.name}};
    if (!a.routing.empty()) j["routing"] = a.routing;
    if (!a.precedence.empty()) j["precedence"] = a.precedence;
    if (!a.serial.empty()) j["serial"] = a.serial;
    if (!a.office.empty()) j["office"] = a.office;
    out.push_back(std::move(j));
  }
  return out;
}

class Builder {
 public:
  Builder(const Cable& cable, DocumentBatch& batch) : cable_(cable), batch_(batch), keys_(batch) {
    const std::string& d = cable.published;
    if (d.size() >= 10) date_ = d.substr(0, 10);
  }

  // The proposed entity of this type and name (one per batch), with what is
  // known about it filled in where it has no value yet. (By hash: a header
  // of many addressees made a scan per name quadratic.)
  ProposedEntity& Entity(EntityType type, const std::string& name) {
    return *keys_.Find(keys_.Entity(type, name));
  }

  // Adds alias to e's aliases unless it has it already.
  void AddAlias(ProposedEntity& e, const std::string& alias) {
    if (aliases_.insert({e.key, alias}).second) e.aliases.push_back(alias);
  }

  std::string Organization(const OrgRef& org, const std::string& as_written, const std::string& routing) {
    ProposedEntity& e = Entity(EntityType::kOrganization, org.name);
    if (!org.kind.empty() && !e.properties.contains("kind")) e.properties["kind"] = org.kind;
    if (!routing.empty() && !e.properties.contains("routing_indicator")) e.properties["routing_indicator"] = routing;
    if (!org.description.empty() && !e.properties.contains("description")) e.properties["description"] = org.description;
    // The telegraphic address and the short form ("Embassy New Delhi") as
    // aliases: the same post named either way in other documents is this one.
    for (const std::string& alias : {as_written, org.short_name}) {
      if (!alias.empty() && NormalizeName(alias) != NormalizeName(org.name)) AddAlias(e, alias);
    }
    return e.key;
  }

  std::string City(const OrgRef& org) {
    ProposedEntity& e = Entity(EntityType::kPlace, org.city);
    if (!e.properties.contains("kind")) e.properties["kind"] = "city";
    if (!org.iso.empty() && !e.properties.contains("country")) e.properties["country"] = org.iso;
    return e.key;
  }

  void Claim(const std::string& subject, const std::string& predicate, const std::string& object, Json value,
             Span span, const char* kind) {
    ProposedClaim c;
    c.subject = subject;
    c.predicate = predicate;
    c.object = object;
    c.value = std::move(value);
    c.time = date_;
    if (span.valid()) {
      c.start = span.start;
      c.end = span.end;
    }
    c.kind = kind;
    batch_.claims.push_back(std::move(c));
  }

  void Mention(const std::string& key, EntityType type, Span span) {
    if (!span.valid()) return;
    ProposedMention m;
    m.entity = key;
    m.type = type;
    m.start = span.start;
    m.end = span.end;
    batch_.mentions.push_back(m);
  }

  // The span of the addressee's name within its line (without routing and serial).
  Span NameSpan(const std::string& text, const Address& a) {
    if (!a.span.valid()) return {};
    const std::string_view line(text.data() + a.span.start, static_cast<size_t>(a.span.end - a.span.start));
    const size_t at = line.find(a.name);
    if (at == std::string_view::npos) return a.span;
    return {a.span.start + static_cast<int64_t>(at), a.span.start + static_cast<int64_t>(at + a.name.size())};
  }

  // The sending post, from the FM line or else the classification line's post.
  OrgRef SendingPost(std::string* written, Span* span) const {
    if (!cable_.from.empty()) {
      *written = cable_.from.value;
      *span = cable_.from.span;
      return OrganizationForAddress(cable_.from.value);
    }
    if (!cable_.post.empty()) {
      *span = cable_.post.span;
      return OrganizationForPost(cable_.post.value);
    }
    return {};
  }

  void Sender() {
    std::string written;
    Span span;
    const OrgRef org = SendingPost(&written, &span);
    if (org.name.empty()) return;
    const std::string key = Organization(org, written, cable_.from_routing);
    Mention(key, EntityType::kOrganization, span);
    Claim(kThisDocument, "sent_by", key, nullptr, span, "relation");
    if (!org.city.empty()) Claim(key, "located_in", City(org), nullptr, span, "relation");
  }

  void Addressees(const std::string& text, const std::vector<Address>& list, const char* predicate) {
    for (const Address& a : list) {
      if (a.name.empty()) continue;
      const OrgRef org = OrganizationForAddress(a.name);
      if (org.name.empty()) continue;
      const std::string key = Organization(org, a.name, a.routing);
      Mention(key, EntityType::kOrganization, NameSpan(text, a));
      Claim(kThisDocument, predicate, key, nullptr, a.span, "relation");
    }
  }

  // The signer, by the full name the classified-by line gives when the
  // surname matches ("GOLDBERG" signs what "Robert Goldberg" classified).
  // A signature alone is a surname, and many posts have a signer of the same
  // surname, so it stands for a person only within its post: "Goldberg (US
  // Consulate General Guangzhou)". A full name also carries that form as an
  // alias, so the post's cables signed with the surname alone find the
  // person; the bare surname is never looked up, as it would find any
  // Goldberg in the store.
  void Signer(std::vector<std::string>* notes) {
    if (cable_.signer.empty()) return;
    const std::string& signed_as = cable_.signer.value;
    std::string written;
    Span post_span;
    const OrgRef post = SendingPost(&written, &post_span);
    const std::string at_post = TitleCase(signed_as) + (post.name.empty() ? "" : " (" + post.name + ")");
    std::string name = at_post;
    const std::string& full = cable_.classified_by.name;
    const size_t sp = full.find_last_of(' ');
    if (sp != std::string::npos && NormalizeName(full.substr(sp + 1)) == NormalizeName(signed_as) &&
        full.find_first_of("0123456789") == std::string::npos) {
      name = TitleCase(full);
      notes->push_back("the signer " + signed_as + " is taken to be " + name + ", who classified the cable");
    }
    ProposedEntity& e = Entity(EntityType::kPerson, name);
    // Both names as aliases: whichever the store met first, the other finds it.
    // (With no post known, the signature is all there is to go by.)
    for (const std::string& alias : {at_post, name}) AddAlias(e, alias);
    Mention(e.key, EntityType::kPerson, cable_.signer.span);
    Claim(kThisDocument, "signed_by", e.key, nullptr, cable_.signer.span, "relation");
  }

  void References() {
    std::unordered_map<std::string, std::string> by_id;  // the last entity with each id
    for (const ProposedEntity& e : batch_.entities) by_id[e.id] = e.key;
    for (const Ref& r : cable_.refs) {
      if (r.id.empty() || r.id == cable_.reference_id) continue;
      const std::string id = "doc:" + r.id;
      std::string key = by_id.count(id) ? by_id[id] : std::string();
      if (key.empty()) {
        ProposedEntity e;
        e.key = "ref:" + r.id;
        e.type = EntityType::kDocument;
        e.id = id;
        e.name = r.id;
        key = e.key;
        by_id[id] = key;
        batch_.entities.push_back(std::move(e));
      }
      Claim(kThisDocument, "references", key, nullptr, r.span, "relation");
    }
  }

  void Tags() {
    for (const Field& t : cable_.tags) {
      if (const Country* c = t.value.size() == 2 ? CountryByTag(t.value) : nullptr) {
        ProposedEntity& e = Entity(EntityType::kPlace, std::string(c->name));
        if (!e.properties.contains("kind")) e.properties["kind"] = "country";
        if (!e.properties.contains("country")) e.properties["country"] = std::string(c->iso);
        Claim(kThisDocument, "concerns", e.key, nullptr, t.span, "relation");
        continue;
      }
      const std::string_view meaning = TagMeaning(t.value);
      const std::string label = meaning.empty() ? t.value : t.value + ": " + std::string(meaning);
      Claim(kThisDocument, "tagged", "", Json{{"text", label}}, t.span, "topic");
    }
  }

 private:
  const Cable& cable_;
  DocumentBatch& batch_;
  EntityKeys keys_;
  std::set<std::pair<std::string, std::string>> aliases_;  // entity key, alias: those given
  std::string date_;
};

Json Properties(const Cable& c, const std::vector<std::string>& notes) {
  Json p = Json::object();
  auto set = [&](const char* key, const std::string& value) {
    if (!value.empty()) p[key] = value;
  };
  set("reference_id", c.reference_id);
  set("date_time_group", c.date_time_group.value);
  set("published", c.published);
  set("precedence", c.precedence.value);
  set("origin", !c.from.empty() ? c.from.value : !c.origin.empty() ? c.origin : c.post.value);
  set("origin_routing", c.from_routing);
  if (const Json to = Addressees(c.to); !to.empty()) p["to"] = to;
  if (const Json info = Addressees(c.info); !info.empty()) p["info"] = info;
  set("classification", c.classification);
  if (!c.caveats.empty()) {
    Json caveats = Json::array();
    for (const Field& f : c.caveats) caveats.push_back(f.value);
    p["caveats"] = caveats;
  }
  if (c.sections > 0) p["sections"] = c.sections;
  if (!c.tags.empty()) {
    std::vector<std::string> tags;
    std::set<std::string> seen;
    for (const Field& t : c.tags) {
      if (seen.insert(t.value).second) tags.push_back(t.value);
    }
    p["tags"] = tags;
  }
  set("subject", c.subject.value);
  if (!c.refs.empty()) {
    Json refs = Json::array();
    for (const Ref& r : c.refs) {
      Json j = {{"id", r.id}, {"text", r.text}};
      if (!r.label.empty()) j["label"] = r.label;
      if (r.year_inferred) j["year_inferred"] = true;
      refs.push_back(std::move(j));
    }
    p["refs"] = refs;
  }
  if (!c.other_refs.empty()) {
    Json other = Json::array();
    for (const Ref& r : c.other_refs) {
      Json j = {{"text", r.text}};
      if (!r.label.empty()) j["label"] = r.label;
      other.push_back(std::move(j));
    }
    p["refs_other"] = other;
  }
  set("eo", c.eo.value);
  set("declassify_on", c.declassify_on);
  if (!c.classified_by.empty()) {
    Json by = Json::object();
    if (!c.classified_by.name.empty()) by["name"] = c.classified_by.name;
    if (!c.classified_by.title.empty()) by["title"] = c.classified_by.title;
    if (!c.classified_by.reason.empty()) by["reason"] = c.classified_by.reason;
    p["classified_by"] = by;
  }
  set("signer", c.signer.value);
  set("summary", c.summary.value);
  set("comment", c.comment.value);
  if (!c.office_lines.empty()) {
    Json lines = Json::array();
    for (const Field& f : c.office_lines) lines.push_back(f.value);
    p["office_lines"] = lines;
  }
  p["cable_form"] = FormName(c.form);
  if (c.all_caps) p["all_caps"] = true;
  if (!notes.empty()) p["notes"] = notes;
  return p;
}

std::vector<dossier::Paragraph> Paragraphs(const Cable& c) {
  std::vector<dossier::Paragraph> out;
  for (const cable::Paragraph& p : c.paragraphs) {
    if (!p.span.valid()) continue;
    Json props = Json::object();
    if (p.number >= 0) props["number"] = p.number;
    if (!p.label.empty()) props["label"] = p.label;
    if (!p.marking.empty()) props["marking"] = p.marking;
    if (!p.section.empty()) props["section"] = p.section;
    if (p.heading) props["heading"] = true;
    if (!p.note.empty()) props["note"] = p.note;
    out.push_back({p.span.start, p.span.end, std::move(props)});
  }
  return out;
}

}  // namespace

DocumentBatch BuildBatch(const Cable& cable, BatchInput input) {
  DocumentBatch batch;
  Document& d = batch.document;
  d.kind = "cable";
  d.id = "doc:" + (!cable.reference_id.empty() ? cable.reference_id : Slugify(input.fallback_name));
  d.title = !cable.subject.empty() ? cable.subject.value : !cable.reference_id.empty() ? cable.reference_id : input.fallback_name;
  if (NormalizeName(d.title).empty()) d.title = d.id.substr(4);
  d.paragraphs = Paragraphs(cable);

  std::vector<std::string> notes = input.decode_notes;
  notes.insert(notes.end(), cable.notes.begin(), cable.notes.end());
  Builder b(cable, batch);
  b.Sender();
  b.Addressees(input.text, cable.to, "addressed_to");
  b.Addressees(input.text, cable.info, "copied_to");
  b.Signer(&notes);
  b.References();
  b.Tags();
  d.properties = Properties(cable, notes);
  d.text = std::move(input.text);
  return batch;
}

}  // namespace dossier::cable
