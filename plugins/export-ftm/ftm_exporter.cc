// The ftm exporter: FollowTheMoney entities, one JSON object per line, for
// Aleph (`ftm` / `alephclient write-entities`). Every id is derived from the
// dossier id (the same store gives the same file). What maps to what:
//   person -> Person; organization -> Organization; place -> Address;
//   news_article -> Article, other documents -> PlainText (with bodyText);
//   mention of a person or organization -> Mention;
//   relation claims between people and organizations -> Membership,
//   Employment or UnknownLink; claims of a document about someone
//   (sent_by, signed_by, written_by, ...) -> Documentation.
// Property names and types follow FollowTheMoney's schema/*.yaml; docs/exports.md
// lists them. Value claims (figures, quotes) have no FtM schema and are left out.
#include <cctype>

#include "dossier/plugin.h"
#include "dossier/text.h"

namespace dossier::plugins {
namespace {

// "dossier-" and 40 hex digits of SHA-256 over the dossier id: stable, and
// free of the characters dossier ids may hold.
std::string FtmId(std::string_view dossier_id) { return "dossier-" + Sha256Hex(dossier_id).substr(0, 40); }

std::string Str(const Json& props, const char* key) {
  return props.contains(key) && props[key].is_string() ? props[key].get<std::string>() : std::string();
}

// FtM countries are lowercase ISO 3166-1 alpha-2 codes.
std::string Country(std::string code) {
  for (auto& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return code.size() == 2 ? code : std::string();
}

// An FtM date: YYYY, YYYY-MM or YYYY-MM-DD (with an optional time), or "".
std::string Date(const std::string& s) {
  if (s.size() < 4 || !std::isdigit(static_cast<unsigned char>(s[0])) || !std::isdigit(static_cast<unsigned char>(s[3]))) return "";
  for (size_t i = 0; i < std::min<size_t>(s.size(), 10); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) && s[i] != '-') return "";
  }
  return s.size() <= 10 ? s : s.substr(0, 10);
}


class Entity final {
 public:
  Entity(std::string id, const char* schema) : j_({{"id", std::move(id)}, {"schema", schema}, {"properties", Json::object()}}) {}
  Entity& Add(const char* prop, const std::string& value) {
    if (!value.empty()) j_["properties"][prop].push_back(value);
    return *this;
  }
  const Json& json() const { return j_; }

