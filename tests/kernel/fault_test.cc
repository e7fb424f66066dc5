// Fault injection: a write that fails at any point inside its transaction
// leaves the store exactly as it was, and the store stays usable.
#include <catch2/catch.hpp>

#include <functional>
#include <stdexcept>

#include "dossier/store.h"
#include "support/test_support.h"

using namespace dossier;
using dossier::testing::DumpStore;
using dossier::testing::TempDir;

namespace {

const Actor kActor{"test:fault"};

struct FaultyStore {
  TempDir dir;
  std::string path = dir / "faulty.db";
  int fail_at = 0;  // throw on this call of the hook (0: never)
  int calls = 0;
  std::unique_ptr<Store> store;

  FaultyStore() {
    StoreOptions options;
    options.create_if_missing = true;
    options.fault_hook = [this](std::string_view point) {
      if (++calls == fail_at) throw std::runtime_error("injected fault at " + std::string(point));
    };
    store = std::move(Store::Open(path, options)).value();
    // Something to work on.
    NewEntity a;
    a.name = "Alpha One";
    a.aliases = {"A1"};
    REQUIRE(store->AddEntity(a, kActor).ok());
    NewEntity b;
    b.name = "Beta Two";
    REQUIRE(store->AddEntity(b, kActor).ok());
    Document d;
    d.title = "Memo";
    d.text = "Alpha One met Beta Two; they agreed on 12 points.";
    REQUIRE(store->AddDocument(d, kActor).ok());
  }

  // Runs op with a fault at every hook call in turn; each failed attempt must
  // leave the store byte-for-byte as before. Returns how many points were hit.
  int FailEverywhere(const std::function<Status()>& op) {
    int points = 0;
    for (int k = 1;; ++k) {
      const std::string before = DumpStore(path, /*include_audit=*/true);
      calls = 0;
      fail_at = k;
      Status st = op();
      fail_at = 0;
      if (st.ok()) {
        CHECK(calls < k);  // succeeded only because the fault point was never reached
        return points;
      }
      ++points;
      INFO("fault at call " << k << ": " << st.message());
      CHECK(st.message().find("injected fault") != std::string::npos);
      CHECK(DumpStore(path, true) == before);
      REQUIRE(k < 50);
    }
  }
};

}  // namespace

TEST_CASE("failed writes leave the store as it was", "[fault]") {
  FaultyStore f;
  Store& s = *f.store;

  CHECK(f.FailEverywhere([&] {
    NewEntity e;
    e.name = "Gamma Three";
    e.aliases = {"G3", "Gamma"};
    return s.AddEntity(e, kActor).status();
  }) >= 4);  // entity, two aliases, commit

  CHECK(f.FailEverywhere([&] {
    Document d;
    d.title = "Second memo";
    d.text = "Beta Two disagreed.";
    d.paragraphs = {{0, 19, {}}};
    return s.AddDocument(d, kActor).status();
  }) >= 3);

  CHECK(f.FailEverywhere([&] { return s.AddAlias("Beta Two", "B2", {}, kActor); }) >= 2);
  CHECK(f.FailEverywhere([&] { return s.SetProperties("Beta Two", {{"gender", "female"}}, true, kActor); }) >= 2);

  std::string claim_id;
  CHECK(f.FailEverywhere([&] {
    NewClaim c;
    c.subject = "Alpha One";
    c.predicate = "points agreed";
    c.value = {{"amount", 12}};
    c.source.document = "doc:memo";
    c.source.quote = "12 points";
    auto r = s.AddClaim(c, kActor);
    if (r.ok()) claim_id = r->id;
    return r.status();
  }) >= 2);
  REQUIRE_FALSE(claim_id.empty());

  CHECK(f.FailEverywhere([&] { return s.SetClaimStatus(claim_id, ClaimStatus::kConfirmed, "checked", kActor); }) >= 2);
  CHECK(f.FailEverywhere([&] { return s.Merge("Alpha One", "Beta Two", "same", kActor); }) >= 4);
  CHECK(f.FailEverywhere([&] { return s.Split("person:beta-two", kActor); }) >= 4);
  CHECK(f.FailEverywhere([&] {
    return s.Judge("Alpha One", "Gamma Three", Verdict::kDifferent, "not the same", kActor).status();
  }) >= 2);

  // After all that, the store is whole and consistent.
  auto stats = s.GetStats();
  REQUIRE(stats.ok());
  CHECK(stats->persons == 3);
  CHECK(stats->documents == 2);
  CHECK(stats->claims == 1);
  CHECK(stats->judgements == 1);
  SearchQuery q;
  q.text = "G3";
  CHECK(s.Search(q)->size() == 1);
}

