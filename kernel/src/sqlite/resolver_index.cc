#include "sqlite/resolver_index.h"

#include <set>

#include "sqlite/store_util.h"

namespace dossier::sqlite {

// Each query gives the matched entity's id, its canonical's id, type and
// properties, and the matched entity's name, oldest canonical first (the
// lowest rid); one candidate per canonical entity.
std::vector<Candidate> SqliteResolverIndex::Canonicals(Stmt& s) {
  std::vector<Candidate> out;
  std::set<std::string> seen;
  while (s.Step()) {
    if (!seen.insert(s.Text(1)).second) continue;
    out.push_back({s.Text(0), s.Text(1), TypeFromText(s.Text(2)), s.Text(4),
                   ParseJson(s.Text(3), Json::object(), "the properties column of " + s.Text(1))});
  }
  return out;
}

std::vector<Candidate> SqliteResolverIndex::ByName(const std::string& norm, bool aliases) {
  Stmt s = db_->Prepare(
      aliases ? "SELECT e.id, c.id, c.type, c.properties, e.name FROM alias a JOIN entity e ON e.id = a.entity "
                "JOIN entity c ON c.id = e.canonical WHERE a.norm = ? AND c.type != 'document' ORDER BY c.rid, e.rid"
              : "SELECT e.id, c.id, c.type, c.properties, e.name FROM entity e JOIN entity c ON c.id = e.canonical "
                "WHERE e.norm = ? AND c.type != 'document' ORDER BY c.rid, e.rid");
  s.Bind(1, norm);
  return Canonicals(s);
}

std::vector<Candidate> SqliteResolverIndex::ByKey(NameKey kind, const std::string& key) {
  Stmt s = db_->Prepare(
      "SELECT e.id, c.id, c.type, c.properties, e.name FROM name_key k JOIN entity e ON e.id = k.entity "
      "JOIN entity c ON c.id = e.canonical WHERE k.kind = ? AND k.key = ? ORDER BY c.rid, e.rid");
  s.Bind(1, kind == NameKey::kOrgCore ? "org-core" : "surname").Bind(2, key);
  return Canonicals(s);
}

bool SqliteResolverIndex::JudgedDifferent(const std::string& a, const std::string& b) {
  Stmt s = db_->Prepare("SELECT 1 FROM judgement WHERE lo = ? AND hi = ? AND verdict = 'different'");
  s.Bind(1, std::min(a, b)).Bind(2, std::max(a, b));
  return s.Step();
}

}  // namespace dossier::sqlite
