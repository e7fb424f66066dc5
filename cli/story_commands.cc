// Commands about stories (docs/checks.md, "Stories"): stories, story
// add/remove/join/split, and `show story:...`.
#include <iomanip>

#include "context.h"
#include "dossier/record.h"

namespace dossier::cli {
namespace {

std::string Span(const Story& s) {
  if (s.first_date.empty()) return "no dates";
  return s.first_date == s.last_date ? s.first_date : s.first_date + " to " + s.last_date;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

int64_t Included(const Story& s) {
  int64_t n = 0;
  for (const auto& m : s.members) n += !m.excluded;
  return n;
}

void RegisterStories(const Registry& r) {
  auto* sub = r.app->add_subcommand("stories", "List the stories: documents that report one event (dossier check groups them)");
  r.Add(sub, [ctx = r.ctx]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    int64_t n = 0;
    Status st = store->ForEachStory(false, [&](const Story& s) {
      ++n;
      if (ctx->json) {
        ctx->Emit(StoryRecord(s));
      } else {
        std::cout << ctx->Bold(s.id) << "  " << s.title << "\n    " << Included(s) << " documents, " << Span(s)
                  << (s.outlets.empty() ? "" : "; " + Joined(s.outlets)) << "\n";
      }
      return true;
    });
    if (!st.ok()) return ctx->Fail(st);
    if (!ctx->json && n == 0) std::cout << "no stories (dossier check groups documents into stories)\n";
    return kExitOk;
  });
}

void RegisterStory(const Registry& r) {
  auto* story = r.app->add_subcommand("story", "Curate stories: take a document out, put one in, join or split stories");
  story->require_subcommand(1);
  struct Opts {
    std::string story, other, reason;
  };
  auto o = std::make_shared<Opts>();
  for (const bool in : {false, true}) {
    auto* sub = story->add_subcommand(in ? "add" : "remove",
                                      in ? "Put a document in a story" : "Take a document out of a story");
    sub->add_option("STORY", o->story, "The story (story:...)")->required();
    sub->add_option("DOCUMENT", o->other, "The document (doc:... or its title)")->required();
    sub->add_option("--reason", o->reason, "Why (required)")->required();
    r.Add(sub, [ctx = r.ctx, o, in]() {
      Store* store = ctx->OpenStore();
      if (!store) return kExitError;
      if (Status st = store->SetStoryMember(o->story, o->other, in, o->reason, ctx->actor); !st.ok()) return ctx->Fail(st);
      std::cout << (in ? "put " : "took ") << o->other << (in ? " in " : " out of ") << o->story << "\n";
      return kExitOk;
    });
  }
  auto* join = story->add_subcommand("join", "Make two stories one (undo with story split)");
  join->add_option("STORY", o->story, "The story that stays")->required();
  join->add_option("OTHER", o->other, "The story joined into it")->required();
  join->add_option("--reason", o->reason, "Why (required)")->required();
  r.Add(join, [ctx = r.ctx, o]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    if (Status st = store->JoinStories(o->story, o->other, o->reason, ctx->actor); !st.ok()) return ctx->Fail(st);
    std::cout << "joined " << o->other << " into " << o->story << "\n";
    return kExitOk;
  });
  auto* split = story->add_subcommand("split", "Undo a join: the story stands alone again");
  split->add_option("STORY", o->story, "The story that was joined into another")->required();
  r.Add(split, [ctx = r.ctx, o]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    if (Status st = store->SplitStory(o->story, ctx->actor); !st.ok()) return ctx->Fail(st);
    std::cout << o->story << " stands alone again\n";
    return kExitOk;
  });
}

}  // namespace

int ShowStory(Context& ctx, Store& store, const std::string& id) {
  auto s = store.GetStory(id);
  if (!s.ok()) return ctx.Fail(s.status());
  if (ctx.json) {
    ctx.Emit(StoryRecord(*s));
    return kExitOk;
  }
  if (s->id != id) std::cout << ctx.Dim(id + " was joined into " + s->id) << "\n";
  std::cout << ctx.Bold(s->title) << "  " << ctx.Dim(s->id + " (story)") << "\n";
  std::cout << "  " << Included(*s) << " documents, " << Span(*s) << "\n";
  if (!s->outlets.empty()) std::cout << "  outlets: " << Joined(s->outlets) << "\n";
  std::cout << "  documents:\n";
  for (const auto& m : s->members) {
    if (m.excluded) continue;
    auto d = store.GetDocument(m.document);
    std::cout << "    " << m.document << "  " << (d.ok() ? d->title : "") << ctx.Dim(m.by == "grouping" ? "" : "  (added by " + m.by + ")")
              << "\n";
  }
  bool any_out = false;
  for (const auto& m : s->members) {
    if (!m.excluded) continue;
    if (!any_out) std::cout << "  taken out:\n";
    any_out = true;
    std::cout << "    " << m.document << ctx.Dim("  by " + m.by + ": " + m.reason) << "\n";
  }
  FindingFilter f;
  f.about = s->id;
  auto findings = store.ListFindings(f);
  if (findings.ok() && !findings->empty()) {
    std::cout << "  findings:\n";
    for (const auto& fi : *findings) {
      std::cout << "    [" << SeverityName(fi.severity) << "] " << fi.message << ctx.Dim("  " + fi.id) << "\n";
    }
  }
  return kExitOk;
}

void RegisterStoryCommands(const Registry& r) {
  RegisterStories(r);
  RegisterStory(r);
}

}  // namespace dossier::cli