TEST_CASE("a failed document import, findings run or record batch leaves the store as it was", "[fault]") {
  FaultyStore f;
  Store& s = *f.store;

  CHECK(f.FailEverywhere([&] {
    DocumentBatch b;
    b.document.title = "Field report";
    b.document.text = "Gamma Three visited Alpha One in Lisbon.";
    const std::string gamma = b.Entity(EntityType::kPerson, "Gamma Three");
    const std::string alpha = b.Entity(EntityType::kPerson, "Alpha One");
    const std::string lisbon = b.Entity(EntityType::kPlace, "Lisbon");
    b.mentions = {{gamma, EntityType::kPerson, 0, 11, 1, "t"}, {alpha, EntityType::kPerson, 20, 29, 1, "t"},
                  {lisbon, EntityType::kPlace, 33, 39, 1, "t"}};
    ProposedClaim visit;
    visit.subject = gamma;
    visit.predicate = "visited";
    visit.object = alpha;
    visit.start = 0;
    visit.end = 29;
    b.claims = {visit};
    return s.WriteDocument(b, kActor).status();
  }) >= 6);  // document, three entities, mentions, claims, commit
  CHECK(s.GetStats()->places == 1);

  CHECK(f.FailEverywhere([&] {
    Finding a;
    a.code = "x";
    a.message = "first";
    a.fingerprint = "1";
    Finding b = a;
    b.fingerprint = "2";
    return s.ReplaceFindings("test", {a, b}, kActor);
  }) >= 3);
  CHECK(s.GetStats()->findings == 2);

  CHECK(f.FailEverywhere([&] {
    auto w = s.BeginRecords(kActor);
    if (!w.ok()) return w.status();
    for (const char* name : {"Delta Four", "Epsilon Five"}) {
      Json r = {{"id", std::string("person:") + (name[0] == 'D' ? "delta" : "epsilon")}, {"type", "person"}, {"name", name}};
      if (Status st = (*w)->Put(r); !st.ok()) return st;
    }
    return (*w)->Commit();
  }) >= 3);
  CHECK(s.GetStats()->persons == 5);
}

namespace {

DocumentBatch Note(const std::string& title, const std::string& person) {
  DocumentBatch b;
  b.document.title = title;
  b.document.text = person + " wrote this note.";
  const std::string who = b.Entity(EntityType::kPerson, person);
  b.mentions = {{who, EntityType::kPerson, 0, static_cast<int64_t>(person.size()), 1, "t"}};
  return b;
}

}  // namespace

