// Story grouping at archive scale: a generated store of N documents (default
// 250,000) in which events are reported by 2 to 6 outlets each, over ten
// years, among documents that report nothing anyone else does; then the
// grouping's time, its candidate pairs, its peak memory, and how well it
// finds the generated stories (pairwise precision and recall), printed.
//
//   story_bench [--docs N] [--dir DIR] [--keep]
//
// Each event has its own rare names (a person, an organization, a place)
// and title words; every document also names a few of 300 common entities
// and common words, so that blocking has to tell rare keys from common ones
// as in a real archive (docs/checks.md, "Stories").
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "dossier/store.h"
#include "measure.h"

using namespace dossier;

namespace {

void Die(const Status& st) {
  std::fprintf(stderr, "story_bench: %s\n", st.message().c_str());
  std::exit(1);
}

// A pronounceable made-up word, different for each n: "Kelvora".
std::string Word(uint64_t n) {
  static const char* kSyllables[] = {"ka", "lo", "ve", "ri", "mo", "ta", "zu", "ne", "sa", "di", "po", "le",
                                     "ga", "fi", "ro", "bu", "ke", "mi", "no", "xa", "ju", "we", "ha", "qi"};
  std::string w;
  n += 24 * 24;  // at least three syllables
  while (n > 0) {
    w += kSyllables[n % 24];
    n /= 24;
  }
  w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

std::string Date(int day) {
  // Days from 2000-01-01, as a plain calendar of 12 months of 28 days: the
  // grouping compares dates by their distance, which this keeps.
  const int year = 2000 + day / 336, month = 1 + (day % 336) / 28, d = 1 + day % 28;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, d);
  return buf;
}

struct Event {
  std::vector<std::string> docs;
};

// Writes the documents, their entities and mentions; returns the events of
// two documents or more (the truth the grouping is scored against).
std::vector<Event> Build(Store& store, int64_t n) {
  std::mt19937 rng(11);
  auto writer = store.BeginRecords(Actor{"bench"});
  if (!writer.ok()) Die(writer.status());
  auto put = [&](const Json& record) {
    if (Status st = (*writer)->Put(record); !st.ok()) Die(st);
  };
  static const char* kCommonWords[] = {"government", "officials", "report", "minister", "police", "market", "company",
                                       "election", "talks", "agreement", "security", "economy", "court", "president",
                                       "investors", "protest", "budget", "health", "energy", "trade"};
  std::vector<std::string> common;
  for (int i = 0; i < 300; ++i) {
    const char* type = i % 3 == 0 ? "person" : i % 3 == 1 ? "organization" : "place";
    const std::string id = std::string(i % 3 == 0 ? "person" : i % 3 == 1 ? "org" : "place") + ":common-" + std::to_string(i);
    put({{"id", id}, {"type", type}, {"name", Word(1000000 + static_cast<uint64_t>(i)) + (i % 3 == 0 ? " Common" : "")}});
    common.push_back(id);
  }
  std::vector<Event> events;
  int64_t written = 0, event_no = 0;
  while (written < n) {
    // Two in five events are reported by one document only.
    const int64_t size = rng() % 5 < 2 ? 1 : 2 + static_cast<int64_t>(rng() % 5);
    const int day = static_cast<int>(rng() % (336 * 10));
    const uint64_t base = 10 * static_cast<uint64_t>(event_no);
    const std::string person = "person:e" + std::to_string(event_no), org = "org:e" + std::to_string(event_no),
                      place = "place:e" + std::to_string(event_no);
    const std::string person_name = Word(base) + " " + Word(base + 1), org_name = Word(base + 2) + " Holdings",
                      place_name = Word(base + 3);
    put({{"id", person}, {"type", "person"}, {"name", person_name}});
    put({{"id", org}, {"type", "organization"}, {"name", org_name}});
    put({{"id", place}, {"type", "place"}, {"name", place_name}});
    Event e;
    for (int64_t k = 0; k < size && written < n; ++k, ++written) {
      const std::string doc = "doc:s" + std::to_string(written);
      // The event's own words in the title, with outlet-to-outlet variety.
      const std::string title = Word(base + 4) + " " + Word(base + 5) + " " + kCommonWords[rng() % 20] + " " +
                                (rng() % 2 ? Word(base + 6) : std::string(kCommonWords[rng() % 20]));
      std::string text;
      std::vector<std::pair<std::string, std::pair<size_t, size_t>>> mentions;  // entity, span
      auto say = [&](const std::string& id, const std::string& name) {
        text += "In " + std::string(kCommonWords[rng() % 20]) + " news, ";
        mentions.push_back({id, {text.size(), text.size() + name.size()}});
        text += name + " was named by the " + kCommonWords[rng() % 20] + ". ";
      };
      say(person, person_name);
      say(org, org_name);
      if (rng() % 2) say(place, place_name);
      for (int c = 0; c < 3; ++c) {
        const std::string& id = common[rng() % common.size()];
        say(id, Word(1000000 + static_cast<uint64_t>(std::stoi(id.substr(id.rfind('-') + 1)))));
      }
      text += "The " + Word(base + 7) + " matter and the " + Word(base + 8) + " plan were discussed.";
      const Json props = {{"kind", "news_article"},
                          {"publisher", "Outlet " + std::to_string(rng() % 400)},
                          {"published", Date(day + static_cast<int>(rng() % 3))}};
      put({{"id", doc}, {"type", "document"}, {"name", title}, {"properties", props}, {"text", text}});
      int m = 0;
      for (const auto& [id, span] : mentions) {
        const std::string type = id.substr(0, id.find(':')) == "org" ? "organization" : id.substr(0, id.find(':'));
        put({{"id", "mention:" + doc.substr(4) + "-" + std::to_string(m++)}, {"type", "mention"}, {"document", doc},
             {"entity", id}, {"entity_type", type}, {"start", span.first}, {"end", span.second},
             {"text", text.substr(span.first, span.second - span.first)}, {"extractor", "bench"}});
      }
      e.docs.push_back(doc);
    }
    if (e.docs.size() >= 2) events.push_back(std::move(e));
    ++event_no;
  }
  if (Status st = (*writer)->Commit(); !st.ok()) Die(st);
  return events;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t docs = 250000;
  std::string dir = std::filesystem::temp_directory_path() / "dossier_story_bench";
  bool keep = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--docs") && i + 1 < argc) {
      docs = std::atoll(argv[++i]);
    } else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) {
      dir = argv[++i];
    } else if (!std::strcmp(argv[i], "--keep")) {
      keep = true;
    } else {
      std::fprintf(stderr, "usage: story_bench [--docs N] [--dir DIR] [--keep]\n");
      return 2;
    }
  }
  if (docs < 2) {
    std::fprintf(stderr, "story_bench: --docs must be at least 2\n");
    return 2;
  }
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/story_bench.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  StoreOptions options;
  options.create_if_missing = true;
  auto store = Store::Open(path, options);
  if (!store.ok()) Die(store.status());

  auto t0 = std::chrono::steady_clock::now();
  const std::vector<Event> events = Build(**store, docs);
  std::printf("store: %lld documents, %zu events of two or more (built in %.1f s)\n", static_cast<long long>(docs),
              events.size(), bench::Seconds(t0));

  PluginHost host;  // no plugins: grouping is the kernel's
  Pipeline pipeline(**store, host, Actor{"bench"});
  t0 = std::chrono::steady_clock::now();
  const double c0 = bench::CpuSeconds();
  const CheckReport report = pipeline.GroupStories();
  if (!report.status.ok()) Die(report.status);
  std::printf("grouping: %.1f s (cpu %.1f s), %lld stories, peak memory %.0f MiB\n", bench::Seconds(t0),
              bench::CpuSeconds() - c0, static_cast<long long>(report.findings), bench::PeakMiB());

  // Pairwise precision and recall against the generated events.
  std::map<std::string, size_t> truth;
  for (size_t i = 0; i < events.size(); ++i) {
    for (const auto& d : events[i].docs) truth[d] = i;
  }
  int64_t found_pairs = 0, right_pairs = 0, true_pairs = 0;
  for (const auto& e : events) true_pairs += static_cast<int64_t>(e.docs.size() * (e.docs.size() - 1) / 2);
  Status st = (*store)->ForEachStory(false, [&](const Story& s) {
    std::vector<std::string> in;
    for (const auto& m : s.members) {
      if (!m.excluded) in.push_back(m.document);
    }
    for (size_t i = 0; i < in.size(); ++i) {
      for (size_t j = i + 1; j < in.size(); ++j) {
        ++found_pairs;
        auto a = truth.find(in[i]), b = truth.find(in[j]);
        right_pairs += a != truth.end() && b != truth.end() && a->second == b->second;
      }
    }
    return true;
  });
  if (!st.ok()) Die(st);
  std::printf("pairs: precision %.3f, recall %.3f (%lld found, %lld true)\n",
              found_pairs ? static_cast<double>(right_pairs) / static_cast<double>(found_pairs) : 0.0,
              true_pairs ? static_cast<double>(right_pairs) / static_cast<double>(true_pairs) : 0.0,
              static_cast<long long>(found_pairs), static_cast<long long>(true_pairs));
  store->reset();
  if (!keep) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  return 0;
}
