// Which documents are independent sources. Two documents count once when
// they come from the same publisher, or when one is a cable that cites the
// other through its REF line (directly or through a chain); within a group
// of claims, two claims quoting the same sentence word for word count once
// too (a wire story reprinted under another masthead).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "claim_index.h"
#include "dossier/status.h"
#include "dossier/store.h"

namespace dossier::check {

class Sources {
 public:
  // Reads every document's publisher and REF list.
  static Result<Sources> Load(StoreView& store);
  // Declares two documents one source (for tests and callers that know more).
  void Join(const std::string& a, const std::string& b);
  // A name for the origin a document belongs to: its publisher, or the
  // first document of its REF chain, or the document itself.
  std::string OriginOf(const std::string& document) const;

  struct Count {
    int64_t independent = 0;
    std::vector<std::string> origins;  // one per independent source, sorted
    std::vector<std::string> why;      // what was counted once, and why
  };
  // How many independent sources the given claims of the index rest on.
  Count CountSources(const ClaimIndex& index, const std::vector<uint32_t>& members) const;

 private:
  // The origin of each of index.documents, as a small integer (computed once per index).
  const std::vector<uint32_t>& OriginIds(const ClaimIndex& index) const;
  mutable const ClaimIndex* ids_for_ = nullptr;
  mutable std::vector<uint32_t> origin_ids_;
  mutable std::vector<std::string> origin_names_;

  std::string Find(const std::string& doc) const;
  mutable std::unordered_map<std::string, std::string> parent_;
  std::unordered_map<std::string, std::string> label_;  // root -> publisher name
};

}  // namespace dossier::check
