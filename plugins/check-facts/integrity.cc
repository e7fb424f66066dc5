// The integrity checker: what is wrong with the documents themselves —
// repeated paragraphs, paragraph numbers out of sequence, facts dated after
// the document that states them, REFs to cables the store does not hold, and
// figures of one document that do not add up.
#include <map>
#include <set>
#include <unordered_map>

#include "arithmetic.h"
#include "checkers.h"
#include "claim_index.h"
#include "dossier/text.h"
#include "evidence.h"

namespace dossier::check {
namespace {

// Whether a time ("2007", "2007-01", "2007-01-05...", or a range
// "1973/1990") lies after the date, compared at the time's own precision; a
// range does when its end does.
bool After(const std::string& time, const std::string& date) {
  const size_t slash = time.find('/');
  const std::string end = slash == std::string::npos ? time : time.substr(slash + 1);
  if (YearOf(end) == 0 || date.empty()) return false;
  size_t n = end.size() >= 10 ? 10 : end.size() >= 7 ? 7 : 4;
  n = std::min(n, date.size());
  return end.substr(0, n) > date.substr(0, n);
}

// A string field of an object read from the store, or "" when it is missing
// or (a damaged store) of another type.
std::string TextField(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string Digits(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

class IntegrityChecker final : public Checker {
 public:
  std::string name() const override { return "integrity"; }
  std::string description() const override {
    return "repeated paragraphs, paragraph numbers out of sequence, dates after the document, REFs not in the store, "
           "figures that do not add up";
  }

  Status Check(StoreView& store, FindingSink& sink) override {
    std::unordered_map<std::string, std::string> dates;  // document -> its date
    std::unordered_map<std::string, std::string> kinds;  // document -> kind
    std::vector<std::pair<std::string, Json>> refs;      // citing document, its REF entries
    Status st = store.ForEachDocument([&](const Document& d) {
      kinds[d.id] = d.kind;
      if (std::string date = DocumentDate(d.properties); !date.empty()) dates[d.id] = date;
      if (auto r = d.properties.find("refs"); r != d.properties.end() && r->is_array() && !r->empty()) {
        refs.emplace_back(d.id, *r);
      }
      Removed(d, sink);
      Repeated(d, sink);
      Numbering(d, sink);
      Slips(d, sink);
      return true;
    });
    if (!st.ok()) return st;

    for (const auto& [doc, list] : refs) {
      for (const Json& r : list) {
        if (!r.is_object() || !r.contains("id") || !r["id"].is_string()) continue;
        const std::string target = "doc:" + r["id"].get<std::string>();
        auto k = kinds.find(target);
        if (k != kinds.end() && k->second != "stub") continue;
        const std::string label = TextField(r, "label");
        const std::string text = TextField(r, "text");
        Finding f;
        f.code = "missing-reference";
        f.severity = Severity::kInfo;
        f.message = doc + " cites " + r["id"].get<std::string>() + (text.empty() ? "" : " (\"" + text + "\")") +
                    (label.empty() ? "" : " as REF " + label) + ", which is not in the store";
        f.refs = {doc, target};
        f.evidence = {{"why", k == kinds.end() ? "no document has this id"
                                              : "the document is a stub, known only from REF lines"},
                      {"document", doc},
                      {"reference", r}};
        f.fingerprint = Fingerprint({"missing-reference", doc, target});
        sink.Report(std::move(f));
      }
    }

    // Claims dated after their document: one streaming pass over the claims.
    return store.ForEachClaim({}, [&](const Claim& c) {
      auto d = dates.find(c.source.document);
      if (d == dates.end()) return true;
      std::string when = c.time;
      if (c.value.is_object() && c.value.contains("date") && c.value["date"].is_string()) {
        when = c.value["date"].get<std::string>();
      }
      if (!After(when, d->second)) return true;
      // A plan or forecast the extractor recognized ("by 2012") is meant to be later.
      if (auto p = c.properties.find("prospective"); p != c.properties.end() && p->is_boolean() && p->get<bool>()) {
        return true;
      }
      Finding f;
      f.code = "date-after-document";
      f.severity = Severity::kWarning;
      f.message = c.id + " (" + c.predicate + ") refers to " + when + ", after its document " + c.source.document +
                  " was written (" + d->second + ")";
      f.refs = {c.id, c.source.document};
      f.evidence = {{"why", "the time the claim refers to is later than the document's date"},
                    {"document_date", d->second},
                    {"claim", ClaimEvidence(c)}};
      f.fingerprint = Fingerprint({"date-after-document", c.id});
      sink.Report(std::move(f));
      return true;
    });
  }

 private:
  // Paragraphs the importer removed as repeats (news cleaning notes).
  static void Removed(const Document& d, FindingSink& sink) {
    auto removed = d.properties.find("removed");
    if (removed == d.properties.end() || !removed->is_array()) return;
    for (const Json& r : *removed) {
      if (!r.is_object() || TextField(r, "reason").find("duplicate") == std::string::npos) continue;
      const std::string text = TextField(r, "text");
      Finding f;
      f.code = "duplicate-paragraph";
      f.severity = Severity::kInfo;
      f.message = d.id + ": a paragraph appeared twice in the source; the importer kept one (\"" +
                  ShortQuote(text, 80) + "\")";
      f.refs = {d.id};
      f.evidence = {{"why", "the importer found the paragraph twice and recorded the removal"},
                    {"document", d.id},
                    {"removed", ShortQuote(text, 600)}};
      f.fingerprint = Fingerprint({"duplicate-paragraph", d.id, NormalizeName(text)});
      sink.Report(std::move(f));
    }
  }

  // Figures of one document that do not add up (arithmetic.h).
  static void Slips(const Document& d, FindingSink& sink) {
    for (const Slip& slip : FindSlips(d.text)) {
      Finding f;
      f.code = "arithmetic";
      f.severity = Severity::kWarning;
      f.message = d.id + ": " + slip.message;
      f.refs = {d.id};
      f.evidence = {{"why", slip.code == "change-percent"
                                ? "the change and the level it reached make another percentage than the one stated"
                                : "one document gives one event two lengths"},
                    {"kind", slip.code},
                    {"document", d.id},
                    {"start", slip.start},
                    {"end", slip.end},
                    {"stated", slip.stated},
                    {"computed", slip.computed},
                    {"quote", ShortQuote(d.text.substr(static_cast<size_t>(slip.start), static_cast<size_t>(slip.end - slip.start)), 600)}};
      f.fingerprint = Fingerprint({"arithmetic", d.id, slip.code, std::to_string(slip.start)});
      sink.Report(std::move(f));
    }
  }

  // Paragraphs stored twice in one document.
  static void Repeated(const Document& d, FindingSink& sink) {
    std::map<std::string, size_t> first;  // normalised text -> paragraph index
    for (size_t i = 0; i < d.paragraphs.size(); ++i) {
      const Paragraph& p = d.paragraphs[i];
      if (!IsSpanOf(d.text, p.start, p.end) || p.end == p.start) continue;
      const std::string text = d.text.substr(static_cast<size_t>(p.start), static_cast<size_t>(p.end - p.start));
      // Paragraph numbers are not content: "2. Text" repeats "3. Text".
      std::string key = NormalizeName(text);
      key.erase(0, key.find_first_not_of("0123456789 "));
      if (key.size() < 40) continue;  // short lines (headings, sign-offs) repeat legitimately
      auto [it, added] = first.emplace(key, i);
      if (added) continue;
      Finding f;
      f.code = "duplicate-paragraph";
      f.severity = Severity::kWarning;
      f.message = d.id + ": paragraph " + std::to_string(i + 1) + " repeats paragraph " +
                  std::to_string(it->second + 1) + " (\"" + ShortQuote(text, 80) + "\")";
      f.refs = {d.id};
      f.evidence = {{"why", "two paragraphs of the stored text are equal after normalisation"},
                    {"document", d.id},
                    {"paragraphs", {it->second + 1, i + 1}},
                    {"text", ShortQuote(text, 600)}};
      f.fingerprint = Fingerprint({"duplicate-paragraph", d.id, key});
      sink.Report(std::move(f));
    }
  }

  // Numbered paragraphs (cables) must count 1, 2, 3 ...; a number typed
  // differently from its place ("15." for 5) is reported with the text's label.
  static void Numbering(const Document& d, FindingSink& sink) {
    int64_t expected = 1;
    for (size_t i = 0; i < d.paragraphs.size(); ++i) {
      const Json& p = d.paragraphs[i].properties;
      auto num = p.find("number");
      if (num == p.end() || !num->is_number_integer()) continue;
      const int64_t n = num->get<int64_t>();
      const Paragraph& para = d.paragraphs[i];
      if (!IsSpanOf(d.text, para.start, para.end)) continue;  // a damaged store: nothing to quote
      const std::string label = TextField(p, "label");
      const std::string typed = Digits(label);
      const std::string quote =
          ShortQuote(d.text.substr(static_cast<size_t>(para.start), static_cast<size_t>(para.end - para.start)), 120);
      auto report = [&](const std::string& code_detail, const std::string& message, const std::string& why) {
        Finding f;
        f.code = "paragraph-numbering";
        f.severity = Severity::kWarning;
        f.message = d.id + ": " + message;
        f.refs = {d.id};
        f.evidence = {{"why", why}, {"document", d.id}, {"paragraph", i + 1}, {"number", n}, {"quote", quote}};
        if (!label.empty()) f.evidence["label"] = label;
        if (p.contains("note")) f.evidence["importer_note"] = p["note"];
        f.fingerprint = Fingerprint({"paragraph-numbering", d.id, code_detail, std::to_string(i)});
        sink.Report(std::move(f));
      };
      if (!typed.empty() && typed != std::to_string(n)) {
        report("label", "paragraph " + std::to_string(n) + " is numbered \"" + typed + ".\" in the text",
               "the number typed in the text (" + typed + ") is not the paragraph's place in the sequence (" +
                   std::to_string(n) + ")");
      } else if (n != expected) {
        report("sequence", "paragraph numbered " + std::to_string(n) + " where " + std::to_string(expected) + " was expected",
               "numbered paragraphs should count 1, 2, 3 ...");
      }
      expected = n + 1;
    }
  }
};

}  // namespace

std::unique_ptr<Checker> MakeIntegrityChecker() { return std::make_unique<IntegrityChecker>(); }

}  // namespace dossier::check
