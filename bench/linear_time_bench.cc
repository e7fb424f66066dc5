// Linear time: every importer and extractor on generated inputs that double
// in size, with the CPU time per size and the ratio between consecutive
// sizes. Time linear in the input doubles with it (ratio 2); a quadratic
// step shows as 4. The target is every ratio at or under 2.3x.
//
//   linear_time_bench [--plugins DIR] [--only TEXT] [--from-kb N] [--steps N] [--budget S] [--runs N]
//
// --plugins loads the plugin libraries of DIR only (to measure another
// build's plugins); --only keeps the rows whose name contains TEXT;
// --from-kb is the first size (default 256 KB), doubled --steps - 1 times
// (default 5 sizes: 256 KB .. 4 MB); a row stops growing once one run takes
// more than --budget CPU seconds (default 30), so old quadratic code ends;
// each figure is the least of --runs runs (default 5), interleaved across
// the sizes.
//
// The inputs are made from the project's own words (the NER plugin's
// gazetteers and invented surnames), never from the corpus:
//   prose    paragraphs of ordinary news sentences (names, quotes, figures)
//   oneline  the same sentences with no line end at all: one huge line
//   names    one line of names, short names, titles, acronyms, quotes and
//            figures, mostly between commas (sometimes run together), with
//            no sentence end
//   lines    a million short lines: "¶12. Okonkwo" under each other
//   markup   (HTML and wiki only) the same short element repeated
// Figures only; nothing is asserted.
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/host.h"
#include "dossier/importer.h"
#include "measure.h"

namespace {

using dossier::DocumentBatch;
using dossier::Json;
using dossier::Status;

// ---- words -------------------------------------------------------------

// The words of a gazetteer file: its first '|' field, comment lines skipped,
// several words per line allowed unless whole_lines.
std::vector<std::string> DataWords(const std::string& file, bool whole_lines) {
  std::ifstream in(std::string(DOSSIER_SOURCE_DIR) + "/plugins/extract-ner/data/" + file);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.find(':') != std::string::npos) continue;
    line = line.substr(0, line.find('|'));
    if (whole_lines) {
      out.push_back(line);
      continue;
    }
    std::istringstream words(line);
    for (std::string w; words >> w;) out.push_back(w);
  }
  if (out.empty()) out.push_back("Marlow");  // data folder missing: still a valid (dull) input
  return out;
}

struct Words {
  std::vector<std::string> first = DataWords("first_names.txt", false);
  std::vector<std::string> cities = DataWords("cities.txt", true);
  std::vector<std::string> common = DataWords("common_words.txt", false);
  std::vector<std::string> cues = DataWords("org_cues.txt", false);
};

// A deterministic generator: the same inputs on every run and machine.
class Gen {
 public:
  explicit Gen(const Words& w) : w_(w) {}
  size_t Next(size_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state_ >> 33) % n;
  }
  const std::string& Pick(const std::vector<std::string>& v) { return v[Next(v.size())]; }
  // Invented surnames, so the number of distinct people grows with the text.
  std::string Surname() {
    static const char* kSyllables[] = {"ka", "ren", "do", "mi", "lan", "tor", "vel", "sa", "gri", "mon",
                                       "bel", "dra", "ko", "zu", "fen", "hal", "ost", "ri", "nu", "pe"};
    std::string s;
    for (size_t i = 0, n = 2 + Next(2); i < n; ++i) s += kSyllables[Next(20)];
    s[0] = static_cast<char>(s[0] - 32);
    return s;
  }
  std::string Person() { return Pick(w_.first) + " " + Surname(); }
  std::string Org() { return Surname() + " " + Pick(w_.cues); }
  std::string Number() { return std::to_string(2 + Next(900)) + (Next(2) ? ",000" : ""); }
  std::string Filler(size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += (i ? " " : "") + Pick(w_.common);
    return s;
  }
  const Words& words() const { return w_; }

 private:
  const Words& w_;
  uint64_t state_ = 42;
};