TEST_CASE("in a write group a failed document rolls back alone, and nothing shows before the commit",
          "[fault][group]") {
  FaultyStore f;
  Store& s = *f.store;
  StoreOptions options;
  auto other = Store::Open(f.path, options);  // another connection, as another process would hold
  REQUIRE(other.ok());
  const int64_t docs_before = s.GetStats()->documents;

  auto group = s.BeginGroup();
  REQUIRE(group.ok());
  CHECK(s.BeginGroup().status().code() == Status::Code::kInvalidArgument);  // one at a time
  REQUIRE(s.WriteDocument(Note("First note", "Iota Nine"), kActor).ok());
  // The second document fails at its third fault point (after its document row).
  f.calls = 0;
  f.fail_at = 3;
  auto failed = s.WriteDocument(Note("Second note", "Kappa Ten"), kActor);
  f.fail_at = 0;
  CHECK_FALSE(failed.ok());
  REQUIRE(s.WriteDocument(Note("Third note", "Lambda Eleven"), kActor).ok());
  // Not visible to the other connection yet.
  CHECK((*other)->GetStats()->documents == docs_before);
  REQUIRE((*group)->Commit().ok());
  CHECK((*group)->Commit().code() == Status::Code::kInvalidArgument);  // committed once

  CHECK((*other)->GetStats()->documents == docs_before + 2);
  CHECK((*other)->GetDocument("doc:first-note").ok());
  CHECK((*other)->GetDocument("doc:second-note").status().code() == Status::Code::kNotFound);
  CHECK((*other)->GetDocument("doc:third-note").ok());
  CHECK_FALSE((*other)->Resolve("Kappa Ten", EntityType::kPerson).ok());
  // The full-text index holds the group's documents.
  SearchQuery q;
  q.text = "Lambda";
  auto hits = (*other)->Search(q);
  REQUIRE(hits.ok());
  CHECK(hits->size() >= 2);  // the person and the note
}

TEST_CASE("a write group not committed leaves the store as it was", "[fault][group]") {
  FaultyStore f;
  Store& s = *f.store;
  const std::string before = DumpStore(f.path, /*include_audit=*/true);
  {
    auto group = s.BeginGroup();
    REQUIRE(group.ok());
    REQUIRE(s.WriteDocument(Note("Lost note", "Mu Twelve"), kActor).ok());
    REQUIRE(s.RecordSource({"ab12", "/tmp/lost.txt", "text", 10, "", {"doc:lost-note"}}).ok());
  }
  CHECK(DumpStore(f.path, true) == before);
  // A fault at the group's commit: nothing of it is kept either.
  auto group = s.BeginGroup();
  REQUIRE(group.ok());
  REQUIRE(s.WriteDocument(Note("Lost note", "Mu Twelve"), kActor).ok());
  f.calls = 0;
  f.fail_at = 1;
  Status st = (*group)->Commit();
  f.fail_at = 0;
  CHECK_FALSE(st.ok());
  group->reset();
  CHECK(DumpStore(f.path, true) == before);
}

TEST_CASE("a failed rename, retype, delete or remove leaves the store as it was", "[fault]") {
  FaultyStore f;
  Store& s = *f.store;
  NewClaim c;
  c.subject = "Beta Two";
  c.predicate = "points agreed";
  c.value = {{"amount", 12}};
  c.source.document = "doc:memo";
  c.source.quote = "12 points";
  REQUIRE(s.AddClaim(c, kActor).ok());

  CHECK(f.FailEverywhere([&] { return s.Rename("Alpha One", "Alpha Prime", "as he signs", kActor); }) >= 2);
  CHECK(f.FailEverywhere([&] { return s.Retype("Beta Two", EntityType::kOrganization, "a firm", kActor).status(); }) >= 2);
  CHECK(f.FailEverywhere([&] { return s.DeleteEntity("Alpha Prime", "no such man", kActor); }) >= 3);
  CHECK(f.FailEverywhere([&] { return s.RemoveDocument("doc:memo", "filed by mistake", kActor).status(); }) >= 4);

  // Each went through once: the person deleted, the other an organization
  // whose one claim went with the memo.
  auto stats = s.GetStats();
  REQUIRE(stats.ok());
  CHECK(stats->persons == 0);
  CHECK(stats->organizations == 1);
  CHECK(stats->documents == 0);
  CHECK(stats->claims == 0);
  CHECK(s.Resolve("org:beta-two").ok());
}
