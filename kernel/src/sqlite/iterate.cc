// Streaming reads for checkers and exporters, and finding queries.
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {

Status SqliteStore::ForEachEntity(const EntityFilter& filter, const std::function<bool(const Entity&)>& each) {
  return Guard(path_, [&]() -> Status {
    if (filter.type == EntityType::kClaim) return Status::InvalidArgument("claims are read with ForEachClaim");
    ReadSnapshot snapshot(db_.get());
    std::string sql = "SELECT id FROM entity WHERE TRUE";
    if (filter.type) sql += " AND type = ?1";
    if (!filter.include_absorbed) sql += " AND canonical = id";
    sql += " ORDER BY id";
    Stmt s = db_->Stream(sql);
    if (filter.type) s.Bind(1, TypeText(*filter.type));
    while (s.Step()) {
      auto e = LoadEntity(s.Text(0));
      if (e && !each(*e)) break;
    }
    return Status::OK();
  });
}

Status SqliteStore::ForEachDocument(const std::function<bool(const Document&)>& each) {
  return Guard(path_, [&]() -> Status {
    ReadSnapshot snapshot(db_.get());
    Stmt s = db_->Stream("SELECT id FROM document ORDER BY id");
    while (s.Step()) {
      auto d = LoadDocument(s.Text(0));
      if (d && !each(*d)) break;
    }
    return Status::OK();
  });
}

Status SqliteStore::ForEachMention(const std::function<bool(const Mention&)>& each) {
  return Guard(path_, [&]() -> Status {
    ReadSnapshot snapshot(db_.get());
    Stmt s = db_->Stream(std::string("SELECT ") + kMentionColumns + " FROM mention m ORDER BY m.id");
    while (s.Step()) {
      if (!each(ReadMentionRow(s))) break;
    }
    return Status::OK();
  });
}

Result<std::vector<Mention>> SqliteStore::MentionsIn(std::string_view document) {
  return Guard(path_, [&]() -> Result<std::vector<Mention>> {
    Stmt s = db_->Prepare(std::string("SELECT ") + kMentionColumns + " FROM mention m WHERE m.doc = ? ORDER BY m.start, m.\"end\", m.id");
    s.Bind(1, document);
    std::vector<Mention> out;
    while (s.Step()) out.push_back(ReadMentionRow(s));
    return out;
  });
}

Status SqliteStore::ForEachClaim(const ClaimFilter& filter, const std::function<bool(const Claim&)>& each) {
  return Guard(path_, [&]() -> Status {
    ReadSnapshot snapshot(db_.get());
    std::string sql = std::string("SELECT ") + kClaimColumns + " FROM claim c WHERE TRUE";
    std::vector<std::string> binds;
    if (!filter.about.empty()) {
      const std::string canonical = ResolveOrThrow(filter.about, std::nullopt, true);
      const std::string set = "(SELECT id FROM entity WHERE canonical = ?1)";
      // One index lookup per role (PostgreSQL scans the whole table for an
      // OR of IN lists).
      sql += " AND c.rid IN (SELECT rid FROM claim WHERE subject IN " + set +
             " UNION SELECT rid FROM claim WHERE object IN " + set +
             " UNION SELECT rid FROM claim WHERE attributed_to IN " + set + ")";
      binds.push_back(canonical);
    }
    if (!filter.predicate.empty()) {
      sql += " AND c.predicate = ?" + std::to_string(binds.size() + 1);
      binds.push_back(CanonicalPredicate(filter.predicate));
    }
    if (filter.status) {
      sql += " AND c.status = ?" + std::to_string(binds.size() + 1);
      binds.push_back(std::string(StatusName(*filter.status)));
    }
    if (!filter.document.empty()) {
      sql += " AND c.doc = ?" + std::to_string(binds.size() + 1);
      binds.push_back(ResolveOrThrow(filter.document, EntityType::kDocument, true));
    }
    sql += " ORDER BY c.id";
    Stmt s = db_->Stream(sql);
    for (size_t i = 0; i < binds.size(); ++i) s.Bind(static_cast<int>(i + 1), binds[i]);
    while (s.Step()) {
      if (!each(ReadClaimRow(s))) break;
    }
    return Status::OK();
  });
}

Status SqliteStore::ForEachJudgement(const std::function<bool(const Judgement&)>& each) {
  return Guard(path_, [&]() -> Status {
    ReadSnapshot snapshot(db_.get());
    Stmt s = db_->Stream(std::string("SELECT ") + kJudgementColumns + " FROM judgement ORDER BY id");
    while (s.Step()) {
      if (!each(ReadJudgementRow(s))) break;
    }
    return Status::OK();
  });
}

Status SqliteStore::ForEachFinding(const std::function<bool(const Finding&)>& each) {
  return Guard(path_, [&]() -> Status {
    ReadSnapshot snapshot(db_.get());
    Stmt s = db_->Stream(std::string("SELECT ") + kFindingColumns + " FROM finding f ORDER BY f.id");
    while (s.Step()) {
      if (!each(ReadFindingRow(s))) break;
    }
    return Status::OK();
  });
}

Status SqliteStore::ForEachAudit(const std::function<bool(const AuditEntry&)>& each) {
  return Guard(path_, [&]() -> Status {
    ReadSnapshot snapshot(db_.get());
    Stmt s = db_->Stream("SELECT seq, at, actor, action, target, detail FROM audit ORDER BY seq");
    while (s.Step()) {
      const std::string what = "the detail column of audit entry " + std::to_string(s.Int(0));
      if (!each({s.Int(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), ParseJson(s.Text(5), Json::object(), what)})) break;
    }
    return Status::OK();
  });
}

Result<std::vector<Finding>> SqliteStore::ListFindings(const FindingFilter& filter) {
  return Guard(path_, [&]() -> Result<std::vector<Finding>> {
    std::string sql = std::string("SELECT ") + kFindingColumns + " FROM finding f WHERE TRUE";
    std::vector<std::string> binds;
    auto next = [&] { return "?" + std::to_string(binds.size() + 1); };
    if (!filter.checker.empty()) {
      sql += " AND f.checker = " + next();
      binds.push_back(filter.checker);
    }
    if (!filter.code.empty()) {
      sql += " AND f.code = " + next();
      binds.push_back(filter.code);
    }
    if (filter.min_severity) {
      // info < warning < error
      sql += filter.min_severity == Severity::kError     ? " AND f.severity = 'error'"
             : filter.min_severity == Severity::kWarning ? " AND f.severity IN ('warning', 'error')"
                                                         : "";
    }
    if (filter.status) {
      sql += " AND f.status = " + next();
      binds.push_back(std::string(FindingStatusName(*filter.status)));
    }
    if (filter.about.rfind("story:", 0) == 0) {
      // A story: findings about it, about one of its documents (those of the
      // stories joined into it included), or about a claim sourced in one.
      const std::string p = next();
      const std::string docs =
          "(SELECT m.document FROM story_member m JOIN story s ON s.id = m.story WHERE m.excluded = 0 AND (s.id = " + p +
          " OR s.merged_into = " + p + "))";
      sql += " AND f.id IN (SELECT r.finding FROM finding_ref r WHERE r.ref = " + p + " OR r.ref IN " + docs +
             " OR r.ref IN (SELECT c.id FROM claim c WHERE c.doc IN " + docs + "))";
      binds.push_back(filter.about);
    } else if (!filter.about.empty()) {
      std::string target = filter.about;
      if (target.rfind("claim:", 0) != 0 && target.rfind("finding:", 0) != 0) {
        target = ResolveOrThrow(filter.about, std::nullopt, true);
      }
      // The entity (with what was merged into it), or the claims about it.
      const std::string p = next();
      sql += " AND f.id IN (SELECT r.finding FROM finding_ref r WHERE r.ref = " + p +
             " OR r.ref IN (SELECT id FROM entity WHERE canonical = " + p + ")" +
             " OR r.ref IN (SELECT c.id FROM claim c WHERE c.subject IN (SELECT id FROM entity WHERE canonical = " +
             p + ")))";
      binds.push_back(target);
    }
    // Within a severity, by the rank a checker gave (docs/checks.md: conflicts
    // involving more outlets and further apart first), then by kind.
    sql += " ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,"
           " json_extract(f.evidence, '$.rank') DESC NULLS LAST, f.checker, f.code, f.id";
    if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
    Stmt s = db_->Prepare(sql);
    for (size_t i = 0; i < binds.size(); ++i) s.Bind(static_cast<int>(i + 1), binds[i]);
    std::vector<Finding> out;
    while (s.Step()) out.push_back(ReadFindingRow(s));
    return out;
  });
}

Result<Finding> SqliteStore::GetFinding(std::string_view id) {
  return Guard(path_, [&]() -> Result<Finding> {
    Stmt s = db_->Prepare(std::string("SELECT ") + kFindingColumns + " FROM finding f WHERE f.id = ?");
    s.Bind(1, id);
    if (!s.Step()) return Status::NotFound("no finding with id " + std::string(id));
    return ReadFindingRow(s);
  });
}

}  // namespace dossier::sqlite
