#include "fixture.h"

#include <catch2/catch.hpp>

namespace dossier::testing {

DocBuilder::DocBuilder(const std::string& id, const std::string& text, Json properties, const std::string& kind) {
  batch.document.id = id;
  batch.document.title = id.substr(id.find(':') + 1);
  batch.document.kind = kind;
  batch.document.text = text;
  batch.document.properties = std::move(properties);
  batch.document.source = "test:" + id;
}

std::string DocBuilder::Entity(EntityType type, const std::string& name) { return batch.Entity(type, name); }

int64_t DocBuilder::Find(const std::string& surface, int nth) const {
  size_t at = batch.document.text.find(surface);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = batch.document.text.find(surface, at + 1);
  INFO(surface);
  REQUIRE(at != std::string::npos);
  return static_cast<int64_t>(at);
}

DocBuilder& DocBuilder::Mention(const std::string& key, const std::string& surface, int nth, EntityType type) {
  ProposedMention m;
  m.entity = key;
  m.type = type;
  m.start = Find(surface, nth);
  m.end = m.start + static_cast<int64_t>(surface.size());
  m.extractor = "test";
  batch.mentions.push_back(m);
  return *this;
}

DocBuilder& DocBuilder::Figure(const std::string& subject_key, const std::string& predicate, const std::string& figure,
                               const std::string& time) {
  const auto qs = FindQuantities(figure);
  INFO(figure);
  REQUIRE(!qs.empty());
  const Quantity& q = qs.front();
  ProposedClaim c;
  c.subject = subject_key;
  c.predicate = predicate;
  c.value = {{"amount", q.amount}, {"unit", q.unit}, {"qualifier", q.qualifier}, {"text", figure}};
  if (q.amount_max) c.value["amount_max"] = *q.amount_max;
  c.time = time;
  c.start = Find(figure, 0);
  c.end = c.start + static_cast<int64_t>(figure.size());
  c.kind = "number";
  c.extractor = "test";
  batch.claims.push_back(c);
  return *this;
}

DocBuilder& DocBuilder::Relation(const std::string& subject_key, const std::string& predicate,
                                 const std::string& object_key, const std::string& quote, const std::string& time) {
  ProposedClaim c;
  c.subject = subject_key;
  c.predicate = predicate;
  c.object = object_key;
  c.time = time;
  c.start = Find(quote, 0);
  c.end = c.start + static_cast<int64_t>(quote.size());
  c.kind = "relation";
  c.extractor = "test";
  batch.claims.push_back(c);
  return *this;
}

DocBuilder& DocBuilder::Said(const std::string& speaker_key, const std::string& quote) {
  ProposedClaim c;
  c.subject = speaker_key;
  c.attributed_to = speaker_key;
  c.predicate = "said";
  c.value = {{"text", quote}};
  c.start = Find(quote, 0);
  c.end = c.start + static_cast<int64_t>(quote.size());
  c.kind = "said";
  c.extractor = "test";
  batch.claims.push_back(c);
  return *this;
}

DocBuilder& DocBuilder::Paragraph(const std::string& text_of_paragraph, Json properties) {
  const int64_t n = static_cast<int64_t>(batch.document.paragraphs.size());
  size_t from = batch.document.paragraphs.empty() ? 0 : static_cast<size_t>(batch.document.paragraphs.back().end);
  const size_t at = batch.document.text.find(text_of_paragraph, from);
  INFO(text_of_paragraph << " (paragraph " << n << ")");
  REQUIRE(at != std::string::npos);
  dossier::Paragraph p;
  p.start = static_cast<int64_t>(at);
  p.end = p.start + static_cast<int64_t>(text_of_paragraph.size());
  p.properties = std::move(properties);
  batch.document.paragraphs.push_back(p);
  return *this;
}

CheckStore::CheckStore() {
  StoreOptions options;
  options.create_if_missing = true;
  auto opened = Store::Open(dir / "check.db", options);
  REQUIRE(opened.ok());
  store = std::move(opened).value();
}

void CheckStore::Write(const DocBuilder& doc) {
  auto written = store->WriteDocument(doc.batch, Actor{"test"});
  INFO(written.status().message());
  REQUIRE(written.ok());
}

namespace {
class Collect final : public FindingSink {
 public:
  void Report(Finding f) override { findings.push_back(std::move(f)); }
  std::vector<Finding> findings;
};
}  // namespace

std::vector<Finding> CheckStore::Run(Checker& checker) {
  Collect sink;
  Status st = checker.Check(*store, sink);
  INFO(st.message());
  REQUIRE(st.ok());
  for (const Finding& f : sink.findings) {
    // Every finding must be storable: code, message, fingerprint, evidence with a reason.
    CHECK(!f.code.empty());
    CHECK(!f.message.empty());
    CHECK(!f.fingerprint.empty());
    CHECK(f.evidence.contains("why"));
  }
  return sink.findings;
}

std::vector<Finding> WithCode(const std::vector<Finding>& findings, const std::string& code) {
  std::vector<Finding> out;
  for (const Finding& f : findings) {
    if (f.code == code) out.push_back(f);
  }
  return out;
}

}  // namespace dossier::testing
