// The cable parser on cables written for these tests, one quirk at a time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "cable_parser.h"
#include "dossier/text.h"
#include "html.h"
#include "import-cable/fixtures.h"

using namespace dossier::cable;
namespace fx = dossier::testing::cables;

namespace {

std::string At(const std::string& text, Span span) {
  REQUIRE(span.valid());
  REQUIRE(span.end <= static_cast<int64_t>(text.size()));
  return text.substr(static_cast<size_t>(span.start), static_cast<size_t>(span.end - span.start));
}

bool HasNote(const Cable& c, const std::string& part) {
  return std::any_of(c.notes.begin(), c.notes.end(), [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

std::vector<std::string> Values(const std::vector<Field>& fields) {
  std::vector<std::string> out;
  for (const auto& f : fields) out.push_back(f.value);
  return out;
}

ParseHints Hints(Form form, const std::string& file_name = "") {
  ParseHints h;
  h.form = form;
  h.file_name = file_name;
  return h;
}

// The text as the importer stores it: decoded, LF, page markup removed.
std::string Stored(const std::string& raw) {
  auto decoded = dossier::DecodeText(raw);
  REQUIRE(decoded.ok());
  return LooksLikeHtml(*decoded) ? StripHtml(*decoded) : *decoded;
}

}  // namespace

TEST_CASE("a raw telegram: routing block, addressees and date-time group", "[cable][telegram]") {
  const std::string text = fx::kTelegram;
  const Cable c = ParseCable(text);
  CHECK(c.reference_id == "08CHENGDU412");
  CHECK(c.date_time_group.value == "2008-04-15T10:30:00Z");
  CHECK(At(text, c.date_time_group.span) == "P 151030Z APR 08");
  CHECK(c.published == "2008-04-15T10:30:00Z");
  CHECK(c.precedence.value == "PRIORITY");
  CHECK(c.from.value == "AMCONSUL CHENGDU");
  CHECK(At(text, c.from.span) == "AMCONSUL CHENGDU");
  CHECK(c.from_routing == "RUEHCN");
  REQUIRE(c.to.size() == 1);
  CHECK(c.to[0].name == "SECSTATE WASHDC");
  CHECK(c.to[0].routing == "RUEHC");
  CHECK(c.to[0].precedence == "PRIORITY");
  CHECK(c.to[0].serial == "2211");
  CHECK(At(text, c.to[0].span) == "RUEHC/SECSTATE WASHDC PRIORITY 2211");
  REQUIRE(c.info.size() == 3);
  CHECK(c.info[0].name == "CHINA POSTS COLLECTIVE");
  CHECK(c.info[0].routing == "RUEHOO");
  CHECK(c.info[1].name == "AMEMBASSY BEIJING");
  CHECK(c.info[1].serial == "1187");
  CHECK(c.info[2].name == "SECDEF WASHDC");
  CHECK(c.info[2].office == "USDP ADMIN");
}

TEST_CASE("a raw telegram: classification line, caveats, office lines, E.O. and TAGS", "[cable][telegram]") {
  const std::string text = fx::kTelegram;
  const Cable c = ParseCable(text);
  CHECK(c.classification == "CONFIDENTIAL");
  CHECK(c.post.value == "CHENGDU");
  CHECK(c.serial == "412");
  CHECK(c.section == 1);
  CHECK(c.sections == 2);
  CHECK(Values(c.caveats) == std::vector<std::string>{"SIPDIS", "NOFORN"});
  CHECK(Values(c.office_lines) == std::vector<std::string>{"STATE FOR EAP/CM, INR/EAP", "USDOC FOR 4420/ITA/MAC/OCEA"});
  CHECK(c.eo.value == "E.O. 12958: DECL: 04/15/2018");
  CHECK(c.declassify_on == "2018-04-15");
  // TAGS wrapped onto a second line, with a comma.
  CHECK(Values(c.tags) == std::vector<std::string>{"PGOV", "PREL", "EAGR", "SOCI", "ECON", "CH"});
  CHECK(At(text, c.tags.back().span) == "CH");
  CHECK(c.subject.value == "SICHUAN FARMERS WEIGH NEW LAND LEASING RULES AS PROVINCE COURTS INVESTORS");
  CHECK(c.classified_by.name == "Harold T. Whitcomb");
  CHECK(c.classified_by.title == "Consul General");
  CHECK(c.classified_by.reason == "1.4 (b) and (d)");
}

TEST_CASE("REF items get canonical ids, a missing year is the cable's, or the year before", "[cable][refs]") {
  const std::string text = fx::kTelegram;
  const Cable c = ParseCable(text);
  REQUIRE(c.refs.size() == 4);
  CHECK(c.refs[0].label == "A");
  CHECK(c.refs[0].id == "08CHENGDU398");
  CHECK(c.refs[0].year_inferred);
  CHECK(At(text, c.refs[0].span) == "CHENGDU 398");
  CHECK(c.refs[1].id == "07CHENGDU1560");
  CHECK_FALSE(c.refs[1].year_inferred);
  CHECK(c.refs[1].text == "07 CHENGDU 1560 (NOTAL)");
  // Serial 577 is above this cable's own 412: it must be from the year before.
  CHECK(c.refs[2].id == "07CHENGDU577");
  CHECK(c.refs[2].year_inferred);
  CHECK(HasNote(c, "REF \"CHENGDU 577\": serial above this cable's own, so from 2007"));
  CHECK(c.refs[3].id == "08STATE33127");
}

TEST_CASE("a raw telegram: paragraphs, heading, page break, summary, comment and signer", "[cable][body]") {
  const std::string text = fx::kTelegram;
  const Cable c = ParseCable(text);
  std::vector<std::string> labels;
  for (const auto& p : c.paragraphs) labels.push_back(p.heading ? "[" + p.section + "]" : p.label);
  CHECK(labels == std::vector<std::string>{"1", "[Leasing Rules in Practice]", "2", "3", "3", "4"});
  const Paragraph& first = c.paragraphs[0];
  CHECK(first.number == 1);
  CHECK(first.marking == "C");
  CHECK(At(text, first.span).rfind("1. (C) Summary: Farmers", 0) == 0);
  CHECK(c.paragraphs[2].section == "Leasing Rules in Practice");
  CHECK(c.paragraphs[2].marking == "SBU");
  // Paragraph 3 goes on after the page-break line; the line itself is in neither part.
  CHECK(c.paragraphs[4].number == 3);
  CHECK(c.paragraphs[4].note == "continues after a page break");
  CHECK(At(text, c.paragraphs[4].span) == "some households refused to sign at all.");
  CHECK(At(text, c.paragraphs[3].span).find("002 OF 002") == std::string::npos);
  CHECK(c.summary.value ==
        "Farmers in three counties near Meishan told congenoffs on April 10 that the new leasing rules let them rent "
        "out land for twenty years.");
  CHECK(c.comment.value == "The rules move faster in Meishan than in neighboring counties.");
  CHECK(c.signer.value == "WHITCOMB");
  CHECK(At(text, c.signer.span) == "WHITCOMB");
  CHECK_FALSE(c.all_caps);
}

TEST_CASE("CRLF line ends are read like LF ones once decoded", "[cable][telegram]") {
  std::string crlf;
  for (char ch : fx::kTelegram) {
    if (ch == '\n') crlf += '\r';
    crlf += ch;
  }
  const std::string text = Stored(crlf);
  CHECK(text == fx::kTelegram);
  CHECK(ParseCable(text).reference_id == "08CHENGDU412");
}

TEST_CASE("the classification line in its many spellings", "[cable][classification]") {
  struct Case {
    std::string line, classification, post, serial;
    int sections;
    std::string note;
  };
  const Case cases[] = {
      {"UNCLAS GUIYANG 000123", "UNCLASSIFIED", "GUIYANG", "123", 0, ""},
      {"CONFIDENTIAL SECTION 01 OF 08 NEW DELHI 005135", "CONFIDENTIAL", "NEW DELHI", "5135", 8, ""},
      {"S E C R E T SECTION 02 OF 03 PORT AU PRINCE 000077", "SECRET", "PORT AU PRINCE", "77", 3, ""},
      {"CO N F I D E N T I A L SECTION 01 OF 06 LILLE 001501", "CONFIDENTIAL", "LILLE", "1501", 6, ""},
      {"C o n f i d e n t i a l section 01 of 04 ankara 000348", "CONFIDENTIAL", "ANKARA", "348", 4, ""},
      {"UUNCLAS MANAGUA 001002", "UNCLASSIFIED", "MANAGUA", "1002", 0, "first letter"},
      {"SS E C R E T MOSCOW 000226", "SECRET", "MOSCOW", "226", 0, "first letter"},
      {"C O N F I D E N T I A L SCTION 02 OF 02 SAO PAULO 000335", "CONFIDENTIAL", "SAO PAULO", "335", 2, "SCTION"},
      {"UNCLAS E F T O SECTION 01 OF 03 TRIPOLI 000648", "UNCLASSIFIED", "TRIPOLI", "648", 3, ""},
      {"LIMITED OFFICIAL USE RIGA 000090", "LIMITED OFFICIAL USE", "RIGA", "90", 0, ""},
  };
  for (const Case& k : cases) {
    INFO(k.line);
    const std::string text = k.line + "\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: TEST\n\n1. Text.\n";
    const Cable c = ParseCable(text);
    CHECK(c.classification == k.classification);
    CHECK(c.post.value == k.post);
    CHECK(c.serial == k.serial);
    CHECK(c.sections == k.sections);
    if (!k.note.empty()) CHECK(HasNote(c, k.note));
    CHECK(c.subject.value == "TEST");
  }
  // EFTO stands between the classification and the section.
  const Cable efto = ParseCable("UNCLAS E F T O SECTION 01 OF 03 TRIPOLI 000648\n\nSIPDIS\n");
  CHECK(Values(efto.caveats) == std::vector<std::string>{"EFTO", "SIPDIS"});
}

TEST_CASE("a classification line broken before its serial, or run into the post", "[cable][classification]") {
  const Cable broken = ParseCable("C O N F I D E N T I A L THE HAGUE\n001787\nSIPDIS\nTAGS: PREL NL\nSUBJECT: A\n");
  CHECK(broken.post.value == "THE HAGUE");
  CHECK(broken.serial == "1787");
  CHECK(HasNote(broken, "serial is on the next line"));
  const Cable glued = ParseCable("C O N F I D E N T I A LCAIRO 000079 SIPDIS E.O. 12958: DECL: 01/15/2029\n");
  CHECK(glued.classification == "CONFIDENTIAL");
  CHECK(glued.post.value == "CAIRO");
  CHECK(glued.declassify_on == "2029-01-15");
}

TEST_CASE("a misspelt caveat is read and noted", "[cable][header]") {
  const Cable c = ParseCable(Stored(fx::kWebsite), Hints(Form::kWebsite, "09VIENTIANE233.txt"));
  CHECK(Values(c.caveats) == std::vector<std::string>{"SIPDIS", "SENSITIVE"});
  CHECK(HasNote(c, "caveat \"ENSITIVE\" read as SENSITIVE"));
}

TEST_CASE("TAGS: typos, codes run together, notes in brackets, link markup, lower case", "[cable][tags]") {
  auto tags = [](const std::string& line, Cable* out = nullptr) {
    Cable c = ParseCable("UNCLAS RIGA 000001\n\n" + line + "\nSUBJECT: X\n\n1. Y.\n");
    if (out) *out = c;
    return Values(c.tags);
  };
  Cable c;
  CHECK(tags("TAGS: PREL POGOV PTERS LG", &c) == std::vector<std::string>{"PREL", "PGOV", "PTER", "LG"});
  CHECK(HasNote(c, "\"POGOV\" read as PGOV"));
  CHECK(tags("TAGS: EINDETRD ITPHUM", &c) == std::vector<std::string>{"EIND", "ETRD", "IT", "PHUM"});
  CHECK(HasNote(c, "\"EINDETRD\" read as EIND ETRD"));
  CHECK(tags("TAGS OVIP (MARSH, ELLEN B.), PREL, SN", &c) == std::vector<std::string>{"OVIP", "PREL", "SN"});
  CHECK(HasNote(c, "(MARSH, ELLEN B.)"));
  CHECK(tags("TAGS: [ETRD](#) [ECON](#) [CH](#)", &c) == std::vector<std::string>{"ETRD", "ECON", "CH"});
  CHECK(HasNote(c, "link markup"));
  CHECK(tags("Tags: prel, pgov, tu") == std::vector<std::string>{"PREL", "PGOV", "TU"});
  // A code the table does not know is kept as written.
  CHECK(tags("TAGS: KXYZ PREL") == std::vector<std::string>{"KXYZ", "PREL"});
}

TEST_CASE("REF items in every layout", "[cable][refs]") {
  auto refs = [](const std::string& ref_lines, Cable* out = nullptr) {
    Cable c = ParseCable("UNCLAS LIMA 000345\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: X\n\n" + ref_lines +
                         "\n\n1. Text.\n", Hints(Form::kTelegram, "09LIMA345.txt"));
    std::vector<std::string> ids;
    for (const auto& r : c.refs) ids.push_back(r.label + ":" + r.id);
    if (out) *out = c;
    return ids;
  };
  Cable c;
  CHECK(refs("REF: A) LIMA 101; B) 08 LIMA 2209, C) STATE 4411") ==
        std::vector<std::string>{"A:09LIMA101", "B:08LIMA2209", "C:09STATE4411"});
  CHECK(refs("REFS: (A) LIMA 101, (B) 2008 LIMA 99") == std::vector<std::string>{"A:09LIMA101", "B:08LIMA99"});
  CHECK(refs("REF: A. LIMA 101\n\xC2\xB6" "B. LIMA 290") == std::vector<std::string>{"A:09LIMA101", "B:09LIMA290"});
  CHECK(refs("REF: A. A. SECSTATE 12 AND 14") == std::vector<std::string>{"A:09STATE12", "A:09STATE14"});
  CHECK(refs("REF: QUITO 88 (08)") == std::vector<std::string>{":08QUITO88"});
  CHECK(refs("REF: A. 08SHENYANG 003 B. 09BOGOTA280") == std::vector<std::string>{"A:08SHENYANG3", "B:09BOGOTA280"});
  CHECK(refs("REF: A. 08 KIGALI 00830--05/DEC/2008") == std::vector<std::string>{"A:08KIGALI830"});
  // Two REF lines, and an item that names no cable.
  CHECK(refs("REF: LIMA 200\nREF: B. IIR 6 876 0037 08", &c) == std::vector<std::string>{":09LIMA200"});
  REQUIRE(c.other_refs.size() == 1);
  CHECK(c.other_refs[0].label == "B");
  CHECK(c.other_refs[0].text == "IIR 6 876 0037 08");
  // Lower-case post names, as some posts typed them.
  CHECK(refs("REF: Lima 290") == std::vector<std::string>{":09LIMA290"});
}

TEST_CASE("classified-by lines name a person, an office and a reason", "[cable][header]") {
  struct Case {
    std::string line, name, title, reason;
  };
  const Case cases[] = {
      {"Classified By: A/PolCouns Ira Benning for Reasons 1.4 (B, D)", "Ira Benning", "A/PolCouns", "1.4 (B, D)"},
      {"Classified By: Political Counselor Dana M. Pryor\nReasons: 1.4 (b) and (d)", "Dana M. Pryor", "Political Counselor",
       "1.4 (b) and (d)"},
      {"CLASSIFIED BY: Lena Ortiz, Pol/Econ Section Chief, U.S. Consulate, Recife.\nREASON: 1.4 (b), (d)", "Lena Ortiz",
       "Pol/Econ Section Chief, U.S. Consulate, Recife", "1.4 (b), (d)"},
      {"CLASSIFIED BY DCM OWEN PARR FOR REASONS 1.4 (D).", "OWEN PARR", "DCM", "1.4 (D)"},
      {"Classified By: Classifed by POL M/C Ruth Ames for reasons 1.4\n(B) AND (D).", "Ruth Ames", "POL M/C",
       "1.4 (B) AND (D)"},
      {"Classified By: Amb. Carol van Dalen for reasons 1.4 (b) and (d).", "Carol van Dalen", "Amb.",
       "1.4 (b) and (d)"},
      {"Classified By: Charge d'Affaires a.i. Lee Soto. Reason: 1.4(b) and (d).", "Lee Soto",
       "Charge d'Affaires a.i.", "1.4(b) and (d)"},
      {"Classified By: Charge D'Affairs Bob Lyle for reasons 1.4 (b) and (d)", "Bob Lyle", "Charge D'Affairs",
       "1.4 (b) and (d)"},
  };
  for (const Case& k : cases) {
    INFO(k.line);
    const Cable c = ParseCable("CONFIDENTIAL BERN 000010\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n\n" +
                               k.line + "\n\n1. (C) Text.\n");
    CHECK(c.classified_by.name == k.name);
    CHECK(c.classified_by.title == k.title);
    CHECK(c.classified_by.reason == k.reason);
  }
}

TEST_CASE("paragraph numbers typed wrong are read and noted", "[cable][body]") {
  const std::string text = fx::kQuirks;
  const Cable c = ParseCable(text);
  std::vector<int> numbers;
  for (const auto& p : c.paragraphs) numbers.push_back(p.number);
  CHECK(numbers == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(c.paragraphs.back().label == "15");
  CHECK(c.paragraphs.back().note == "numbered \"15.\" in the text");
  CHECK(HasNote(c, "a paragraph numbered \"15.\" after paragraph 4 is read as paragraph 5"));
  // "...from the U.S.\n\nand from Chile." is one paragraph cut by a blank line.
  CHECK(At(text, c.paragraphs[1].span) == "\xC2\xB6" "2. (SBU) The store holds fruit from the U.S.\n\nand from Chile.");
  CHECK(HasNote(c, "paragraph 2 goes on after a stray blank line"));
  // An unnumbered one is quoted, cut on a character boundary.
  const Cable quoted = ParseCable("UNCLAS RIGA 000001\n\nSUBJECT: X\n\n\xE2\x80\x9C\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                                  "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 ends with\n\nthe rest.\n");
  CHECK(HasNote(quoted, "the paragraph \"\xE2\x80\x9C\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9...\" goes on"));
  CHECK(c.summary.value == "The port opened a cold store in March.");
  CHECK(c.comment.value == c.summary.value);  // SUMMARY AND COMMENT is both
  CHECK(c.signer.value == "ADAMS");

  const Cable stray = ParseCable("UNCLAS RIGA 000001\n\nSUBJECT: X\n\n1. A.\n\n2. B.\n\n24. C.\n\n3. D.\n\n6. E.\n\n6. F.\n");
  std::vector<int> read;
  for (const auto& p : stray.paragraphs) read.push_back(p.number);
  CHECK(read == std::vector<int>{1, 2, 24, 3, 6, 6});
  CHECK(HasNote(stray, "a paragraph numbered \"24.\" between paragraphs 2 and 3 is out of sequence"));
  CHECK(HasNote(stray, "paragraph numbers jump from 3 to 6"));
  CHECK(HasNote(stray, "paragraph number 6 appears twice"));
}

TEST_CASE("list items and bullets are not paragraph numbers or continuations", "[cable][body]") {
  const std::string text =
      "UNCLAS RIGA 000001\n\nSUBJECT: X\n\n1. Priorities:\n   1) Ports\n   2) Rail\n\n"
      "o Latvia asked for help.\n\n2. Next steps.\n";
  const Cable c = ParseCable(text);
  std::vector<std::string> starts;
  for (const auto& p : c.paragraphs) starts.push_back(At(text, p.span).substr(0, 6));
  CHECK(starts == std::vector<std::string>{"1. Pri", "o Latv", "2. Nex"});
  CHECK_FALSE(HasNote(c, "paragraph"));
}

TEST_CASE("section headings: underlined, between rules, on one ruled line, or standing alone", "[cable][body]") {
  const std::string text =
      "UNCLAS RIGA 000001\n\nSUBJECT: X\n\n-------\nSummary\n-------\n\n1. The summary. End summary.\n\n"
      "Ports\n-----\n\n2. Ports text.\n\n------- Rail -------\n\n3. Rail text.\n\nRoads and Bridges\n\n4. Roads text.\n";
  const Cable c = ParseCable(text);
  std::vector<std::string> seen;
  for (const auto& p : c.paragraphs) seen.push_back(p.heading ? "[" + p.section + "]" : p.label + ":" + p.section);
  CHECK(seen == std::vector<std::string>{"[Summary]", "1:Summary", "[Ports]", "2:Ports", "[Rail]", "3:Rail",
                                         "[Roads and Bridges]", "4:Roads and Bridges"});
  CHECK(c.summary.value == "The summary.");
}

TEST_CASE("summary and comment markers: inline, headings, missing END", "[cable][body]") {
  const Cable inline_comment = ParseCable(
      "UNCLAS RIGA 000001\n\nSUBJECT: X\n\n1. Summary: Talks went well.\n\n2. The minister spoke. (Comment: He "
      "was tired.) Then he left.\n\n3. More.\n");
  CHECK(inline_comment.summary.value == "Talks went well.");
  CHECK(HasNote(inline_comment, "no END SUMMARY: the summary is taken to the end of paragraph 1"));
  CHECK(inline_comment.comment.value == "He was tired.");
  const Cable heading = ParseCable(
      "UNCLAS RIGA 000001\n\nSUBJECT: X\n\n1. Text.\n\nComment\n-------\n\n2. It may not last. End Comment.\n\n3. Z.\n");
  CHECK(heading.comment.value == "It may not last.");
}

TEST_CASE("the signer: a line of its own, debris around it, or run into the last paragraph", "[cable][signer]") {
  auto signer = [](const std::string& ending, Cable* out = nullptr) {
    Cable c = ParseCable("UNCLAS RIGA 000001\n\nSUBJECT: X\n\n1. The text is here.\n\n" + ending);
    if (out) *out = c;
    return c.signer.value;
  };
  Cable c;
  CHECK(signer("VAN DALEN\n") == "VAN DALEN");
  CHECK(signer("Garvey\n") == "Garvey");
  CHECK(signer("KUBIAK KUBIAK\n", &c) == "KUBIAK");
  CHECK(HasNote(c, "signer line \"KUBIAK KUBIAK\" read as \"KUBIAK\""));
  CHECK(signer("STEPHENS 0 12/23/2007\n") == "STEPHENS");
  CHECK(signer("GARVEY\n\nNNNN\n") == "GARVEY");
  CHECK(signer("GARVEY\n\nTrack impresi\xC3\xB3n: user @ Sat Dec 4 2010\nID:\t187536\n", &c) == "GARVEY");
  CHECK(HasNote(c, "text after the cable"));
  CHECK(signer("2. Last words of the cable. GARVEY\n", &c) == "GARVEY");
  CHECK(HasNote(c, "runs into the last paragraph"));
  CHECK(signer("2. The final paragraph ends here.\n") == "");
  CHECK(signer("XXXXXXXXXXXX\n") == "");
  // A page's preview of another cable after the signer is not part of this one.
  CHECK(signer("GARVEY\n\nMINISTER VISITS RI...\n", &c) == "GARVEY");
  CHECK(HasNote(c, "text after the cable: \"MINISTER VISITS RI...\""));
  CHECK(signer("END SUMMARY\n") == "");
}

TEST_CASE("an older telegram with an INFO LOG block and no routing indicators", "[cable][telegram]") {
  const Cable c = ParseCable(fx::kOldHeader);
  CHECK(c.reference_id == "05GENEVA310");
  CHECK(c.date_time_group.value == "2005-02-02T14:00:00Z");
  CHECK(c.precedence.value == "ROUTINE");
  CHECK(c.from.value == "USMISSION GENEVA");
  REQUIRE(c.to.size() == 2);
  CHECK(c.to[0].name == "SECSTATE WASHDC");
  CHECK(c.to[0].routing.empty());
  CHECK(c.to[0].serial == "0931");
  CHECK(c.to[1].name == "USDA WASHDC");
  CHECK(c.classification == "UNCLASSIFIED");
  CHECK(c.paragraphs.size() == 2);
  CHECK(c.signer.value == "MOLEY");
}

TEST_CASE("a Cablegate page: markup removed, anchors gone, year from the file name", "[cable][website]") {
  const std::string text = Stored(fx::kWebsite);
  CHECK(text.find('<') == std::string::npos);
  CHECK(text.find("Mekong & its tributaries") != std::string::npos);
  CHECK(text.find("\xC2\xB6" "1. (S) Summary") != std::string::npos);
  const Cable c = ParseCable(text, Hints(Form::kWebsite, "/data/09VIENTIANE233.txt"));
  CHECK(c.reference_id == "09VIENTIANE233");
  CHECK(HasNote(c, "year is taken from the file name"));
  CHECK(c.classification == "SECRET");
  CHECK(Values(c.tags) == std::vector<std::string>{"PREL", "PGOV", "LA", "VM"});
  CHECK(c.subject.value == "LAOS: VICE MINISTER PREVIEWS MEKONG DAM TALKS");
  REQUIRE(c.refs.size() == 1);
  CHECK(c.refs[0].id == "09VIENTIANE201");
  CHECK(c.classified_by.name == "Ruth E. Caldwell");
  CHECK(c.paragraphs.size() == 4);  // three paragraphs and the heading
  CHECK(c.paragraphs[0].label == "\xC2\xB6" "1");
  CHECK(c.paragraphs[0].marking == "S");
  CHECK(c.summary.value == "The vice minister expects the talks to open in May.");
  CHECK(c.comment.value == "Vientiane wants financing first.");
  CHECK(c.signer.value == "CALDWELL");
  // Without a file name the year is unknown: no reference id rather than a guess.
  const Cable nameless = ParseCable(text, Hints(Form::kWebsite));
  CHECK(nameless.reference_id.empty());
  CHECK(HasNote(nameless, "states no year"));
}

TEST_CASE("a copy that lost its line ends: header run together, a date stamp", "[cable][website]") {
  const std::string text = fx::kRunTogether;
  const Cable c = ParseCable(text);
  CHECK(c.published == "2005-03-04T09:15:00Z");
  CHECK(c.reference_id == "05AMMAN1822");
  CHECK(Values(c.caveats) == std::vector<std::string>{"SIPDIS", "NOFORN"});
  CHECK(c.declassify_on == "2015-03-04");
  CHECK(Values(c.tags) == std::vector<std::string>{"PREL", "PTER", "JO", "IZ"});
  CHECK(c.subject.value == "JORDANIAN OFFICIALS ON BORDER CROSSINGS");
  REQUIRE(c.refs.size() == 2);
  CHECK(c.refs[0].id == "05AMMAN1790");
  CHECK(c.refs[1].id == "04AMMAN10233");
  CHECK(c.classified_by.name == "Nora K. Brandt");
  CHECK(c.classified_by.title == "Charge d'Affaires");
  CHECK(c.signer.value == "BRANDT");
  CHECK(At(text, c.paragraphs.back().span) == "\xC2\xB6" "2. (C) Officials asked for more scanners. Septel reports on the other points.");
}

TEST_CASE("paragraphs run together on one line are split at the next number", "[cable][body]") {
  const std::string text =
      "UNCLAS RIGA 000001\n\nSUBJECT: X\n\n\xC2\xB6" "1. (C) First point. 2. (C) Second point. 3. (U) Third.\n";
  const Cable c = ParseCable(text);
  REQUIRE(c.paragraphs.size() == 3);
  CHECK(At(text, c.paragraphs[1].span) == "2. (C) Second point.");
  CHECK(c.paragraphs[2].number == 3);
  CHECK(HasNote(c, "paragraphs 2, 3 began mid-line"));
}

TEST_CASE("a page with a shortened copy, then the site's metadata, then the cable", "[cable][website]") {
  const std::string text = Stored(fx::kMetadataPage);
  const Cable c = ParseCable(text, Hints(Form::kWebsite));
  CHECK(c.reference_id == "07THEHAGUE777");  // year from the metadata's date
  CHECK(c.published == "2007-05-11");
  CHECK(c.origin == "Embassy The Hague");
  CHECK(c.subject.value == "NETHERLANDS: TULIP GROWERS SEEK NEW MARKETS");
  CHECK(HasNote(c, "shortened copy"));
  // The metadata lists the REF cables with their years: THE HAGUE 702 is from 2006.
  REQUIRE(c.refs.size() == 2);
  CHECK(c.refs[0].id == "06THEHAGUE702");
  CHECK_FALSE(c.refs[0].year_inferred);
  CHECK(c.refs[1].id == "07STATE61234");
  CHECK(c.signer.value == "HOLLINS");
  CHECK(c.paragraphs.size() == 1);
}

TEST_CASE("a newspaper copy with a date line before the cable", "[cable][website]") {
  const Cable c = ParseCable("Tuesday, 09 March 2010, 16:20\nS E C R E T SECTION 01 OF 02 QUITO 000151\nSIPDIS\n"
                             "EO 12958 DECL: 03/09/2020\nTAGS PREL, EC\nSUBJECT: ECUADOR: X\n"
                             "\xC2\xB6" "1. (S) Text.\nHODGES\n");
  CHECK(c.reference_id == "10QUITO151");
  CHECK(c.published == "2010-03-09T16:20:00Z");
  CHECK(Values(c.tags) == std::vector<std::string>{"PREL", "EC"});
  CHECK(c.declassify_on == "2020-03-09");
  CHECK(c.signer.value == "HODGES");
}

TEST_CASE("a cables.csv row pasted into a page: the header field ends mid-line", "[cable][website]") {
  const std::string text =
      "\"\n4001,8/15/2006 8:21,06RIGA88,\"Embassy\nRiga\",CONFIDENTIAL,,\"VZCZCXYZ0001\nOO RUEHWEB\n"
      "DE RUEHRA #0088 2270821\nO 150821Z AUG 06\nFM AMEMBASSY RIGA\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0101\n"
      "INFO RUEHZG/NATO EU COLLECTIVE PRIORITY\",\"C O N F I D E N T I A L RIGA\n000088\nSIPDIS\nE.O. 12958: "
      "DECL: 08/14/2016\nTAGS: PREL LG\nSUBJECT: LATVIA: X\n\n\xC2\xB6" "1. (C) An \"\"open\"\" mind.\n\nPARKS\n\"";
  const Cable c = ParseCable(text);
  CHECK(c.reference_id == "06RIGA88");
  CHECK(c.origin == "Embassy Riga");
  REQUIRE(c.info.size() == 1);
  CHECK(c.info[0].name == "NATO EU COLLECTIVE");
  CHECK(c.post.value == "RIGA");
  CHECK(c.subject.value == "LATVIA: X");
  CHECK(c.signer.value == "PARKS");
}
