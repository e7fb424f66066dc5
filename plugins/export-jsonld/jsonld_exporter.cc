// The jsonld exporter: the store as schema.org JSON-LD, one @graph streamed
// node by node. Person, Organization, Place; NewsArticle for news articles and
// DigitalDocument for other documents; Claim for every claim; ClaimReview for
// a curator's verdict (confirmed, disputed, rejected) and for a checker's
// finding about claims (a conflict, a single source, ...).
#include <cctype>

#include "dossier/plugin.h"
#include "dossier/text.h"

namespace dossier::plugins {
namespace {

// An IRI for a dossier id: "urn:dossier:" and the id, every character outside
// RFC 3986's unreserved set and ':' percent-encoded (ids may hold quotes or <).
std::string Iri(std::string_view id) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out = "urn:dossier:";
  for (unsigned char c : id) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Json Ref(std::string_view id) { return {{"@id", Iri(id)}}; }

std::string Str(const Json& props, const char* key) {
  return props.contains(key) && props[key].is_string() ? props[key].get<std::string>() : std::string();
}

Json EntityNode(const Entity& e) {
  static const char* kTypes[] = {"Person", "Organization", "Place"};
  Json j = {{"@id", Iri(e.id)}, {"@type", kTypes[static_cast<int>(e.type)]}, {"identifier", e.id}, {"name", e.name}};
  Json names = Json::array();
  for (const auto& a : e.aliases) names.push_back(a.name);
  if (!names.empty()) j["alternateName"] = names;
  if (const std::string d = Str(e.properties, "description"); !d.empty()) j["description"] = d;
  if (const std::string w = Str(e.properties, "website"); IsWebLink(w)) j["url"] = w;
  if (e.type == EntityType::kPlace) {
    if (const std::string c = Str(e.properties, "country"); !c.empty()) {
      j["address"] = {{"@type", "PostalAddress"}, {"addressCountry", c}};
    }
    if (e.properties.contains("latitude") && e.properties.contains("longitude")) {
      j["geo"] = {{"@type", "GeoCoordinates"}, {"latitude", e.properties["latitude"]}, {"longitude", e.properties["longitude"]}};
    }
  } else if (e.type == EntityType::kOrganization) {
    if (const std::string c = Str(e.properties, "acronym"); !c.empty()) j["alternateName"].push_back(c);
  }
  return j;
}

Json DocumentNode(const Document& d) {
  const bool news = d.kind == "news_article";
  Json j = {{"@id", Iri(d.id)}, {"@type", news ? "NewsArticle" : "DigitalDocument"}, {"identifier", d.id}};
  j[news ? "headline" : "name"] = d.title;
  j[news ? "articleBody" : "text"] = d.text;
  if (const std::string u = Str(d.properties, "url"); IsWebLink(u)) j["url"] = u;
  if (const std::string p = Str(d.properties, "published"); !p.empty()) j["datePublished"] = p;
  if (const std::string l = Str(d.properties, "language"); !l.empty()) j["inLanguage"] = l;
  j["encodingFormat"] = "text/plain";
  j["genre"] = d.kind;
  return j;
}

std::string ValueText(const Json& v) {
  if (!v.is_object()) return "";
  if (v.contains("amount")) {
    std::string s = v.contains("qualifier") ? v["qualifier"].get<std::string>() + " " : "";
    s += v["amount"].dump();
    if (v.contains("unit")) s += " " + v["unit"].get<std::string>();
    return s;
  }
  if (v.contains("date")) return v["date"].get<std::string>();
  if (v.contains("text")) return v["text"].get<std::string>();
  return v.dump();
}

Json ClaimNode(const Claim& c) {
  Json j = {{"@id", Iri(c.id)}, {"@type", "Claim"}, {"identifier", c.id}, {"about", Ref(c.subject)}};
  j["name"] = c.predicate + (c.object.empty() ? ": " + ValueText(c.value) : "");
  if (!c.source.quote.empty()) j["text"] = c.source.quote;
  Json mentions = Json::array({Ref(c.subject)});
  if (!c.object.empty()) mentions.push_back(Ref(c.object));
  j["mentions"] = mentions;
  if (!c.source.document.empty()) j["appearance"] = Ref(c.source.document);
  if (!c.attributed_to.empty()) j["author"] = Ref(c.attributed_to);
  if (!c.time.empty()) j["temporalCoverage"] = c.time;
  if (c.value.is_object() && c.value.contains("amount")) {
    Json pv = {{"@type", "PropertyValue"}, {"name", c.predicate}, {"value", c.value["amount"]}};
    if (c.value.contains("unit")) pv["unitText"] = c.value["unit"];
    if (c.value.contains("qualifier")) pv["valueReference"] = c.value["qualifier"];
    j["additionalProperty"] = pv;
  }
  return j;
}

// The curator's verdict on a reviewed claim.
Json CuratorReview(const Claim& c) {
  Json j = {{"@id", Iri(c.id) + "/review"},
            {"@type", "ClaimReview"},
            {"itemReviewed", Ref(c.id)},
            {"reviewRating", {{"@type", "Rating"}, {"alternateName", StatusName(c.status)}}},
            {"author", {{"@type", "Person"}, {"name", "dossier curator"}}}};
  if (!c.source.quote.empty()) j["claimReviewed"] = c.source.quote;
  if (!c.status_reason.empty()) j["reviewRating"]["ratingExplanation"] = c.status_reason;
  return j;
}

// A checker's finding about claims, as a review of each of them.
Json FindingReview(const Finding& f) {
  Json items = Json::array();
  for (const auto& r : f.refs) {
    if (r.rfind("claim:", 0) == 0) items.push_back(Ref(r));
  }
  if (items.empty()) return nullptr;
  return {{"@id", Iri(f.id)},
          {"@type", "ClaimReview"},
          {"identifier", f.id},
          {"itemReviewed", items.size() == 1 ? items[0] : items},
          {"reviewBody", f.message},
          {"reviewRating", {{"@type", "Rating"}, {"alternateName", f.code}, {"ratingExplanation", f.message}}},
          {"author", {{"@type", "SoftwareApplication"}, {"name", "dossier checker " + f.checker}}}};
}

// How every export begins, by which a later export knows the file is one.
// The context is written out, not the address of schema.org's: a reader
// (rdflib, a JSON-LD processor) would fetch a remote context from the
// network, and the file must read offline. Every reference is an {"@id"}
// object, so the vocabulary is all the context needs.
constexpr const char* kOpening = "{\"@context\":{\"@vocab\":\"https://schema.org/\"},\"@graph\":[";

class JsonldExporter final : public Exporter {
 public:
  std::string name() const override { return "jsonld"; }
  std::string description() const override {
    return "schema.org JSON-LD: people, organizations, places, documents, claims and their reviews";
  }
  std::string default_output() const override { return "dossier.jsonld"; }
  // Exports before the context was written out began with its address.
  bool OwnsOutput(std::string_view head) const override {
    return head.rfind(kOpening, 0) == 0 || head.rfind("{\"@context\":\"https://schema.org/\",\"@graph\":[", 0) == 0;
  }

  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    std::ostream& out = target.stream();
    bool first = true;
    auto write = [&](const Json& j) {
      out << (first ? "\n" : ",\n") << j.dump(-1, ' ', false, Json::error_handler_t::replace);
      first = false;
      return static_cast<bool>(out);
    };
    out << kOpening;
    for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace}) {
      EntityFilter f;
      f.type = t;
      Status st = store.ForEachEntity(f, [&](const Entity& e) {
        return !SelectsEntity(selection, e.id, e.type) || write(EntityNode(e));
      });
      if (!st.ok()) return st;
    }
    Status st = store.ForEachDocument([&](const Document& d) {
      return !SelectsEntity(selection, d.id, EntityType::kDocument) || write(DocumentNode(d));
    });
    if (!st.ok()) return st;
    // A claim of a merged-away entity is about the entity it was merged
    // into: only canonical entities are nodes of the graph.
    CanonicalIds canonical;
    if (st = canonical.Load(store); !st.ok()) return st;
    st = store.ForEachClaim({}, [&](const Claim& c) {
      if (!SelectsClaim(selection, c)) return true;
      if (!write(ClaimNode(canonical.OnCanonical(c)))) return false;
      return c.status == ClaimStatus::kUnreviewed || write(CuratorReview(c));
    });
    if (!st.ok()) return st;
    st = store.ForEachFinding([&](const Finding& f) {
      if (!SelectsFinding(selection, f)) return true;
      Json review = FindingReview(f);
      return review.is_null() || write(review);
    });
    if (!st.ok()) return st;
    out << "\n]}\n";
    return out ? Status::OK() : Status::IOError("cannot write the export");
  }
};

void Register(Registrar& r) { r.AddExporter(std::make_unique<JsonldExporter>()); }

}  // namespace
}  // namespace dossier::plugins

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "export-jsonld", "1.0.0", &dossier::plugins::Register};
}