 private:
  Json j_;
};

enum class Kind { kNone, kPerson, kOrganization, kPlace, kDocument };

Kind KindOf(std::string_view id) {
  if (id.rfind("person:", 0) == 0) return Kind::kPerson;
  if (id.rfind("org:", 0) == 0) return Kind::kOrganization;
  if (id.rfind("place:", 0) == 0) return Kind::kPlace;
  if (id.rfind("doc:", 0) == 0) return Kind::kDocument;
  return Kind::kNone;
}

bool IsLegalEntity(Kind k) { return k == Kind::kPerson || k == Kind::kOrganization; }

class FtmExporter final : public Exporter {
 public:
  std::string name() const override { return "ftm"; }
  std::string description() const override { return "FollowTheMoney entities (JSON lines) for Aleph"; }
  std::string default_output() const override { return "dossier.ftm.json"; }
  // FollowTheMoney lines carry no mark of their maker: a first line that is a
  // FtM entity of this export's id scheme is taken for one.
  bool OwnsOutput(std::string_view head) const override {
    const size_t nl = head.find('\n');
    if (nl == std::string_view::npos) return false;
    const Json first = Json::parse(head.substr(0, nl), nullptr, false);
    return first.is_object() && first.contains("schema") && first.contains("properties") && first.contains("id") &&
           first["id"].is_string() && first["id"].get<std::string>().rfind("dossier-", 0) == 0;
  }

  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    std::ostream& out = target.stream();
    // Only canonical entities are written: a mention or claim of a
    // merged-away one is of the entity it was merged into.
    CanonicalIds canonical;
    if (Status st = canonical.Load(store); !st.ok()) return st;
    Status inner;
    auto write = [&](const Entity& e) {
      out << e.json().dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
      return static_cast<bool>(out);
    };
    // Things: names, aliases, and the documents that name them as proof.
    for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace}) {
      EntityFilter f;
      f.type = t;
      Status st = store.ForEachEntity(f, [&](const dossier::Entity& e) {
        if (!SelectsEntity(selection, e.id, e.type)) return true;
        Entity x(FtmId(e.id), t == EntityType::kPerson ? "Person" : t == EntityType::kOrganization ? "Organization" : "Address");
        if (t == EntityType::kPlace) {
          const std::string kind = Str(e.properties, "kind");
          x.Add("full", e.name).Add("country", Country(Str(e.properties, "country")));
          if (kind == "city") x.Add("city", e.name);
          if (kind == "subdivision" || kind == "region") x.Add("region", e.name);
          if (e.properties.contains("latitude")) x.Add("latitude", e.properties["latitude"].dump());
          if (e.properties.contains("longitude")) x.Add("longitude", e.properties["longitude"].dump());
          return write(x);
        }
        x.Add("name", e.name).Add("description", Str(e.properties, "description"));
        for (const auto& a : e.aliases) x.Add("alias", a.name);
        if (t == EntityType::kPerson && e.properties.contains("nationality") && e.properties["nationality"].is_array()) {
          for (const auto& n : e.properties["nationality"]) {
            if (n.is_string()) x.Add("nationality", Country(n.get<std::string>()));
          }
        }
        if (t == EntityType::kOrganization) x.Add("country", Country(Str(e.properties, "country")));
        x.Add("sourceUrl", IsWebLink(Str(e.properties, "website")) ? Str(e.properties, "website") : "");
        auto docs = store.DocumentsMentioning(e.id, 20);
        if (!docs.ok()) {
          inner = docs.status();
          return false;
        }
        for (const auto& d : *docs) {
          if (SelectsEntity(selection, d, EntityType::kDocument)) x.Add("proof", FtmId(d));
        }
        return write(x);
      });
      if (!st.ok()) return st;
      if (!inner.ok()) return inner;
    }
    Status st = store.ForEachDocument([&](const Document& d) {
      if (!SelectsEntity(selection, d.id, EntityType::kDocument)) return true;
      const bool news = d.kind == "news_article";
      Entity x(FtmId(d.id), news ? "Article" : "PlainText");
      x.Add("title", d.title).Add("fileName", SourceToHandOver(selection, d.source));
      x.Add("publishedAt", Date(Str(d.properties, "published")));
      x.Add("language", Str(d.properties, "language"));
      const std::string url = Str(d.properties, "url");
      x.Add("sourceUrl", IsWebLink(url) ? url : (IsWebLink(d.source) ? d.source : ""));
      x.Add("author", Str(d.properties, "byline"));
      x.Add("publisher", Str(d.properties, "publisher"));
      x.Add("mimeType", "text/plain");
      if (!news) x.Add("bodyText", d.text);
      return write(x);
    });
    if (!st.ok()) return st;
    st = store.ForEachMention([&](const Mention& m) {
      const std::string entity = canonical(m.entity);
      const Kind k = KindOf(entity);
      if (!IsLegalEntity(k) || !SelectsMention(selection, m)) return true;
      // FollowTheMoney 3's Mention: the name as written, the schema it was
      // read as, and the entity it resolved to.
      Entity x(FtmId(m.id), "Mention");
      x.Add("document", FtmId(m.document)).Add("resolved", FtmId(entity));
      x.Add("name", m.text).Add("detectedSchema", k == Kind::kPerson ? "Person" : "Organization");
      return write(x);
    });
    if (!st.ok()) return st;
    st = store.ForEachClaim({}, [&](const Claim& c) {
      if (c.object.empty() || c.status == ClaimStatus::kRejected || !SelectsClaim(selection, c)) return true;
      std::optional<Entity> x = Relation(canonical.OnCanonical(c));
      if (!x) return true;
      // FtM intervals have no proof property: the source's link stands for it.
      if (!c.source.document.empty()) {
        auto d = store.GetDocument(c.source.document);
        if (!d.ok()) {
          inner = d.status();
          return false;
        }
        const std::string url = Str(d->properties, "url");
        x->Add("sourceUrl", IsWebLink(url) ? url : (IsWebLink(d->source) ? d->source : ""));
        x->Add("publisher", Str(d->properties, "publisher"));
      }
      x->Add("description", c.source.quote).Add("recordId", c.id).Add("date", Date(c.time));
      if (c.status != ClaimStatus::kUnreviewed) x->Add("status", std::string(StatusName(c.status)));
      return write(*x);
    });
    if (!st.ok()) return st;
    if (!inner.ok()) return inner;
    return out ? Status::OK() : Status::IOError("cannot write the export");
  }

 private:
  // The FtM interval a relation claim states, or nothing when FtM has no
  // schema linking those two kinds of thing.
  static std::optional<Entity> Relation(const Claim& c) {
    const Kind s = KindOf(c.subject), o = KindOf(c.object);
    const std::string& p = c.predicate;
    Entity x(FtmId(c.id), "UnknownLink");
    if (s == Kind::kDocument && o != Kind::kNone && o != Kind::kDocument) {
      Entity d(FtmId(c.id), "Documentation");
      d.Add("document", FtmId(c.subject)).Add("entity", FtmId(c.object)).Add("role", p);
      return d;
    }
    if (!IsLegalEntity(s) || !IsLegalEntity(o)) return std::nullopt;
    if (o == Kind::kOrganization && (p == "member_of" || p == "member" || p == "belongs_to")) {
      Entity m(FtmId(c.id), "Membership");
      m.Add("member", FtmId(c.subject)).Add("organization", FtmId(c.object)).Add("role", p);
      return m;
    }
    if (s == Kind::kPerson && o == Kind::kOrganization && (p == "employed_by" || p == "works_for" || p == "employee_of")) {
      Entity m(FtmId(c.id), "Employment");
      m.Add("employee", FtmId(c.subject)).Add("employer", FtmId(c.object)).Add("role", p);
      return m;
    }
    x.Add("subject", FtmId(c.subject)).Add("object", FtmId(c.object)).Add("role", p);
    return x;
  }
};

void Register(Registrar& r) { r.AddExporter(std::make_unique<FtmExporter>()); }

}  // namespace
}  // namespace dossier::plugins

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "export-ftm", "1.0.0", &dossier::plugins::Register};
}
