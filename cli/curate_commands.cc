// Commands that change the store by hand: init, add, alias, claim add,
// claim set-status, merge, split, judge. Every change carries a source or a reason.
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "context.h"
#include "dossier/record.h"
#include "dossier/text.h"

namespace dossier::cli {
namespace {

// Where a hand-made fact was seen: --doc with --quote or --span, and/or --note.
struct SourceFlags {
  std::string doc, quote, span, note;

  void Add(CLI::App* sub, const std::string& note_flag, const std::string& note_help) {
    sub->add_option("--doc", doc, "Document the passage is in (id or title)");
    sub->add_option("--quote", quote, "The passage, exactly as in the document");
    sub->add_option("--span", span, "The passage as byte offsets START:END in the document text");
    sub->add_option(note_flag, note, note_help);
  }

  // Fills ref; returns an error message for malformed flags, or "".
  std::string To(SourceRef* ref) const {
    ref->document = doc;
    ref->quote = quote;
    ref->note = note;
    if (!span.empty()) {
      const auto colon = span.find(':');
      char* end = nullptr;
      if (colon == std::string::npos) return "--span must be START:END (byte offsets), got " + span;
      const std::string a = span.substr(0, colon), b = span.substr(colon + 1);
      errno = 0;
      ref->start = std::strtoll(a.c_str(), &end, 10);
      if (a.empty() || *end || errno) return "--span start is not a number: " + a;
      ref->end = std::strtoll(b.c_str(), &end, 10);
      if (b.empty() || *end || errno) return "--span end is not a number: " + b;
      if (ref->start < 0 || ref->end < ref->start) return "--span must have 0 <= START <= END, got " + span;
    }
    if ((!quote.empty() || !span.empty()) && doc.empty()) return "--quote and --span need --doc";
    return "";
  }
};

// How deep JSON typed for properties may nest: the records that carry them
// in an export (jsonl) must import again (kMaxJsonDepth), and the deepest is
// the audit entry of the change, three levels above them
// ({"detail": {"properties": ...}}).
constexpr size_t kMaxPropsDepth = kMaxJsonDepth - 3;

// "5" -> 5, "[\"CN\"]" -> ["CN"], "CN" -> "CN": values that parse as JSON are JSON.
Json PropertyValue(const std::string& v) {
  Json j = Json::parse(v, nullptr, false);
  if (j.is_discarded() || j.is_string()) return v;
  return j;
}

bool ParseNumber(std::string s, double* out) {
  std::string clean;
  for (char c : s) {
    if (c != ',' && c != '_') clean += c;
  }
  if (clean.empty()) return false;
  char* end = nullptr;
  errno = 0;
  *out = std::strtod(clean.c_str(), &end);
  return *end == '\0' && errno == 0;
}

void RegisterInit(const Registry& r) {
  auto* sub = r.app->add_subcommand("init", "Create a store (or check that one exists)");
  r.Add(sub, [ctx = r.ctx]() {
    // A file, or a database on a server, that holds a store already.
    const bool existed = Store::Open(ctx->db_path, StoreOptions{}).status().code() != Status::Code::kNotFound;
    Store* store = ctx->OpenStore(true);
    if (!store) return kExitError;
    auto stats = store->GetStats();
    if (!stats.ok()) return ctx->Fail(stats.status());
    if (ctx->json) {
      ctx->Emit({{"path", ctx->db_path}, {"created", !existed}, {"schema_version", stats->schema_version}});
    } else {
      std::cout << (existed ? "store " + ctx->db_path + " is ready" : "created store " + ctx->db_path)
                << " (schema version " << stats->schema_version << ")\n";
    }
    return kExitOk;
  });
}

void RegisterAdd(const Registry& r) {
  auto* sub = r.app->add_subcommand("add", "Add a person, organization, place or document by hand");
  struct Opts {
    std::string type, name, props, text_file, kind, id;
    std::vector<std::string> aliases, prop_kv;
    bool allow_duplicate = false;
    SourceFlags source;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("TYPE", o->type, "person, organization, place or document")
      ->required()
      ->check(CLI::IsMember({"person", "organization", "org", "place", "document", "doc"}));
  sub->add_option("NAME", o->name, "Name (a document's title)")->required();
  sub->add_option("--alias", o->aliases, "Another name it is known by (repeatable)");
  sub->add_option("--prop", o->prop_kv, "Property KEY=VALUE (repeatable; VALUE may be JSON)");
  sub->add_option("--props", o->props, "All properties as a JSON object");
  sub->add_flag("--allow-duplicate", o->allow_duplicate, "Add even if one of this type has the same name");
  sub->add_option("--text-file", o->text_file, "Documents: file holding the text (UTF-8)");
  sub->add_option("--kind", o->kind, "Documents: kind (default: text)");
  sub->add_option("--id", o->id, "Documents: id to give it (doc:...)");
  o->source.Add(sub, "--note", "Where this was learned, when not a document passage");
  r.Add(sub, [ctx = r.ctx, o]() {
    const EntityType type = *ParseType(o->type);
    Json props = Json::object();
    if (!o->props.empty()) {
      if (Status st = CheckJsonDepth(o->props, kMaxPropsDepth); !st.ok()) {
        return ctx->Usage("--props: " + st.message());
      }
      props = Json::parse(o->props, nullptr, false);
      if (props.is_discarded() || !props.is_object()) return ctx->Usage("--props must be a JSON object");
    }
    for (const auto& kv : o->prop_kv) {
      std::string k, v;
      if (!SplitKeyValue(kv, &k, &v)) return ctx->Usage("--prop must be KEY=VALUE, got " + kv);
      // A value is one level under the properties object.
      if (Status st = CheckJsonDepth(v, kMaxPropsDepth - 1); !st.ok()) {
        return ctx->Usage("--prop " + k + ": " + st.message());
      }
      props[k] = PropertyValue(v);
    }
    SourceRef source;
    if (std::string err = o->source.To(&source); !err.empty()) return ctx->Usage(err);
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;

    if (type == EntityType::kDocument) {
      if (o->text_file.empty()) return ctx->Usage("add document needs --text-file FILE");
      std::ifstream in(o->text_file, std::ios::binary);
      if (!in) return ctx->Fail(Status::IOError("cannot read " + o->text_file));
      std::stringstream buf;
      buf << in.rdbuf();
      Document d;
      d.id = o->id;
      d.title = o->name;
      d.kind = o->kind.empty() ? "text" : o->kind;
      d.text = buf.str();
      d.source = o->text_file;
      d.properties = props;
      auto added = store->AddDocument(d, ctx->actor);
      if (!added.ok()) return ctx->Fail(added.status().WithContext(o->text_file));
      for (const auto& a : o->aliases) {
        if (Status st = store->AddAlias(added->id, a, source, ctx->actor); !st.ok()) return ctx->Fail(st);
      }
      if (ctx->json) {
        ctx->Emit(DocumentRecord(*added, false));
      } else {
        std::cout << "added " << added->id << "\n";
      }
      return kExitOk;
    }
    if (!o->text_file.empty() || !o->kind.empty() || !o->id.empty()) {
      return ctx->Usage("--text-file, --kind and --id are for documents");
    }
    NewEntity e;
    e.type = type;
    e.name = o->name;
    e.properties = props;
    e.aliases = o->aliases;
    e.source = source;
    e.allow_same_name = o->allow_duplicate;
    auto added = store->AddEntity(e, ctx->actor);
    if (!added.ok()) {
      if (added.status().code() == Status::Code::kAlreadyExists) {
        return ctx->Fail(Status::AlreadyExists(added.status().message() +
                                               " (pass --allow-duplicate to add another)"));
      }
      return ctx->Fail(added.status());
    }
    if (ctx->json) {
      ctx->Emit(EntityRecord(*added));
    } else {
      std::cout << "added " << added->id << "\n";
    }
    return kExitOk;
  });
}

void RegisterAlias(const Registry& r) {
  auto* sub = r.app->add_subcommand("alias", "Record another name an entity is known by");
  struct Opts {
    std::string entity, alias;
    SourceFlags source;
  };
  auto o = std::make_shared<Opts>();
  sub->add_option("ENTITY", o->entity, "Entity id or name")->required();
  sub->add_option("ALIAS", o->alias, "The other name")->required();
  o->source.Add(sub, "--note", "Where the name was seen, when not a document passage");
  r.Add(sub, [ctx = r.ctx, o]() {
    SourceRef source;
    if (std::string err = o->source.To(&source); !err.empty()) return ctx->Usage(err);
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto id = store->Resolve(o->entity);
    if (!id.ok()) return ctx->Fail(id.status());
    if (Status st = store->AddAlias(*id, o->alias, source, ctx->actor); !st.ok()) return ctx->Fail(st);
    if (ctx->json) {
      ctx->Emit({{"entity", *id}, {"alias", o->alias}});
    } else {
      std::cout << *id << " is also known as \"" << o->alias << "\"\n";
    }
    return kExitOk;
  });
}

void RegisterClaim(const Registry& r) {
  auto* claim = r.app->add_subcommand("claim", "Add claims by hand and review them");
  claim->require_subcommand(1);

  auto* add = claim->add_subcommand("add", "Add a sourced claim: SUBJECT PREDICATE and an object or a value");
  struct AddOpts {
    std::string subject, predicate, object, value, unit, qualifier, date, text, time, attributed_to, kind;
    SourceFlags source;
  };
  auto a = std::make_shared<AddOpts>();
  add->add_option("SUBJECT", a->subject, "Entity the claim is about (id or name)")->required();
  add->add_option("PREDICATE", a->predicate, "What is claimed (population, deal_value, member_of, ...)")
      ->required();
  add->add_option("--object", a->object, "Entity the subject is related to (id or name)");
  add->add_option("--value", a->value, "A number (30000000, 11.5e9, 30,000,000)");
  add->add_option("--unit", a->unit, "Unit of --value (person, USD, percent, ...)");
  add->add_option("--qualifier", a->qualifier, "How the source hedged --value")
      ->check(CLI::IsMember({"exact", "approximately", "nearly", "more than", "less than", "at least", "at most"}));
  add->add_option("--date", a->date, "A date value (YYYY, YYYY-MM or YYYY-MM-DD)");
  add->add_option("--text", a->text, "A text value");
  add->add_option("--time", a->time, "The time the claim refers to (YYYY[-MM[-DD]])");
  add->add_option("--attributed-to", a->attributed_to, "Who made the statement (id or name)");
  add->add_option("--kind", a->kind, "Category of claim (said, number, relation, ...)");
  a->source.Add(add, "--source-note", "The source, when it is not a document passage");
  r.Add(add, [ctx = r.ctx, a]() {
    NewClaim c;
    c.subject = a->subject;
    c.predicate = a->predicate;
    c.object = a->object;
    c.time = a->time;
    c.attributed_to = a->attributed_to;
    c.kind = a->kind;
    const int kinds = !a->value.empty() + !a->date.empty() + !a->text.empty();
    if (kinds > 1) return ctx->Usage("give one of --value, --date and --text");
    if (!a->value.empty()) {
      double amount;
      if (!ParseNumber(a->value, &amount)) return ctx->Usage("--value is not a number: " + a->value);
      c.value = {{"amount", amount}};
      if (!a->unit.empty()) c.value["unit"] = a->unit;
      if (!a->qualifier.empty()) c.value["qualifier"] = a->qualifier;
    } else if (!a->unit.empty() || !a->qualifier.empty()) {
      return ctx->Usage("--unit and --qualifier go with --value");
    } else if (!a->date.empty()) {
      c.value = {{"date", a->date}};
    } else if (!a->text.empty()) {
      c.value = {{"text", a->text}};
    }
    if (c.value.is_null() && c.object.empty()) return ctx->Usage("claim add needs --object or a value");
    if (std::string err = a->source.To(&c.source); !err.empty()) return ctx->Usage(err);
    if (c.source.document.empty() && c.source.note.empty()) {
      return ctx->Usage("claim add needs a source: --doc with --quote or --span, or --source-note");
    }
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto added = store->AddClaim(c, ctx->actor);
    if (!added.ok()) return ctx->Fail(added.status());
    if (ctx->json) {
      ctx->Emit(ClaimRecord(*added));
    } else {
      std::cout << "added " << added->id << "\n";
    }
    return kExitOk;
  });

  auto* set = claim->add_subcommand("set-status", "Confirm, dispute or reject a claim, with a reason");
  struct SetOpts {
    std::string claim, status, reason;
  };
  auto s = std::make_shared<SetOpts>();
  set->add_option("CLAIM", s->claim, "Claim id")->required();
  set->add_option("STATUS", s->status, "confirmed, disputed, rejected or unreviewed")
      ->required()
      ->check(CLI::IsMember({"confirmed", "disputed", "rejected", "unreviewed"}));
  set->add_option("--reason", s->reason, "Why (kept with the claim)")->required();
  r.Add(set, [ctx = r.ctx, s]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    const ClaimStatus status = *ParseClaimStatus(s->status);
    if (Status st = store->SetClaimStatus(s->claim, status, s->reason, ctx->actor); !st.ok()) return ctx->Fail(st);
    if (ctx->json) {
      ctx->Emit({{"claim", s->claim}, {"status", s->status}, {"reason", s->reason}});
    } else {
      std::cout << s->claim << " is now " << s->status << "\n";
    }
    return kExitOk;
  });
}

// The entity a curation command names (an id or a name), as it is before
// the command changes it.
Result<Entity> Curated(Store& store, const std::string& named) {
  auto id = store.Resolve(named);
  if (!id.ok()) return id.status();
  return store.GetEntity(*id);
}

void RegisterRename(const Registry& r) {
  struct Opts {
    std::string entity, name, reason;
  };
  auto* sub = r.app->add_subcommand("rename", "Give an entity another name; the old one stays as an alias");
  auto o = std::make_shared<Opts>();
  sub->add_option("ENTITY", o->entity, "The entity (id or name)")->required();
  sub->add_option("NAME", o->name, "Its new name")->required();
  sub->add_option("--reason", o->reason, "Why (kept in the audit log)");
  r.Add(sub, [ctx = r.ctx, o]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto before = Curated(*store, o->entity);
    if (!before.ok()) return ctx->Fail(before.status());
    const std::string id = before->id;
    if (Status st = store->Rename(id, o->name, o->reason, ctx->actor); !st.ok()) return ctx->Fail(st);
    if (ctx->json) {
      ctx->Emit({{"renamed", id}, {"before", before->name}, {"after", o->name}});
    } else {
      std::cout << "renamed " << id << " to \"" << o->name << "\" (undo: dossier rename " << id << " \""
                << before->name << "\")\n";
    }
    return kExitOk;
  });
}

void RegisterIdentity(const Registry& r) {
  struct Opts {
    std::string a, b, verdict, reason;
  };
  auto* merge = r.app->add_subcommand("merge", "Merge B into A (reversible with split)");
  auto m = std::make_shared<Opts>();
  merge->add_option("A", m->a, "Entity that remains (id or name)")->required();
  merge->add_option("B", m->b, "Entity merged into A (id or name)")->required();
  merge->add_option("--reason", m->reason, "Why they are the same");
  r.Add(merge, [ctx = r.ctx, m]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto a = store->Resolve(m->a);
    if (!a.ok()) return ctx->Fail(a.status());
    auto b = store->Resolve(m->b);
    if (!b.ok()) return ctx->Fail(b.status());
    if (Status st = store->Merge(*a, *b, m->reason, ctx->actor); !st.ok()) return ctx->Fail(st);
    if (ctx->json) {
      ctx->Emit({{"merged", *b}, {"into", *a}});
    } else {
      std::cout << "merged " << *b << " into " << *a << " (undo: dossier split " << *b << ")\n";
    }
    return kExitOk;
  });

