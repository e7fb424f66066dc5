// Commands that run plugins: import, check, findings, finding, export, plugins.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iomanip>

#include "context.h"
#include "dossier/changes.h"
#include "dossier/copy.h"
#include "dossier/pipeline.h"
#include "dossier/record.h"
#include "progress.h"

namespace dossier::cli {
namespace {

const char* OutcomeName(FileReport::Outcome o) {
  switch (o) {
    case FileReport::Outcome::kImported: return "imported";
    case FileReport::Outcome::kUnchanged: return "unchanged";
    case FileReport::Outcome::kFailed: return "failed";
  }
  return "?";
}

Json ReportJson(const FileReport& f) {
  Json j = {{"path", f.path}, {"outcome", OutcomeName(f.outcome)}};
  if (!f.importer.empty()) j["importer"] = f.importer;
  if (!f.reason.empty()) j["reason"] = f.reason;
  j["documents"] = f.documents;
  j["documents_new"] = f.documents_new;
  j["documents_unchanged"] = f.documents_unchanged;
  j["documents_failed"] = f.documents_failed;
  if (f.records) j["records"] = f.records;
  if (f.records_unchanged) j["records_unchanged"] = f.records_unchanged;
  j["entities_created"] = f.entities_created;
  j["mentions"] = f.mentions;
  j["claims"] = f.claims;
  if (!f.warnings.empty()) j["warnings"] = f.warnings;
  if (!f.planned.empty()) {
    Json planned = Json::array();
    for (const auto& p : f.planned) {
      planned.push_back({{"id", p.id}, {"title", p.title}, {"state", PlannedStateName(p.state)}, {"mentions", p.mentions},
                         {"claims", p.claims}, {"new_entities", p.new_entities}, {"known_entities", p.known_entities}});
    }
    j["would_store"] = planned;
  }
  return j;
}

// A dry run's account of one file: each document with what it would store.
void PrintPlan(const FileReport& f, std::ostream& out) {
  out << f.path << "  (" << f.importer << ")\n";
  if (f.outcome == FileReport::Outcome::kUnchanged && f.planned.empty()) {
    out << "  unchanged: the same bytes were imported before\n";
  }
  for (const auto& p : f.planned) {
    out << "  " << PlannedStateName(p.state) << "  " << p.id << "  " << p.title << "\n    " << p.mentions << " mentions, "
        << p.claims << " claims";
    if (p.state == PlannedDocument::State::kUnchanged) out << " (the store has this text: nothing would change)";
    out << "\n";
    for (const auto* names : {&p.new_entities, &p.known_entities}) {
      if (names->empty()) continue;
      out << "    " << (names == &p.new_entities ? "not in the store: " : "in the store: ");
      for (size_t i = 0; i < names->size(); ++i) out << (i ? "; " : "") << (*names)[i];
      out << "\n";
    }
  }
  if (f.records) out << "  " << f.records << " interchange records, valid\n";
}

void RegisterImport(const Registry& r) {
  auto* sub = r.app->add_subcommand("import", "Import files and folders (recursively), detecting their format");
  struct Opts {
    std::vector<std::string> paths, extractors;
    std::string as;
    bool dry_run = false, force = false, replace = false, no_extract = false, verbose = false;
    int64_t max_document_mb = 64;
    int64_t max_batch_mb = 128;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("PATH", o->paths, "Files or folders")->required();
  sub->add_option("--as", o->as, "Use this importer for every file instead of detecting");
  sub->add_flag("--dry-run", o->dry_run, "Read and extract, store nothing: list per file what would be stored");
  sub->add_flag("--force", o->force, "Import files even if the same bytes were imported before");
  sub->add_flag("--replace", o->replace,
                "Let interchange records overwrite what the store holds under their ids (each one audited)");
  sub->add_option("--extractor", o->extractors, "Run only this extractor (repeatable)");
  sub->add_flag("--no-extract", o->no_extract, "Run no extractor");
  // Bounded so that the size in bytes (MB << 20) fits an int64_t with room to
  // spare: a petabyte is more than any limit means.
  const auto megabytes = CLI::Range(int64_t{1}, int64_t{1} << 30);
  sub->add_option("--max-document-mb", o->max_document_mb, "Refuse documents larger than this (default 64)")
      ->check(megabytes);
  sub->add_option("--max-batch-mb", o->max_batch_mb,
                  "Memory one file read whole or one document with its facts may take (default 128)")
      ->check(megabytes);
  sub->add_flag("-v,--verbose", o->verbose, "One line per file");
  r.Add(sub, [ctx = r.ctx, o]() {
    Store* store = ctx->OpenStore(/*create_if_missing=*/true);
    if (!store) return kExitError;
    PluginHost& host = ctx->Plugins();
    ImportOptions options;
    options.as = o->as;
    options.dry_run = o->dry_run;
    options.force = o->force;
    options.replace = o->replace;
    options.extractors = o->extractors;
    options.no_extract = o->no_extract;
    options.max_document_bytes = o->max_document_mb << 20;
    options.max_batch_bytes = o->max_batch_mb << 20;
    ProgressLine progress(!ctx->json && isatty(STDERR_FILENO));
    options.progress = [&](const ImportProgress& p) { progress.Update(p); };
    Pipeline pipeline(*store, host, ctx->actor);
    auto summary = pipeline.Import(o->paths, options);
    progress.Clear();
    if (!summary.ok()) {
      if (summary.status().code() == Status::Code::kInvalidArgument) return ctx->Usage(summary.status().message());
      return ctx->Fail(summary.status());
    }
    int64_t new_docs = 0, unchanged_docs = 0, failed_docs = 0, records = 0;
    for (const auto& f : summary->files) {
      new_docs += f.documents_new;
      unchanged_docs += f.documents_unchanged;
      failed_docs += f.documents_failed;
      records += f.records;
      if (ctx->json) {
        ctx->Emit(ReportJson(f));
        continue;
      }
      if (f.outcome == FileReport::Outcome::kFailed) {
        std::cerr << "dossier: " << f.path << ": " << f.reason << "\n";
      } else if (o->dry_run) {
        PrintPlan(f, std::cout);
      } else if (o->verbose) {
        std::cout << std::left << std::setw(10) << OutcomeName(f.outcome) << f.path << "  (" << f.importer << ", "
                  << f.documents.size() << " document" << (f.documents.size() == 1 ? "" : "s") << ")\n";
      }
      for (const auto& w : f.warnings) {
        if (f.outcome == FileReport::Outcome::kFailed && w == f.reason) continue;
        std::cerr << "dossier: warning: " << f.path << ": " << w << "\n";
      }
    }
    if (ctx->json) {
      ctx->Emit({{"summary",
                  {{"files_imported", summary->imported},
                   {"files_unchanged", summary->unchanged},
                   {"files_failed", summary->failed},
                   {"documents_new", new_docs},
                   {"documents_unchanged", unchanged_docs},
                   {"documents_failed", failed_docs},
                   {"records", records},
                   {"dry_run", o->dry_run},
                   {"seconds", summary->elapsed_seconds}}}});
    } else {
      char line[512];
      std::snprintf(line, sizeof line, "%s%lld file%s imported (%lld new document%s%s), %lld unchanged, %lld failed in %.1f s\n",
                  o->dry_run ? "dry run: " : "", static_cast<long long>(summary->imported),
                  summary->imported == 1 ? "" : "s", static_cast<long long>(new_docs), new_docs == 1 ? "" : "s",
                  records ? (", " + std::to_string(records) + " records").c_str() : "",
                  static_cast<long long>(summary->unchanged), static_cast<long long>(summary->failed),
                  summary->elapsed_seconds);
      std::cout << line;
    }
    return summary->failed > 0 ? kExitError : kExitOk;
  });
}

// Which checkers `check --since` must run: those whose last stored run is
// older than the store's last change (or than the --since time, whichever is
// earlier, so a skipped checker's findings are never stale); the rest keep
// their findings.
struct SincePlan {
  std::vector<std::string> run;
  std::vector<std::pair<std::string, std::string>> skipped;  // checker, unchanged since
};

Result<SincePlan> PlanSince(Store& store, PluginHost& host, const std::vector<std::string>& names,
                            const std::string& since_text) {
  std::string since;
  if (since_text != "last") {
    auto parsed = ParseSinceTime(since_text);
    if (!parsed.ok()) return parsed.status();
    since = *parsed;
  }
  std::vector<std::string> all = names;
  if (all.empty()) {
    for (Checker* c : host.checkers()) all.push_back(c->name());
  }
  auto changed = LastChangeAt(store);
  if (!changed.ok()) return changed.status();
  SincePlan plan;
  for (const std::string& name : all) {
    if (!host.FindChecker(name)) return Status::InvalidArgument("no checker named " + name);
    auto last = LastCheckAt(store, name);
    if (!last.ok()) return last.status();
    std::string threshold = *last;
    if (!since.empty() && !threshold.empty() && since < threshold) threshold = since;
    if (threshold.empty() || (!changed->empty() && ChangedSince(*changed, threshold))) {
      plan.run.push_back(name);
    } else {
      plan.skipped.push_back({name, threshold});
    }
  }
  return plan;
}

void RegisterCheck(const Registry& r) {
  auto* sub = r.app->add_subcommand("check", "Run the cross-checkers and store their findings");
  struct Opts {
    std::vector<std::string> checkers;
    std::string fail_on;
    std::string since;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--checker", o->checkers, "Run only this checker (repeatable)");
  sub->add_option("--since", o->since,
                  "Skip checkers when the store has not changed since TIME or since their last run (\"last\")");
  sub->add_option("--fail-on", o->fail_on, "Exit 1 when open findings reach this severity (warning or error)")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  r.Add(sub, [ctx = r.ctx, o]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    Pipeline pipeline(*store, ctx->Plugins(), ctx->actor);
    std::vector<std::string> to_run = o->checkers;
    std::vector<std::pair<std::string, std::string>> skipped;  // checker, unchanged since
    if (!o->since.empty()) {
      auto plan = PlanSince(*store, ctx->Plugins(), o->checkers, o->since);
      if (!plan.ok()) {
        return plan.status().code() == Status::Code::kInvalidArgument ? ctx->Usage(plan.status().message())
                                                                        : ctx->Fail(plan.status());
      }
      to_run = plan->run;
      skipped = plan->skipped;
    }
    Result<std::vector<CheckReport>> reports = std::vector<CheckReport>{};
    if (o->since.empty() || !to_run.empty()) {
      ProgressLine progress(!ctx->json && isatty(STDERR_FILENO));
      reports = pipeline.Check(to_run, [&](const StepProgress& p) { progress.Update(p); });
    }
    if (!reports.ok()) return ctx->Usage(reports.status().message());
    for (const auto& [name, since] : skipped) {
      FindingFilter kept;
      kept.checker = name;
      auto rows = store->ListFindings(kept);
      const int64_t n = rows.ok() ? static_cast<int64_t>(rows->size()) : 0;
      if (ctx->json) {
        ctx->Emit({{"checker", name}, {"findings", n}, {"ok", true}, {"skipped", true}, {"unchanged_since", since}});
      } else {
        std::cout << name << ": unchanged since " << since << ", skipped (" << n << " finding" << (n == 1 ? "" : "s")
                  << " kept)\n";
      }
    }
    bool failed = false;
    for (const auto& rep : *reports) {
      if (ctx->json) {
        Json j = {{"checker", rep.checker}, {"findings", rep.findings}, {"ok", rep.status.ok()}};
        if (!rep.status.ok()) j["error"] = rep.status.message();
        ctx->Emit(j);
      } else if (rep.status.ok()) {
        const char* what = rep.checker == "stories" ? " stor" : " finding";
        const char* plural = rep.checker == "stories" ? (rep.findings == 1 ? "y" : "ies") : (rep.findings == 1 ? "" : "s");
        std::cout << rep.checker << ": " << rep.findings << what << plural << "\n";
      }
      if (!rep.status.ok()) {
        std::cerr << "dossier: " << rep.status.message() << "\n";
        failed = true;
      }
    }
    if (!ctx->json && reports->empty() && skipped.empty()) std::cout << "no checkers are loaded (see dossier plugins)\n";
    if (failed) return kExitError;
    if (!o->fail_on.empty()) {
      FindingFilter f;
      f.status = FindingStatus::kOpen;
      f.min_severity = ParseSeverity(o->fail_on);
      auto open = store->ListFindings(f);
      if (!open.ok()) return ctx->Fail(open.status());
      if (!open->empty()) {
        std::cerr << "dossier: " << open->size() << " open finding" << (open->size() == 1 ? "" : "s") << " at "
                  << o->fail_on << " or above\n";
        return kExitError;
      }
    }
    return kExitOk;
  });
}

void RegisterFindings(const Registry& r) {
  auto* sub = r.app->add_subcommand("findings", "List the checkers' findings");
  struct Opts {
    std::string severity, code, checker, about, status = "open";
    int64_t limit = 0;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("--severity", o->severity, "At least this severity: info, warning or error")
      ->check(CLI::IsMember({"info", "warning", "error"}));
  sub->add_option("--code", o->code, "Only this code (value-conflict, ...)");
  sub->add_option("--checker", o->checker, "Only from this checker");
  sub->add_option("--about", o->about, "Only findings about this entity or claim");
  sub->add_option("--status", o->status, "open (default), resolved, ignored or all")
      ->check(CLI::IsMember({"open", "resolved", "ignored", "all"}));
  sub->add_option("--limit", o->limit, "At most N")->check(CLI::NonNegativeNumber);
  r.Add(sub, [ctx = r.ctx, o]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    FindingFilter f;
    if (!o->severity.empty()) f.min_severity = ParseSeverity(o->severity);
    f.code = o->code;
    f.checker = o->checker;
    f.about = o->about;
    if (o->status != "all") f.status = ParseFindingStatus(o->status);
    f.limit = o->limit;
    auto rows = store->ListFindings(f);
    if (!rows.ok()) return ctx->Fail(rows.status());
    for (const auto& fd : *rows) {
      if (ctx->json) {
        ctx->Emit(FindingRecord(fd));
        continue;
      }
      std::cout << ctx->Bold(fd.id) << "  " << SeverityName(fd.severity) << "  " << fd.checker << "/" << fd.code
                << (fd.status == FindingStatus::kOpen ? "" : "  [" + std::string(FindingStatusName(fd.status)) + "]")
                << "\n    " << fd.message << "\n";
      if (!fd.refs.empty()) {
        std::cout << "    refs:";
        for (const auto& ref : fd.refs) std::cout << " " << ref;
        std::cout << "\n";
      }
    }
    if (!ctx->json && rows->empty()) std::cout << "(none)\n";
    return kExitOk;
  });

  auto* one = r.app->add_subcommand("finding", "Resolve, ignore or reopen a finding");
  one->require_subcommand(1);
  for (const auto& [verb, status] : std::vector<std::pair<std::string, FindingStatus>>{
           {"resolve", FindingStatus::kResolved}, {"ignore", FindingStatus::kIgnored}, {"reopen", FindingStatus::kOpen}}) {
    auto* cmd = one->add_subcommand(verb, "Mark a finding " + std::string(FindingStatusName(status)));
    auto args = std::make_shared<std::pair<std::string, std::string>>();
    cmd->add_option("ID", args->first, "Finding id")->required();
    cmd->add_option("--reason", args->second, "Why (kept with the finding)")->required();
    r.Add(cmd, [ctx = r.ctx, args, status = status]() {
      Store* store = ctx->OpenStore();
      if (!store) return kExitError;
      if (Status st = store->SetFindingStatus(args->first, status, args->second, ctx->actor); !st.ok()) {
        return ctx->Fail(st);
      }
      if (ctx->json) {
        ctx->Emit({{"finding", args->first}, {"status", std::string(FindingStatusName(status))}});
      } else {
        std::cout << args->first << " is now " << FindingStatusName(status) << "\n";
      }
      return kExitOk;
    });
  }
}

void RegisterExport(const Registry& r) {
  auto* sub = r.app->add_subcommand("export", "Write the store (or part of it) in another format");
  struct Opts {
    std::string format, output;
    std::vector<std::string> types;
    std::string about;
    int depth = 1;
    bool svg = false, force = false, include_paths = false;
    int64_t max_nodes = -1, min_weight = -1;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("FORMAT", o->format, "Exporter name (see dossier plugins)")->required();
  sub->add_option("--about", o->about, "Only this entity (id or name) and what is connected to it");
  sub->add_option("--depth", o->depth, "With --about: how many steps of relations and co-mentions to follow")
      ->check(CLI::Range(0, 10));
  sub->add_flag("--svg", o->svg, "With dot: render the graph to SVG with Graphviz's dot");
  sub->add_flag("--force", o->force,
                "Replace a file or folder at the output path that no dossier export made (never the store)");
  sub->add_option("-o,--output", o->output, "Output file or folder (- for stdout; default: the exporter's)");
  sub->add_option("--max-nodes", o->max_nodes,
                  "Graph formats: draw only the N most-named entities (0: all; default: dot 200, 50 with --about; gexf/graphml all)")
      ->check(CLI::Range(int64_t{0}, int64_t{1} << 40));
  sub->add_option("--min-weight", o->min_weight,
                  "Graph formats: leave out co-mentions of fewer than N documents (default: dot 2, but all with the --about entity)")
      ->check(CLI::Range(int64_t{0}, int64_t{1} << 40));
  sub->add_flag("--include-paths", o->include_paths,
                "Write documents' full paths on this machine (default: file names only; jsonl always keeps them)");
  sub->add_option("--type", o->types, "Only this type (repeatable)")
      ->check(CLI::IsMember({"person", "organization", "org", "place", "document", "doc", "claim"}));
  r.Add(sub, [ctx = r.ctx, o]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    Selection selection;
    for (const auto& t : o->types) selection.types.push_back(*ParseType(t));
    selection.about = o->about;
    selection.depth = o->depth;
    selection.include_paths = o->include_paths;
    selection.max_nodes = o->max_nodes;
    selection.min_weight = o->min_weight;
    if (o->svg) {
      if (o->format != "dot") return ctx->Usage("--svg applies to the dot format only");
      o->format = "svg";  // the graph plugin's exporter that runs Graphviz
    }
    Pipeline pipeline(*store, ctx->Plugins(), ctx->actor);
    PluginHost& host = ctx->Plugins();
    Exporter* exporter = host.FindExporter(o->format);
    if (!exporter) {
      std::string names;
      for (Exporter* e : host.exporters()) names += (names.empty() ? "" : ", ") + e->name();
      return ctx->Usage("no exporter named " + o->format + " (loaded: " + (names.empty() ? "none" : names) + ")");
    }
    const std::string output = o->output.empty() ? exporter->default_output() : o->output;
    ExportOptions options;
    options.force = o->force;
    // Not when the export itself goes to the terminal (-o -).
    ProgressLine progress(!ctx->json && output != "-" && isatty(STDERR_FILENO));
    options.progress = [&](const StepProgress& p) { progress.Update(p); };
    Status exported = pipeline.Export(o->format, selection, output, options);
    progress.Clear();
    if (!exported.ok()) return ctx->Fail(exported);
    if (output != "-") {
      if (ctx->json) {
        ctx->Emit({{"format", o->format}, {"output", output}});
      } else {
        std::cout << "exported " << o->format << " to " << output << "\n";
      }
    }
    return kExitOk;
  });
}

void RegisterCopy(const Registry& r) {
  auto* sub = r.app->add_subcommand(
      "copy", "Copy a whole store into a new one: a file to a PostgreSQL database (postgresql://...) or back");
  struct Opts {
    std::string from, to;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("FROM", o->from, "The store to copy (a file, or postgresql://user@host:port/dbname)")->required();
  sub->add_option("TO", o->to, "The new store: a file that does not exist yet, or an empty database")->required();
  r.Add(sub, [ctx = r.ctx, o]() {
    if (o->from == o->to) return ctx->Usage("FROM and TO are the same store");
    StoreOptions from_options;
    auto from = Store::Open(o->from, from_options);
    if (!from.ok()) return ctx->Fail(from.status());
    StoreOptions to_options;
    to_options.create_if_missing = true;
    auto to = Store::Open(o->to, to_options);
    if (!to.ok()) return ctx->Fail(to.status());
    ProgressLine progress(!ctx->json && isatty(STDERR_FILENO));
    const auto started = std::chrono::steady_clock::now();
    CopyOptions options;
    options.progress = [&](int64_t done, int64_t total) {
      progress.Update(StepProgress{"records", "", done, total,
                                   std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()});
    };
    auto copied = CopyStore(**from, **to, ctx->actor, options);
    progress.Clear();
    if (!copied.ok()) return ctx->Fail(copied.status());
    // As the stores name themselves: a server's URI without its password.
    auto name = [](Store& s, const std::string& given) {
      auto stats = s.GetStats();
      return stats.ok() ? stats->path : given;
    };
    const std::string from_name = name(**from, o->from), to_name = name(**to, o->to);
    if (ctx->json) {
      ctx->Emit({{"from", from_name}, {"to", to_name}, {"records", *copied}});
    } else {
      std::cout << "copied " << *copied << " records from " << from_name << " to " << to_name << "\n";
    }
    return kExitOk;
  });
}

void RegisterPlugins(const Registry& r) {
  auto* sub = r.app->add_subcommand("plugins", "List loaded plugins and their components, and load errors");
  r.Add(sub, [ctx = r.ctx]() {
    PluginHost& host = ctx->Plugins(/*quiet=*/true);
    for (const auto& p : host.plugins()) {
      if (ctx->json) {
        Json comps = Json::array();
        for (const auto& c : p.components) comps.push_back({{"kind", c.kind}, {"name", c.name}, {"description", c.description}});
        ctx->Emit({{"plugin", p.name}, {"version", p.version}, {"file", p.file}, {"components", comps}});
        continue;
      }
      std::cout << ctx->Bold(p.name) << " " << p.version << "  " << ctx->Dim(p.file) << "\n";
      for (const auto& c : p.components) {
        std::cout << "  " << std::left << std::setw(10) << c.kind << std::setw(13) << c.name << " " << c.description << "\n";
      }
    }
    for (const auto& e : host.errors()) {
      if (ctx->json) {
        ctx->Emit({{"error", e}});
      } else {
        std::cerr << "dossier: plugin error: " << e << "\n";
      }
    }
    if (!ctx->json && host.plugins().empty()) std::cout << "no plugins loaded\n";
    return host.errors().empty() ? kExitOk : kExitError;
  });
}

}  // namespace

void RegisterPipelineCommands(const Registry& r) {
  RegisterImport(r);
  RegisterCheck(r);
  RegisterFindings(r);
  RegisterExport(r);
  RegisterCopy(r);
  RegisterPlugins(r);
}

}  // namespace dossier::cli
