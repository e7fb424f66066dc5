// Cablegate scale on this machine: writes N cable-like documents (default
// 250,000) into a folder, then runs the real `dossier` binary on them as a
// user would, each step a child process whose wall time and peak memory
// (wait4) are printed: import, check, export jsonl, export html. In between,
// search and show latency on the store it built: p50 and p95 of names,
// common words and short prefixes, and `show` of entities.
//
//   scale_bench [--docs N | --corpus DIR] [--postgres URI] [--dir DIR] [--keep] [--reuse]
//               [--skip-html] [--search-only]
//
// --reuse takes the corpus and store a --keep run left in DIR (same N) and
// measures again without importing; --search-only stops after search and show.
// --corpus imports the files of DIR (the Cablegate sample) instead of
// generated ones, and searches for its most named people. --postgres runs
// every step a second time on a fresh database on that server
// (docs/scale-out.md), so that the two backends are measured in one run;
// peak RSS is the dossier process's, the server's own memory apart.
//
// The documents recombine sentence patterns written for the project with
// names drawn from pools that grow with N (people, organizations, places,
// posts), each drawn with a skew (a few names in many cables, most in a
// few), so that the vocabulary and entity counts grow as in a real archive.
// Each cable has a telegram header (routing lines, date-time group, FM/TO,
// classification, TAGS, SUBJECT, REF to earlier cables), numbered
// paragraphs with figures, quotes and roles, and a signature. Figures only;
// nothing is asserted (docs/performance.md keeps the table).
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <libpq-fe.h>

#include "dossier/store.h"
#include "measure.h"

namespace fs = std::filesystem;
using namespace dossier;
using bench::Clock;

