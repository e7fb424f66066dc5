// The plugin host: loading the built-in plugins, and one readable error line
// for every way a plugin library can fail to load.
#include <catch2/catch.hpp>

#include <filesystem>

#include "dossier/host.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::TempDir;

namespace {

std::string Fixture(const std::string& name) { return std::string(DOSSIER_FIXTURE_PLUGIN_DIR) + "/" + name + ".so"; }

bool HasErrorContaining(const PluginHost& host, const std::string& file, const std::string& text) {
  for (const auto& e : host.errors()) {
    if (e.rfind(file + ": ", 0) == 0 && e.find(text) != std::string::npos && e.find('\n') == std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("the built-in plugins load from the build's plugin folder", "[plugins]") {
  PluginHost host;
  host.LoadDefault();
  INFO(host.errors().size() << " errors, first: " << (host.errors().empty() ? "" : host.errors()[0]));
  CHECK(host.errors().empty());
  REQUIRE(host.FindImporter("text") != nullptr);
  REQUIRE(host.FindImporter("jsonl") != nullptr);
  REQUIRE(host.FindExporter("jsonl") != nullptr);
  CHECK(host.PluginOf(host.FindImporter("text")) == "import-text");
  bool listed = false;
  for (const auto& p : host.plugins()) {
    if (p.name != "jsonl") continue;
    listed = true;
    CHECK(p.version == "1.0.0");
    CHECK(p.file.find("jsonl.so") != std::string::npos);
    CHECK(p.components.size() == 2);
  }
  CHECK(listed);
}

TEST_CASE("each load failure is one line naming the file and the reason", "[plugins]") {
  TempDir dir;
  const std::string fake = dir / "notes.so";
  dossier::testing::WriteFile(fake, "this is a text file that only pretends to be a library\n");

  PluginHost host;
  host.LoadDefault();
  const size_t builtin = host.plugins().size();

  CHECK_FALSE(host.LoadFile(fake).ok());
  CHECK(HasErrorContaining(host, std::filesystem::canonical(fake).string(), "not a loadable shared library"));

  const std::string no_entry = std::filesystem::canonical(Fixture("fixture_no_entry")).string();
  CHECK_FALSE(host.LoadFile(no_entry).ok());
  CHECK(HasErrorContaining(host, no_entry, "not a dossier plugin: it has no dossier_plugin_info entry point"));

  const std::string bad_abi = std::filesystem::canonical(Fixture("fixture_bad_abi")).string();
  CHECK_FALSE(host.LoadFile(bad_abi).ok());
  CHECK(HasErrorContaining(host, bad_abi, "built for plugin ABI version " + std::to_string(DOSSIER_PLUGIN_ABI_VERSION + 41) +
                                               ", this dossier needs version " + std::to_string(DOSSIER_PLUGIN_ABI_VERSION)));

  const std::string throws = std::filesystem::canonical(Fixture("fixture_throws")).string();
  CHECK_FALSE(host.LoadFile(throws).ok());
  CHECK(HasErrorContaining(host, throws, "failed to register its components: cannot find its gazetteer file"));

  const std::string duplicate = std::filesystem::canonical(Fixture("fixture_duplicate")).string();
  CHECK_FALSE(host.LoadFile(duplicate).ok());
  CHECK(HasErrorContaining(host, duplicate, "importer 'text' is already provided by"));
  // The duplicate's other component still loads; the original "text" is untouched.
  CHECK(host.FindImporter("dup-own") != nullptr);
  CHECK(host.PluginOf(host.FindImporter("text")) == "import-text");

  CHECK_FALSE(host.LoadFile(dir / "missing.so").ok());
  CHECK(HasErrorContaining(host, dir / "missing.so", "no such file"));

  // Everything that loaded before still works.
  CHECK(host.plugins().size() == builtin + 1);  // + duplicate
  CHECK(host.FindExporter("jsonl") != nullptr);
  CHECK(host.errors().size() == 6);
}

TEST_CASE("$DOSSIER_PLUGIN_PATH adds folders and files, a library is loaded once", "[plugins]") {
  TempDir dir;
  std::filesystem::copy_file(Fixture("fixture_faulty"), dir / "faulty.so");
  const std::string env = "DOSSIER_PLUGIN_PATH=" + dir.path() + ":" + dir.path() + "/faulty.so:" + dir.path() + "/nope";
  putenv(const_cast<char*>(env.c_str()));
  PluginHost host;
  host.LoadDefault({dir / "faulty.so"});
  unsetenv("DOSSIER_PLUGIN_PATH");
  CHECK(host.FindImporter("boom") != nullptr);
  CHECK(host.FindChecker("broken") != nullptr);
  int faulty = 0;
  for (const auto& p : host.plugins()) faulty += p.name == "faulty";
  CHECK(faulty == 1);
  REQUIRE(host.errors().size() == 1);
  CHECK(host.errors()[0].find("/nope: no such file or folder") != std::string::npos);
}