  auto* split = r.app->add_subcommand("split", "Undo a merge: restore an absorbed entity");
  auto s = std::make_shared<Opts>();
  split->add_option("ENTITY", s->a, "The entity that was merged away (id or name)")->required();
  r.Add(split, [ctx = r.ctx, s]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto id = store->Resolve(s->a, std::nullopt, /*follow_merges=*/false);
    if (!id.ok()) return ctx->Fail(id.status());
    if (Status st = store->Split(*id, ctx->actor); !st.ok()) return ctx->Fail(st);
    if (ctx->json) {
      ctx->Emit({{"split", *id}});
    } else {
      std::cout << "split " << *id << " back out\n";
    }
    return kExitOk;
  });

  auto* judge = r.app->add_subcommand("judge", "Record whether two entities are the same (same merges them)");
  auto j = std::make_shared<Opts>();
  judge->add_option("A", j->a, "Entity (id or name)")->required();
  judge->add_option("B", j->b, "Entity (id or name)")->required();
  judge->add_option("VERDICT", j->verdict, "same, different or unsure")
      ->required()
      ->check(CLI::IsMember({"same", "different", "unsure"}));
  judge->add_option("--reason", j->reason, "Why");
  r.Add(judge, [ctx = r.ctx, j]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto done = store->Judge(j->a, j->b, *ParseVerdict(j->verdict), j->reason, ctx->actor);
    if (!done.ok()) return ctx->Fail(done.status());
    if (ctx->json) {
      ctx->Emit(JudgementRecord(*done));
    } else {
      std::cout << done->a << " and " << done->b << ": " << VerdictName(done->verdict)
                << (done->verdict == Verdict::kSame ? " (merged; undo: dossier split " + done->b + ")" : "")
                << "\n";
    }
    return kExitOk;
  });
}

