// The csv exporter: one RFC 4180 file per kind of record (entities, aliases,
// documents, mentions, claims, findings) in a folder, UTF-8 with a byte order
// mark so spreadsheets do not guess another encoding, CRLF line ends. Every
// file is streamed from the store a row at a time.
#include <initializer_list>

#include "dossier/markup.h"
#include "dossier/plugin.h"

namespace dossier::plugins {
namespace {

class Csv {
 public:
  explicit Csv(std::ostream& out) : out_(out) { out_ << "\xEF\xBB\xBF"; }
  void Row(std::initializer_list<std::string> fields) {
    bool first = true;
    for (const auto& f : fields) {
      if (!first) out_ << ',';
      first = false;
      out_ << CsvField(f);
    }
    out_ << "\r\n";
  }
  bool ok() const { return static_cast<bool>(out_); }

 private:
  std::ostream& out_;
};

std::string Num(int64_t v) { return v < 0 ? std::string() : std::to_string(v); }
std::string Num(double v) {
  Json j = v;
  return j.dump();
}
std::string JsonText(const Json& j) {
  if (j.is_null() || (j.is_object() && j.empty())) return "";
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}
std::string Field(const Json& value, const char* key) {
  if (!value.is_object() || !value.contains(key)) return "";
  const Json& v = value[key];
  return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string Joined(const std::vector<Alias>& aliases) {
  std::string out;
  for (const auto& a : aliases) out += (out.empty() ? "" : "; ") + a.name;
  return out;
}

class CsvExporter final : public Exporter {
 public:
  std::string name() const override { return "csv"; }
  std::string description() const override {
    return "a folder of spreadsheets: entities, aliases, documents, mentions, claims, findings (RFC 4180, UTF-8)";
  }
  bool writes_folder() const override { return true; }
  std::string default_output() const override { return "dossier-csv"; }

  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    if (Status st = Entities(store, selection, target); !st.ok()) return st;
    if (Status st = Aliases(store, selection, target); !st.ok()) return st;
    if (Status st = Documents(store, selection, target); !st.ok()) return st;
    if (Status st = Mentions(store, selection, target); !st.ok()) return st;
    if (Status st = Claims(store, selection, target); !st.ok()) return st;
    return Findings(store, selection, target);
  }

 private:
  // Every entity wanted, merged-away ones too (claims may name them), by type.
  static Status EachEntity(StoreView& store, const Selection& selection, const std::function<void(const Entity&)>& f) {
    for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kPlace, EntityType::kDocument}) {
      EntityFilter filter;
      filter.type = t;
      filter.include_absorbed = true;
      Status st = store.ForEachEntity(filter, [&](const Entity& e) {
        if (SelectsEntity(selection, e.id, e.type)) f(e);
        return true;
      });
      if (!st.ok()) return st;
    }
    return Status::OK();
  }

  static Status Done(const Csv& csv, const std::string& file) {
    return csv.ok() ? Status::OK() : Status::IOError("cannot write " + file);
  }

  Status Entities(StoreView& store, const Selection& selection, ExportTarget& target) {
    auto out = target.OpenFile("entities.csv");
    if (!out.ok()) return out.status();
    Csv csv(**out);
    csv.Row({"id", "type", "name", "aliases", "properties", "merged_into", "created_at", "updated_at"});
    Status st = EachEntity(store, selection, [&](const Entity& e) {
      csv.Row({e.id, std::string(TypeName(e.type)), e.name, Joined(e.aliases), JsonText(e.properties), e.merged_into,
               e.created_at, e.updated_at});
    });
    return st.ok() ? Done(csv, "entities.csv") : st;
  }

  Status Aliases(StoreView& store, const Selection& selection, ExportTarget& target) {
    auto out = target.OpenFile("aliases.csv");
    if (!out.ok()) return out.status();
    Csv csv(**out);
    csv.Row({"entity", "alias", "document", "start", "end", "quote", "note", "added_by"});
    Status st = EachEntity(store, selection, [&](const Entity& e) {
      for (const auto& a : e.aliases) {
        csv.Row({a.entity.empty() ? e.id : a.entity, a.name, a.seen.document, Num(a.seen.start), Num(a.seen.end),
                 a.seen.quote, a.seen.note, a.added_by});
      }
    });
    return st.ok() ? Done(csv, "aliases.csv") : st;
  }

