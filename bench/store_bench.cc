// Search and show latency on a store of N entities (default 100,000), against
// the same queries on a 1,000-entity store built in the same process.
//
//   store_bench [--entities N] [--dir DIR] [--keep]
//
// Prints median and 95th-percentile latency per operation and the ratio to
// the small store (how the cost grows with the store).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "dossier/store.h"
#include "measure.h"

using namespace dossier;
using bench::Clock;

namespace {

const char* kSyllables[] = {"an", "bel", "chen", "dor", "el", "fan", "gao", "hu", "ir", "jin", "ka", "lin",
                            "mar", "nor", "ol", "pet", "qi", "ros", "sun", "tor", "ul", "van", "wen", "xu",
                            "yan", "zho", "ba", "de", "fi", "go", "ha", "ji", "ko", "lu", "mi", "na"};
const char* kWords[] = {"trade", "minister", "export", "council", "meeting", "province", "agreement", "delegation",
                        "investment", "security", "energy", "summit", "factory", "report", "official", "market"};

std::string Word(std::mt19937& rng, int syllables) {
  std::string w;
  for (int i = 0; i < syllables; ++i) w += kSyllables[rng() % std::size(kSyllables)];
  w[0] = static_cast<char>(w[0] - 32);
  return w;
}

struct Built {
  std::unique_ptr<Store> store;
  std::vector<std::string> ids;    // entities
  std::vector<std::string> names;  // their names
  std::vector<std::string> docs;
};

Built Build(const std::string& path, int n) {
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  StoreOptions options;
  options.create_if_missing = true;
  Built b;
  b.store = std::move(Store::Open(path, options)).value();
  const Actor actor{"bench"};
  std::mt19937 rng(42);
  for (int i = 0; i < n; ++i) {
    NewEntity e;
    e.type = i % 5 == 3 ? EntityType::kOrganization : i % 5 == 4 ? EntityType::kPlace : EntityType::kPerson;
    e.name = Word(rng, 2) + " " + Word(rng, 2 + static_cast<int>(rng() % 2));
    e.aliases = {Word(rng, 3)};
    e.allow_same_name = true;
    auto r = b.store->AddEntity(e, actor);
    if (!r.ok()) {
      std::fprintf(stderr, "bench: %s\n", r.status().message().c_str());
      std::exit(1);
    }
    b.ids.push_back(r->id);
    b.names.push_back(e.name);
  }
  // One document per 100 entities, each naming ten of them, with claims.
  for (int d = 0; d < std::max(1, n / 100); ++d) {
    std::string text;
    std::vector<size_t> named;
    for (int s = 0; s < 10; ++s) {
      const size_t who = rng() % b.ids.size();
      named.push_back(who);
      text += b.names[who] + " said the " + kWords[rng() % std::size(kWords)] + " " +
              kWords[rng() % std::size(kWords)] + " was worth " + std::to_string(rng() % 1000) + " million. ";
    }
    Document doc;
    doc.title = "Report " + std::to_string(d) + " on " + kWords[rng() % std::size(kWords)];
    doc.text = text;
    auto added = b.store->AddDocument(doc, actor);
    if (!added.ok()) std::exit(1);
    b.docs.push_back(added->id);
    NewClaim c;
    c.subject = b.ids[named[0]];
    c.predicate = "value";
    c.value = {{"amount", static_cast<double>(rng() % 1000) * 1e6}, {"unit", "USD"}};
    c.source.document = added->id;
    c.source.quote = b.names[named[0]] + " said";
    b.store->AddClaim(c, actor);
  }
  return b;
}

using bench::Time;
using bench::Timing;

struct Ops {
  Timing search_name, search_common, search_word_prefix, search_prefix3, search_prefix4, show;
};

Ops Measure(Built& b) {
  Ops o;
  std::mt19937 rng(7);
  constexpr int kReps = 200;
  o.search_name = Time(kReps, [&](int i) {
    SearchQuery q;
    q.text = b.names[rng() % b.names.size()];
    if (!b.store->Search(q).ok()) std::exit(1);
  });
  o.search_common = Time(kReps, [&](int i) {
    SearchQuery q;
    q.text = kWords[i % std::size(kWords)];
    if (!b.store->Search(q).ok()) std::exit(1);
  });
  // Word prefixes match a handful of distinct words; name prefixes over the
  // synthetic names match thousands (every name is built from 36 syllables),
  // the worst case for a prefix query.
  o.search_word_prefix = Time(kReps, [&](int i) {
    SearchQuery q;
    q.text = std::string(kWords[i % std::size(kWords)]).substr(0, 5) + "*";
    if (!b.store->Search(q).ok()) std::exit(1);
  });
  o.search_prefix3 = Time(kReps, [&](int i) {
    SearchQuery q;
    q.text = std::string(kSyllables[i % std::size(kSyllables)]) + "a*";
    q.text = q.text.substr(0, 3) + "*";
    if (!b.store->Search(q).ok()) std::exit(1);
  });
  o.search_prefix4 = Time(kReps, [&](int i) {
    SearchQuery q;
    q.text = std::string(kSyllables[i % std::size(kSyllables)]) + kSyllables[(i * 7) % std::size(kSyllables)];
    q.text = q.text.substr(0, 4) + "*";
    if (!b.store->Search(q).ok()) std::exit(1);
  });
  o.show = Time(kReps, [&](int i) {
    auto id = b.store->Resolve(b.ids[rng() % b.ids.size()]);
    if (!id.ok() || !b.store->Describe(*id).ok()) std::exit(1);
  });
  return o;
}

void Row(const char* what, const Timing& big, const Timing& small) {
  std::printf("%-34s %9.3f %9.3f   %9.3f   %6.2fx\n", what, big.median_ms, big.p95_ms, small.median_ms,
              small.median_ms > 0 ? big.median_ms / small.median_ms : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  int n = 100000;
  std::string dir = std::filesystem::temp_directory_path();
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--keep") keep = true;  // leave the stores for inspection
    else if (flag == "--entities" && i + 1 < argc) n = std::atoi(argv[++i]);
    else if (flag == "--dir" && i + 1 < argc) dir = argv[++i];
  }
  const auto t0 = Clock::now();
  Built small = Build(dir + "/bench-small.db", 1000);
  Built big = Build(dir + "/bench-big.db", n);
  const double build_s = std::chrono::duration<double>(Clock::now() - t0).count();
  const Ops s = Measure(small);
  const Ops b = Measure(big);
  std::printf("store_bench: %d entities, %zu documents (baseline: 1000 entities); built in %.1f s\n", n,
              big.docs.size(), build_s);
  std::printf("%-34s %9s %9s   %9s   %7s\n", "operation (ms)", "median", "p95", "baseline", "ratio");
  Row("search: a full name", b.search_name, s.search_name);
  Row("search: a common word", b.search_common, s.search_common);
  Row("search: a word prefix (inves*)", b.search_word_prefix, s.search_word_prefix);
  Row("search: 3-letter name prefix (sun*)", b.search_prefix3, s.search_prefix3);
  Row("search: 4-letter name prefix (sunb*)", b.search_prefix4, s.search_prefix4);
  Row("show: resolve + describe", b.show, s.show);
  if (!keep) {
    for (const char* f : {"/bench-small.db", "/bench-big.db"}) {
      std::filesystem::remove(dir + f);
      std::filesystem::remove(dir + f + "-wal");
      std::filesystem::remove(dir + f + "-shm");
    }
  }
  return 0;
}
