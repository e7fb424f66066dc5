// Peak memory and time of every exporter on a large store (default 1,000,000
// entities), to show exports stream: memory must not grow with the store.
//
//   export_bench [--entities N] [--dir DIR] [--formats ftm,csv,...] [--keep]
//
// The store is built in a child process (through the record writer, in one
// transaction): N entities (persons, organizations, places), N/10 documents
// naming five entities each, N/2 mentions, N/10 relation claims and N/10
// value claims. Then each export runs in its own child process, so each peak
// (getrusage ru_maxrss) is that export's alone; the baseline is a child that
// opens the store and loads the plugins and exports nothing.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "dossier/pipeline.h"

using namespace dossier;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const char* kSyllables[] = {"an", "bel", "chen", "dor", "el", "fan", "gao", "hu", "ir", "jin", "ka", "lin",
                            "mar", "nor", "ol", "pet", "qi", "ros", "sun", "tor", "ul", "van", "wen", "xu"};

std::string Word(std::mt19937& rng, int syllables) {
  std::string w;
  for (int i = 0; i < syllables; ++i) w += kSyllables[rng() % std::size(kSyllables)];
  w[0] = static_cast<char>(w[0] - 32);
  return w;
}

const char* Prefix(int i) { return i % 5 == 3 ? "org:" : i % 5 == 4 ? "place:" : "person:"; }
const char* TypeOf(int i) { return i % 5 == 3 ? "organization" : i % 5 == 4 ? "place" : "person"; }
std::string Id(int i) { return std::string(Prefix(i)) + "e" + std::to_string(i); }

int Fail(const std::string& what, const Status& st) {
  std::fprintf(stderr, "export_bench: %s: %s\n", what.c_str(), st.message().c_str());
  return 1;
}

int BuildStore(const std::string& path, int n) {
  StoreOptions options;
  options.create_if_missing = true;
  auto store = Store::Open(path, options);
  if (!store.ok()) return Fail("open", store.status());
  auto writer = (*store)->BeginRecords(Actor{"bench"});
  if (!writer.ok()) return Fail("records", writer.status());
  std::mt19937 rng(7);
  std::vector<std::string> names(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    names[i] = Word(rng, 2) + " " + Word(rng, 3);
    Json e = {{"id", Id(i)}, {"type", TypeOf(i)}, {"name", names[i]}, {"aliases", {Word(rng, 3)}}};
    if (Status st = (*writer)->Put(e); !st.ok()) return Fail("entity", st);
  }
  int64_t claim = 0;
  for (int d = 0; d < n / 10; ++d) {
    // Five entities, near each other in id order, so co-mentions cluster.
    std::vector<int> who;
    for (int k = 0; k < 5; ++k) who.push_back(static_cast<int>((static_cast<int64_t>(d) * 10 + rng() % 40) % n));
    std::string text = "Report " + std::to_string(d) + "\n\n";
    std::vector<std::pair<size_t, int>> spans;
    for (int w : who) {
      spans.emplace_back(text.size(), w);
      text += names[w] + " was seen at the meeting, according to officials. ";
    }
    text += "\n\nThe port handled 12,000 tonnes.\n";
    const std::string doc = "doc:r" + std::to_string(d);
    Json dj = {{"id", doc}, {"type", "document"}, {"name", "Report " + std::to_string(d)}, {"text", text},
               {"properties", {{"kind", d % 2 ? "news_article" : "text"}}}};
    if (Status st = (*writer)->Put(dj); !st.ok()) return Fail("document", st);
    for (size_t k = 0; k < spans.size(); ++k) {
      const auto [at, w] = spans[k];
      Json m = {{"id", "mention:" + std::to_string(d) + "-" + std::to_string(k)}, {"type", "mention"},
                {"entity", Id(w)}, {"entity_type", TypeOf(w)}, {"document", doc}, {"start", at},
                {"end", at + names[w].size()}, {"text", names[w]}};
      if (Status st = (*writer)->Put(m); !st.ok()) return Fail("mention", st);
    }
    const auto [at0, a] = spans[0];
    const auto [at1, b] = spans[1];
    Json rel = {{"id", "claim:" + std::to_string(++claim)}, {"type", "claim"}, {"subject", Id(a)},
                {"predicate", "met"}, {"object", Id(b)}, {"document", doc}, {"start", at0},
                {"end", at0 + names[a].size()}, {"quote", names[a]}, {"status", "unreviewed"}};
    if (a != b) {
      if (Status st = (*writer)->Put(rel); !st.ok()) return Fail("claim", st);
    }
    const size_t at = text.find("12,000 tonnes");
    Json val = {{"id", "claim:" + std::to_string(++claim)}, {"type", "claim"}, {"subject", Id(who[2])},
                {"predicate", "cargo"}, {"value", {{"amount", 12000}, {"unit", "tonne"}}}, {"document", doc},
                {"start", at}, {"end", at + 13}, {"quote", "12,000 tonnes"}, {"status", d % 3 ? "unreviewed" : "confirmed"}};
    if (Status st = (*writer)->Put(val); !st.ok()) return Fail("claim", st);
  }
  if (Status st = (*writer)->Commit(); !st.ok()) return Fail("commit", st);
  return 0;
}

long PeakKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Opens the store, loads the plugins, exports (unless format is empty);
// writes "peak_kb seconds" to fd.
int ExportChild(const std::string& db, const std::string& format, const std::string& out, int fd) {
  auto store = Store::Open(db, {});
  if (!store.ok()) return Fail("open", store.status());
  PluginHost host;
  host.LoadDefault({});
  const auto start = Clock::now();
  if (!format.empty()) {
    Pipeline pipeline(**store, host, Actor{"bench"});
    if (Status st = pipeline.Export(format, {}, out); !st.ok()) return Fail(format, st);
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const std::string line = std::to_string(PeakKb()) + " " + std::to_string(seconds) + "\n";
  return write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) ? 0 : 1;
}

// Runs f in a child process; returns its exit status.
template <class F>
int InChild(F&& f) {
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid == 0) std::_Exit(f());
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 1000000;
  std::string dir = (fs::temp_directory_path() / "dossier-export-bench").string();
  std::vector<std::string> formats = {"jsonl", "ftm", "csv", "gexf", "graphml", "dot", "jsonld", "html"};
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--entities" && i + 1 < argc) {
      n = std::atoi(argv[++i]);
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a == "--formats" && i + 1 < argc) {
      formats.clear();
      std::string list = argv[++i];
      for (size_t s = 0, e; s <= list.size(); s = e + 1) {
        e = list.find(',', s);
        if (e == std::string::npos) e = list.size();
        if (e > s) formats.push_back(list.substr(s, e - s));
      }
    } else if (a == "--keep") {
      keep = true;
    } else {
      std::fprintf(stderr, "usage: export_bench [--entities N] [--dir DIR] [--formats a,b,...] [--keep]\n");
      return 2;
    }
  }
  fs::create_directories(dir);
  const std::string db = dir + "/bench.db";
  if (!fs::exists(db)) {
    std::printf("building a store of %d entities in %s ...\n", n, db.c_str());
    const auto t = Clock::now();
    if (InChild([&] { return BuildStore(db, n); }) != 0) return 1;
    std::printf("built in %.1f s (%.0f MB)\n", std::chrono::duration<double>(Clock::now() - t).count(),
                static_cast<double>(fs::file_size(db)) / 1e6);
  } else {
    std::printf("reusing %s (delete it to rebuild)\n", db.c_str());
  }
  auto measure = [&](const std::string& format, std::string* result) {
    int fds[2];
    if (pipe(fds) != 0) return false;
    const std::string out = dir + "/out." + (format.empty() ? "none" : format);
    fs::remove_all(out);
    const int rc = InChild([&] { return ExportChild(db, format, out, fds[1]); });
    close(fds[1]);
    char buf[128] = {};
    const ssize_t got = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    if (!keep) fs::remove_all(out);
    if (rc != 0 || got <= 0) return false;
    *result = buf;
    return true;
  };
  std::string base;
  if (!measure("", &base)) return 1;
  const long base_kb = std::atol(base.c_str());
  std::printf("%-8s %12s %12s %10s\n", "format", "peak RSS MB", "over base", "seconds");
  std::printf("%-8s %12.1f %12s %10s\n", "(open)", base_kb / 1024.0, "-", "-");
  bool over = false;
  for (const auto& f : formats) {
    std::string r;
    if (!measure(f, &r)) {
      std::printf("%-8s failed\n", f.c_str());
      over = true;
      continue;
    }
    const long kb = std::atol(r.c_str());
    const double seconds = std::atof(r.c_str() + r.find(' ') + 1);
    std::printf("%-8s %12.1f %12.1f %10.1f\n", f.c_str(), kb / 1024.0, (kb - base_kb) / 1024.0, seconds);
    std::fflush(stdout);
    if (kb > 200 * 1024) over = true;
  }
  std::printf("target: every export under 200 MB peak: %s\n", over ? "MISSED" : "met");
  if (!keep) fs::remove(db), fs::remove(db + "-wal"), fs::remove(db + "-shm");
  return over ? 1 : 0;
}