// One ordinary news sentence: a person with a title, an organization with
// its acronym, a place, a quote or a figure.
std::string Sentence(Gen& g) {
  const std::string person = g.Person();
  const std::string surname = person.substr(person.find(' ') + 1);
  switch (g.Next(6)) {
    case 0:
      return person + ", the director of the " + g.Org() + ", said on Monday that " + g.Pick(g.words().cities) +
             " would spend nearly $" + g.Number() + " million on " + g.Filler(2) + ".";
    case 1:
      return "\xE2\x80\x9C" "We will " + g.Filler(4) + " by spring,\xE2\x80\x9D " + surname + " said.";
    case 2:
      return "Some " + g.Number() + " people work in " + g.Pick(g.words().cities) + ", a city of " +
             std::to_string(2 + g.Next(30)) + " million people.";
    case 3:
      return "Officials of the " + g.Org() + " met Mr. " + surname + " in " + g.Pick(g.words().cities) + " in " +
             std::to_string(1990 + g.Next(30)) + ".";
    case 4:
      return "The " + g.Filler(5) + " and " + g.Filler(3) + " " + g.Filler(2) + ".";
    default:
      return "Prices rose " + std::to_string(1 + g.Next(40)) + " percent, " + surname + " told " + g.Person() + ".";
  }
}

// ---- inputs --------------------------------------------------------------

enum class Kind { kProse, kOneLine, kNames, kLines, kMarkup };

const char* KindName(Kind k) {
  switch (k) {
    case Kind::kProse: return "prose";
    case Kind::kOneLine: return "oneline";
    case Kind::kNames: return "names";
    case Kind::kLines: return "lines";
    case Kind::kMarkup: return "markup";
  }
  return "?";
}

// Paragraphs of prose (blank lines between), one line per paragraph.
std::vector<std::string> ProseParagraphs(const Words& w, size_t bytes) {
  Gen g(w);
  std::vector<std::string> out;
  size_t total = 0;
  while (total < bytes) {
    std::string p;
    for (size_t i = 0, n = 3 + g.Next(4); i < n; ++i) p += (i ? " " : "") + Sentence(g);
    total += p.size() + 2;
    out.push_back(std::move(p));
  }
  return out;
}

// One paragraph with no sentence end: names in every form the recognizer
// reads, quotes and figures, comma after comma.
std::string NameLine(const Words& w, size_t bytes) {
  Gen g(w);
  std::string out;
  while (out.size() < bytes) {
    const std::string person = g.Person();
    const std::string surname = person.substr(person.find(' ') + 1);
    switch (g.Next(7)) {
      case 0: out += person; break;
      case 1: out += surname; break;
      case 2: out += "Mr. " + g.Surname(); break;
      case 3: out += "the " + g.Org() + " (" + surname.substr(0, 3) + "X)"; break;
      case 4: out += g.Pick(w.cities); break;
      case 5: out += "\xE2\x80\x9C" + g.Filler(3) + ",\xE2\x80\x9D said " + person; break;
      default: out += g.Number() + " people and $" + g.Number() + " million"; break;
    }
    // Mostly commas; sometimes nothing, so capitalised words run together.
    const size_t sep = g.Next(8);
    out += sep < 5 ? ", " : sep == 5 ? " and " : " ";
  }
  return out;
}

