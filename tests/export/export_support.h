// Helpers of the exporter tests: running an export of the fixture store,
// and strict readers for what the exporters write (RFC 4180 CSV, XML through
// libxml2), so every test parses the output back instead of grepping it.
#pragma once

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dossier/pipeline.h"
#include "fixture_store.h"
#include "support/test_support.h"

namespace dossier::testing {

// A fixture store in a temporary folder with the bundled plugins loaded.
struct ExportFixture {
  TempDir dir;
  std::unique_ptr<Store> store = MakeFixtureStore(dir / "store.db");
  PluginHost host;
  ExportFixture() { LoadBundledPlugins(host); }

  // Exports to dir/<name>; returns the pipeline's status.
  Status Export(const std::string& format, const std::string& name, Selection selection = {},
                const ExportOptions& options = {}) {
    Pipeline pipeline(*store, host, Actor{"test:export"});
    return pipeline.Export(format, selection, dir / name, options);
  }
};

// A site to browse: the bundled examples (news, a cable citing two cables
// not in the store, stories after `check`), a diary naming Orla Brennan 260
// times (more than one page of "Named in"), and a redaction placeholder
// given 300 mentions by a JSONL import (the most named, yet never in a
// "most named" list), exported as html to dir/site through the CLI. Returns
// the site's folder; the store's JSON Lines export is dir/examples.jsonl.
inline constexpr int kOrlaMentions = 260;
std::string BuildExamplesSite(const TempDir& dir);

// The project's link checker (tests/export/consumers/check.py, "site") on a
// site exported from the store whose JSON Lines export is `jsonl`: every link
// and anchor resolves inside the site, every page of its search index is
// reached from index.html by links; unless `partial` (an export of part of
// the store), every entity and document has a page.
RunResult CheckSiteLinks(const std::string& jsonl, const std::string& site, bool partial);

// RFC 4180: fields separated by commas, records by CRLF; a field is quoted
// when it holds a comma, quote or line break, with quotes doubled. Throws
// std::runtime_error on anything else (a bare quote, text after a closing
// quote, an unterminated quote). A leading UTF-8 BOM is skipped.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

// The rows of a CSV file as maps from the header's column names.
std::vector<std::map<std::string, std::string>> CsvRecords(const std::string& path);

// An XML document parsed by libxml2 (no network, no entity expansion);
// throws with libxml2's message when it is not well-formed.
class Xml {
 public:
  // html: parse with libxml2's HTML parser (pages are HTML5, not XML).
  explicit Xml(const std::string& path, bool html = false);
  ~Xml();
  // Registers a namespace prefix for XPath.
  void Namespace(const std::string& prefix, const std::string& uri);
  // The string value of each node the XPath expression selects.
  std::vector<std::string> Strings(const std::string& xpath);
  size_t Count(const std::string& xpath) { return Strings(xpath).size(); }
  // The string value of the one node xpath selects; throws unless exactly one.
  std::string One(const std::string& xpath);

 private:
  xmlDocPtr doc_ = nullptr;
  xmlXPathContextPtr ctx_ = nullptr;
};

}  // namespace dossier::testing
