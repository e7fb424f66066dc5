// How long `dossier check` takes on a store of N claims (default 1,000,000):
// each checker of the check-facts plugin run as the CLI runs it (findings
// stored, in the CLI's order, so corroboration reuses the claim analysis
// numbers built, as in `dossier check`), against one plain streaming pass
// over the claims in the same process (the least any checker that reads
// every claim must pay).
//
//   check_bench [--claims N] [--dir DIR] [--keep] [--reuse] [--only CHECKER] [--predicates K]
//
// --keep leaves the store in DIR; --reuse checks a store kept before instead
// of building one; --only times one checker. By default every figure uses one
// of 16 predicates (8 synonym pairs), so nearly every figure shares a group
// with others: the worst case for the numbers and corroboration checkers.
// --predicates K draws 30% of figures from those and the rest from K further
// predicates, closer to what the extractor makes of real text (it names a
// figure after its noun, so most figures of a corpus stand alone).
//
// The store is synthetic but shaped like an imported one: documents from a
// few hundred publishers, each with ~20 claims about a pool of subjects;
// figures under synonymous predicates ("deaths", "people_killed") with
// hedges, some dated; relations; quotes; a few mentions per document.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/store.h"
#include "measure.h"

using namespace dossier;
using namespace dossier::bench;

namespace {

const char* kSyllables[] = {"an", "bel", "chen", "dor", "el", "fan", "gao", "hu", "ir", "jin", "ka", "lin",
                            "mar", "nor", "ol", "pet", "qi", "ros", "sun", "tor", "ul", "van", "wen", "xu"};
// Predicates in synonym pairs, so the vocabulary has work to do.
const char* kPredicates[] = {"population", "inhabitants", "deaths", "people_killed", "revenue", "sales",
                             "price",      "deal_value",  "exports", "export_value", "workers", "employees",
                             "area",       "cost",        "budget",  "trade"};
const char* kUnits[] = {"person", "person", "person", "person", "USD", "USD", "USD", "USD",
                        "USD",    "USD",    "worker", "worker", "square kilometer", "USD", "USD", "USD"};
const char* kQualifiers[] = {"exact", "exact", "exact", "approximately", "nearly", "more than", "less than"};

std::string Name(std::mt19937& rng) {
  std::string w;
  for (int i = 0; i < 2; ++i) w += kSyllables[rng() % std::size(kSyllables)];
  w[0] = static_cast<char>(w[0] - 32);
  std::string v;
  for (int i = 0; i < 3; ++i) v += kSyllables[rng() % std::size(kSyllables)];
  v[0] = static_cast<char>(v[0] - 32);
  return w + " " + v;
}

void Die(const Status& st) {
  std::fprintf(stderr, "check_bench: %s\n", st.message().c_str());
  std::exit(1);
}

// Writes the synthetic store in one RecordWriter transaction.
void Build(Store& store, int64_t claims, int64_t extra_predicates) {
  std::mt19937 rng(7);
  const int64_t subjects = std::max<int64_t>(100, claims / 50);
  const int64_t per_doc = 20;
  const int64_t docs = std::max<int64_t>(1, claims / per_doc);
  auto writer = store.BeginRecords(Actor{"bench"});
  if (!writer.ok()) Die(writer.status());
  std::vector<std::string> ids;
  for (int64_t i = 0; i < subjects; ++i) {
    const char* type = i % 3 == 0 ? "person" : i % 3 == 1 ? "organization" : "place";
    const char* prefix = i % 3 == 0 ? "person" : i % 3 == 1 ? "org" : "place";
    ids.push_back(std::string(prefix) + ":s" + std::to_string(i));
    if (Status st = (*writer)->Put({{"id", ids.back()}, {"type", type}, {"name", Name(rng)}}); !st.ok()) Die(st);
  }
  int64_t written = 0;
  for (int64_t d = 0; d < docs && written < claims; ++d) {
    const std::string doc = "doc:d" + std::to_string(d);
    std::string text;
    struct Pending {
      Json record;
    };
    std::vector<Json> records;
    for (int64_t k = 0; k < per_doc && written < claims; ++k, ++written) {
      const int64_t subject = static_cast<int64_t>(rng() % static_cast<uint32_t>(subjects));
      const std::string& sid = ids[static_cast<size_t>(subject)];
      Json c = {{"id", "claim:b" + std::to_string(written)}, {"type", "claim"}, {"subject", sid},
                {"document", doc}, {"status", "unreviewed"}, {"extractor", "bench"}};
      const int kind = static_cast<int>(rng() % 20);
      std::string sentence;
      if (kind < 12) {
        size_t p = rng() % std::size(kPredicates);
        std::string predicate = kPredicates[p], unit = kUnits[p];
        if (extra_predicates > 0 && rng() % 10 >= 3) {
          p = std::size(kPredicates) + rng() % static_cast<uint32_t>(extra_predicates);
          predicate = "measure_" + std::to_string(p);
          unit = "unit_" + std::to_string(p % 40);
        }
        // Each subject and predicate pair has a true value; reports scatter around it.
        const double truth = 1000.0 * static_cast<double>(1 + (subject * 31 + static_cast<int64_t>(p / 2) * 7) % 997);
        const double reported = rng() % 10 == 0 ? truth * 1.6 : truth;
        const char* q = kQualifiers[rng() % std::size(kQualifiers)];
        c["predicate"] = predicate;
        c["value"] = {{"amount", reported}, {"unit", unit}, {"qualifier", q}};
        c["kind"] = "number";
        if (rng() % 4 == 0) c["time"] = std::to_string(2000 + rng() % 3);
        sentence = "It put the " + predicate + " at " + std::to_string(static_cast<int64_t>(reported)) + ".";
      } else if (kind < 17) {
        const std::string& other = ids[rng() % ids.size()];
        c["predicate"] = rng() % 2 ? "member_of" : "met";
        c["object"] = other;
        c["kind"] = "relation";
        sentence = "The two met in " + std::to_string(rng() % 50) + " rounds.";
      } else {
        sentence = "We will build " + std::to_string(rng() % 200) + " bridges, said the official.";
        c["predicate"] = "said";
        c["value"] = {{"text", sentence}};
        c["kind"] = "said";
      }
      c["start"] = static_cast<int64_t>(text.size());
      text += sentence;
      c["end"] = static_cast<int64_t>(text.size());
      c["quote"] = sentence;
      text += " ";
      records.push_back(std::move(c));
    }
    Json props = {{"kind", "news_article"}, {"publisher", "Outlet " + std::to_string(d % 300)}};
    if (Status st = (*writer)->Put({{"id", doc}, {"type", "document"}, {"name", "Report " + std::to_string(d)},
                                    {"properties", props}, {"text", text}});
        !st.ok()) {
      Die(st);
    }
    for (Json& c : records) {
      if (Status st = (*writer)->Put(c); !st.ok()) Die(st);
    }
    // Mentions of the first subjects named, one unresolved surname in ten documents.
    for (int m = 0; m < 3 && m < static_cast<int>(records.size()); ++m) {
      const Json& c = records[static_cast<size_t>(m)];
      const std::string sid = c["subject"];
      Json mention = {{"id", "mention:b" + std::to_string(d) + "-" + std::to_string(m)}, {"type", "mention"},
                      {"document", doc}, {"start", c["start"]}, {"end", c["start"].get<int64_t>() + 2},
                      {"text", text.substr(c["start"].get<size_t>(), 2)}, {"extractor", "bench"}};
      if (!(m == 0 && d % 10 == 0)) mention["entity"] = sid;
      mention["entity_type"] = sid.substr(0, sid.find(':')) == "org" ? "organization" : sid.substr(0, sid.find(':'));
      if (Status st = (*writer)->Put(mention); !st.ok()) Die(st);
    }
  }
  if (Status st = (*writer)->Commit(); !st.ok()) Die(st);
}

}  // namespace

