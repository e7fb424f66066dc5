// Strict CSV and XML readers for the exporter tests (export_support.h).
#include "export_support.h"

#include <stdexcept>

namespace dossier::testing {

namespace {

void Must(const RunResult& r, const std::string& what) {
  if (r.exit_code != 0) throw std::runtime_error(what + " failed: " + r.out + r.err);
}

}  // namespace

std::string BuildExamplesSite(const TempDir& dir) {
  const std::string db = dir / "examples.db";
  const std::string examples = DOSSIER_EXAMPLES_DIR;
  std::string diary = "Harbour diary\n\n";
  for (int day = 1; day <= kOrlaMentions; ++day) {
    diary += "On day " + std::to_string(day) + " Orla Brennan walked along the pier with the harbour master.\n\n";
  }
  WriteFile(dir / "diary.txt", diary);
  Must(Dossier(db, {"import", examples + "/news", examples + "/cables", dir / "diary.txt"}), "import");
  std::string records = "{\"type\":\"header\",\"id\":\"header\",\"format\":\"dossier-jsonl\",\"version\":2}\n"
                        "{\"type\":\"person\",\"id\":\"person:xxxxxxxxxxxx\",\"name\":\"XXXXXXXXXXXX\"}\n";
  int n = 0;
  for (const std::string word : {"On", "pier"}) {
    for (size_t at = diary.find(word); at != std::string::npos && n < 300; at = diary.find(word, at + 1), ++n) {
      records += "{\"type\":\"mention\",\"id\":\"mention:x" + std::to_string(n) +
                 "\",\"document\":\"doc:diary\",\"entity\":\"person:xxxxxxxxxxxx\",\"entity_type\":\"person\","
                 "\"start\":" + std::to_string(at) + ",\"end\":" + std::to_string(at + word.size()) + ",\"text\":\"" +
                 word + "\",\"extractor\":\"test\",\"confidence\":1}\n";
    }
  }
  WriteFile(dir / "placeholder.jsonl", records);
  Must(Dossier(db, {"import", dir / "placeholder.jsonl"}), "import placeholder.jsonl");
  Must(Dossier(db, {"check"}), "check");
  Must(Dossier(db, {"export", "html", "-o", dir / "site"}), "export html");
  Must(Dossier(db, {"export", "jsonl", "-o", dir / "examples.jsonl"}), "export jsonl");
  return dir / "site";
}

RunResult CheckSiteLinks(const std::string& jsonl, const std::string& site, bool partial) {
  std::vector<std::string> argv = {"/usr/bin/python3", DOSSIER_SOURCE_DIR "/tests/export/consumers/check.py", "site", jsonl,
                                   site};
  if (partial) argv.push_back("partial");
  return Run(argv);
}

std::vector<std::vector<std::string>> ParseCsv(const std::string& input) {
  std::string_view text = input;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  auto end_record = [&] {
    row.push_back(field);
    field.clear();
    rows.push_back(std::move(row));
    row.clear();
  };
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      for (;;) {
        if (i >= text.size()) throw std::runtime_error("csv: unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\r') {
        throw std::runtime_error("csv: text after a closing quote at byte " + std::to_string(i));
      }
    }
    while (i < text.size() && text[i] != ',' && text[i] != '\r') {
      if (text[i] == '"') throw std::runtime_error("csv: bare quote at byte " + std::to_string(i));
      if (text[i] == '\n') throw std::runtime_error("csv: bare LF at byte " + std::to_string(i));
      field += text[i++];
    }
    if (i >= text.size()) throw std::runtime_error("csv: last record not ended by CRLF");
    if (text[i] == ',') {
      row.push_back(field);
      field.clear();
      ++i;
      if (i >= text.size()) throw std::runtime_error("csv: file ends after a comma");
      continue;
    }
    if (i + 1 >= text.size() || text[i + 1] != '\n') throw std::runtime_error("csv: CR without LF");
    i += 2;
    end_record();
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != rows[0].size()) {
      throw std::runtime_error("csv: record " + std::to_string(r) + " has " + std::to_string(rows[r].size()) +
                               " fields, the header " + std::to_string(rows[0].size()));
    }
  }
  return rows;
}

std::vector<std::map<std::string, std::string>> CsvRecords(const std::string& path) {
  auto rows = ParseCsv(ReadFile(path));
  std::vector<std::map<std::string, std::string>> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> m;
    for (size_t c = 0; c < rows[0].size(); ++c) m[rows[0][c]] = rows[r][c];
    out.push_back(std::move(m));
  }
  return out;
}

Xml::Xml(const std::string& path, bool html) {
  doc_ = html ? htmlReadFile(path.c_str(), "UTF-8", HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)
              : xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc_) {
    const xmlError* e = xmlGetLastError();
    throw std::runtime_error(path + ": not well-formed XML: " + (e && e->message ? e->message : "?"));
  }
  ctx_ = xmlXPathNewContext(doc_);
}

Xml::~Xml() {
  if (ctx_) xmlXPathFreeContext(ctx_);
  if (doc_) xmlFreeDoc(doc_);
}

void Xml::Namespace(const std::string& prefix, const std::string& uri) {
  xmlXPathRegisterNs(ctx_, reinterpret_cast<const xmlChar*>(prefix.c_str()), reinterpret_cast<const xmlChar*>(uri.c_str()));
}

std::vector<std::string> Xml::Strings(const std::string& xpath) {
  xmlXPathObjectPtr r = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), ctx_);
  if (!r) throw std::runtime_error("bad xpath " + xpath);
  std::vector<std::string> out;
  if (r->nodesetval) {
    for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
      xmlChar* s = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
      out.push_back(s ? reinterpret_cast<const char*>(s) : "");
      xmlFree(s);
    }
  }
  xmlXPathFreeObject(r);
  return out;
}

std::string Xml::One(const std::string& xpath) {
  auto v = Strings(xpath);
  if (v.size() != 1) throw std::runtime_error(xpath + " selects " + std::to_string(v.size()) + " nodes, not one");
  return v[0];
}

}  // namespace dossier::testing
