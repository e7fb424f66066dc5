// Writing checkers' findings: one run replaces the checker's previous run,
// keeping the curator's decisions on findings whose evidence did not change.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "clock.h"
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {
namespace {

// A run over a large store writes a million finding_ref rows whose `ref`
// index is filled in random order: with the store's everyday page cache
// (32 MB) most of those inserts miss it (measured: 1,000,000 refs took 9.7 s,
// 5.3 s with 256 MB). The larger cache lasts for the write only: SQLite
// allocates pages as it uses them and frees them when the size goes back.
// The rows' CHECK constraints (json_valid on evidence and refs, the severity
// and status names) hold by construction here (both JSON columns are written
// by dump(), the names come from enums), so they are not checked again:
// json_valid parsed every evidence text a second time.
class BulkFindingWrite {
 public:
  // (SQLite's settings: a PostgreSQL server's buffers are its own.)
  explicit BulkFindingWrite(Db* db) : db_(db->dialect() == Dialect::kSqlite ? db : nullptr) {
    if (!db_) return;
    cache_size_ = db->QueryInt("PRAGMA cache_size", -2000);
    db_->Exec("PRAGMA cache_size = -262144; PRAGMA ignore_check_constraints = ON");
  }
  ~BulkFindingWrite() {
    if (!db_) return;
    const std::string restore =
        "PRAGMA ignore_check_constraints = OFF; PRAGMA cache_size = " + std::to_string(cache_size_);
    db_->ExecQuietly(restore.c_str());
  }

 private:
  Db* db_;
  int64_t cache_size_ = -2000;
};

}  // namespace

// Findings arrive one at a time and are kept serialized (a run over a large
// store would otherwise hold every evidence tree until the end: 2.7 GB for a
// million claims); Commit compares them with the previous run and writes.
class SqliteFindingWriter final : public FindingWriter {
 public:
  SqliteFindingWriter(SqliteStore* store, std::string checker, Actor actor)
      : store_(store), checker_(std::move(checker)), actor_(std::move(actor)) {}

  Status Put(const Finding& f) override {
    if (done_) return Status::InvalidArgument("the findings were committed already");
    if (f.fingerprint.empty()) {
      return Status::InvalidArgument("checker " + checker_ + " reported a finding without a fingerprint");
    }
    if (f.code.empty() || f.message.empty()) {
      return Status::InvalidArgument("checker " + checker_ + " reported a finding without a code or message");
    }
    if (!seen_.insert(f.fingerprint).second) return Status::OK();  // reported twice in one run
    Row r;
    r.fingerprint = f.fingerprint;
    r.code = f.code;
    r.severity = SeverityName(f.severity);
    r.message = f.message;
    r.refs = f.refs;
    std::sort(r.refs.begin(), r.refs.end());
    r.refs.erase(std::unique(r.refs.begin(), r.refs.end()), r.refs.end());
    // Evidence quotes the store's own text, which a damaged store may hold
    // as ill-formed UTF-8: written with U+FFFD in its place, as import does,
    // rather than failing the whole check.
    return Guard(store_->path(), [&]() -> Status {
      r.refs_json = Json(f.refs).dump(-1, ' ', false, Json::error_handler_t::replace);
      r.evidence =
          f.evidence.is_object() ? f.evidence.dump(-1, ' ', false, Json::error_handler_t::replace) : std::string("{}");
      rows_.push_back(std::move(r));
      return Status::OK();
    });
  }

  Status Commit() override {
    if (done_) return Status::InvalidArgument("the findings were committed already");
    done_ = true;
    return Guard(store_->path(), [&]() -> Status { return Write(); });
  }

 private:
  struct Row {
    std::string id, fingerprint, code, severity, message, refs_json, evidence;
    std::vector<std::string> refs;  // sorted, unique
  };

  Status Write() {
    Db* db = store_->db();
    BulkFindingWrite bulk(db);
    Transaction tx(db);
    struct Previous {
      std::string id, status, reason, evidence, created_at, code, severity, message, refs;
    };
    std::unordered_map<std::string, Previous> previous;  // by fingerprint
    {
      Stmt s = db->Prepare(
          "SELECT fingerprint, id, status, status_reason, evidence, created_at, code, severity, message, refs "
          "FROM finding WHERE checker = ?");
      s.Bind(1, checker_);
      while (s.Step()) {
        previous[s.Text(0)] = {s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5),
                               s.Text(6), s.Text(7), s.Text(8), s.Text(9)};
      }
    }
    const std::string now = NowIso();
    int64_t added = 0, reopened = 0;
    // In id order, a fresh run's rows append to the finding id index and to
    // finding_ref's primary key instead of landing at random pages of both
    // (measured: 664,000 refs took 2.7 s in fingerprint order, 1.7 s in id order).
    for (Row& f : rows_) f.id = "finding:" + ShortHash(checker_ + "\x1f" + f.fingerprint);
    std::sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) { return a.id < b.id; });
    for (Row& f : rows_) {
      std::string& id = f.id;
      std::string status = "open", reason, created_at = now;
      bool is_new = true;
      if (auto it = previous.find(f.fingerprint); it != previous.end()) {
        const Previous& p = it->second;
        // Reported again exactly as stored: nothing to write (re-runs of an
        // unchanged store touch no finding rows).
        if (p.evidence == f.evidence && p.refs == f.refs_json && p.message == f.message && p.code == f.code &&
            p.severity == f.severity) {
          continue;
        }
        is_new = false;
        id = p.id;
        created_at = p.created_at;
        status = p.status;
        reason = p.reason;
        if (status != "open" && p.evidence != f.evidence) {
          status = "open";
          reason = "evidence changed since it was " + p.status;
          ++reopened;
        }
      } else {
        ++added;
      }
      db->Prepare(
             "INSERT INTO finding(id, checker, code, severity, message, refs, evidence, fingerprint, status, "
             "status_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "ON CONFLICT(id) DO UPDATE SET code = excluded.code, severity = excluded.severity, "
             "message = excluded.message, refs = excluded.refs, evidence = excluded.evidence, "
             "status = excluded.status, status_reason = excluded.status_reason, "
             "updated_at = CASE WHEN finding.evidence = excluded.evidence AND finding.message = excluded.message "
             "THEN finding.updated_at ELSE excluded.updated_at END")
          .Bind(1, id)
          .Bind(2, checker_)
          .Bind(3, f.code)
          .Bind(4, f.severity)
          .Bind(5, f.message)
          .Bind(6, f.refs_json)
          .Bind(7, f.evidence)
          .Bind(8, f.fingerprint)
          .Bind(9, status)
          .BindOrNull(10, reason)
          .Bind(11, created_at)
          .Bind(12, now)
          .Run();
      if (!is_new) db->Prepare("DELETE FROM finding_ref WHERE finding = ?").Bind(1, id).Run();
      for (const auto& ref : f.refs) {
        db->Prepare("INSERT INTO finding_ref(finding, ref) VALUES (?, ?)").Bind(1, id).Bind(2, ref).Run();
      }
      store_->Fault("finding");
    }
    int64_t removed = 0;
    for (const auto& [fingerprint, prev] : previous) {
      if (seen_.count(fingerprint)) continue;
      db->Prepare("DELETE FROM finding WHERE id = ?").Bind(1, prev.id).Run();
      ++removed;
    }
    store_->Audit(actor_, "check", checker_,
                  {{"reported", static_cast<int64_t>(seen_.size())}, {"new", added}, {"reopened", reopened}, {"gone", removed}});
    store_->Fault("commit");
    tx.Commit();
    return Status::OK();
  }

  SqliteStore* store_;
  std::string checker_;
  Actor actor_;
  std::vector<Row> rows_;
  std::unordered_set<std::string> seen_;  // fingerprints
  bool done_ = false;
};

