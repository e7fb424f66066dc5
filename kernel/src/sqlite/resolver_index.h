// The SQLite backend's answers to the resolver's lookups (kernel/src/resolver.h).
#pragma once

#include "resolver.h"
#include "sqlite/db.h"

namespace dossier::sqlite {

class SqliteResolverIndex final : public ResolverIndex {
 public:
  explicit SqliteResolverIndex(Db* db) : db_(db) {}
  std::vector<Candidate> ByName(const std::string& norm, bool aliases) override;
  std::vector<Candidate> ByKey(NameKey kind, const std::string& key) override;
  bool JudgedDifferent(const std::string& a, const std::string& b) override;

 private:
  std::vector<Candidate> Canonicals(Stmt& s);
  Db* db_;
};

}  // namespace dossier::sqlite
