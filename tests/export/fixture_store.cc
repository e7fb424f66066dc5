// The invented store of the exporter tests (see fixture_store.h).
#include "fixture_store.h"

#include <stdexcept>

namespace dossier::testing {
namespace {

const std::string kReportText =
    "Harbour deal revisited\n"
    "\n"
    "Mara Ellingsen, who chairs the Northwind Harbour Trust, met Se\xC3\xA1n \"The Fox\" O'Brien, <Jr.> & Co at Port Elsey.\n"
    "\n"
    "The trust says Port Elsey has nearly 30,000 residents. " + std::string(kLaylaName) +
    " told reporters the figure was \"far too high, <by half>\".\n";

const std::string kMemoText =
    "Pier memo\n"
    "\n"
    "Mara Ellingsen signed for the Kite & \"Co\" <Ltd> barges.\n"
    "\n"
    "Port Elsey counts 18,000 residents, the council says.\n";

// {start, end} of the first occurrence of needle (after from) in text.
std::pair<int64_t, int64_t> Span(const std::string& text, const std::string& needle, size_t from = 0) {
  const size_t at = text.find(needle, from);
  if (at == std::string::npos) throw std::logic_error("fixture: no '" + needle + "' in text");
  return {static_cast<int64_t>(at), static_cast<int64_t>(at + needle.size())};
}

Json Paragraphs(const std::string& text) {
  Json out = Json::array();
  size_t start = 0;
  int number = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    size_t stop = end;
    while (stop > start && text[stop - 1] == '\n') --stop;
    if (stop > start) out.push_back({{"start", start}, {"end", stop}, {"number", ++number}});
    start = end + 2;
  }
  return out;
}

Json Mention(const std::string& id, const std::string& entity, const char* type, const std::string& doc,
             const std::string& text, const std::string& surface, size_t from = 0) {
  auto [s, e] = Span(text, surface, from);
  return {{"id", id},        {"type", "mention"}, {"entity", entity}, {"entity_type", type},
          {"document", doc}, {"start", s},        {"end", e},         {"text", surface},
          {"extractor", "fixture"}};
}

Json Claim(const std::string& id, const std::string& subject, const std::string& predicate, const std::string& doc,
           const std::string& text, const std::string& quote, const char* status) {
  auto [s, e] = Span(text, quote);
  return {{"id", id},        {"type", "claim"}, {"subject", subject}, {"predicate", predicate},
          {"document", doc}, {"start", s},      {"end", e},           {"quote", quote},
          {"status", status}, {"extractor", "fixture"}};
}

}  // namespace