Result<std::unique_ptr<FindingWriter>> SqliteStore::BeginFindings(const std::string& checker, const Actor& actor) {
  if (checker.empty()) return Status::InvalidArgument("findings need a checker name");
  return std::unique_ptr<FindingWriter>(new SqliteFindingWriter(this, checker, actor));
}

Status SqliteStore::ReplaceFindings(const std::string& checker, const std::vector<Finding>& findings,
                                    const Actor& actor) {
  auto writer = BeginFindings(checker, actor);
  if (!writer.ok()) return writer.status();
  for (const auto& f : findings) {
    if (Status st = (*writer)->Put(f); !st.ok()) return st;
  }
  return (*writer)->Commit();
}

Status SqliteStore::SetFindingStatus(std::string_view finding, FindingStatus status, const std::string& reason_in,
                                     const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    const std::string reason = Trim(reason_in);
    if (reason.empty()) return Status::InvalidArgument("changing a finding's status needs a reason");
    Transaction tx(db_.get());
    Stmt s = db_->Prepare("SELECT status FROM finding WHERE id = ?");
    s.Bind(1, finding);
    if (!s.Step()) return Status::NotFound("no finding with id " + std::string(finding));
    const std::string before = s.Text(0);
    db_->Prepare("UPDATE finding SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?")
        .BindAll(std::string(FindingStatusName(status)), reason, NowIso(), finding)
        .Run();
    Audit(actor, "finding", finding,
          {{"from", before}, {"to", std::string(FindingStatusName(status))}, {"reason", reason}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

}  // namespace dossier::sqlite
