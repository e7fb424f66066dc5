// dossier: the command line. Parses arguments, calls the kernel, prints.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>

#include "context.h"
#include "terminal.h"

namespace dossier::cli {
namespace {

// Who the audit log says did what: $DOSSIER_USER (curators sharing a team
// store on a server, or one login), else the login name.
std::string UserName() {
  if (const char* u = std::getenv("DOSSIER_USER"); u && *u) return u;
  if (const char* u = std::getenv("USER"); u && *u) return u;
  if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return pw->pw_name;
  return "uid" + std::to_string(getuid());
}

// CLI11 reports problems as exceptions with multi-line help attached; we want
// one line naming what was wrong.
std::string OneLine(std::string s) {
  if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  return s;
}

}  // namespace

int Main(int argc, char** argv) {
  Context ctx;
  ctx.actor.name = "cli:" + UserName();
  ctx.color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");

  CLI::App app{"dossier: a sourced fact base of people, organizations, places, documents and claims"};
  app.name("dossier");
  app.require_subcommand(1);
  app.fallthrough();  // "dossier show X --json" as well as "dossier --json show X"
  std::string db_flag;
  app.add_option("--db", db_flag, "Store file (default: $DOSSIER_DB, or ./dossier.db)");
  app.add_flag("--json", ctx.json, "Print JSON Lines on stdout");
  app.add_option("--plugin", ctx.plugin_files, "Also load this plugin library (repeatable)");

  std::vector<std::pair<CLI::App*, Action>> actions;
  Registry registry{&app, &ctx, &actions};
  RegisterCurationCommands(registry);
  RegisterQueryCommands(registry);
  RegisterPipelineCommands(registry);
  RegisterStoryCommands(registry);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    std::cout << "dossier " << "0.1.0" << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    // Subcommand help (--help after a subcommand) also arrives here.
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
      app.exit(e);
      return kExitOk;
    }
    std::cerr << "dossier: " << OneLine(e.what()) << " (see dossier --help)\n";
    return kExitUsage;
  }

  if (app.get_option("--db")->count() > 0 && db_flag.empty()) return ctx.Usage("--db needs a store file (it was empty)");
  if (!db_flag.empty()) {
    ctx.db_path = db_flag;
  } else if (const char* env = std::getenv("DOSSIER_DB"); env && *env) {
    ctx.db_path = env;
  } else {
    ctx.db_path = "dossier.db";
  }

  // The action of the deepest parsed subcommand ("claim add", not "claim").
  Action* chosen = nullptr;
  size_t depth = 0;
  for (auto& [sub, action] : actions) {
    if (!sub->parsed()) continue;
    size_t d = 0;
    for (CLI::App* p = sub; p; p = p->get_parent()) ++d;
    if (d > depth) {
      depth = d;
      chosen = &action;
    }
  }
  if (!chosen) return ctx.Usage("no command given (see dossier --help)");
  // What people read is escaped (terminal.h); exports written to stdout and
  // JSON Lines are data, passed as they are.
  const bool exporting = app.got_subcommand("export");
  std::optional<TerminalSafe> safe_out;
  if (!ctx.json && !exporting) safe_out.emplace(std::cout);
  TerminalSafe safe_err(std::cerr);
  // A plugin the user named with --plugin must load: running without it
  // would do something else than was asked.
  if (!ctx.plugin_files.empty()) {
    const PluginHost& host = ctx.Plugins(/*quiet=*/true);
    if (!ctx.failed_plugins.empty()) {
      for (const auto& e : ctx.failed_plugins) std::cerr << "dossier: plugin " << e << "\n";
      return kExitError;
    }
    if (!app.got_subcommand("plugins")) {
      for (const auto& e : host.errors()) std::cerr << "dossier: warning: plugin " << e << "\n";
    }
  }
  try {
    return (*chosen)();
  } catch (const std::exception& e) {
    // A bug, not a user error; still one line and no stack trace.
    std::cerr << "dossier: internal error: " << OneLine(e.what()) << "\n";
    return kExitError;
  }
}

}  // namespace dossier::cli

int main(int argc, char** argv) { return dossier::cli::Main(argc, argv); }
