#include "roles.h"

#include <algorithm>
#include <set>

#include "dossier/text.h"
#include "dossier/tokens.h"
#include "gazetteer.h"

namespace dossier::ner {
namespace {

// Words that end a title run read backwards from a name, or an apposition
// read forwards: function words, verbs of saying and being. A title is a
// noun phrase; these are not in one.
bool Stops(const std::string& low) {
  static const std::set<std::string> kStop = {
      "the",  "a",     "an",   "and",  "or",    "but",   "to",    "by",   "with",  "for",    "from",  "in",
      "on",   "at",    "as",   "of",   "is",    "was",   "are",   "were", "has",   "had",    "have",  "will",
      "would", "who",  "that", "which", "when", "after", "before", "while", "than", "said",  "says",  "told",
      "according", "his", "her", "their", "its", "this", "these", "those", "be",   "been",  "not",   "also",
      "since", "then", "there", "where", "said.", "if",   "because", "about", "into", "over", "under", "during"};
  return kStop.count(low) > 0 || IsSpeechVerb(low);
}

// Kin and company are no title: "his daughter Leslie", "team-mate Hayden".
bool IsKin(const std::string& low) {
  static const std::set<std::string> kKin = {"daughter", "son",    "brother", "sister", "wife",   "husband", "mother",
                                             "uncle",    "aunt",   "cousin",  "nephew", "niece",  "friend",  "team-mate",
                                             "teammate", "widow",  "fiancee", "fiance", "girlfriend", "boyfriend"};
  return kKin.count(low) > 0;
}

bool IsTitleWord(std::string_view word) {
  return Gazetteer::Get().Title(word) == TitleKind::kTitle && !IsKin(LowerAscii(word));
}

// Words before a title that are verbs, not part of it: "tapped Rep. X",
// "succeeds Sen. Y", "they believe Judge Z". A past form in -ed or a
// present in -s (but "-ss": "boss") ends the run, as do a few common verbs.
bool VerbLike(const std::string& low) {
  static const std::set<std::string> kVerbs = {"met", "meets", "believe", "named", "became", "become", "becomes",
                                               "called", "thanked", "joined", "replaced", "visited", "appointed",
                                               "elected", "beat", "led", "let", "made", "saw", "see", "sees", "get"};
  static const std::set<std::string> kTitleWords = {"retired", "elected", "acting", "designated", "appointed"};
  if (kVerbs.count(low) && !kTitleWords.count(low)) return true;
  const size_t n = low.size();
  if (n > 4 && low.compare(n - 2, 2, "ed") == 0 && !kTitleWords.count(low)) return true;
  return n > 4 && low[n - 1] == 's' && low[n - 2] != 's' && low[n - 2] != 'u' && low[n - 2] != 'i';
}

// An abbreviated title written out, so that "Sen." and "Senator" are one title.
std::string Expanded(const std::string& title) {
  static const std::pair<const char*, const char*> kAbbrev[] = {
      {"sen", "senator"},    {"rep", "representative"}, {"rev", "reverend"},  {"gen", "general"},
      {"maj", "major"},      {"gov", "governor"},       {"pres", "president"}, {"capt", "captain"},
      {"col", "colonel"},    {"lt", "lieutenant"},      {"sgt", "sergeant"},  {"adm", "admiral"},
      {"atty", "attorney"},  {"amb", "ambassador"},     {"cmdr", "commander"}, {"supt", "superintendent"},
      {"insp", "inspector"}, {"brig", "brigadier"},     {"cpl", "corporal"},  {"pvt", "private"},
      {"prof", "professor"}, {"msgr", "monsignor"},     {"mil", "military"}};
  std::string out;
  for (const Token& t : Tokenize(title)) {
    if (t.kind != Token::Kind::kWord) continue;
    std::string w(t.in(title));
    for (const auto& [abbrev, full] : kAbbrev) {
      if (w == abbrev) w = full;
    }
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

struct Sentence {
  std::string_view text;  // the whole document
  int64_t base;           // where the sentence starts
  std::vector<Token> tokens;  // offsets relative to base
  std::string Low(size_t i) const { return LowerAscii(tokens[i].in(text.substr(static_cast<size_t>(base)))); }
  std::string_view Word(size_t i) const { return tokens[i].in(text.substr(static_cast<size_t>(base))); }
  int64_t Start(size_t i) const { return base + tokens[i].start; }
  int64_t End(size_t i) const { return base + tokens[i].end; }
};

bool IsOrgOrPlace(const RecognizedMention* m) {
  return m->entity >= 0 && (m->type == EntityType::kOrganization || m->type == EntityType::kPlace);
}

// The mention (an organization or a place) ending exactly at offset at, or
// starting exactly at from. in is sorted by start; found by binary search,
// so that a sentence of thousands of names stays linear to read.
const RecognizedMention* OrgEndingAt(const std::vector<const RecognizedMention*>& in, int64_t at) {
  auto it = std::lower_bound(in.begin(), in.end(), at, [](const RecognizedMention* m, int64_t x) { return m->start < x; });
  // Mentions barely nest: the one ending here starts among the last few before it.
  for (int back = 0; back < 4 && it != in.begin(); ++back) {
    --it;
    if ((*it)->end == at && IsOrgOrPlace(*it)) return *it;
  }
  return nullptr;
}
const RecognizedMention* OrgStartingAt(const std::vector<const RecognizedMention*>& in, int64_t from) {
  auto it = std::lower_bound(in.begin(), in.end(), from, [](const RecognizedMention* m, int64_t x) { return m->start < x; });
  for (; it != in.end() && (*it)->start == from; ++it) {
    if (IsOrgOrPlace(*it)) return *it;
  }
  return nullptr;
}

// The index of the first token starting at or after offset at (absolute).
size_t TokenFrom(const Sentence& s, int64_t at) {
  const int64_t rel = at - s.base;
  return static_cast<size_t>(std::lower_bound(s.tokens.begin(), s.tokens.end(), rel,
                                              [](const Token& t, int64_t x) { return t.start < x; }) -
                             s.tokens.begin());
}

// "Yahoo spokeswoman Nicki Dugan": the title words right before the name,
// and the organization or place right before them.
bool TitleBefore(const Sentence& s, const RecognizedMention& person, const std::vector<const RecognizedMention*>& in,
                 Role* role) {
  const size_t first = TokenFrom(s, person.start);
  if (first == 0) return false;
  size_t head = first - 1;
  // "Maj. Gen. Godofredo Correa": an abbreviated title and its period.
  if (s.Word(head) == "." && head > 0) --head;
  const size_t last = first - 1;  // the title's last token
  if (s.tokens[head].kind != Token::Kind::kWord || s.End(last) + 1 < person.start) return false;
  if (!IsTitleWord(s.Word(head))) {
    // "Secretary of State Colin Powell": a title, "of" and its office.
    size_t k = head;
    while (k > 0 && head - k < 2 && s.tokens[k].kind == Token::Kind::kWord && StartsUpper(s.Word(k))) --k;
    if (k + 1 > head || k < 2 || s.Low(k) != "of" || s.tokens[k - 1].kind != Token::Kind::kWord || !IsTitleWord(s.Word(k - 1))) {
      return false;
    }
    head = k - 1;
  }
  // Modifiers before the head: lower-case words or titles, up to three.
  size_t begin = head;
  while (begin > 0 && head - begin < 3) {
    size_t k = begin - 1;
    if (s.Word(k) == "." && k > 0 && IsTitleWord(s.Word(k - 1))) --k;  // "Maj. Gen."
    if (s.tokens[k].kind != Token::Kind::kWord) break;
    const std::string low = s.Low(k);
    if (Stops(low) || IsKin(low) || (!IsTitleWord(s.Word(k)) && VerbLike(low))) break;
    if (StartsUpper(s.Word(k)) && !IsTitleWord(s.Word(k))) break;  // a name: the organization, maybe
    begin = k;
  }
  const int64_t title_start = s.Start(begin);
  // The organization: a mention ending right before the title ("UN
  // coordinator"), or before its possessive ("Microsoft's chairman").
  const RecognizedMention* org = nullptr;
  if (begin > 0) {
    size_t k = begin - 1;
    if (s.tokens[k].kind == Token::Kind::kPossessive && k > 0) --k;
    org = OrgEndingAt(in, s.End(k));
  }
  role->title = Expanded(LowerAscii(s.text.substr(static_cast<size_t>(title_start), static_cast<size_t>(s.End(last) - title_start))));
  role->organization = org ? org->entity : -1;
  role->start = org ? org->start : title_start;
  role->end = person.end;
  return true;
}

// "Allan Wagner, secretary general of the Andean Community, ...": the
// apposition after the name, when a title is its head.
bool TitleAfter(const Sentence& s, const RecognizedMention& person, const std::vector<const RecognizedMention*>& in,
                Role* role) {
  size_t i = TokenFrom(s, person.end);
  if (i >= s.tokens.size() || s.Word(i) != ",") return false;
  ++i;
  if (i < s.tokens.size() && (s.Low(i) == "the" || s.Low(i) == "a" || s.Low(i) == "an")) ++i;
  const RecognizedMention* org = nullptr;
  // "the harbour board's chief engineer", "the UN's coordinator".
  if (i < s.tokens.size()) {
    if (const RecognizedMention* m = OrgStartingAt(in, s.Start(i))) {
      const size_t after = TokenFrom(s, m->end);
      if (after < s.tokens.size() && s.tokens[after].kind == Token::Kind::kPossessive) {
        org = m;
        i = after + 1;
      } else if (after < s.tokens.size() && s.tokens[after].kind == Token::Kind::kWord && IsTitleWord(s.Word(after))) {
        org = m;  // "Jan Egeland, UN coordinator"
        i = after;
      }
    }
  }
  // The title: words up to a title head (at most six), then "of|at|for ORG".
  const size_t title_begin = i;
  size_t head = SIZE_MAX;
  for (size_t k = i; k < s.tokens.size() && k < title_begin + 6; ++k) {
    if (s.tokens[k].kind != Token::Kind::kWord) break;
    const std::string low = s.Low(k);
    if (Stops(low)) break;
    if (IsTitleWord(s.Word(k))) head = k;
  }
  if (head == SIZE_MAX) return false;
  size_t end = head;
  // "secretary general": a title word after the head belongs to it.
  while (end + 1 < s.tokens.size() && s.tokens[end + 1].kind == Token::Kind::kWord && IsTitleWord(s.Word(end + 1))) ++end;
  size_t k = end + 1;
  if (!org && k < s.tokens.size() && (s.Low(k) == "of" || s.Low(k) == "at" || s.Low(k) == "for")) {
    size_t m = k + 1;
    if (m < s.tokens.size() && s.Low(m) == "the") ++m;
    if (m < s.tokens.size()) {
      if (const RecognizedMention* o = OrgStartingAt(in, s.Start(m))) {
        org = o;
        k = TokenFrom(s, o->end);
      }
    }
  }
  // An apposition ends at a comma, a period or the sentence's end: "X, chief
  // engineer at the port and a keen sailor" is still X's title, but "X, chief
  // engineer Tom Li said" (a list of names) is not.
  if (k < s.tokens.size() && s.tokens[k].kind == Token::Kind::kWord && StartsUpper(s.Word(k))) return false;
  role->title = Expanded(LowerAscii(s.text.substr(static_cast<size_t>(s.Start(title_begin)),
                                                  static_cast<size_t>(s.End(end) - s.Start(title_begin)))));
  role->organization = org ? org->entity : -1;
  role->start = person.start;
  role->end = k > 0 ? s.End(std::min(k, s.tokens.size()) - 1) : s.End(end);
  return true;
}

}  // namespace

std::vector<Role> FindRoles(std::string_view text, const Recognition& r, const std::vector<Span>& paragraphs) {
  std::vector<Role> out;
  std::vector<const RecognizedMention*> mentions;
  for (const auto& m : r.mentions) mentions.push_back(&m);
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const RecognizedMention* a, const RecognizedMention* b) { return a->start < b->start; });
  std::set<std::pair<int, std::string>> seen;  // a person's title once per document
  auto it = mentions.begin();
  for (const Span& para : paragraphs) {
    const std::string_view ptext = text.substr(static_cast<size_t>(para.start), static_cast<size_t>(para.end - para.start));
    ForEachSentence(ptext, [&](Span rel) {
      const int64_t start = para.start + rel.start, end = para.start + rel.end;
      while (it != mentions.end() && (*it)->start < start) ++it;
      std::vector<const RecognizedMention*> in;
      for (auto j = it; j != mentions.end() && (*j)->start < end; ++j) {
        if ((*j)->end <= end) in.push_back(*j);
      }
      bool any_person = false;
      for (const RecognizedMention* m : in) any_person |= m->type == EntityType::kPerson && m->entity >= 0;
      if (!any_person) return;
      Sentence s{text, start, Tokenize(text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)))};
      for (const RecognizedMention* m : in) {
        if (m->type != EntityType::kPerson || m->entity < 0) continue;
        for (auto* reader : {&TitleBefore, &TitleAfter}) {
          Role role;
          role.person = m->entity;
          if (!reader(s, *m, in, &role) || role.title.empty()) continue;
          if (seen.insert({role.person, NormalizeName(role.title)}).second) out.push_back(std::move(role));
        }
      }
    });
  }
  return out;
}

}  // namespace dossier::ner