// Short lines under each other, no blank line: "¶12. Okonkwo".
std::vector<std::string> ShortLines(const Words& w, size_t bytes) {
  Gen g(w);
  std::vector<std::string> out;
  size_t total = 0;
  for (size_t i = 1; total < bytes; ++i) {
    std::string l = "\xC2\xB6" + std::to_string(1 + i % 40) + ".";
    if (i % 3 == 0) l += " " + g.Surname();
    total += l.size() + 1;
    out.push_back(std::move(l));
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

// The plain text of a kind (also what the extractors read).
std::string PlainText(const Words& w, Kind kind, size_t bytes) {
  switch (kind) {
    case Kind::kProse: return "Harbour ledger\n\n" + Join(ProseParagraphs(w, bytes), "\n\n") + "\n";
    case Kind::kOneLine: return Join(ProseParagraphs(w, bytes), " ");
    case Kind::kNames: return NameLine(w, bytes);
    case Kind::kLines: return Join(ShortLines(w, bytes), "\n") + "\n";
    case Kind::kMarkup: return "";
  }
  return "";
}

std::string Html(const Words& w, Kind kind, size_t bytes) {
  std::string body;
  switch (kind) {
    case Kind::kProse:
    case Kind::kOneLine:
      for (const auto& p : ProseParagraphs(w, bytes)) body += "<p>" + p + "</p>" + (kind == Kind::kProse ? "\n" : "");
      break;
    case Kind::kNames: body = "<p>" + NameLine(w, bytes) + "</p>"; break;
    case Kind::kLines: body = "<p>" + Join(ShortLines(w, bytes), "<br>\n") + "</p>"; break;
    case Kind::kMarkup:
      while (body.size() < bytes) body += "<div class=\"row\"><span><b>Okonkwo</b> met <i>Ferreira</i></span></div>";
      break;
  }
  return "<!DOCTYPE html><html><head><title>Harbour ledger</title></head><body><article><h1>Harbour ledger</h1>\n" +
         body + "\n</article></body></html>\n";
}

std::string Wiki(const Words& w, Kind kind, size_t bytes) {
  std::string body;
  switch (kind) {
    case Kind::kProse:
    case Kind::kOneLine:
      for (const auto& p : ProseParagraphs(w, bytes)) {
        body += "[[Harbour]] {{w|" + p.substr(0, p.find(' ')) + "}} " + p + "<ref>ledger</ref>" +
                (kind == Kind::kProse ? "\n\n" : " ");
      }
      break;
    case Kind::kNames: body = NameLine(w, bytes); break;
    case Kind::kLines: body = Join(ShortLines(w, bytes), "\n"); break;
    case Kind::kMarkup:
      while (body.size() < bytes) body += "[[Okonkwo|O]] {{w|Ferreira}} <ref name=\"a\"/> ''x'' ";
      break;
  }
  return "{{date|January 6, 2005}}\n\n'''Harbour ledger'''\n\n" + body + "\n";
}

std::string Telegram(const Words& w, Kind kind, size_t bytes) {
  std::string body;
  switch (kind) {
    case Kind::kProse: {
      int n = 0;
      for (const auto& p : ProseParagraphs(w, bytes)) body += std::to_string(++n) + ". (C) " + p + "\n\n";
      break;
    }
    case Kind::kOneLine: body = "1. (C) " + Join(ProseParagraphs(w, bytes), " ") + "\n"; break;
    case Kind::kNames: body = "1. (C) " + NameLine(w, bytes) + "\n"; break;
    case Kind::kLines: body = Join(ShortLines(w, bytes), "\n") + "\n"; break;
    case Kind::kMarkup: break;
  }
  return "UNCLASSIFIED SECTION 01 OF 01 MARLOW 000412\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: ECON PREL\n"
         "SUBJECT: HARBOUR LEDGER\n\n" + body + "\nOKONKWO\n";
}

std::string NewsJson(const Words& w, Kind kind, size_t bytes) {
  Json j = {{"title", "Harbour ledger"}, {"text", PlainText(w, kind, bytes)}};
  return j.dump() + "\n";
}

// cables.csv: one row per cable, each a short telegram.
std::string CablesCsv(const Words& w, size_t bytes) {
  std::string out = "id,date,reference_id,origin,classification,references,header,body\n";
  int row = 0;
  for (const auto& p : ProseParagraphs(w, bytes)) {
    ++row;
    std::string text = "1. (C) " + p;
    std::string quoted;
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += std::to_string(row) + ",2005-01-06 10:00," + "05MARLOW" + std::to_string(row) +
           ",Embassy Marlow,UNCLASSIFIED,,\"\",\"" + quoted + "\"\n";
  }
  return out;
}

std::string InterchangeRecords(const Words& w, size_t bytes) {
  std::string out;
  int n = 0;
  for (const auto& p : ProseParagraphs(w, bytes)) {
    ++n;
    out += Json{{"id", "doc:ledger-" + std::to_string(n)}, {"type", "document"}, {"name", "Ledger"},
                {"properties", {{"kind", "text"}}}, {"text", p}}.dump() + "\n";
  }
  return out;
}

// ---- running importers and extractors -------------------------------------

class MemoryInput final : public dossier::ImportInput {
 public:
  MemoryInput(std::string path, std::string data) : path_(std::move(path)), data_(std::move(data)) {}
  const std::string& path() const override { return path_; }
  int64_t size() const override { return static_cast<int64_t>(data_.size()); }
  std::string_view head() const override { return std::string_view(data_).substr(0, 64 * 1024); }
  std::istream& stream() override {
    stream_ = std::istringstream(data_);
    return stream_;
  }
  int64_t max_batch_bytes() const override { return int64_t{1} << 40; }  // timed, never refused
  dossier::Result<std::string> ReadAll(int64_t max_bytes) override {
    if (size() > max_bytes) return Status::InvalidArgument("over the importer's limit");
    return data_;
  }

 private:
  std::string path_, data_;
  std::istringstream stream_;
};

// Keeps the last document (the extractors' input) and counts the rest.
class KeepingSink final : public dossier::ImportSink {
 public:
  Status Emit(DocumentBatch batch) override {
    ++documents;
    last = std::move(batch);
    return Status::OK();
  }
  void Warn(const std::string&) override {}
  Status EmitRecord(const Json&) override {
    ++documents;
    return Status::OK();
  }
  int documents = 0;
  DocumentBatch last;
};

// One row of the table: a name and how to run it on an input of n bytes.
struct Row {
  std::string name;
  Kind kind;
  std::function<std::function<void()>(size_t)> prepare;  // untimed; returns the timed run
};

// CPU seconds of one run.
double Timed(const std::function<void()>& run) {
  const double t0 = dossier::bench::CpuSeconds();
  run();
  return dossier::bench::CpuSeconds() - t0;
}

// The CPU seconds of a row at each size: the least of `runs` runs (three
// times as many for runs under 50 ms), as other work on the machine only
// ever adds time. The runs are interleaved, one per size per pass, so a
// burst of other work slows every size of a pass instead of one size. A
// size whose first run (with its preparation) takes over `budget` seconds
// is the last: larger ones are left out (negative).
std::vector<double> MeasureRow(const Row& row, const std::vector<size_t>& sizes, int runs, double budget) {
  std::vector<double> best(sizes.size(), -1);
  std::vector<std::function<void()>> prepared;
  for (size_t s = 0; s < sizes.size(); ++s) {
    const double p0 = dossier::bench::CpuSeconds();
    prepared.push_back(row.prepare(sizes[s]));
    const double preparing = dossier::bench::CpuSeconds() - p0;
    best[s] = Timed(prepared.back());
    if (best[s] + preparing > budget) break;
  }
  for (int pass = 1; pass < 3 * runs; ++pass) {
    for (size_t s = 0; s < prepared.size(); ++s) {
      if (pass < runs || best[s] < 0.05) best[s] = std::min(best[s], Timed(prepared[s]));
    }
  }
  return best;
}

std::vector<Row> Rows(const dossier::PluginHost& host, const Words& w) {
  std::vector<Row> rows;
  auto importer = [&](const std::string& name, const std::string& as, const std::string& file, Kind kind,
                      std::function<std::string(size_t)> make) {
    dossier::Importer* imp = host.FindImporter(as);
    if (!imp) return;
    rows.push_back({"import " + name, kind, [imp, file, make](size_t n) -> std::function<void()> {
                      auto data = std::make_shared<std::string>(make(n));
                      return [imp, file, data] {
                        MemoryInput input(file, *data);
                        KeepingSink sink;
                        if (Status st = imp->Import(input, sink); !st.ok()) {
                          std::fprintf(stderr, "%s: %s\n", file.c_str(), st.message().c_str());
                        }
                      };
                    }});
  };
  for (Kind k : {Kind::kProse, Kind::kOneLine, Kind::kNames, Kind::kLines}) {
    importer("text", "text", "ledger.txt", k, [&w, k](size_t n) { return PlainText(w, k, n); });
    importer("news-text", "news", "ledger.txt", k,
             [&w, k](size_t n) { return "Harbour ledger\n\n" + PlainText(w, k, n); });
    importer("cable", "cable", "05MARLOW412.txt", k, [&w, k](size_t n) { return Telegram(w, k, n); });
  }
  for (Kind k : {Kind::kProse, Kind::kOneLine, Kind::kNames, Kind::kLines, Kind::kMarkup}) {
    importer("news-html", "news", "ledger.html", k, [&w, k](size_t n) { return Html(w, k, n); });
    importer("news-wiki", "news", "ledger.wiki", k, [&w, k](size_t n) { return Wiki(w, k, n); });
  }
  importer("news-json", "news", "ledger.json", Kind::kProse, [&w](size_t n) { return NewsJson(w, Kind::kProse, n); });
  importer("cable-web", "cable", "05MARLOW412.html", Kind::kProse,
           [&w](size_t n) { return "<code><pre>" + Telegram(w, Kind::kProse, n) + "</pre></code>"; });
  importer("cable-csv", "cable", "cables.csv", Kind::kProse, [&w](size_t n) { return CablesCsv(w, n); });
  importer("jsonl", "jsonl", "ledger.jsonl", Kind::kProse, [&w](size_t n) { return InterchangeRecords(w, n); });

  // Extractors in pipeline order on the text importer's document; each timed
  // alone, after the ones before it ran untimed.
  const auto extractors = host.extractors();
  dossier::Importer* text = host.FindImporter("text");
  for (size_t x = 0; text && x < extractors.size(); ++x) {
    for (Kind k : {Kind::kProse, Kind::kOneLine, Kind::kNames, Kind::kLines}) {
      rows.push_back({"extract " + extractors[x]->name(), k, [&w, k, x, extractors, text](size_t n) -> std::function<void()> {
                        MemoryInput input("ledger.txt", PlainText(w, k, n));
                        KeepingSink sink;
                        text->Import(input, sink);
                        auto before = std::make_shared<DocumentBatch>(std::move(sink.last));
                        for (size_t i = 0; i < x; ++i) extractors[i]->Extract(*before);
                        dossier::Extractor* ex = extractors[x];
                        return [before, ex] {
                          DocumentBatch b = *before;
                          ex->Extract(b);
                        };
                      }});
    }
  }
  return rows;
}

// "2 x Intel(R) Xeon(R) ...": what the figures were measured on.
std::string Machine() {
  std::ifstream in("/proc/cpuinfo");
  std::string line, model;
  int cpus = 0;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    ++cpus;
    model = line.substr(line.find(':') + 2);
  }
  return std::to_string(cpus) + " x " + (model.empty() ? "unknown CPU" : model);
}

std::string SizeLabel(size_t bytes) {
  return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MB" : std::to_string(bytes >> 10) + " KB";
}

}  // namespace