namespace {

// A pronounceable made-up word, different for each n.
std::string Word(uint64_t n, int min_syllables = 2) {
  static const char* kSyllables[] = {"ka", "lo", "ve", "ri", "mo", "ta", "zu", "ne", "sa", "di", "po", "le",
                                     "ga", "fi", "ro", "bu", "ke", "mi", "no", "xa", "ju", "we", "ha", "qi"};
  std::string w;
  int syllables = 0;
  do {
    w += kSyllables[n % 24];
    n /= 24;
    ++syllables;
  } while (n > 0 || syllables < min_syllables);
  w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// The pools a document draws its names from; their sizes grow with N.
struct Pools {
  size_t people, organizations, places, posts;
  explicit Pools(size_t n)
      : people(300 + n / 3), organizations(100 + n / 10), places(100 + n / 20), posts(40 + n / 2000) {}
};

class Cables {
 public:
  Cables(size_t n, uint32_t seed) : pools_(n), rng_(seed) {}

  // Index into a pool of `size`, skewed: the first k of it are drawn with
  // chance sqrt(k/size), so a few names are in many cables and most in a
  // few (the most named person in about 1 in 250 mentions at 250,000
  // cables, as in the Cablegate sample's most named).
  size_t Draw(size_t size) {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng_);
    return std::min(size - 1, static_cast<size_t>(static_cast<double>(size) * u * u));
  }
  size_t Uniform(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  std::string Person() {
    const size_t i = Draw(pools_.people);
    return Word(i * 7 + 3) + " " + Word(i * 13 + 100000, 3);
  }
  std::string Organization() {
    static const char* kForms[] = {"Ministry of %s", "%s Corporation", "%s Bank", "%s Party", "%s Council",
                                   "%s Association", "%s Holdings", "National %s Agency"};
    const size_t i = Draw(pools_.organizations);
    char buf[160];
    std::snprintf(buf, sizeof buf, kForms[i % std::size(kForms)], Word(i + 5000, 3).c_str());
    return buf;
  }
  std::string Place() { return Word(Draw(pools_.places) + 900000, 3); }
  std::string Post(size_t i) { return Upper(Word(i + 70000, 3)); }

  // One cable: its file name and text.
  std::pair<std::string, std::string> Make(size_t index) {
    const size_t post_i = Draw(pools_.posts);
    const std::string post = Post(post_i);
    const int year = 2003 + static_cast<int>(index * 8 / std::max<size_t>(1, pools_total_docs_));
    const int month = 1 + static_cast<int>(Uniform(12)), day = 1 + static_cast<int>(Uniform(28));
    static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    static const char* kMonthNames[] = {"January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December"};
    const size_t serial = 100 + index % 9000;
    char ref_name[64];
    std::snprintf(ref_name, sizeof ref_name, "%02d%s%zu", year % 100, post.c_str(), serial);
    std::string t;
    char line[512];
    std::snprintf(line, sizeof line, "VZCZCXRO%04zu\nPP RUEHWEB\nDE RUEH%.3s #%04zu/01 %03d0815\nZNR UUUUU ZZH\n",
                  index % 10000, post.c_str(), serial, (month - 1) * 30 + day);
    t += line;
    std::snprintf(line, sizeof line, "P %02d0815Z %s %02d\nFM AMEMBASSY %s\nTO RUEHC/SECSTATE WASHDC PRIORITY %zu\n",
                  day, kMonths[month - 1], year % 100, post.c_str(), 1000 + index % 8000);
    t += line;
    const std::string other = Post(Draw(pools_.posts));
    t += "INFO RUEHXX/AMEMBASSY " + other + " PRIORITY " + std::to_string(100 + index % 900) + "\n";
    const bool confidential = Uniform(3) == 0;
    t += std::string(confidential ? "C O N F I D E N T I A L " : "UNCLAS ") + post + " " + std::to_string(serial) + "\n\nSIPDIS\n\n";
    std::snprintf(line, sizeof line, "E.O. 12958: DECL: %02d/%02d/%d\n", month, day, year + 10);
    t += line;
    static const char* kTags[] = {"PREL", "PGOV", "ECON", "ETRD", "EAGR", "MARR", "PHUM", "KDEM", "ENRG", "SNAR"};
    t += std::string("TAGS: ") + kTags[Uniform(10)] + " " + kTags[Uniform(10)] + " " + post.substr(0, 2) + "\n";
    const std::string subject_person = Person();
    t += "SUBJECT: " + Upper(subject_person) + " ON " + Upper(Word(Uniform(500) + 300, 3)) + " AND THE " +
         Upper(Organization()) + "\n\n";
    if (index > 10 && Uniform(2) == 0) {
      // An earlier cable of this archive, or one that is not in it.
      t += "REF: A. " + Post(Draw(pools_.posts)) + " " + std::to_string(100 + Uniform(9000)) + "\n\n";
    }
    const int paragraphs = 5 + static_cast<int>(Uniform(8));
    for (int p = 1; p <= paragraphs; ++p) {
      t += std::to_string(p) + ". (" + (confidential ? "C" : "SBU") + ") ";
      if (p == 1) t += "Summary: ";
      // Cables are mostly prose that names no one: two plain sentences to
      // each with names or figures, as in the Cablegate sample.
      const int sentences = 3 + static_cast<int>(Uniform(4));
      for (int s = 0; s < sentences; ++s) {
        t += (s % 3 == 1 ? Sentence(subject_person, month, kMonthNames) : Prose()) + " ";
      }
      if (p == 1) t += "End Summary.";
      t += "\n\n";
    }
    t += Upper(Word(Draw(pools_.people) * 13 + 100000, 3)) + "\n";
    return {ref_name, t};
  }

  void SetTotal(size_t n) { pools_total_docs_ = n; }

 private:
  std::string Sentence(const std::string& protagonist, int month, const char* const* month_names) {
    static const char* kTitles[] = {"director", "minister", "chairman", "spokesman", "deputy governor", "adviser"};
    static const char* kTopics[] = {"trade", "security", "the budget", "the election", "energy prices", "the harbour",
                                    "customs reform", "the border", "water rights", "the census"};
    const std::string who = Uniform(3) == 0 ? protagonist : Person();
    char buf[640];
    switch (Uniform(7)) {
      case 0:
        std::snprintf(buf, sizeof buf, "%s, the %s of the %s, told poloff that %s would improve by %zu percent.",
                      who.c_str(), kTitles[Uniform(6)], Organization().c_str(), kTopics[Uniform(10)], 2 + Uniform(40));
        break;
      case 1:
        std::snprintf(buf, sizeof buf, "%s said %zu people were killed in %s on %s %zu.", who.c_str(),
                      3 + Uniform(200), Place().c_str(), month_names[month - 1], 1 + Uniform(28));
        break;
      case 2:
        std::snprintf(buf, sizeof buf, "The %s will invest $%zu million in %s, according to %s.",
                      Organization().c_str(), 5 + Uniform(900), Place().c_str(), who.c_str());
        break;
      case 3:
        std::snprintf(buf, sizeof buf, "\"We will not accept new conditions on %s,\" %s said.", kTopics[Uniform(10)],
                      who.c_str());
        break;
      case 4:
        std::snprintf(buf, sizeof buf, "%s met %s in %s to discuss %s.", who.c_str(), Person().c_str(),
                      Place().c_str(), kTopics[Uniform(10)]);
        break;
      case 5:
        std::snprintf(buf, sizeof buf, "Some %zu,000 residents of %s depend on %s, and the %s has no plan for them.",
                      2 + Uniform(300), Place().c_str(), kTopics[Uniform(10)], Organization().c_str());
        break;
      default:
        std::snprintf(buf, sizeof buf, "Embassy contacts expect %s to remain calm through the %s meeting in %s.",
                      kTopics[Uniform(10)], Organization().c_str(), Place().c_str());
    }
    return buf;
  }

  // A sentence of ordinary words, now and then a rare one (the vocabulary
  // grows with the archive, as a real one's does).
  std::string Prose() {
    static const char* kWords[] = {
        "the", "government", "would", "continue", "to", "press", "for", "a", "new", "agreement", "on", "regional",
        "cooperation", "and", "officials", "expect", "further", "talks", "after", "elections", "while", "opposition",
        "leaders", "remain", "skeptical", "about", "reform", "of", "local", "administration", "economic", "growth",
        "has", "slowed", "but", "exports", "are", "stable", "contacts", "noted", "that", "public", "support",
        "for", "the", "plan", "is", "weak", "in", "rural", "areas", "where", "farmers", "complain", "prices",
        "security", "forces", "said", "they", "had", "increased", "patrols", "near", "the", "capital"};
    std::string out;
    const int words = 12 + static_cast<int>(Uniform(14));
    for (int i = 0; i < words; ++i) {
      std::string w = Uniform(40) == 0 ? Word(Uniform(200000) + 400000, 3) : kWords[Uniform(std::size(kWords))];
      if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      else if (std::isupper(static_cast<unsigned char>(w[0]))) w[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
      out += (i ? " " : "") + w;
    }
    return out + ".";
  }

  Pools pools_;
  std::mt19937_64 rng_;
  size_t pools_total_docs_ = 1;
};

// Writes the corpus: folders of 1,000 files. Returns its size in bytes.
uint64_t WriteCorpus(const fs::path& dir, size_t n) {
  Cables cables(n, 20261207);
  cables.SetTotal(n);
  uint64_t bytes = 0;
  for (size_t i = 0; i < n; ++i) {
    const fs::path folder = dir / ("part" + std::to_string(i / 1000));
    if (i % 1000 == 0) fs::create_directories(folder);
    auto [name, text] = cables.Make(i);
    std::ofstream(folder / (name + "-" + std::to_string(i) + ".txt"), std::ios::binary) << text;
    bytes += text.size();
  }
  return bytes;
}

// The dossier binary with args, its output to `out`.
bench::ChildRun Child(const std::vector<std::string>& args, const std::string& out) {
  std::vector<std::string> argv = {DOSSIER_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return bench::RunChild(std::move(argv), out);
}

uint64_t SizeOf(const fs::path& p) {
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) return fs::file_size(p, ec);
  uint64_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  }
  return total;
}

void Step(const char* what, const bench::ChildRun& r, const std::string& out) {
  std::printf("%-22s %9.1f s %9.0f MiB   exit %d\n", what, r.seconds, r.peak_mib, r.status);
  if (r.status != 0) {
    std::fflush(stdout);
    const std::string cmd = "tail -3 '" + out + "' | sed 's/^/    /'";
    if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "cannot show %s\n", out.c_str());
  }
  std::fflush(stdout);
}

// Where a pass keeps its store: a file in the bench's folder, or a fresh
// database on the PostgreSQL server --postgres names.
struct Backend {
  std::string label;  // "sqlite", "postgresql"
  std::string store;  // the path or URI given to --db
  bool file = true;
};

// A fresh database on the server (dropped first if a run left it); its URI.
std::string FreshDatabase(const std::string& server, const std::string& name) {
  PGconn* conn = PQconnectdb(server.c_str());
  auto exec = [&](const std::string& sql) {
    PGresult* r = PQexec(conn, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) std::fprintf(stderr, "scale_bench: %s: %s", sql.c_str(), PQresultErrorMessage(r));
    PQclear(r);
    return ok;
  };
  const bool ok = PQstatus(conn) == CONNECTION_OK && exec("DROP DATABASE IF EXISTS " + name) &&
                  exec("CREATE DATABASE " + name);
  if (!ok && PQstatus(conn) != CONNECTION_OK) std::fprintf(stderr, "scale_bench: %s", PQerrorMessage(conn));
  PQfinish(conn);
  if (!ok) std::exit(1);
  const size_t slash = server.find('/', server.find("://") + 3);
  return (slash == std::string::npos ? server : server.substr(0, slash)) + "/" + name;
}

// Search and show latency on the store: names, common words, short prefixes,
// then `show` of the people those names are.
int Queries(const Backend& b, const std::vector<std::string>& people) {
  StoreOptions options;
  auto store = Store::Open(b.store, options);
  if (!store.ok()) {
    std::fprintf(stderr, "scale_bench: %s\n", store.status().message().c_str());
    return 1;
  }
  static const char* kCommon[] = {"minister", "embassy", "trade", "security", "killed", "invest", "election", "border"};
  static const char* kPrefixes[] = {"ka*", "lo*", "mo*", "ri*", "ve*", "ta*", "kal*", "mor*", "tav*", "zun*"};
  auto search = [&](const std::string& text) {
    SearchQuery q;
    q.text = text;
    if (!(*store)->Search(q).ok()) std::exit(1);
  };
  const bench::Timing by_name = bench::Time(200, [&](int i) { search(people[static_cast<size_t>(i) % people.size()]); });
  const bench::Timing by_word = bench::Time(200, [&](int i) { search(kCommon[i % 8]); });
  const bench::Timing by_prefix = bench::Time(200, [&](int i) { search(kPrefixes[i % 10]); });
  // The people to show: those the searches for their names found.
  std::vector<std::string> ids;
  for (const auto& name : people) {
    SearchQuery q;
    q.text = "\"" + name + "\"";
    q.type = EntityType::kPerson;
    q.limit = 1;
    auto hits = (*store)->Search(q);
    if (hits.ok() && !hits->empty()) ids.push_back(hits->front().id);
  }
  if (ids.empty()) {
    std::fprintf(stderr, "scale_bench: no person searched for is in the store\n");
    return 1;
  }
  // `show` prints each finding's message; `show --json` gives its evidence too.
  DescribeOptions text_view;
  text_view.finding_evidence = false;
  const bench::Timing show = bench::Time(200, [&](int i) {
    if (!(*store)->Describe(ids[static_cast<size_t>(i) % ids.size()], text_view).ok()) std::exit(1);
  });
  const bench::Timing show_json = bench::Time(200, [&](int i) {
    if (!(*store)->Describe(ids[static_cast<size_t>(i) % ids.size()]).ok()) std::exit(1);
  });
  std::printf("%-22s %9.2f ms p50 %7.2f ms p95\n", "search: a name", by_name.median_ms, by_name.p95_ms);
  std::printf("%-22s %9.2f ms p50 %7.2f ms p95\n", "search: a common word", by_word.median_ms, by_word.p95_ms);
  std::printf("%-22s %9.2f ms p50 %7.2f ms p95\n", "search: a short prefix", by_prefix.median_ms, by_prefix.p95_ms);
  std::printf("%-22s %9.2f ms p50 %7.2f ms p95   (%zu people)\n", "show: a person", show.median_ms, show.p95_ms, ids.size());
  std::printf("%-22s %9.2f ms p50 %7.2f ms p95   (with each finding's evidence)\n", "show --json", show_json.median_ms,
              show_json.p95_ms);
  std::fflush(stdout);
  return 0;
}

// The store's size as the engine counts it (a file's pages, a database's).
uint64_t StoreBytes(const std::string& location) {
  StoreOptions options;
  auto store = Store::Open(location, options);
  if (!store.ok()) return 0;
  auto stats = (*store)->GetStats();
  return stats.ok() ? static_cast<uint64_t>(stats->file_bytes) : 0;
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = 250000;
  fs::path dir, given_corpus;
  std::string server;
  bool keep = false, html = true, reuse = false, search_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--docs" && i + 1 < argc) n = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--dir" && i + 1 < argc) dir = argv[++i];
    else if (a == "--corpus" && i + 1 < argc) given_corpus = argv[++i];
    else if (a == "--postgres" && i + 1 < argc) server = argv[++i];
    else if (a == "--keep") keep = true;
    else if (a == "--skip-html") html = false;
    else if (a == "--reuse") reuse = keep = true;
    else if (a == "--search-only") search_only = true;
    else {
      std::fprintf(stderr,
                   "usage: scale_bench [--docs N | --corpus DIR] [--postgres URI] [--dir DIR] [--keep] [--reuse] "
                   "[--skip-html] [--search-only]\n");
      return 2;
    }
  }
  if (n == 0) n = 1;
  if (dir.empty()) {
    char tmpl[] = "/tmp/dossier-scale-XXXXXX";
    if (!mkdtemp(tmpl)) {
      std::perror("mkdtemp");
      return 1;
    }
    dir = tmpl;
  }
  fs::create_directories(dir);
  const fs::path corpus = given_corpus.empty() ? dir / "corpus" : given_corpus;
  const std::string out = (dir / "step.out").string();
  std::vector<Backend> backends = {{"sqlite", (dir / "store.db").string(), true}};
  if (!server.empty()) {
    backends.push_back({"postgresql", FreshDatabase(server, "dossier_scale_bench"), false});
    if (reuse) {
      std::fprintf(stderr, "scale_bench: --reuse is for a file store only\n");
      return 2;
    }
  }
  if (reuse && !fs::exists(backends[0].store)) {
    std::fprintf(stderr, "scale_bench: --reuse: no store in %s\n", dir.c_str());
    return 1;
  }
  uint64_t text = 0;
  if (!given_corpus.empty()) {
    n = 0;
    for (const auto& e : fs::recursive_directory_iterator(corpus)) {
      if (e.is_regular_file()) ++n, text += e.file_size();
    }
    std::printf("scale_bench: %zu files of %s, %.1f MiB\n", n, corpus.c_str(), text / 1048576.0);
  } else if (!reuse) {
    fs::remove_all(corpus);
    const auto g0 = Clock::now();
    text = WriteCorpus(corpus, n);
    std::printf("scale_bench: %zu generated cables, %.1f MiB of text, written in %.1f s (%s)\n", n,
                text / 1048576.0, bench::Seconds(g0), corpus.c_str());
  } else {
    std::printf("scale_bench: the store of %zu generated cables in %s, again\n", n, dir.c_str());
  }
  // Whom to search for: the generator's people, or a real corpus's most named.
  std::vector<std::string> people;
  if (given_corpus.empty()) {
    Cables names(n, 20261207);
    for (int i = 0; i < 200; ++i) people.push_back(names.Person());
  }

  for (const Backend& b : backends) {
    std::printf("-- %s: %s\n%-22s %11s %13s\n", b.label.c_str(), b.store.c_str(), "step", "wall",
                "peak RSS (dossier)");
    std::fflush(stdout);
    if (!reuse) {
      if (b.file) fs::remove(b.store);
      const bench::ChildRun imported = Child({"--db", b.store, "import", corpus.string()}, out);
      Step("import", imported, out);
      const uint64_t bytes = StoreBytes(b.store);
      std::printf("  rate %.0f documents/s; store %.1f MiB (%.2fx the text)\n", n / std::max(1e-9, imported.seconds),
                  bytes / 1048576.0, static_cast<double>(bytes) / std::max<uint64_t>(1, text));
    }
    if (people.empty()) {
      StoreOptions options;
      auto store = Store::Open(b.store, options);
      EntityFilter most_named;
      most_named.type = EntityType::kPerson;
      most_named.sort = EntityFilter::Sort::kMentions;
      most_named.limit = 200;
      if (store.ok()) {
        if (auto listed = (*store)->ListEntities(most_named); listed.ok()) {
          for (const auto& e : *listed) people.push_back(e.name);
        }
      }
    }
    if (int rc = Queries(b, people); rc != 0) return rc;
    if (search_only) continue;
    Step("check", Child({"--db", b.store, "check"}, out), out);
    Step("export jsonl", Child({"--db", b.store, "export", "jsonl", "-o", (dir / "all.jsonl").string()}, out), out);
    std::printf("  %.1f MiB written\n", SizeOf(dir / "all.jsonl") / 1048576.0);
    if (html) {
      Step("export html", Child({"--db", b.store, "export", "html", "-o", (dir / "site").string()}, out), out);
      std::printf("  %.1f MiB written\n", SizeOf(dir / "site") / 1048576.0);
      fs::remove_all(dir / "site");
    }
  }
  if (!keep) {
    if (!given_corpus.empty()) fs::remove(backends[0].store);
    else fs::remove_all(dir);
  }
  return 0;
}