  Status Documents(StoreView& store, const Selection& selection, ExportTarget& target) {
    auto out = target.OpenFile("documents.csv");
    if (!out.ok()) return out.status();
    Csv csv(**out);
    // The date and publisher get columns of their own: a spreadsheet sorts
    // and filters by them, not by a field inside the properties' JSON.
    csv.Row({"id", "kind", "title", "date", "publisher", "source", "sha256", "bytes", "paragraphs", "properties"});
    Status st = store.ForEachDocument([&](const Document& d) {
      if (SelectsEntity(selection, d.id, EntityType::kDocument)) {
        csv.Row({d.id, d.kind, d.title, Field(d.properties, "published"), Field(d.properties, "publisher"),
                 SourceToHandOver(selection, d.source), d.sha256, Num(static_cast<int64_t>(d.text.size())),
                 Num(static_cast<int64_t>(d.paragraphs.size())), JsonText(d.properties)});
      }
      return true;
    });
    return st.ok() ? Done(csv, "documents.csv") : st;
  }

  Status Mentions(StoreView& store, const Selection& selection, ExportTarget& target) {
    auto out = target.OpenFile("mentions.csv");
    if (!out.ok()) return out.status();
    Csv csv(**out);
    csv.Row({"id", "entity", "entity_type", "document", "start", "end", "text", "extractor", "confidence"});
    Status st = store.ForEachMention([&](const Mention& m) {
      // A mention no entity was found for is listed too (entity empty), so
      // that a curator sees what is left to resolve; with --about, only what
      // is about the entity.
      const bool unresolved_wanted = m.entity.empty() && selection.about.empty() && SelectsEntity(selection, "", m.type);
      if (unresolved_wanted || SelectsMention(selection, m)) {
        csv.Row({m.id, m.entity, std::string(TypeName(m.type)), m.document, Num(m.start), Num(m.end), m.text,
                 m.extractor, Num(m.confidence)});
      }
      return true;
    });
    return st.ok() ? Done(csv, "mentions.csv") : st;
  }

  Status Claims(StoreView& store, const Selection& selection, ExportTarget& target) {
    auto out = target.OpenFile("claims.csv");
    if (!out.ok()) return out.status();
    Csv csv(**out);
    csv.Row({"id", "subject", "predicate", "object", "amount", "unit", "qualifier", "date", "text", "value", "time",
             "document", "start", "end", "quote", "note", "attributed_to", "kind", "extractor", "confidence", "status",
             "status_reason"});
    Status st = store.ForEachClaim({}, [&](const Claim& c) {
      if (SelectsClaim(selection, c)) {
        csv.Row({c.id, c.subject, c.predicate, c.object, Field(c.value, "amount"), Field(c.value, "unit"),
                 Field(c.value, "qualifier"), Field(c.value, "date"), Field(c.value, "text"), JsonText(c.value), c.time,
                 c.source.document, Num(c.source.start), Num(c.source.end), c.source.quote, c.source.note,
                 c.attributed_to, c.kind, c.extractor, Num(c.confidence), std::string(StatusName(c.status)),
                 c.status_reason});
      }
      return true;
    });
    return st.ok() ? Done(csv, "claims.csv") : st;
  }

  // With --about: the findings that involve a selected entity.
  Status Findings(StoreView& store, const Selection& selection, ExportTarget& target) {
    auto out = target.OpenFile("findings.csv");
    if (!out.ok()) return out.status();
    Csv csv(**out);
    csv.Row({"id", "checker", "code", "severity", "message", "refs", "status", "status_reason", "created_at"});
    Status st = store.ForEachFinding([&](const Finding& f) {
      if (SelectsFinding(selection, f)) {
        std::string refs;
        for (const auto& r : f.refs) refs += (refs.empty() ? "" : "; ") + r;
        csv.Row({f.id, f.checker, f.code, std::string(SeverityName(f.severity)), f.message, refs,
                 std::string(FindingStatusName(f.status)), f.status_reason, f.created_at});
      }
      return true;
    });
    return st.ok() ? Done(csv, "findings.csv") : st;
  }
};

void Register(Registrar& r) { r.AddExporter(std::make_unique<CsvExporter>()); }

}  // namespace
}  // namespace dossier::plugins

DOSSIER_PLUGIN_EXPORT dossier::PluginInfo dossier_plugin_info() {
  return {DOSSIER_PLUGIN_ABI_VERSION, "export-csv", "1.0.0", &dossier::plugins::Register};
}
