// JSON article records: one object, an array of them, or JSON Lines. Field
// names vary by source; the common ones are accepted.
#include <sstream>

#include <nlohmann/json.hpp>

#include "article.h"
#include "dossier/text.h"

namespace dossier::news {
namespace {

using Json = nlohmann::json;

std::string FirstString(const Json& j, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = j.find(k);
    if (it == j.end()) continue;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object() && it->contains("name") && (*it)["name"].is_string()) return (*it)["name"].get<std::string>();
  }
  return "";
}

std::vector<std::string> Authors(const Json& j) {
  std::vector<std::string> out;
  for (const char* k : {"authors", "author", "byline", "creator"}) {
    auto it = j.find(k);
    if (it == j.end()) continue;
    auto add = [&](const Json& v) {
      if (v.is_string()) out.push_back(v.get<std::string>());
      if (v.is_object() && v.contains("name") && v["name"].is_string()) out.push_back(v["name"].get<std::string>());
    };
    if (it->is_array()) {
      for (const auto& v : *it) add(v);
    } else {
      add(*it);
    }
    if (!out.empty()) break;
  }
  return out;
}

bool ToArticle(const Json& j, Article* a) {
  if (!j.is_object()) return false;
  a->headline = FirstString(j, {"headline", "title", "name"});
  const std::string body = FirstString(j, {"text", "body", "content", "articleBody", "article"});
  if (body.empty()) return false;
  std::vector<Article> parsed = ReadPlainText(body);
  a->blocks = parsed[0].blocks;
  a->authors = Authors(j);
  a->publisher = FirstString(j, {"publisher", "source", "site", "site_name", "outlet"});
  a->url = FirstString(j, {"url", "link", "uri"});
  const std::string date = FirstString(j, {"date", "published", "datePublished", "published_at", "pubDate", "publication_date"});
  a->date = ParseDate(date);
  if (!date.empty() && a->date.empty()) a->notes.push_back("date not understood: " + date);
  return true;
}

}  // namespace

std::vector<Article> ReadJson(const std::string& text, std::string* error) {
  std::vector<Article> out;
  auto take = [&](const Json& j, const std::string& where) {
    Article a;
    if (ToArticle(j, &a)) {
      out.push_back(std::move(a));
    } else if (error && error->empty()) {
      *error = where + ": no article text (expected a \"text\", \"body\" or \"content\" field)";
    }
  };
  // Depth is checked on the text before anything is parsed (kMaxJsonDepth):
  // what comes after the parser recurses once per level. Too deep as a whole,
  // the text may still be JSON Lines with one deep line among good ones.
  const Status whole_depth = CheckJsonDepth(text);
  if (whole_depth.ok()) {
    Json whole = Json::parse(text, nullptr, false);
    if (!whole.is_discarded()) {
      if (whole.is_array()) {
        for (size_t i = 0; i < whole.size(); ++i) take(whole[i], "item " + std::to_string(i + 1));
      } else {
        take(whole, "the record");
      }
      return out;
    }
  }
  // JSON Lines.
  std::istringstream in(text);
  std::string line;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = "line " + std::to_string(number);
    if (Status st = CheckJsonDepth(line); !st.ok()) {
      if (error && error->empty()) *error = where + ": " + st.message();
      continue;
    }
    Json j = Json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      if (error && error->empty()) *error = where + ": not valid JSON";
      continue;
    }
    take(j, where);
  }
  // One document spread over many lines (pretty-printed) and nested too
  // deep: its lines are no JSON on their own, and the depth is the reason.
  if (out.empty() && !whole_depth.ok() && error) *error = whole_depth.message();
  return out;
}

}  // namespace dossier::news