std::vector<Json> FixtureRecords() {
  std::vector<Json> r;
  r.push_back({{"id", kMara}, {"type", "person"}, {"name", "Mara Ellingsen"}, {"aliases", {"M. Ellingsen"}},
               {"properties", {{"description", "chair of the trust"}, {"nationality", Json::array({"NO"})}}}});
  r.push_back({{"id", kFox}, {"type", "person"}, {"name", kFoxName}, {"aliases", {"The Fox", "Se\xC3\xA1n\nO'Brien"}}});
  r.push_back({{"id", kLayla}, {"type", "person"}, {"name", kLaylaName}, {"aliases", {"Layla Haddad"}}});
  r.push_back({{"id", kLone}, {"type", "person"}, {"name", "Ivo Lindqvist"}});
  r.push_back({{"id", kTrust}, {"type", "organization"}, {"name", "Northwind Harbour Trust, Ltd."}});
  r.push_back({{"id", kKite}, {"type", "organization"}, {"name", "Kite & \"Co\" <Ltd>"}});
  r.push_back({{"id", kPort}, {"type", "place"}, {"name", "Port Elsey"},
               {"properties", {{"kind", "city"}, {"country", "GB"}}}});
  r.push_back({{"id", kReport}, {"type", "document"}, {"name", "Harbour \"deal\", <revisited>"}, {"text", kReportText},
               {"properties", {{"kind", "news_article"}, {"url", "https://news.example.org/harbour?x=1&y=<2>"},
                               {"published", "2026-03-02"}, {"paragraphs", Paragraphs(kReportText)}}}});
  r.push_back({{"id", kMemo}, {"type", "document"}, {"name", "Pier memo"}, {"text", kMemoText},
               {"properties", {{"kind", "text"}, {"source", "/archive/pier memo.txt"}, {"paragraphs", Paragraphs(kMemoText)}}}});

  const std::string& t = kReportText;
  r.push_back(Mention("mention:r1", kMara, "person", kReport, t, "Mara Ellingsen"));
  r.push_back(Mention("mention:r2", kTrust, "organization", kReport, t, "Northwind Harbour Trust"));
  r.push_back(Mention("mention:r3", kFox, "person", kReport, t, "Se\xC3\xA1n \"The Fox\" O'Brien, <Jr.> & Co"));
  r.push_back(Mention("mention:r4", kPort, "place", kReport, t, "Port Elsey"));
  r.push_back(Mention("mention:r5", kPort, "place", kReport, t, "Port Elsey", Span(t, "Port Elsey").second));
  r.push_back(Mention("mention:r6", kLayla, "person", kReport, t, kLaylaName));
  const std::string& m = kMemoText;
  r.push_back(Mention("mention:m1", kMara, "person", kMemo, m, "Mara Ellingsen"));
  r.push_back(Mention("mention:m2", kKite, "organization", kMemo, m, "Kite & \"Co\" <Ltd>"));
  r.push_back(Mention("mention:m3", kPort, "place", kMemo, m, "Port Elsey"));

  Json member = Claim("claim:member", kMara, "member_of", kReport, t, "Mara Ellingsen, who chairs the Northwind Harbour Trust",
                      "confirmed");
  member["object"] = kTrust;
  member["status_reason"] = "trust's own annual report";
  r.push_back(member);
  Json employ = Claim("claim:employ", kFox, "employed_by", kMemo, m, "signed for the Kite & \"Co\" <Ltd> barges", "disputed");
  employ["object"] = kKite;
  employ["status_reason"] = "the barges are leased, says \"Kite\"";
  r.push_back(employ);
  Json met = Claim("claim:met", kMara, "met", kReport, t, "met Se\xC3\xA1n \"The Fox\" O'Brien", "unreviewed");
  met["object"] = kFox;
  r.push_back(met);
  Json pop1 = Claim("claim:pop-report", kPort, "population", kReport, t, "Port Elsey has nearly 30,000 residents", "unreviewed");
  pop1["value"] = {{"amount", 30000}, {"unit", "person"}, {"qualifier", "nearly"}};
  pop1["attributed_to"] = kTrust;
  r.push_back(pop1);
  Json pop2 = Claim("claim:pop-memo", kPort, "population", kMemo, m, "Port Elsey counts 18,000 residents", "unreviewed");
  pop2["value"] = {{"amount", 18000}, {"unit", "person"}};
  r.push_back(pop2);
  Json said = Claim("claim:said", kLayla, "said", kReport, t, "\"far too high, <by half>\"", "rejected");
  said["value"] = {{"text", "far too high, <by half>"}};
  said["status_reason"] = "misquoted; see the recording";
  r.push_back(said);

  r.push_back({{"id", "finding:pop-conflict"}, {"type", "finding"}, {"checker", "numbers"}, {"code", "value-conflict"},
               {"severity", "warning"}, {"refs", {"claim:pop-report", "claim:pop-memo", kPort}},
               {"message", "Port Elsey's population: 30,000 (\"nearly\") vs 18,000 <council>"}, {"status", "open"},
               {"fingerprint", "pop-conflict"}});
  return r;
}

std::unique_ptr<Store> MakeFixtureStore(const std::string& path) {
  StoreOptions options;
  options.create_if_missing = true;
  auto store = Store::Open(path, options);
  if (!store.ok()) throw std::runtime_error(store.status().message());
  auto writer = (*store)->BeginRecords(Actor{"test:fixture"});
  if (!writer.ok()) throw std::runtime_error(writer.status().message());
  for (const Json& record : FixtureRecords()) {
    if (Status st = (*writer)->Put(record); !st.ok()) throw std::runtime_error(st.message() + " in " + record.dump());
  }
  if (Status st = (*writer)->Commit(); !st.ok()) throw std::runtime_error(st.message());
  return std::move(store).value();
}

void LoadBundledPlugins(PluginHost& host) {
  host.LoadDefault({});
  if (!host.errors().empty()) throw std::runtime_error("plugin error: " + host.errors().front());
}

}  // namespace dossier::testing
