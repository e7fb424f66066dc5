// What every CLI command gets: where the store is, how to print, who is acting.
// The CLI only parses and prints; the work is done by the kernel.
#pragma once

#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dossier/host.h"
#include "dossier/model.h"
#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier::cli {

// Exit statuses (DESIGN.md §5).
constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

class Context {
 public:
  std::string db_path;  // --db, $DOSSIER_DB, or ./dossier.db
  bool json = false;    // --json: JSON Lines on stdout
  Actor actor;          // "cli:<user>"
  bool color = false;   // stdout is a terminal
  std::vector<std::string> plugin_files;  // --plugin FILE
  std::vector<std::string> failed_plugins;  // why each --plugin FILE did not load (after Plugins())

  // Loads the plugins (once). Load errors are printed as warnings unless
  // quiet (the plugins command shows them itself).
  PluginHost& Plugins(bool quiet = false);

  // Opens the store (once). Prints the error and returns nullptr on failure.
  Store* OpenStore(bool create_if_missing = false);

  // Prints "dossier: <message>" to stderr and returns kExitError.
  int Fail(const Status& status) const;
  // Prints "dossier: <message>" to stderr and returns kExitUsage.
  int Usage(const std::string& message) const;
  // Writes one JSON value as a line.
  void Emit(const Json& value) const;

  // Bold on a terminal, plain otherwise.
  std::string Bold(const std::string& s) const;
  std::string Dim(const std::string& s) const;

 private:
  std::unique_ptr<Store> store_;
  std::unique_ptr<PluginHost> host_;
};

// A subcommand's action, run after parsing succeeded.
using Action = std::function<int()>;

// Each registers its subcommands on app; the action of the one that was
// parsed is found through `actions`.
struct Registry {
  CLI::App* app;
  Context* ctx;
  std::vector<std::pair<CLI::App*, Action>>* actions;

  void Add(CLI::App* sub, Action action) const { actions->emplace_back(sub, std::move(action)); }
};

void RegisterCurationCommands(const Registry& r);  // init, add, alias, claim, merge, split, judge
void RegisterQueryCommands(const Registry& r);     // show, list, claims, search, stats, log
void RegisterPipelineCommands(const Registry& r);  // import, check, findings, finding, export, plugins
void RegisterStoryCommands(const Registry& r);     // stories, story add/remove/join/split

// `show story:...`: its documents, outlets and findings.
int ShowStory(Context& ctx, Store& store, const std::string& id);

// Parses "key=value"; false when there is no '='.
bool SplitKeyValue(const std::string& kv, std::string* key, std::string* value);

}  // namespace dossier::cli
