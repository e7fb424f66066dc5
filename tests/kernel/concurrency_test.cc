// Two processes writing to one store at once: both finish, nothing is lost,
// nobody sees "database is locked".
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "dossier/store.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::TempDir;

namespace {

// Child body: open the store and write n entities and claims, each its own
// transaction. Exit status 0 on success, 1 with the message on stderr.
[[noreturn]] void Writer(const std::string& path, const std::string& prefix, int n) {
  auto s = Store::Open(path, {});
  if (!s.ok()) {
    fprintf(stderr, "%s\n", s.status().message().c_str());
    _exit(1);
  }
  for (int i = 0; i < n; ++i) {
    NewEntity e;
    e.name = prefix + " person " + std::to_string(i);
    auto added = (*s)->AddEntity(e, Actor{prefix});
    if (!added.ok()) {
      fprintf(stderr, "%s\n", added.status().message().c_str());
      _exit(1);
    }
    NewClaim c;
    c.subject = added->id;
    c.predicate = "index";
    c.value = {{"amount", i}};
    c.source.note = prefix;
    auto claim = (*s)->AddClaim(c, Actor{prefix});
    if (!claim.ok()) {
      fprintf(stderr, "%s\n", claim.status().message().c_str());
      _exit(1);
    }
  }
  _exit(0);
}

}  // namespace

TEST_CASE("two processes writing at once lose nothing", "[concurrency]") {
  TempDir dir;
  const std::string path = dir / "shared.db";
  {
    StoreOptions create;
    create.create_if_missing = true;
    REQUIRE(Store::Open(path, create).ok());
  }
  constexpr int kEach = 150;
  std::vector<pid_t> pids;
  for (const char* prefix : {"left", "right"}) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) Writer(path, prefix, kEach);
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  auto s = Store::Open(path, {});
  REQUIRE(s.ok());
  auto stats = (*s)->GetStats();
  CHECK(stats->persons == 2 * kEach);
  CHECK(stats->claims == 2 * kEach);
  CHECK(stats->audit_entries == 4 * kEach);
}

TEST_CASE("two processes creating the same new store at once both succeed", "[concurrency]") {
  TempDir dir;
  const std::string path = dir / "race.db";
  std::vector<pid_t> pids;
  for (int i = 0; i < 4; ++i) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      StoreOptions create;
      create.create_if_missing = true;
      auto s = Store::Open(path, create);
      _exit(s.ok() ? 0 : 1);
    }
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WEXITSTATUS(status) == 0);
  }
}
