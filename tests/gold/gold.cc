#include "gold/gold.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dossier/pipeline.h"
#include "dossier/text.h"

namespace dossier::gold {
namespace fs = std::filesystem;

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> Names(const Json& j) {
  std::vector<std::string> out;
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_array()) {
    for (const auto& n : j) {
      if (n.is_string()) out.push_back(n.get<std::string>());
    }
  }
  return out;
}

// j[key] when it is an array (annotators leave some fields null), else [].
const Json& Array(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  if (!j.is_object()) return kEmpty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

std::string Text(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

GoldFile ReadFile(const std::string& name, const std::string& folder, const Json& j) {
  GoldFile f;
  f.name = name;
  f.path = folder + "/" + name;
  for (const auto& e : Array(j, "entities")) {
    auto type = ParseType(Text(e, "type"));
    if (!type || !e.contains("names")) continue;
    f.entities.push_back({*type, Names(e["names"])});
  }
  for (const auto& g : Array(j, "figures")) {
    if (!g.contains("at") || !g["at"].is_number() || !g.contains("value") || !g["value"].is_number()) continue;
    GoldFigure fig;
    fig.at = g["at"].get<int64_t>();
    fig.value = g["value"].get<double>();
    fig.unit = Text(g, "unit");
    fig.subject = Names(g.contains("subject") ? g["subject"] : Json());
    fig.measure = Text(g, "measure");
    fig.noun = Text(g, "noun");
    f.figures.push_back(std::move(fig));
  }
  for (const auto& q : Array(j, "quotes")) {
    if (!q.contains("at") || !q["at"].is_number()) continue;
    f.quotes.push_back({q["at"].get<int64_t>(), Names(q.contains("speaker") ? q["speaker"] : Json())});
  }
  for (const auto& r : Array(j, "roles")) {
    if (!r.contains("person") || !r.contains("title") || !r["title"].is_string()) continue;
    f.roles.push_back({Names(r["person"]), r["title"].get<std::string>(),
                       Names(r.contains("organization") ? r["organization"] : Json())});
  }
  return f;
}

// Text reduced to what survives any importer's cleaning: letters and digits
// only, lower case, with the position in the original of each kept byte.
std::string Skeleton(std::string_view s, std::vector<int64_t>* at = nullptr) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80 || std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
      if (at) at->push_back(static_cast<int64_t>(i));
    }
  }
  return out;
}

}  // namespace

std::vector<GoldStory> LoadGold(const std::string& gold_dir, const std::string& corpus_dir) {
  std::vector<GoldStory> out;
  for (const char* kind : {"stories", "news"}) {
    const fs::path dir = fs::path(gold_dir) / kind;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
      const Json j = Json::parse(Slurp(p.string()));
      GoldStory s;
      s.name = p.stem().string();
      s.folder = std::string(kind) == "stories" ? corpus_dir + "/stories/" + s.name : corpus_dir + "/news";
      if (!fs::is_directory(s.folder)) continue;
      if (j.contains("files") && j["files"].is_object()) {
        for (const auto& [name, f] : j["files"].items()) {
          if (fs::exists(s.folder + "/" + name)) s.files.push_back(ReadFile(name, s.folder, f));
        }
      }
      s.crosscheck = Array(j, "crosscheck");
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::optional<int64_t> MapOffset(const std::string& raw, int64_t at, const std::string& stored) {
  if (at < 0 || at >= static_cast<int64_t>(raw.size())) return std::nullopt;
  // The words from `at` on, and the words before it, as skeletons.
  const size_t from = static_cast<size_t>(at);
  const std::string ahead = Skeleton(std::string_view(raw).substr(from, 40));
  const std::string behind = Skeleton(std::string_view(raw).substr(from >= 80 ? from - 80 : 0, from >= 80 ? 80 : from));
  std::vector<int64_t> where;
  const std::string text = Skeleton(stored, &where);
  if (ahead.empty() || text.empty()) return std::nullopt;
  // Each place the first bytes ahead occur, scored by how much of what comes
  // before and after agrees.
  const std::string key = ahead.substr(0, std::min<size_t>(ahead.size(), 6));
  int64_t best = -1;
  size_t best_score = 0;
  for (size_t pos = text.find(key); pos != std::string::npos; pos = text.find(key, pos + 1)) {
    size_t score = 0;
    while (score < ahead.size() && pos + score < text.size() && text[pos + score] == ahead[score]) ++score;
    size_t back = 0;
    while (back < behind.size() && back < pos && text[pos - 1 - back] == behind[behind.size() - 1 - back]) ++back;
    score += back;
    if (score > best_score) {
      best_score = score;
      best = static_cast<int64_t>(pos);
    }
  }
  if (best < 0 || best_score < std::min<size_t>(12, ahead.size())) return std::nullopt;
  // The skeleton drops the quotation mark a quote's offset names; step back
  // over what was dropped just before the match, up to the previous kept byte.
  int64_t offset = where[static_cast<size_t>(best)];
  const int64_t floor = best > 0 ? where[static_cast<size_t>(best) - 1] + 1 : 0;
  const char first = raw[from];
  if (!std::isalnum(static_cast<unsigned char>(first)) && static_cast<unsigned char>(first) < 0x80) {
    for (int64_t k = offset - 1; k >= floor; --k) {
      if (stored[static_cast<size_t>(k)] == first) {
        offset = k;
        break;
      }
    }
  }
  return offset;
}

ImportedStory ImportStory(const GoldStory& story, const PluginHost& host, const std::string& db_path) {
  ImportedStory out;
  StoreOptions options;
  options.create_if_missing = true;
  auto store = Store::Open(db_path, options);
  if (!store.ok()) throw std::runtime_error(store.status().message());
  out.store = std::move(store).value();
  std::vector<std::string> paths;
  for (const auto& f : story.files) paths.push_back(f.path);
  Pipeline pipeline(*out.store, host, Actor{"test:gold"});
  auto summary = pipeline.Import(paths, {});
  if (!summary.ok()) throw std::runtime_error(summary.status().message());
  for (const auto& report : summary->files) {
    if (report.documents.empty()) continue;
    out.document_of[fs::path(report.path).filename().string()] = report.documents.front();
  }
  return out;
}

std::string ReadRaw(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool StatesAt(const Claim& claim, int64_t at, double value) {
  if (!(claim.source.start <= at && at < claim.source.end)) return false;
  const Json& v = claim.value;
  if (!v.is_object() || !v.contains("amount") || !v["amount"].is_number()) return false;
  auto close = [&](double x) { return std::fabs(x - value) <= 1e-6 * std::max(1.0, std::fabs(value)); };
  return close(v["amount"].get<double>()) ||
         (v.contains("amount_max") && v["amount_max"].is_number() && close(v["amount_max"].get<double>()));
}

bool NameMatches(const std::string& name, const std::vector<std::string>& gold) {
  const std::string n = NormalizeName(name);
  if (n.empty()) return false;
  for (const auto& g : gold) {
    if (NormalizeName(g) == n) return true;
  }
  return false;
}

}  // namespace dossier::gold
