// Fuzz target: the cable parser in each form a cable arrives in. The first
// byte picks the path, as the importer would take it:
//   0  a raw telegram: DecodeText -> ParseCable -> BuildBatch
//   1  a Cablegate page: DecodeText -> StripHtml -> ParseCable (website form)
//   2  a cables.csv file: CsvReader over the bytes, each row parsed as a cable
//   3  the sniffer alone, on a head of the input
// Every span the parser hands the store must lie on the text and on character
// boundaries, or the store would refuse the document (or worse, cut a character).
// From 0xFC up the first byte also selects deep mode (deep_input.h) for the
// path it picks: a telegram with its structures repeated or nested as deep as
// asked (sections, SUMMARY/COMMENT markers, REF lists, parenthesised
// markings, numbered paragraphs), a Cablegate page with nested tags, a
// cables.csv with nested quoting or endless rows, a long head for the sniffer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cable_batch.h"
#include "cable_parser.h"
#include "csv_reader.h"
#include "deep_input.h"
#include "dates.h"
#include "dossier/text.h"
#include "fuzz_check.h"
#include "html.h"
#include "preamble.h"
#include "sniff.h"
#include "text_util.h"

namespace {

bool OnText(const std::string& text, int64_t s, int64_t e) {
  const auto size = static_cast<int64_t>(text.size());
  return s >= 0 && e >= s && e <= size && dossier::Utf8Floor(text, static_cast<size_t>(s)) == static_cast<size_t>(s) &&
         dossier::Utf8Floor(text, static_cast<size_t>(e)) == static_cast<size_t>(e);
}

void ParseAndCheck(const std::string& text, const dossier::cable::ParseHints& hints) {
  const dossier::cable::Cable c = dossier::cable::ParseCable(text, hints);
  const dossier::DocumentBatch b = dossier::cable::BuildBatch(c, {text, "fuzz", {}});
  FUZZ_CHECK(b.document.text == text);
  for (const auto& p : b.document.paragraphs) FUZZ_CHECK(OnText(text, p.start, p.end));
  for (const auto& m : b.mentions) FUZZ_CHECK(OnText(text, m.start, m.end) && m.end > m.start);
  for (const auto& cl : b.claims) {
    if (cl.start >= 0) FUZZ_CHECK(OnText(text, cl.start, cl.end));
    FUZZ_CHECK(!cl.object.empty() || !cl.value.is_null());
  }
  for (const auto& e : b.entities) FUZZ_CHECK(dossier::IsValidUtf8(e.name));
  FUZZ_CHECK(dossier::IsValidUtf8(b.document.title));
}

// A raw telegram whose body is the deep part.
std::string Telegram(const std::string& body) {
  return "VZCZCXRO7102\nOO RUEHMV\nDE RUEHMV #0217/01 0921415\nZNY CCCCC ZZH\nO 021415Z APR 09\n"
         "FM AMEMBASSY MARVELLA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 3310\n"
         "C O N F I D E N T I A L SECTION 01 OF 02 MARVELLA 000217\n\nE.O. 12958: DECL: 04/02/2019\n"
         "TAGS: PGOV PREL ECON VA\nSUBJECT: HARBOR LEASE\n\n" +
         body + "\nWESTBROOK\n";
}

std::string DeepTelegram(const dossier::fuzz::Deep& d) {
  using dossier::fuzz::Nest;
  using dossier::fuzz::Repeat;
  const std::string payload(d.payload);
  switch (d.pattern % 6) {
    case 0: return Telegram(Repeat("SECTION 02 OF 02 MARVELLA 000217\n" + payload + "\n", d.levels));
    case 1: return Telegram("1. (C) " + Nest("SUMMARY: ", " END SUMMARY.", d.levels, payload));
    case 2: return Telegram("1. (C) " + Nest("COMMENT: (", ") END COMMENT.", d.levels, payload));
    case 3: return Telegram("REF: " + Repeat("A. MARVELLA 188 (" + payload + ")\n", d.levels) + "\n1. (C) Text.\n");
    case 4: return Telegram("1. " + Nest("(", ")", d.levels, "C") + " " + payload + "\n");
    default: return Telegram(Repeat("1. (C) " + payload + "\n\n", d.levels));
  }
}

std::string DeepPage(const dossier::fuzz::Deep& d) {
  using dossier::fuzz::Nest;
  const std::string cable = Telegram("1. (C) " + std::string(d.payload) + "\n");
  if (d.pattern % 2 == 1) return Nest("<code><pre>", "</pre></code>", d.levels, cable);
  return "<code><pre>" + Nest("<a href='/tag/ETRD_0.html'>", "</a>", d.levels, cable) + "</pre></code>";
}

std::string DeepCsv(const dossier::fuzz::Deep& d) {
  using dossier::fuzz::Nest;
  using dossier::fuzz::Repeat;
  const std::string head = "id,date,refid,origin,classification,references,header,body\n";
  if (d.pattern % 2 == 0) {
    return head + "1,2009-04-02 14:15,09MARVELLA217,Embassy Marvella,CONFIDENTIAL,\"\",\"h\",\"" +
           Nest("\"\"", "\"\"", d.levels, d.payload) + "\"\n";
  }
  return head + Repeat("1,2009-04-02 14:15,09MARVELLA217,Embassy Marvella,CONFIDENTIAL,\"" + std::string(d.payload) +
                           "\",h,b\n",
                       d.levels);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] >= 0xFC) {
    auto deep = dossier::fuzz::ReadDeep(data + 1, size - 1);
    if (!deep) return 0;
    switch (data[0] % 4) {
      case 0: bytes = DeepTelegram(*deep); break;
      case 1: bytes = DeepPage(*deep); break;
      case 2: bytes = DeepCsv(*deep); break;
      case 3:  // a head as long as asked, for the sniffer
        bytes = dossier::fuzz::Repeat(deep->payload.empty() ? "VZCZC " : deep->payload, deep->levels);
        break;
    }
  }
  dossier::cable::ParseHints hints;
  hints.file_name = "09VALDORIA17.txt";
  switch (data[0] % 4) {
    case 0: {
      auto text = dossier::DecodeText(bytes);
      if (!text.ok()) return 0;
      FUZZ_CHECK(dossier::IsValidUtf8(*text));
      ParseAndCheck(*text, hints);
      break;
    }
    case 1: {
      auto text = dossier::DecodeText(bytes);
      if (!text.ok()) return 0;
      size_t removed = 0;
      const std::string stripped = dossier::cable::StripHtml(*text, &removed);
      FUZZ_CHECK(dossier::IsValidUtf8(stripped));
      hints.form = dossier::cable::Form::kWebsite;
      ParseAndCheck(stripped, hints);
      break;
    }
    case 2: {
      // A small field limit so the over-long-field path is reached too.
      dossier::cable::CsvReader reader(bytes, 0, 4096);
      dossier::cable::CsvRecord row;
      int64_t last = 0;
      while (reader.Next(&row)) {
        FUZZ_CHECK(row.number == last + 1);
        last = row.number;
        FUZZ_CHECK(row.fields.size() == row.field_starts.size());
        for (size_t i = 0; i < row.field_starts.size(); ++i) {
          FUZZ_CHECK(row.field_starts[i] >= 0 && row.field_starts[i] <= static_cast<int64_t>(bytes.size()));
        }
        if (!row.error.empty() || row.fields.size() < 8) continue;
        auto text = dossier::DecodeText(row.fields[6] + "\n" + row.fields[7]);
        if (!text.ok()) continue;
        dossier::cable::ParseHints row_hints;
        row_hints.form = dossier::cable::Form::kCsv;
        // The same clean-up of the container's columns as the importer.
        row_hints.reference_id = std::string(dossier::TrimView(row.fields[2]));
        row_hints.date = dossier::cable::ParseContainerDate(dossier::TrimView(row.fields[1]));
        row_hints.origin = dossier::cable::CollapseSpaces(row.fields[3]);
        row_hints.classification = dossier::cable::CollapseSpaces(row.fields[4]);
        row_hints.references = dossier::cable::SplitReferenceIds(row.fields[5]);
        ParseAndCheck(*text, row_hints);
      }
      break;
    }
    case 3: {
      const double score = dossier::cable::SniffCable(bytes);
      FUZZ_CHECK(score == 0 || score == 0.95);
      (void)dossier::cable::LooksLikeCablesCsv(bytes);
      (void)dossier::cable::LooksLikeHtml(bytes);
      break;
    }
  }
  return 0;
}
