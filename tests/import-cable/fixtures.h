// Cables written for these tests, one per form and quirk. The posts, people,
// serials and events are invented; the layout follows real State Department
// telegrams and the Cablegate pages that republished them.
#pragma once

#include <string>

namespace dossier::testing::cables {

// A raw telegram with every header field: routing, date-time group, TO and
// INFO (one with an office), a spaced classification line with sections,
// caveats, office lines, a wrapped TAGS line, a wrapped subject, REF items of
// several years, classified-by over two lines, a heading, a page break inside
// paragraph 3, SUMMARY and COMMENT passages and the signer. LF line ends;
// tests add CR where they want CRLF.
inline const std::string kTelegram =
    "\n"
    "VZCZCXRO4418\n"
    "PP RUEHCN RUEHGH\n"
    "DE RUEHCN #0412/01 1061030\n"
    "ZNY CCCCC ZZH\n"
    "P 151030Z APR 08\n"
    "FM AMCONSUL CHENGDU\n"
    "TO RUEHC/SECSTATE WASHDC PRIORITY 2211\n"
    "INFO RUEHOO/CHINA POSTS COLLECTIVE\n"
    "RUEHBJ/AMEMBASSY BEIJING PRIORITY 1187\n"
    "RUEKJCS/SECDEF WASHDC//USDP ADMIN//\n"
    "C O N F I D E N T I A L SECTION 01 OF 02 CHENGDU 000412 \n"
    " \n"
    "SIPDIS \n"
    " \n"
    "NOFORN \n"
    " \n"
    "STATE FOR EAP/CM, INR/EAP \n"
    "USDOC FOR 4420/ITA/MAC/OCEA \n"
    " \n"
    "E.O. 12958: DECL: 04/15/2018 \n"
    "TAGS: PGOV PREL EAGR SOCI\n"
    "ECON, CH \n"
    "SUBJECT: SICHUAN FARMERS WEIGH NEW LAND LEASING RULES AS \n"
    "PROVINCE COURTS INVESTORS \n"
    " \n"
    "REF: A. CHENGDU 398 \n"
    "     B. 07 CHENGDU 1560 (NOTAL) \n"
    "     C. CHENGDU 577 \n"
    "     D. STATE 33127 \n"
    " \n"
    "Classified By: Consul General Harold T. Whitcomb for reasons 1.4 (b) \n"
    "and (d) \n"
    " \n"
    "1. (C) Summary: Farmers in three counties near Meishan told \n"
    "congenoffs on April 10 that the new leasing rules let them rent \n"
    "out land for twenty years.  End Summary. \n"
    " \n"
    "Leasing Rules in Practice \n"
    "------------------------- \n"
    " \n"
    "2. (SBU) County officials said 1,200 households had signed \n"
    "leases by March. \n"
    " \n"
    "3. (C) A village head said investors from Chongqing paid \n"
    "more than the county rate, and that \n"
    " \n"
    "CHENGDU 00000412  002 OF 002 \n"
    " \n"
    " \n"
    "some households refused to sign at all. \n"
    " \n"
    "4. (C) Comment: The rules move faster in Meishan than in \n"
    "neighboring counties.  End Comment. \n"
    " \n"
    "WHITCOMB \n";

// The same kind of cable as a Cablegate page shows it: inside <code><pre>,
// tags as links, paragraph anchors, an entity, no date-time group, a typo
// in a caveat and in a TAG, a ruled heading.
inline const std::string kWebsite =
    "<code><pre>S E C R E T SECTION 01 OF 02 VIENTIANE 000233 \n"
    "\n"
    "SIPDIS \n"
    "\n"
    "ENSITIVE \n"
    "\n"
    "DEPT FOR EAP/MLS \n"
    "\n"
    "E.O. 12958: DECL: 03/02/2019 \n"
    "TAGS: <a href='/tag/PREL_0.html'>PREL</a> <a href='/tag/POGOV_0.html'>POGOV</a> "
    "<a href='/tag/LA_0.html'>LA</a> <a href='/tag/VM_0.html'>VM</a>\n"
    "SUBJECT: LAOS: VICE MINISTER PREVIEWS MEKONG DAM TALKS \n"
    "\n"
    "REF: VIENTIANE 201 \n"
    "\n"
    "Classified By: Ambassador Ruth E. Caldwell, reasons 1.4 (b) and (d) \n"
    "\n"
    "<a id='par1' href='#par1'>\xC2\xB6</a>1. (S) Summary: The vice minister expects the talks to open in May. "
    "End summary. \n"
    "\n"
    "-------- \n"
    "The Dams \n"
    "-------- \n"
    "\n"
    "<a id='par2' href='#par2'>\xC2\xB6</a>2. (C) He named two dams on the Mekong &amp; its tributaries. \n"
    "\n"
    "<a id='par3' href='#par3'>\xC2\xB6</a>3. (SBU) Comment: Vientiane wants financing first. End comment. \n"
    "\n"
    "CALDWELL</pre></code>";

// An older telegram: the "INFO LOG-00" distribution block, no routing
// indicators, plain paragraph numbers.
inline const std::string kOldHeader =
    "INFO  LOG-00   EAP-00   CIAE-00  DODE-00  \n"
    "      SS-00    TRSE-00  /000W\n"
    " \n"
    "R 021400Z FEB 05\n"
    "FM USMISSION GENEVA\n"
    "TO SECSTATE WASHDC 0931\n"
    "USDA WASHDC\n"
    "UNCLAS GENEVA 000310 \n"
    " \n"
    "E.O. 12958: N/A \n"
    "TAGS: ETRD WTRO EAGR\n"
    "SUBJECT: WTO AGRICULTURE TALKS RESUME \n"
    " \n"
    "1. Members met on February 1 to set the spring calendar. \n"
    " \n"
    "2. The chair will circulate a text in March. \n"
    " \n"
    "MOLEY\n";

// A copy that lost its line ends: the header runs together after a
// "Cable dated:" stamp, and the signer runs into the last paragraph.
inline const std::string kRunTogether =
    "Cable dated:2005-03-04T09:15:00C O N F I D E N T I A L SECTION 01 OF 02 AMMAN 001822SIPDISNOFORN "
    "SIPDISE.O. 12958: DECL: 03/04/2015 TAGS: PREL PTER JO IZ\n"
    "\n"
    "SUBJECT: JORDANIAN OFFICIALS ON BORDER CROSSINGSREF: A. AMMAN 1790 B. 04 AMMAN 10233\n"
    "\n"
    "Classified By: Charge d'Affaires Nora K. Brandt. Reason: 1.4(b) and (d).\n"
    "\n"
    "\xC2\xB6" "1. (C) Summary: Crossings at two points reopened last week. End Summary.\n"
    "\xC2\xB6" "2. (C) Officials asked for more scanners. Septel reports on the other points. BRANDT\n";

// A Cablegate page that shows a shortened copy, then its metadata block
// (row number, date, id, origin, classification, references), then the cable.
inline const std::string kMetadataPage =
    "<code><pre>C O N F I D E N T I A L THE HAGUE 000777 \n"
    " \n"
    "SIPDIS \n"
    " \n"
    "E.O. 12958: DECL: 05/11/2017 \n"
    "TAGS: PREL NL\n"
    "SUBJECT: NETHERLANDS: TULIP GROWERS SEEK NEW...\n"
    "\n"
    "\n"
    "\n"
    "99917\n"
    "\n"
    "2007-05-11\n"
    "\n"
    "07THEHAGUE777\n"
    "\n"
    "Embassy The Hague\n"
    "\n"
    "CONFIDENTIAL\n"
    "\n"
    "06THEHAGUE702|07STATE61234\n"
    "\n"
    "C O N F I D E N T I A L THE HAGUE 000777 \n"
    "\n"
    "SIPDIS \n"
    "\n"
    "E.O. 12958: DECL: 05/11/2017 \n"
    "TAGS: PREL NL\n"
    "SUBJECT: NETHERLANDS: TULIP GROWERS SEEK NEW MARKETS \n"
    "\n"
    "REF: A. THE HAGUE 702 B. STATE 61234\n"
    "\n"
    "Classified By: Ambassador Pieter R. Hollins for reasons 1.4 (b,d)\n"
    "\n"
    "\xC2\xB6" "1. (C) Growers told the embassy that exports to Asia doubled.\n"
    "\n"
    "HOLLINS</pre></code>";

// The Guangzhou-style quirks: markdown TAGS, a ¶ numbering with one number
// typed "15.", a paragraph cut by a stray blank line, SUMMARY AND COMMENT.
inline const std::string kQuirks =
    "UNCLAS XIAMEN 000055\n"
    "\n"
    "SIPDIS\n"
    "\n"
    "E.O. 12958: N/A\n"
    "\n"
    "TAGS: [ETRD](#) [ECON](#) [CH](#)\n"
    "\n"
    "SUBJECT: Xiamen Port Expands Cold Storage\n"
    "\n"
    "\xC2\xB6" "1. (SBU) SUMMARY AND COMMENT: The port opened a cold store in March. END SUMMARY AND COMMENT.\n"
    "\n"
    "\xC2\xB6" "2. (SBU) The store holds fruit from the U.S.\n"
    "\n"
    "and from Chile.\n"
    "\n"
    "\xC2\xB6" "3. (SBU) Operators plan a second store.\n"
    "\n"
    "\xC2\xB6" "4. (SBU) Rents are rising.\n"
    "\n"
    "15. (SBU) The city will add a rail spur.\n"
    "\n"
    "ADAMS\n";

// cables.csv rows: id, date, reference id, origin, classification,
// references, header, body; quoted fields with line ends and doubled quotes.
inline const std::string kCsv =
    "5001,\"3/2/2009 8:05\",\"09RIGA120\",\"Embassy Riga\",\"UNCLASSIFIED\",\"09STATE17001\","
    "\"VZCZCXRO0101\nRR RUEHWEB\nDE RUEHRA #0120 0610805\nZNR UUUUU ZZH\nR 020805Z MAR 09\nFM AMEMBASSY RIGA\n"
    "TO RUEHC/SECSTATE WASHDC 5102\n\",\"UNCLAS RIGA 000120\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: ECON EFIN LG\n"
    "SUBJECT: LATVIA: BANKS REPORT \"\"STABLE\"\" DEPOSITS\n\nREF: STATE 17001\n\n1. Deposits held steady in "
    "February, bankers said.\n\nGARVEY\n\"\n"
    "5002,\"3/3/2009 9:40\",\"09RIGA125\",\"Embassy Riga\",\"CONFIDENTIAL\",\"\","
    "\"\",\"C O N F I D E N T I A L RIGA 000125\n\nSIPDIS\n\nE.O. 12958: DECL: 03/03/2019\nTAGS: PREL PGOV LG\n"
    "SUBJECT: LATVIA: COALITION TALKS STALL\n\nREF: RIGA 120\n\nClassified By: Ambassador Dana Garvey, reasons "
    "1.4 (b) and (d)\n\n1. (C) Coalition partners failed to agree on a budget, one said.\n\nGARVEY\n\"\n";

}  // namespace dossier::testing::cables
