// Stories (docs/checks.md, "Stories"): reading them, storing what the
// grouping found, and the curator's corrections, which the grouping keeps.
#include <map>
#include <set>
#include <tuple>

#include "clock.h"
#include "outlet.h"
#include "sqlite/sqlite_store.h"
#include "sqlite/store_util.h"

namespace dossier::sqlite {

std::optional<Story> SqliteStore::LoadStory(const std::string& id, bool with_joined) {
  Stmt s = db_->Prepare(
      "SELECT id, title, first_date, last_date, properties, merged_into, created_at, updated_at FROM story WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  Story st;
  st.id = s.Text(0);
  st.title = s.Text(1);
  st.first_date = s.Text(2);
  st.last_date = s.Text(3);
  st.properties = ParseJson(s.Text(4), Json::object(), "the properties column of " + st.id);
  st.merged_into = s.Text(5);
  st.created_at = s.Text(6);
  st.updated_at = s.Text(7);
  // Its own members, and (with_joined) those of the stories joined into it.
  Stmt m = db_->Prepare(
      with_joined ? "SELECT m.document, m.by, m.excluded, m.reason, d.source, e.properties FROM story_member m "
                    "JOIN entity e ON e.id = m.document LEFT JOIN document d ON d.id = m.document "
                    "WHERE m.story = ?1 OR m.story IN (SELECT id FROM story WHERE merged_into = ?1) ORDER BY m.document"
                  : "SELECT m.document, m.by, m.excluded, m.reason, d.source, e.properties FROM story_member m "
                    "JOIN entity e ON e.id = m.document LEFT JOIN document d ON d.id = m.document "
                    "WHERE m.story = ?1 ORDER BY m.document");
  m.Bind(1, st.id);
  std::set<std::string> outlets, seen;
  while (m.Step()) {
    if (!seen.insert(m.Text(0)).second) continue;
    st.members.push_back({m.Text(0), m.Text(1), m.Int(2) != 0, m.Text(3)});
    if (m.Int(2) != 0) continue;
    const std::string outlet =
        OutletOf(ParseJson(m.Text(5), Json::object(), "the properties column of " + m.Text(0)), m.Text(4));
    if (!outlet.empty() && outlets.insert(outlet).second) st.outlets.push_back(outlet);
  }
  return st;
}

Status SqliteStore::ForEachStory(bool include_joined, const std::function<bool(const Story&)>& each) {
  return Guard(path_, [&]() -> Status {
    ReadSnapshot snapshot(db_.get());
    Stmt s = db_->Stream(include_joined ? "SELECT id FROM story ORDER BY id"
                                         : "SELECT id FROM story WHERE merged_into IS NULL ORDER BY id");
    while (s.Step()) {
      auto st = LoadStory(s.Text(0), !include_joined);
      if (st && !each(*st)) break;
    }
    return Status::OK();
  });
}

Result<Story> SqliteStore::GetStory(std::string_view id, bool follow_joins) {
  return Guard(path_, [&]() -> Result<Story> {
    ReadSnapshot snapshot(db_.get());
    std::string target(id);
    for (int hops = 0; follow_joins && hops < 64; ++hops) {
      Stmt s = db_->Prepare("SELECT merged_into FROM story WHERE id = ?");
      s.Bind(1, target);
      if (!s.Step() || s.IsNull(0)) break;
      target = s.Text(0);
    }
    auto st = LoadStory(target, true);
    if (!st) return Status::NotFound("no story with id " + std::string(id));
    return *st;
  });
}

Result<std::vector<std::string>> SqliteStore::StoriesOf(std::string_view document) {
  return Guard(path_, [&]() -> Result<std::vector<std::string>> {
    Stmt s = db_->Prepare(
        "SELECT DISTINCT coalesce(st.merged_into, st.id) FROM story_member m JOIN story st ON st.id = m.story "
        "WHERE m.document = ? AND m.excluded = 0 ORDER BY 1");
    s.Bind(1, document);
    std::vector<std::string> out;
    while (s.Step()) out.push_back(s.Text(0));
    return out;
  });
}

Status SqliteStore::SaveGrouping(const std::vector<Story>& stories, const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    Transaction tx(db_.get());
    const std::string now = NowIso();
    std::set<std::string> given;
    int64_t added = 0, removed = 0;
    bool changed = false;  // beyond memberships: a story new or retitled
    // Whether the story was stored before with this title and span.
    std::map<std::string, std::tuple<std::string, std::string, std::string>> before;
    {
      Stmt s = db_->Prepare("SELECT id, title, coalesce(first_date, ''), coalesce(last_date, '') FROM story");
      while (s.Step()) before[s.Text(0)] = {s.Text(1), s.Text(2), s.Text(3)};
    }
    auto Existing = [&](const Story& st) {
      auto it = before.find(st.id);
      return it != before.end() && it->second == std::make_tuple(st.title, st.first_date, st.last_date);
    };
    for (const Story& st : stories) {
      given.insert(st.id);
      db_->Prepare(
             "INSERT INTO story(id, title, first_date, last_date, properties, created_at, updated_at) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT(id) DO UPDATE SET title = excluded.title, "
             "first_date = excluded.first_date, last_date = excluded.last_date, updated_at = CASE WHEN "
             "story.title IS NOT DISTINCT FROM excluded.title AND story.first_date IS NOT DISTINCT FROM "
             "excluded.first_date AND story.last_date IS NOT DISTINCT FROM excluded.last_date "
             "THEN story.updated_at ELSE excluded.updated_at END")
          .Bind(1, st.id)
          .Bind(2, st.title)
          .BindOrNull(3, st.first_date)
          .BindOrNull(4, st.last_date)
          .Bind(5, st.properties.is_object() ? st.properties.dump() : std::string("{}"))
          .Bind(6, now)
          .Run();
      changed |= db_->Changes() > 0 && !Existing(st);
      std::set<std::string> members;
      for (const auto& m : st.members) members.insert(m.document);
      // The grouping's own rows that it no longer gives go; a curator's stay.
      Stmt old = db_->Prepare("SELECT document FROM story_member WHERE story = ? AND by = 'grouping'");
      old.Bind(1, st.id);
      std::vector<std::string> gone;
      while (old.Step()) {
        if (!members.count(old.Text(0))) gone.push_back(old.Text(0));
      }
      for (const auto& d : gone) {
        db_->Prepare("DELETE FROM story_member WHERE story = ? AND document = ?").Bind(1, st.id).Bind(2, d).Run();
        ++removed;
      }
      for (const auto& d : members) {
        db_->Prepare("INSERT INTO story_member(story, document, by) VALUES (?, ?, 'grouping') ON CONFLICT DO NOTHING")
            .Bind(1, st.id)
            .Bind(2, d)
            .Run();
        added += db_->Changes();
      }
    }
    // Stories the grouping gave before and not now: its rows go, and the
    // story with them unless a curator has a hand in it.
    std::vector<std::string> others;
    {
      Stmt s = db_->Prepare("SELECT id FROM story");
      while (s.Step()) {
        if (!given.count(s.Text(0))) others.push_back(s.Text(0));
      }
    }
    for (const auto& id : others) {
      db_->Prepare("DELETE FROM story_member WHERE story = ? AND by = 'grouping'").Bind(1, id).Run();
      removed += db_->Changes();
      db_->Prepare(
             "DELETE FROM story WHERE id = ?1 AND merged_into IS NULL AND NOT EXISTS "
             "(SELECT 1 FROM story_member WHERE story = ?1) AND NOT EXISTS (SELECT 1 FROM story WHERE merged_into = ?1)")
          .Bind(1, id)
          .Run();
      changed |= db_->Changes() > 0;
    }
    // Grouping an unchanged store changes nothing, not even the audit log:
    // `check --since last` must see no change.
    if (!changed && added == 0 && removed == 0) return Status::OK();
    Audit(actor, "group", "stories",
          {{"stories", static_cast<int64_t>(stories.size())}, {"added", added}, {"removed", removed}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

Status SqliteStore::SetStoryMember(std::string_view story_in, std::string_view document_in, bool in,
                                   const std::string& reason_in, const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    const std::string reason = Trim(reason_in);
    if (reason.empty()) return Status::InvalidArgument("changing a story's documents needs a reason");
    Transaction tx(db_.get());
    auto story = LoadStory(std::string(story_in), true);
    if (!story) return Status::NotFound("no story with id " + std::string(story_in));
    const std::string document = ResolveOrThrow(document_in, EntityType::kDocument, true);
    if (!story->merged_into.empty()) {
      return Status::InvalidArgument(story->id + " was joined into " + story->merged_into + "; change that story");
    }
    // The row of whichever story it is in among this one and those joined into it.
    Stmt where = db_->Prepare(
        "SELECT story FROM story_member WHERE document = ?1 AND (story = ?2 OR story IN "
        "(SELECT id FROM story WHERE merged_into = ?2))");
    where.Bind(1, document).Bind(2, story->id);
    const std::string row_story = where.Step() ? where.Text(0) : story->id;
    db_->Prepare(
           "INSERT INTO story_member(story, document, by, excluded, reason) VALUES (?, ?, ?, ?, ?) "
           "ON CONFLICT(story, document) DO UPDATE SET by = excluded.by, excluded = excluded.excluded, "
           "reason = excluded.reason")
        .BindAll(row_story, document, actor.name, in ? 0 : 1, reason)
        .Run();
    Audit(actor, in ? "story-add" : "story-remove", story->id, {{"document", document}, {"reason", reason}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

Status SqliteStore::JoinStories(std::string_view keep_in, std::string_view absorb_in, const std::string& reason_in,
                                const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    const std::string reason = Trim(reason_in);
    if (reason.empty()) return Status::InvalidArgument("joining stories needs a reason");
    Transaction tx(db_.get());
    auto keep = LoadStory(std::string(keep_in), false);
    auto absorb = LoadStory(std::string(absorb_in), false);
    if (!keep) return Status::NotFound("no story with id " + std::string(keep_in));
    if (!absorb) return Status::NotFound("no story with id " + std::string(absorb_in));
    if (keep->id == absorb->id) return Status::InvalidArgument("a story cannot be joined into itself");
    if (!keep->merged_into.empty() || !absorb->merged_into.empty()) {
      return Status::InvalidArgument("only stories not joined into another can be joined");
    }
    // Stories joined into the absorbed one follow it.
    db_->Prepare("UPDATE story SET merged_into = ?1, updated_at = ?3 WHERE merged_into = ?2")
        .BindAll(keep->id, absorb->id, NowIso())
        .Run();
    db_->Prepare("UPDATE story SET merged_into = ?, merge_reason = ?, updated_at = ? WHERE id = ?")
        .BindAll(keep->id, reason, NowIso(), absorb->id)
        .Run();
    Audit(actor, "story-join", keep->id, {{"joined", absorb->id}, {"reason", reason}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

Status SqliteStore::SplitStory(std::string_view absorbed, const Actor& actor) {
  return Guard(path_, [&]() -> Status {
    Transaction tx(db_.get());
    auto st = LoadStory(std::string(absorbed), false);
    if (!st) return Status::NotFound("no story with id " + std::string(absorbed));
    if (st->merged_into.empty()) return Status::InvalidArgument(st->id + " is not joined into another story");
    db_->Prepare("UPDATE story SET merged_into = NULL, merge_reason = NULL, updated_at = ? WHERE id = ?")
        .BindAll(NowIso(), st->id)
        .Run();
    Audit(actor, "story-split", st->id, {{"from", st->merged_into}});
    Fault("commit");
    tx.Commit();
    return Status::OK();
  });
}

}  // namespace dossier::sqlite