int main(int argc, char** argv) {
  std::string plugins, only;
  size_t from_kb = 256, steps = 5;
  int runs = 5;
  double budget = 30;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has = i + 1 < argc;
    if (a == "--plugins" && has) plugins = argv[++i];
    else if (a == "--only" && has) only = argv[++i];
    else if (a == "--from-kb" && has) from_kb = std::stoul(argv[++i]);
    else if (a == "--steps" && has) steps = std::stoul(argv[++i]);
    else if (a == "--budget" && has) budget = std::stod(argv[++i]);
    else if (a == "--runs" && has) runs = std::max(1, std::stoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: linear_time_bench [--plugins DIR] [--only TEXT] [--from-kb N] [--steps N] [--budget S] [--runs N]\n");
      return 2;
    }
  }
  // Memory freed by a run stays with the process for the next: the runs
  // after the first then time the code, not the kernel handing the same
  // pages out again (which grows with the memory held, not the input).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  dossier::PluginHost host;
  if (plugins.empty()) host.LoadDefault();
  else host.LoadFolder(plugins);
  for (const auto& e : host.errors()) std::fprintf(stderr, "linear_time_bench: %s\n", e.c_str());
  const Words words;

  std::printf("linear_time_bench: CPU seconds per input size (ratio to the size before); target: every ratio <= 2.3x\n");
  std::printf("machine: %s\n", Machine().c_str());
  std::printf("%-20s %-8s", "component", "input");
  for (size_t s = 0; s < steps; ++s) std::printf(" %16s", SizeLabel((from_kb << 10) << s).c_str());
  std::printf(" %7s\n", "worst");
  std::vector<size_t> sizes;
  for (size_t s = 0; s < steps; ++s) sizes.push_back((from_kb << 10) << s);
  double worst_all = 0;
  std::string worst_row;
  for (const Row& row : Rows(host, words)) {
    if (!only.empty() && (row.name + " " + KindName(row.kind)).find(only) == std::string::npos) continue;
    std::printf("%-20s %-8s", row.name.c_str(), KindName(row.kind));
    std::fflush(stdout);
    const std::vector<double> times = MeasureRow(row, sizes, runs, budget);
    double worst = 0;
    bool over = false;
    for (size_t s = 0; s < times.size(); ++s) {
      char cell[64];
      if (times[s] < 0) {
        over = true;
        std::snprintf(cell, sizeof cell, "-");
      } else if (s == 0) {
        std::snprintf(cell, sizeof cell, "%.3f", times[s]);
      } else {
        const double ratio = times[s] / std::max(times[s - 1], 1e-4);
        // Runs under 10 ms are too short for a ratio to mean anything.
        if (times[s - 1] >= 0.01) worst = std::max(worst, ratio);
        std::snprintf(cell, sizeof cell, "%.3f (%.2fx)", times[s], ratio);
      }
      std::printf(" %16s", cell);
    }
    std::printf(" %6.2fx%s\n", worst, over ? " (stopped: over the budget)" : "");
    std::fflush(stdout);
    if (worst > worst_all || over) {
      worst_all = over ? 1e9 : std::max(worst_all, worst);
      worst_row = row.name + " " + KindName(row.kind);
    }
  }
  std::printf("peak memory of this process: %.0f MiB\n", dossier::bench::PeakMiB());
  if (worst_all >= 1e9) {
    std::printf("worst: %s (over the budget)\n", worst_row.c_str());
  } else {
    std::printf("worst ratio: %.2fx (%s)%s\n", worst_all, worst_row.c_str(), worst_all <= 2.3 ? "" : "  OVER 2.3x");
  }
  return 0;
}