void RegisterRetype(const Registry& r) {
  struct Opts {
    std::string entity, type, reason;
  };
  auto o = std::make_shared<Opts>();
  auto* sub = r.app->add_subcommand("retype", "Make a person an organization or a place, or the other way round");
  sub->add_option("ENTITY", o->entity, "The entity (id or name)")->required();
  sub->add_option("TYPE", o->type, "person, organization or place")
      ->required()
      ->check(CLI::IsMember({"person", "organization", "place"}));
  sub->add_option("--reason", o->reason, "Why (kept in the audit log)")->required();
  r.Add(sub, [ctx = r.ctx, o]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto before = Curated(*store, o->entity);
    if (!before.ok()) return ctx->Fail(before.status());
    const std::string id = before->id;
    const EntityType type = *ParseType(o->type);
    auto now = store->Retype(id, type, o->reason, ctx->actor);
    if (!now.ok()) return ctx->Fail(now.status());
    // Another of the new type by the same name is most likely the same thing.
    std::string twin;
    EntityFilter same;
    same.type = type;
    same.name_contains = before->name;
    if (auto found = store->ListEntities(same); found.ok()) {
      for (const auto& e : *found) {
        if (e.id != *now && NormalizeName(e.name) == NormalizeName(before->name)) twin = e.id;
      }
    }
    if (ctx->json) {
      ctx->Emit({{"retyped", id}, {"id", *now}, {"type", o->type}, {"same_name", twin}});
    } else {
      std::cout << id << " is now " << *now << " (undo: dossier retype " << *now << " " << TypeName(before->type) << ")\n";
      if (!twin.empty()) std::cout << twin << " has the same name: dossier merge " << twin << " " << *now << " joins them\n";
    }
    return kExitOk;
  });
}

