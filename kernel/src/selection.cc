// What an export includes: resolving `--about X --depth N` once, in the
// kernel, so every exporter selects the same entities, documents and claims.
#include <algorithm>

#include "dossier/exporter.h"
#include "dossier/text.h"

namespace dossier {
namespace {

bool Member(const Selection& s, std::string_view id) {
  return std::binary_search(s.members.begin(), s.members.end(), id,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

bool Wanted(const Selection& s, EntityType type) {
  return s.types.empty() || std::find(s.types.begin(), s.types.end(), type) != s.types.end();
}

}  // namespace

Status ResolveSelection(StoreView& store, Selection* selection) {
  selection->members.clear();
  if (selection->about.empty()) return Status::OK();
  if (selection->depth < 0) return Status::InvalidArgument("--depth must be 0 or more");
  auto about = store.Resolve(selection->about);
  if (!about.ok()) return about.status();
  selection->about = *about;
  auto near = store.Neighbourhood(*about, selection->depth);
  if (!near.ok()) return near.status();
  std::vector<std::string> members;
  DescribeOptions brief;
  brief.max_mentions = 0;
  brief.max_claims = 0;
  for (const auto& id : *near) {
    members.push_back(id);
    // Claims and mentions may name an entity by an id merged into it.
    auto d = store.Describe(id, brief);
    if (!d.ok()) return d.status();
    members.insert(members.end(), d->absorbed.begin(), d->absorbed.end());
  }
  auto docs = store.DocumentsMentioning(*about, 0);
  if (!docs.ok()) return docs.status();
  members.insert(members.end(), docs->begin(), docs->end());
  ClaimFilter about_it;
  about_it.about = *about;
  Status st = store.ForEachClaim(about_it, [&](const Claim& c) {
    if (!c.source.document.empty()) members.push_back(c.source.document);
    return true;
  });
  if (!st.ok()) return st;
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  selection->members = std::move(members);
  return Status::OK();
}

bool SelectsEntity(const Selection& selection, std::string_view id, EntityType type) {
  if (!Wanted(selection, type)) return false;
  return selection.about.empty() || Member(selection, id);
}

bool SelectsClaim(const Selection& selection, const Claim& claim) {
  if (!Wanted(selection, EntityType::kClaim)) return false;
  if (selection.about.empty()) return true;
  return Member(selection, claim.subject) && (claim.object.empty() || Member(selection, claim.object));
}

bool SelectsMention(const Selection& selection, const Mention& mention) {
  if (mention.entity.empty() || !SelectsEntity(selection, mention.entity, mention.type)) return false;
  return selection.about.empty() || Member(selection, mention.document);
}

bool SelectsFinding(const Selection& selection, const Finding& finding) {
  if (selection.about.empty()) return Wanted(selection, EntityType::kClaim);
  return std::any_of(finding.refs.begin(), finding.refs.end(),
                     [&](const std::string& ref) { return Member(selection, ref); });
}

std::string SourceToHandOver(const Selection& selection, std::string_view source) {
  if (selection.include_paths || IsWebLink(source)) return std::string(source);
  // Either separator: a store made on Windows names its files with '\\'.
  const size_t slash = source.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? source : source.substr(slash + 1));
}

}  // namespace dossier
