// Commands that read the store: show, list, claims, search, stats, log.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

#include "context.h"
#include "dossier/record.h"

namespace dossier::cli {
namespace {

// 30000000 -> "30,000,000"; 11.5 -> "11.5".
std::string FormatAmount(double v) {
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::string digits = std::to_string(static_cast<long long>(std::fabs(v)));
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
  }
  std::ostringstream s;
  s << std::setprecision(12) << v;
  return s.str();
}

std::string ValueText(const Json& v) {
  if (v.is_null()) return "";
  if (v.contains("amount")) {
    std::string out;
    const std::string q = v.value("qualifier", "");
    if (!q.empty() && q != "exact") out += q + " ";
    out += FormatAmount(v["amount"].get<double>());
    if (v.contains("amount_max")) out += "–" + FormatAmount(v["amount_max"].get<double>());
    if (v.contains("unit")) out += " " + v["unit"].get<std::string>();
    return out;
  }
  if (v.contains("date")) return v["date"].get<std::string>();
  if (v.contains("text")) return "\"" + v["text"].get<std::string>() + "\"";
  return v.dump();
}

std::string Shorten(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

void PrintClaim(const Context& ctx, const Claim& c, const std::string& indent) {
  std::cout << indent << ctx.Bold(c.id) << "  " << c.subject << " " << c.predicate << " "
            << (c.object.empty() ? ValueText(c.value) : c.object);
  if (!c.time.empty()) std::cout << " (as of " << c.time << ")";
  std::cout << "  [" << StatusName(c.status) << (c.status_reason.empty() ? "" : ": " + c.status_reason) << "]\n";
  if (!c.source.document.empty()) {
    std::cout << indent << "    source: " << c.source.document;
    if (c.source.start >= 0) std::cout << " @" << c.source.start << "-" << c.source.end;
    if (!c.source.quote.empty()) std::cout << "  \"" << Shorten(OneLine(c.source.quote), 160) << "\"";
    std::cout << "\n";
  }
  if (!c.source.note.empty()) std::cout << indent << "    source note: " << c.source.note << "\n";
  if (!c.attributed_to.empty()) std::cout << indent << "    attributed to: " << c.attributed_to << "\n";
}

Json DetailsJson(const EntityDetails& d) {
  Json j = EntityRecord(d.entity);
  if (d.document) {
    Json doc = DocumentRecord(*d.document, true);
    j["properties"] = doc["properties"];
    j["text"] = doc["text"];
  }
  j["absorbed"] = d.absorbed;
  Json merges = Json::array();
  for (const auto& m : d.merges) {
    merges.push_back({{"absorbed", m.absorbed}, {"into", m.into}, {"reason", m.reason}, {"by", m.by}, {"at", m.at}});
  }
  j["merges"] = std::move(merges);
  Json mentions = Json::array();
  for (const auto& m : d.mentions) {
    Json mj = MentionRecord(m.mention);
    mj["document_title"] = m.document_title;
    mj["snippet"] = m.snippet;
    mentions.push_back(std::move(mj));
  }
  j["mentions"] = std::move(mentions);
  j["mention_count"] = d.mention_count;
  Json claims = Json::array();
  for (const auto& c : d.claims) claims.push_back(ClaimRecord(c));
  j["claims"] = std::move(claims);
  j["claim_count"] = d.claim_count;
  if (d.document) {
    Json named = Json::array();
    for (const auto& n : d.named) {
      named.push_back({{"entity", n.entity}, {"name", n.name}, {"type", TypeName(n.type)}, {"mentions", n.mentions}});
    }
    j["named"] = std::move(named);
  }
  Json judgements = Json::array();
  for (const auto& jd : d.judgements) judgements.push_back(JudgementRecord(jd));
  j["judgements"] = std::move(judgements);
  Json findings = Json::array();
  for (const auto& f : d.findings) findings.push_back(FindingRecord(f));
  j["findings"] = std::move(findings);
  return j;
}

void PrintDetails(const Context& ctx, const EntityDetails& d, bool full_text) {
  const Entity& e = d.entity;
  std::cout << ctx.Bold(e.name) << "  " << ctx.Dim(e.id + " (" + std::string(TypeName(e.type)) + ")") << "\n";
  if (!e.aliases.empty()) {
    std::cout << "  also known as:\n";
    for (const auto& a : e.aliases) {
      std::cout << "    " << a.name;
      if (a.entity != e.id) std::cout << ctx.Dim("  (from merged " + a.entity + ")");
      if (!a.seen.document.empty()) std::cout << ctx.Dim("  seen in " + a.seen.document);
      if (!a.seen.note.empty()) std::cout << ctx.Dim("  (" + a.seen.note + ")");
      std::cout << "\n";
    }
  }
  if (!d.merges.empty()) {
    std::cout << "  merged from:\n";
    for (const auto& m : d.merges) {
      std::cout << "    " << m.absorbed << (m.into == e.id ? "" : " (into " + m.into + ")")
                << ctx.Dim("  by " + m.by + (m.reason.empty() ? "" : ": " + m.reason) + "; undo: dossier split " + m.absorbed)
                << "\n";
    }
  }
  if (d.document) {
    const Document& doc = *d.document;
    std::cout << "  kind: " << doc.kind << "\n";
    if (!doc.source.empty()) std::cout << "  source: " << doc.source << "\n";
    std::cout << "  sha256: " << doc.sha256 << "\n";
    std::cout << "  text: " << doc.text.size() << " bytes, " << doc.paragraphs.size() << " paragraphs\n";
  }
  if (!d.named.empty()) {
    std::cout << "  names (" << d.named.size() << "):\n";
    for (const auto& n : d.named) {
      std::cout << "    " << n.name << ctx.Dim("  " + (n.entity.empty() ? "(unresolved " + std::string(TypeName(n.type)) + ")" : n.entity) +
                                        (n.mentions > 1 ? " ×" + std::to_string(n.mentions) : ""))
                << "\n";
    }
  }
  if (!e.properties.empty()) {
    std::cout << "  properties:\n";
    for (auto it = e.properties.begin(); it != e.properties.end(); ++it) {
      std::string v = it.value().is_string() ? it.value().get<std::string>() : it.value().dump();
      std::cout << "    " << it.key() << ": " << Shorten(OneLine(v), 200) << "\n";
    }
  }
  if (d.mention_count > 0) {
    std::cout << "  mentions (" << d.mention_count << "):\n";
    for (const auto& m : d.mentions) {
      std::cout << "    " << m.mention.document << "  " << m.snippet << "\n";
    }
    if (d.mention_count > static_cast<int64_t>(d.mentions.size())) {
      std::cout << "    … " << d.mention_count - static_cast<int64_t>(d.mentions.size()) << " more\n";
    }
  }
  if (d.claim_count > 0) {
    std::cout << "  claims (" << d.claim_count << "):\n";
    for (const auto& c : d.claims) {
      PrintClaim(ctx, c, "    ");
      // The checkers' findings on this claim, beside it.
      for (const auto& f : d.findings) {
        if (std::find(f.refs.begin(), f.refs.end(), c.id) == f.refs.end()) continue;
        std::cout << "        finding " << f.id << " [" << SeverityName(f.severity) << ", " << FindingStatusName(f.status)
                  << "] " << f.checker << "/" << f.code << ": " << Shorten(OneLine(f.message), 160) << "\n";
      }
    }
  }
  if (!d.judgements.empty()) {
    std::cout << "  judgements:\n";
    for (const auto& j : d.judgements) {
      std::cout << "    " << j.a << " / " << j.b << ": " << VerdictName(j.verdict)
                << (j.reason.empty() ? "" : " (" + j.reason + ")") << ctx.Dim("  by " + j.by + " " + j.at) << "\n";
    }
  }
  if (!d.findings.empty()) {
    std::cout << "  findings:\n";
    for (const auto& f : d.findings) {
      std::cout << "    " << f.id << " [" << SeverityName(f.severity) << ", " << FindingStatusName(f.status)
                << "] " << f.code << ": " << f.message << "\n";
    }
  }
  if (d.document && full_text) std::cout << "\n" << d.document->text << (d.document->text.empty() ? "" : "\n");
}

void RegisterShow(const Registry& r) {
  auto* sub = r.app->add_subcommand("show", "Show an entity, document or claim with everything about it");
  struct Opts {
    std::string what;
    int64_t mentions = 20;
    bool text = false;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("ID-or-NAME", o->what, "An id (person:..., doc:..., claim:...) or a name")->required();
  sub->add_option("--mentions", o->mentions, "How many mentions to list (default 20)")->check(CLI::NonNegativeNumber);
  sub->add_flag("--text", o->text, "Documents: print the whole text");
  r.Add(sub, [ctx = r.ctx, o]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    if (o->what.rfind("story:", 0) == 0) return ShowStory(*ctx, *store, o->what);
    if (o->what.rfind("claim:", 0) == 0) {
      auto c = store->GetClaim(o->what);
      if (!c.ok()) return ctx->Fail(c.status());
      if (ctx->json) {
        ctx->Emit(ClaimRecord(*c));
      } else {
        PrintClaim(*ctx, *c, "");
      }
      return kExitOk;
    }
    auto id = store->Resolve(o->what);
    if (!id.ok()) return ctx->Fail(id.status());
    DescribeOptions options;
    options.max_mentions = o->mentions;
    options.finding_evidence = ctx->json;  // the text view prints each finding's message only
    auto d = store->Describe(*id, options);
    if (!d.ok()) return ctx->Fail(d.status());
    if (ctx->json) {
      ctx->Emit(DetailsJson(*d));
    } else {
      if (o->what != *id && o->what.find(':') != std::string::npos) {
        std::cout << ctx->Dim(o->what + " was merged into " + *id) << "\n";
      }
      PrintDetails(*ctx, *d, o->text);
    }
    return kExitOk;
  });
}

void RegisterList(const Registry& r) {
  auto* sub = r.app->add_subcommand("list", "List entities of a type, with counts");
  struct Opts {
    std::string type, name, sort = "name";
    std::vector<std::string> where;
    int64_t min_mentions = 0, limit = 0, offset = 0;
    bool all = false;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("TYPE", o->type, "person, organization, place or document")
      ->required()
      ->check(CLI::IsMember({"person", "people", "persons", "organization", "organizations", "org", "orgs", "place",
                             "places", "document", "documents", "doc", "docs"}));
  sub->add_option("--name", o->name, "Only names or aliases containing this");
  sub->add_option("--where", o->where, "Only those with property KEY=VALUE (repeatable)");
  sub->add_option("--min-mentions", o->min_mentions, "Only those mentioned at least N times");
  sub->add_option("--sort", o->sort, "name, mentions or id")->check(CLI::IsMember({"name", "mentions", "id"}));
  sub->add_option("--limit", o->limit, "At most N")->check(CLI::NonNegativeNumber);
  sub->add_option("--offset", o->offset, "Skip the first N")->check(CLI::NonNegativeNumber);
  sub->add_flag("--all", o->all, "Include entities merged into others");
  r.Add(sub, [ctx = r.ctx, o]() {
    EntityFilter f;
    f.type = ParseType(o->type);
    f.name_contains = o->name;
    for (const auto& kv : o->where) {
      std::string k, v;
      if (!SplitKeyValue(kv, &k, &v)) return ctx->Usage("--where must be KEY=VALUE, got " + kv);
      f.where.emplace_back(k, v);
    }
    f.min_mentions = o->min_mentions;
    f.sort = o->sort == "mentions" ? EntityFilter::Sort::kMentions
             : o->sort == "id"     ? EntityFilter::Sort::kId
                                   : EntityFilter::Sort::kName;
    f.limit = o->limit;
    f.offset = o->offset;
    f.include_absorbed = o->all;
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto rows = store->ListEntities(f);
    if (!rows.ok()) return ctx->Fail(rows.status());
    for (const auto& e : *rows) {
      if (ctx->json) {
        Json j = {{"id", e.id}, {"type", std::string(TypeName(e.type))}, {"name", e.name}, {"aliases", e.aliases},
                  {"mentions", e.mentions}, {"claims", e.claims}};
        if (!e.merged_into.empty()) j["merged_into"] = e.merged_into;
        ctx->Emit(j);
      } else {
        std::cout << std::left << std::setw(36) << e.id << " " << e.name << ctx->Dim("  mentions " + std::to_string(e.mentions) +
                                                                                   ", claims " + std::to_string(e.claims))
                  << (e.merged_into.empty() ? "" : "  (merged into " + e.merged_into + ")") << "\n";
      }
    }
    if (!ctx->json && rows->empty()) std::cout << "(none)\n";
    return kExitOk;
  });
}

void RegisterClaims(const Registry& r) {
  auto* sub = r.app->add_subcommand("claims", "List claims");
  struct Opts {
    std::string about, predicate, status, document;
    int64_t limit = 0;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--about", o->about, "Claims whose subject, object or speaker is this entity");
  sub->add_option("--predicate", o->predicate, "Only this predicate");
  sub->add_option("--status", o->status, "unreviewed, confirmed, disputed or rejected")
      ->check(CLI::IsMember({"unreviewed", "confirmed", "disputed", "rejected"}));
  sub->add_option("--document", o->document, "Only claims sourced from this document");
  sub->add_option("--limit", o->limit, "At most N")->check(CLI::NonNegativeNumber);
  r.Add(sub, [ctx = r.ctx, o]() {
    ClaimFilter f;
    f.about = o->about;
    f.predicate = o->predicate;
    if (!o->status.empty()) f.status = ParseClaimStatus(o->status);
    f.document = o->document;
    f.limit = o->limit;
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto rows = store->ListClaims(f);
    if (!rows.ok()) return ctx->Fail(rows.status());
    for (const auto& c : *rows) {
      if (ctx->json) {
        ctx->Emit(ClaimRecord(c));
      } else {
        PrintClaim(*ctx, c, "");
      }
    }
    if (!ctx->json && rows->empty()) std::cout << "(none)\n";
    return kExitOk;
  });
}

void RegisterSearch(const Registry& r) {
  auto* sub = r.app->add_subcommand("search", "Full-text search over names, documents and claim quotes");
  struct Opts {
    std::vector<std::string> words;
    std::string type;
    int64_t limit = 20;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("QUERY", o->words, "Words, \"phrases\", prefix*, AND/OR/NOT, -excluded")->required();
  sub->add_option("--type", o->type, "Only person, organization, place, document or claim")
      ->check(CLI::IsMember({"person", "organization", "org", "place", "document", "doc", "claim"}));
  sub->add_option("--limit", o->limit, "At most N results (default 20)")
      ->check(CLI::Range(int64_t{1}, int64_t{100000}));
  r.Add(sub, [ctx = r.ctx, o]() {
    SearchQuery q;
    for (const auto& w : o->words) q.text += (q.text.empty() ? "" : " ") + w;
    if (!o->type.empty()) q.type = ParseType(o->type);
    q.limit = o->limit;
    if (ctx->color && !ctx->json) {
      q.mark_open = "\x1b[1;33m";
      q.mark_close = "\x1b[0m";
    }
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto hits = store->Search(q);
    if (!hits.ok()) return ctx->Fail(hits.status());
    for (const auto& h : *hits) {
      if (ctx->json) {
        ctx->Emit({{"id", h.id}, {"type", std::string(TypeName(h.type))}, {"title", h.title}, {"field", h.field},
                   {"snippet", h.snippet}, {"score", h.score}});
      } else {
        std::cout << ctx->Bold(h.id) << "  " << h.title << "\n    " << OneLine(h.snippet) << "\n";
      }
    }
    if (!ctx->json && hits->empty()) std::cout << "no results\n";
    return kExitOk;
  });
}

void RegisterStats(const Registry& r) {
  auto* sub = r.app->add_subcommand("stats", "Counts per type and store size");
  r.Add(sub, [ctx = r.ctx]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto st = store->GetStats();
    if (!st.ok()) return ctx->Fail(st.status());
    const Stats& s = *st;
    if (ctx->json) {
      ctx->Emit({{"path", s.path},
                 {"schema_version", s.schema_version},
                 {"file_bytes", s.file_bytes},
                 {"person", s.persons},
                 {"organization", s.organizations},
                 {"place", s.places},
                 {"document", s.documents},
                 {"cited_only", s.cited_only},
                 {"claim", s.claims},
                 {"mention", s.mentions},
                 {"alias", s.aliases},
                 {"judgement", s.judgements},
                 {"merged", s.merged},
                 {"finding", s.findings},
                 {"open_finding", s.open_findings},
                 {"audit", s.audit_entries}});
    } else {
      std::cout << "store " << s.path << " (schema " << s.schema_version << ", " << s.file_bytes / 1024 << " KiB)\n"
                << "  people         " << s.persons << "\n"
                << "  organizations  " << s.organizations << "\n"
                << "  places         " << s.places << "\n"
                << "  documents      " << s.documents << (s.cited_only ? " (and " + std::to_string(s.cited_only) + " cited only)" : "") << "\n"
                << "  claims         " << s.claims << "\n"
                << "  mentions       " << s.mentions << "\n"
                << "  aliases        " << s.aliases << "\n"
                << "  merged away    " << s.merged << "\n"
                << "  judgements     " << s.judgements << "\n"
                << "  findings       " << s.findings << " (" << s.open_findings << " open)\n"
                << "  audit entries  " << s.audit_entries << "\n";
    }
    return kExitOk;
  });
}

void RegisterLog(const Registry& r) {
  auto* sub = r.app->add_subcommand("log", "The audit log: who changed what, when");
  auto limit = std::make_shared<int64_t>(50);
  sub->add_option("--limit", *limit, "The last N changes (default 50; 0 for all)")->check(CLI::NonNegativeNumber);
  r.Add(sub, [ctx = r.ctx, limit]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto rows = store->ListAudit(*limit);
    if (!rows.ok()) return ctx->Fail(rows.status());
    for (const auto& a : *rows) {
      if (ctx->json) {
        ctx->Emit({{"seq", a.seq}, {"at", a.at}, {"actor", a.actor}, {"action", a.action}, {"target", a.target},
                   {"detail", a.detail}});
      } else {
        std::cout << a.at << "  " << std::left << std::setw(16) << a.actor << " " << std::setw(10) << a.action << " "
                  << a.target << ctx->Dim("  " + Shorten(a.detail.dump(), 120)) << "\n";
      }
    }
    return kExitOk;
  });
}

}  // namespace

void RegisterQueryCommands(const Registry& r) {
  RegisterShow(r);
  RegisterList(r);
  RegisterClaims(r);
  RegisterSearch(r);
  RegisterStats(r);
  RegisterLog(r);
}

}  // namespace dossier::cli