// delete and remove: out of the store, audited, with a reason.
void RegisterRemoval(const Registry& r) {
  struct Opts {
    std::string target, reason;
  };
  auto d = std::make_shared<Opts>();
  auto* del = r.app->add_subcommand(
      "delete", "Delete a person, organization or place that is no thing at all; its claims go, its mentions stay unresolved");
  del->add_option("ENTITY", d->target, "The entity (id or name)")->required();
  del->add_option("--reason", d->reason, "Why (kept in the audit log)")->required();
  r.Add(del, [ctx = r.ctx, d]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto before = Curated(*store, d->target);
    if (!before.ok()) return ctx->Fail(before.status());
    const std::string id = before->id;
    if (Status st = store->DeleteEntity(id, d->reason, ctx->actor); !st.ok()) return ctx->Fail(st);
    if (ctx->json) {
      ctx->Emit({{"deleted", id}, {"name", before->name}});
    } else {
      std::cout << "deleted " << id << " (\"" << before->name << "\"); dossier log shows what went\n";
    }
    return kExitOk;
  });
  auto m = std::make_shared<Opts>();
  auto* rm = r.app->add_subcommand("remove", "Remove a document with its mentions and the claims sourced from it");
  rm->add_option("DOCUMENT", m->target, "The document (doc:... or its title)")->required();
  rm->add_option("--reason", m->reason, "Why (kept in the audit log)")->required();
  r.Add(rm, [ctx = r.ctx, m]() {
    Store* store = ctx->OpenStore();
    if (!store) return kExitError;
    auto id = store->Resolve(m->target, EntityType::kDocument);
    if (!id.ok()) return ctx->Fail(id.status());
    auto out = store->RemoveDocument(*id, m->reason, ctx->actor);
    if (!out.ok()) return ctx->Fail(out.status());
    if (ctx->json) {
      ctx->Emit({{"removed", *id}, {"mentions", out->mentions}, {"claims", out->claims}, {"kept_as_cited", out->cited},
                 {"entities_deleted", out->entities_deleted}});
    } else {
      std::cout << "removed " << *id << " with " << out->mentions << " mentions and " << out->claims << " claims";
      if (!out->entities_deleted.empty()) std::cout << "; " << out->entities_deleted.size() << " entities named only in it went too";
      if (out->cited) std::cout << "; other documents cite it, so it stays as cited only";
      std::cout << "\n(run dossier check to bring the findings up to date)\n";
    }
    return kExitOk;
  });
}

}  // namespace

void RegisterCurationCommands(const Registry& r) {
  RegisterInit(r);
  RegisterAdd(r);
  RegisterAlias(r);
  RegisterClaim(r);
  RegisterIdentity(r);
  RegisterRename(r);
  RegisterRetype(r);
  RegisterRemoval(r);
}

}  // namespace dossier::cli
