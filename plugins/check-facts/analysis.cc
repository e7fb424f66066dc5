#include "analysis.h"

#include <mutex>

#include "dossier/changes.h"

namespace dossier::check {
namespace {

struct Cached {
  const StoreView* store = nullptr;
  int64_t seq = -1;
  std::string at;
  std::shared_ptr<const Analysis> analysis;
};

}  // namespace

Result<std::shared_ptr<const Analysis>> AnalyzeClaims(StoreView& store) {
  static std::mutex mu;
  static Cached cached;
  auto last = LastChange(store);
  if (!last.ok()) return last.status();
  {
    std::lock_guard<std::mutex> lock(mu);
    if (cached.analysis && cached.store == &store && cached.seq == last->seq && cached.at == last->at) {
      return cached.analysis;
    }
    cached = Cached{};  // free the old one before building the next
  }
  auto canonical = Canonical::Load(store);
  if (!canonical.ok()) return canonical.status();
  auto index = ClaimIndex::Build(store, Vocabulary::Get(), *canonical, /*keep_details=*/true);
  if (!index.ok()) return index.status();
  auto sources = Sources::Load(store);
  if (!sources.ok()) return sources.status();
  auto analysis = std::make_shared<Analysis>(
      Analysis{std::move(canonical).value(), std::move(index).value(), std::move(sources).value()});
  std::lock_guard<std::mutex> lock(mu);
  cached = Cached{&store, last->seq, last->at, analysis};
  return std::shared_ptr<const Analysis>(analysis);
}

}  // namespace dossier::check