int main(int argc, char** argv) {
  int64_t claims = 1000000;
  std::string dir = std::filesystem::temp_directory_path() / "dossier_check_bench";
  bool keep = false, reuse = false;
  int64_t extra_predicates = 0;
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--claims") && i + 1 < argc) {
      claims = std::atoll(argv[++i]);
    } else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) {
      dir = argv[++i];
    } else if (!std::strcmp(argv[i], "--keep")) {
      keep = true;
    } else if (!std::strcmp(argv[i], "--reuse")) {
      reuse = keep = true;
    } else if (!std::strcmp(argv[i], "--predicates") && i + 1 < argc) {
      extra_predicates = std::atoll(argv[++i]);
    } else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) {
      only.push_back(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: check_bench [--claims N] [--dir DIR] [--keep] [--reuse] [--only CHECKER] [--predicates K]\n");
      return 2;
    }
  }
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/check_bench.db";
  if (!reuse) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  StoreOptions options;
  options.create_if_missing = true;
  auto store = Store::Open(path, options);
  if (!store.ok()) Die(store.status());

  auto t0 = Clock::now();
  if (!reuse) Build(**store, claims, extra_predicates);
  const double build = Seconds(t0);
  auto stats = (*store)->GetStats();
  if (!stats.ok()) Die(stats.status());
  std::printf("store: %lld claims, %lld documents, %lld entities, %lld mentions, %.1f MiB (built in %.1f s)\n",
              static_cast<long long>(stats->claims), static_cast<long long>(stats->documents),
              static_cast<long long>(stats->persons + stats->organizations + stats->places),
              static_cast<long long>(stats->mentions), static_cast<double>(stats->file_bytes) / (1 << 20), build);

  // Baseline: one streaming pass over every claim.
  t0 = Clock::now();
  double c0 = CpuSeconds();
  int64_t seen = 0;
  if (Status st = (*store)->ForEachClaim({}, [&](const Claim&) { return ++seen > 0; }); !st.ok()) Die(st);
  const double baseline = Seconds(t0);
  const double baseline_cpu = CpuSeconds() - c0;
  std::printf("baseline: one ForEachClaim pass over %lld claims: %.2f s (cpu %.2f s)\n", static_cast<long long>(seen),
              baseline, baseline_cpu);

  PluginHost host;
  host.LoadDefault();
  Pipeline pipeline(**store, host, Actor{"bench"});
  double total = 0, total_cpu = 0;
  // `check` groups the stories first when the store changed: timed apart,
  // and counted in the total.
  {
    t0 = Clock::now();
    c0 = CpuSeconds();
    const CheckReport grouped = pipeline.GroupStories();
    if (!grouped.status.ok()) Die(grouped.status);
    const double s = Seconds(t0), cpu = CpuSeconds() - c0;
    total += s;
    total_cpu += cpu;
    std::printf("stories (grouping)  %7.2f s (cpu %6.2f s)  %8lld stories   %5.1fx baseline\n", s, cpu,
                static_cast<long long>(grouped.findings), s / baseline);
  }
  if (only.empty()) only = {"numbers", "identity", "corroboration", "integrity"};
  for (const std::string& name_string : only) {
    const char* name = name_string.c_str();
    if (!host.FindChecker(name)) {
      std::fprintf(stderr, "check_bench: no checker named %s (is the check-facts plugin built?)\n", name);
      return 1;
    }
    t0 = Clock::now();
    c0 = CpuSeconds();
    auto reports = pipeline.Check({name});
    const double s = Seconds(t0);
    const double cpu = CpuSeconds() - c0;
    total_cpu += cpu;
    if (!reports.ok()) Die(reports.status());
    const CheckReport* own = nullptr;
    for (const CheckReport& r : *reports) {
      if (!r.status.ok()) Die(r.status);
      if (r.checker == name_string) own = &r;
      if (r.checker != name_string) std::printf("  (with %s: %lld)\n", r.checker.c_str(), static_cast<long long>(r.findings));
    }
    if (!own) Die(Status::Internal(std::string("no report from ") + name));
    total += s;
    std::printf("check %-13s %7.2f s (cpu %6.2f s)  %8lld findings  %5.1fx baseline\n", name, s, cpu,
                static_cast<long long>(own->findings), s / baseline);
  }
  std::printf("check (grouping and %zu checker%s) %7.2f s (cpu %6.2f s)  %5.1fx baseline  (target for all four: under 60 s)\n",
              only.size(), only.size() == 1 ? "" : "s", total, total_cpu, total / baseline);
  t0 = Clock::now();
  auto again = pipeline.Check(only);
  if (!again.ok()) Die(again.status());
  std::printf("re-run, findings unchanged: %.2f s\n", Seconds(t0));
  std::printf("peak memory: %.0f MiB\n", PeakMiB());
  store->reset();
  if (!keep) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  return 0;
}
