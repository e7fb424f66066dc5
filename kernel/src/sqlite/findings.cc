// Writing checkers' findings: one run replaces the checker's previous run,
// keeping the curator's decisions on findings whose evidence did not change.
#include <map>
#include <set>

#include "clock.h"
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {

Status SqliteStore::ReplaceFindings(const std::string& checker, const std::vector<Finding>& findings,
                                    const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    if (checker.empty()) return Status::InvalidArgument("findings need a checker name");
    for (const auto& f : findings) {
      if (f.fingerprint.empty()) return Status::InvalidArgument("checker " + checker + " reported a finding without a fingerprint");
      if (f.code.empty() || f.message.empty()) {
        return Status::InvalidArgument("checker " + checker + " reported a finding without a code or message");
      }
    }
    Transaction tx(db_.get());
    struct Previous {
      std::string id, status, reason, evidence, created_at, code, severity, message, refs;
    };
    std::map<std::string, Previous> previous;  // by fingerprint
    {
      Stmt s = db_->Prepare(
          "SELECT fingerprint, id, status, status_reason, evidence, created_at, code, severity, message, refs "
          "FROM finding WHERE checker = ?");
      s.Bind(1, checker);
      while (s.Step()) {
        previous[s.Text(0)] = {s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5),
                               s.Text(6), s.Text(7), s.Text(8), s.Text(9)};
      }
    }
    const std::string now = NowIso();
    std::set<std::string> seen;
    int64_t added = 0, reopened = 0;
    for (const auto& f : findings) {
      if (!seen.insert(f.fingerprint).second) continue;  // reported twice in one run
      // (Dumped in place: copying a large evidence tree costs more than writing it.)
      const std::string evidence = f.evidence.is_object() ? f.evidence.dump() : std::string("{}");
      const std::string refs = Json(f.refs).dump();
      std::string id = "finding:" + ShortHash(checker + "\x1f" + f.fingerprint);
      std::string status = "open", reason, created_at = now;
      if (auto it = previous.find(f.fingerprint); it != previous.end()) {
        const Previous& p = it->second;
        // Reported again exactly as stored: nothing to write (re-runs of an
        // unchanged store touch no finding rows).
        if (p.evidence == evidence && p.refs == refs && p.message == f.message && p.code == f.code &&
            p.severity == SeverityName(f.severity)) {
          continue;
        }
        id = it->second.id;
        created_at = it->second.created_at;
        status = it->second.status;
        reason = it->second.reason;
        if (status != "open" && it->second.evidence != evidence) {
          status = "open";
          reason = "evidence changed since it was " + it->second.status;
          ++reopened;
        }
      } else {
        ++added;
      }
      db_->Prepare(
             "INSERT INTO finding(id, checker, code, severity, message, refs, evidence, fingerprint, status, "
             "status_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
             "ON CONFLICT(id) DO UPDATE SET code = excluded.code, severity = excluded.severity, "
             "message = excluded.message, refs = excluded.refs, evidence = excluded.evidence, "
             "status = excluded.status, status_reason = excluded.status_reason, "
             "updated_at = CASE WHEN finding.evidence = excluded.evidence AND finding.message = excluded.message "
             "THEN finding.updated_at ELSE excluded.updated_at END")
          .Bind(1, id)
          .Bind(2, checker)
          .Bind(3, f.code)
          .Bind(4, std::string(SeverityName(f.severity)))
          .Bind(5, f.message)
          .Bind(6, refs)
          .Bind(7, evidence)
          .Bind(8, f.fingerprint)
          .Bind(9, status)
          .BindOrNull(10, reason)
          .Bind(11, created_at)
          .Bind(12, now)
          .Run();
      db_->Prepare("DELETE FROM finding_ref WHERE finding = ?").Bind(1, id).Run();
      for (const auto& ref : std::set<std::string>(f.refs.begin(), f.refs.end())) {
        db_->Prepare("INSERT INTO finding_ref(finding, ref) VALUES (?, ?)").Bind(1, id).Bind(2, ref).Run();
      }
      Fault("finding");
    }
    int64_t removed = 0;
    for (const auto& [fingerprint, prev] : previous) {
      if (seen.count(fingerprint)) continue;
      db_->Prepare("DELETE FROM finding WHERE id = ?").Bind(1, prev.id).Run();
      ++removed;
    }
    Audit(actor, "check", checker,
          {{"reported", static_cast<int64_t>(seen.size())}, {"new", added}, {"reopened", reopened}, {"gone", removed}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
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
