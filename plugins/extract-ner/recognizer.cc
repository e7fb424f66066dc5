#include "recognizer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "dossier/text.h"
#include "gazetteer.h"
#include "name_index.h"

namespace dossier::ner {
namespace {

// The most tokens one run of capitalised words and connectors (a chunk) may
// hold before the next starts. A name is a few words, a list of names joined
// by "and" a few dozen tokens; Classify recurses once per "and" or "of" it
// splits a chunk on and rereads the rest each time, so a sentence that was
// one endless run ("Ada Brook and " 100,000 times) overflowed the stack, and
// a long run of "of"s took minutes. Reading a chunk costs the square of its
// length too. The longest in the test corpus has 40 tokens; longer runs are
// read as several chunks.
constexpr size_t kMaxChunkTokens = 64;

// "1998", "2020": four digits from 1900 to 2099.
bool IsModernYear(std::string_view t) {
  return t.size() == 4 && (t.substr(0, 2) == "19" || t.substr(0, 2) == "20") &&
         std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Distribution markers that cables carry inside their sentences, wherever the
// sending software put them ("Assistant Secretary Richard SIPDIS Boucher"):
// skipped, so the words on either side still make one name.
bool IsCableMarker(std::string_view w) {
  static const std::set<std::string, std::less<>> kMarkers = {"sipdis", "noforn", "nodis", "exdis", "limdis"};
  return w.size() >= 5 && w.size() <= 6 && kMarkers.count(LowerAscii(w)) > 0;
}

// A paragraph's classification marking in a cable: "(SBU)", "(C)",
// "(S/NF)", "(FOUO)". "SBU" is also the Ukrainian security service's
// acronym; inside the marking's parentheses it is Sensitive But
// Unclassified, and the marking opens nearly every paragraph of such a
// cable: read as a name, it made that service one of the most-named
// organizations of a cable archive.
bool IsClassificationMarking(std::string_view sentence, const Token& t) {
  static const std::set<std::string, std::less<>> kMarks = {"U", "C", "S", "TS", "SBU", "NF", "FOUO", "LOU", "REL"};
  const std::string_view w = t.in(sentence);
  if (w.size() > 4 || !kMarks.count(w)) return false;
  const char before = t.start > 0 ? sentence[static_cast<size_t>(t.start - 1)] : ' ';
  const char after = static_cast<size_t>(t.end) < sentence.size() ? sentence[static_cast<size_t>(t.end)] : ' ';
  return (before == '(' || before == '/') && (after == ')' || after == '/');
}

// Lower-case words that may join capitalised words inside one name:
// "Trade Development Alliance of Greater Seattle", "Lula da Silva".
bool IsConnector(std::string_view w) {
  static const std::set<std::string, std::less<>> kConnectors = {
      "of", "for", "the", "and", "on", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le",
      "van", "von", "der", "den", "bin", "ibn", "al", "el", "y", "&", "des", "zu"};
  return kConnectors.count(w) > 0;
}

// Particles that belong to people's names (kept when there is no organization cue).
bool IsNameParticle(std::string_view w) {
  static const std::set<std::string, std::less<>> kParticles = {"de", "da", "do", "dos", "das", "del", "della",
                                                                "di", "du", "van", "von", "der", "den", "bin",
                                                                "ibn", "al", "el", "zu", "le", "la"};
  return kParticles.count(w) > 0;
}

// Nouns that, after "X, a/the ...", say X is an organization.
bool IsOrgNoun(std::string_view w) {
  static const std::set<std::string, std::less<>> kNouns = {
      "company", "firm", "manufacturer", "maker", "group", "agency", "bank", "organization", "organisation",
      "institution", "center", "centre", "producer", "developer", "retailer", "carrier", "operator", "network",
      "newspaper", "broadcaster", "union", "party", "arm", "body", "council", "association", "corporation",
      "conglomerate", "supplier", "exporter", "importer", "publisher", "airline", "university", "ministry",
      "department", "think-tank", "charity", "foundation", "brokerage", "fund", "insurer", "subsidiary"};
  return kNouns.count(w) > 0;
}

// Nouns that, after "X, a/the ...", say X is a place.
bool IsPlaceNoun(std::string_view w) {
  static const std::set<std::string, std::less<>> kNouns = {
      "city", "town", "village", "province", "state", "region", "country", "capital", "municipality", "district",
      "port", "island", "county", "megalopolis", "metropolis", "suburb", "neighborhood", "neighbourhood", "valley"};
  return kNouns.count(w) > 0;
}

// Suffixes glued to a name by a hyphen: "Washington-based", "Hong Kong-born".
std::optional<size_t> GluedSuffix(std::string_view w) {
  static const std::vector<std::string_view> kSuffixes = {"-based", "-born", "-led", "-owned", "-run", "-backed",
                                                         "-headquartered", "-bound", "-made"};
  for (auto s : kSuffixes) {
    if (w.size() > s.size() + 1 && LowerAscii(w.substr(w.size() - s.size())) == s) return w.size() - s.size();
  }
  return std::nullopt;
}

// Hashes for the recognizer's lookups (hash tables: their cost does not
// grow with the document, as a tree's does).
struct SpanHash {  // a mention's span
  size_t operator()(const std::pair<int64_t, int64_t>& s) const {
    return std::hash<int64_t>()(s.first) * 31 + std::hash<int64_t>()(s.second);
  }
};
template <typename T>
struct KeyHash {  // a name's key with its type or entity
  size_t operator()(const std::pair<T, std::string>& k) const {
    return std::hash<std::string>()(k.second) * 31 + static_cast<size_t>(k.first);
  }
};

struct Word {
  int64_t start, end;  // absolute offsets
  std::string text;    // as in the cased view
  Token::Kind kind;
};

class Recognizer {
 public:
  explicit Recognizer(std::string_view text, MemoryBudget* budget = nullptr)
      : text_(text),
        view_(text),
        g_(Gazetteer::Get()),
        budget_(budget),
        names_({[this](std::string_view w) { return g_.IsFamilyName(w); }, IsNameParticle}) {
    Take(static_cast<int64_t>(view_.size()));
  }

  // Two passes, as sentences of overlapping paragraphs may share words: the
  // case of every sentence is settled before any is read.
  Recognition Run(std::vector<Span> paragraphs) {
    if (paragraphs.empty()) paragraphs = BlankLineParagraphs();
    EachSentence(paragraphs, [this](const Span& s) { GiveCase(s); });
    EachSentence(paragraphs, [this](const Span& s) { Sentence(s); });
    if (over_) return std::move(out_);
    ResolveSingles();
    std::sort(out_.mentions.begin(), out_.mentions.end(), [](const RecognizedMention& a, const RecognizedMention& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    return std::move(out_);
  }

  std::string Cased(std::vector<Span> paragraphs) {
    if (paragraphs.empty()) paragraphs = BlankLineParagraphs();
    EachSentence(paragraphs, [this](const Span& s) { GiveCase(s); });
    return std::move(view_);
  }

 private:
  // What the recognizer holds grows by bytes (an estimate); once over the
  // budget, it stops reading.
  void Take(int64_t bytes) {
    if (budget_ && !budget_->Take(bytes)) over_ = true;
  }

  // The sentences of the paragraphs in order, one at a time (never all held).
  void EachSentence(const std::vector<Span>& paragraphs, const std::function<void(const Span&)>& each) const {
    for (const Span& p : paragraphs) {
      if (over_) return;
      const std::string_view para = text_.substr(static_cast<size_t>(p.start), static_cast<size_t>(p.end - p.start));
      ForEachSentence(para, [&](Span s) {
        if (!over_) each({s.start + p.start, s.end + p.start});
      });
    }
  }

  std::vector<Span> BlankLineParagraphs() const {
    std::vector<Span> out;
    size_t pos = 0;
    while (pos < text_.size()) {
      size_t end = text_.find("\n\n", pos);
      if (end == std::string_view::npos) end = text_.size();
      if (end > pos) out.push_back({static_cast<int64_t>(pos), static_cast<int64_t>(end)});
      pos = end + 2;
    }
    return out;
  }

  // ALL-CAPS sentences (cables) and headline-case lines get ordinary case in
  // view_: ordinary words lower case, others capitalised; same bytes, so
  // offsets hold. Short non-words stay upper case: they are usually acronyms.
  void GiveCase(const Span& s) {
    const std::string_view sentence = text_.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start));
    const auto tokens = Tokenize(sentence);
    size_t words = 0, capitalised = 0, letters = 0;
    for (const Token& t : tokens) {
      if (t.kind != Token::Kind::kWord) continue;
      const std::string_view w = t.in(sentence);
      letters += w.size();
      if (w.size() < 4) continue;
      ++words;
      capitalised += StartsUpper(w);
    }
    const bool caps = letters >= 12 && UpperRatio(sentence) > 0.8;
    // A headline: a short line in title case with no closing period. Prose full
    // of names ("the Southern Common Market (Mercado ...)") is not one.
    const char last = sentence.empty() ? '.' : sentence.back();
    const bool headline = words >= 3 && words <= 15 && capitalised * 10 >= words * 7 && !caps && last != '.' &&
                          last != ',' && last != ';';
    if (!caps && !headline) return;
    // Words inside a multi-word place name ("NEW DELHI") are names, not ordinary words.
    std::vector<bool> in_place(tokens.size(), false);
    for (size_t k = 0; k < tokens.size(); ++k) {
      std::vector<std::string_view> run;
      for (size_t j = k; j < tokens.size() && run.size() < g_.max_place_words(); ++j) {
        if (tokens[j].kind != Token::Kind::kWord) break;
        run.push_back(tokens[j].in(sentence));
      }
      const Place* p = nullptr;
      if (const size_t n = g_.LongestPlace(run, &p); n >= 2) {
        for (size_t j = k; j < k + n; ++j) in_place[j] = true;
      }
    }
    if (caps) {
      // "MINISTRY OF EXTERNAL AFFAIRS (MEA)": the words an acronym spells out are a name.
      for (size_t k = 0; k + 2 < tokens.size(); ++k) {
        if (tokens[k].in(sentence) != "(" || tokens[k + 2].in(sentence) != ")") continue;
        const std::string_view acr = tokens[k + 1].in(sentence);
        if (acr.size() < 2 || acr.size() > 8 || !IsAllUpper(acr)) continue;
        size_t want = acr.size();
        for (size_t j = k; j > 0 && want > 0; --j) {
          const std::string_view w = tokens[j - 1].in(sentence);
          if (tokens[j - 1].kind != Token::Kind::kWord) break;
          const std::string lw = LowerAscii(w);
          if (lw == "of" || lw == "the" || lw == "and" || lw == "for" || lw == "on") continue;
          if (w[0] != acr[want - 1]) break;
          in_place[j - 1] = true;
          --want;
        }
      }
      // "MINISTRY OF FOREIGN AFFAIRS": words after an organization cue and "OF".
      for (size_t k = 0; k + 2 < tokens.size(); ++k) {
        if (!g_.IsOrgCue(tokens[k].in(sentence)) || LowerAscii(tokens[k + 1].in(sentence)) != "of") continue;
        for (size_t j = k + 2; j < tokens.size() && j < k + 5; ++j) {
          if (tokens[j].kind != Token::Kind::kWord) break;
          const std::string lw = LowerAscii(tokens[j].in(sentence));
          if (lw == "the") continue;
          if (lw == "and" || lw == "of" || lw == "to" || lw == "in" || lw == "for" || lw == "would" || lw == "will" ||
              lw == "said" || lw == "is" || lw == "was") {
            break;
          }
          in_place[j] = true;
        }
      }
    }
    for (size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      if (t.kind != Token::Kind::kWord) continue;
      const std::string_view w = t.in(sentence);
      const std::string lower = LowerAscii(w);
      const bool name_like = in_place[k] || g_.IsFirstName(w) || g_.IsFamilyName(w) || g_.FindPlace(w) || g_.FindOrg(w) ||
                             g_.Title(w) != TitleKind::kNone || g_.IsOrgCue(w) || g_.IsDemonym(w);
      const bool ordinary = !in_place[k] && g_.IsCommonWord(lower) && !g_.IsFirstName(w) && !g_.IsFamilyName(w) &&
                            !g_.FindPlace(w) && !g_.FindOrg(w) && !g_.IsOrgCue(w) && !g_.IsDemonym(w);
      const size_t at = static_cast<size_t>(s.start + t.start);
      if (ordinary && !(headline && t.start == 0)) {
        for (size_t i = 0; i < w.size(); ++i) view_[at + i] = lower[i];
      } else if (caps && (w.size() > 5 || name_like)) {
        for (size_t i = 1; i < w.size(); ++i) view_[at + i] = lower[i];
      }
    }
  }

  std::string ViewOf(int64_t start, int64_t end) const {
    return view_.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
  }

  // The name as it should be stored: ALL-CAPS words of names given title case.
  std::string DisplayName(const std::vector<Word>& words, size_t a, size_t b, bool keep_acronyms) const {
    std::string out;
    for (size_t i = a; i <= b; ++i) {
      std::string w = words[i].text;
      if (IsAllUpper(w) && w.size() > 1 && !(keep_acronyms && w.size() <= 5 && !g_.IsCommonWord(LowerAscii(w)))) {
        std::string lower = LowerAscii(w);
        lower[0] = w[0];
        // Keep the capital after Mc / inside hyphenated names: LUN-RICH -> Lun-Rich.
        for (size_t k = 1; k < lower.size(); ++k) {
          if (lower[k - 1] == '-' || lower[k - 1] == '\'') lower[k] = w[k];
        }
        w = lower;
      }
      const bool glued = i > a && words[i].start == words[i - 1].end;
      out += (i > a && !glued ? " " : "") + w;
    }
    return out;
  }

  int AddEntity(EntityType type, const std::string& name, const Json& properties = Json::object()) {
    const std::string key = NormalizeName(name);
    auto it = index_.find({type, key});
    if (it != index_.end()) return it->second;
    RecognizedEntity e;
    e.type = type;
    e.name = name;
    e.properties = properties;
    out_.entities.push_back(std::move(e));
    norms_.push_back(key);
    const int id = static_cast<int>(out_.entities.size() - 1);
    // The entity, its key, its index entries and the parts of its name indexed.
    Take(static_cast<int64_t>(sizeof(RecognizedEntity) + name.size() + 160 +
                              key.size() * (2 + std::count(key.begin(), key.end(), ' '))));
    if (type == EntityType::kPerson) names_.AddPerson(id, key);
    if (type == EntityType::kOrganization) names_.AddOrganization(id, key);
    index_[{type, key}] = id;
    return id;
  }

  void AddAlias(int entity, const std::string& alias) {
    auto& e = out_.entities[static_cast<size_t>(entity)];
    std::string key = NormalizeName(alias);
    if (key == norms_[static_cast<size_t>(entity)]) return;
    if (!alias_keys_.insert({entity, key}).second) return;  // one alias per key
    Take(static_cast<int64_t>(alias.size() + 2 * key.size() + 128));
    e.aliases.push_back(alias);
    index_[{e.type, std::move(key)}] = entity;
  }

  void Mention(int entity, EntityType type, int64_t start, int64_t end, double confidence) {
    if (!mentioned_.insert({start, end}).second) return;  // the first proposal of a span stands
    Take(static_cast<int64_t>(sizeof(RecognizedMention) + 40));
    out_.mentions.push_back({entity, type, start, end, confidence});
  }

  void PlaceMention(const Place& p, int64_t start, int64_t end, const std::string& /*cased*/) {
    const std::string surface(text_.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
    Json props = {{"kind", p.kind == "region" ? "region" : p.kind}};
    if (!p.country.empty()) props["country"] = p.country;
    if (!p.subdivision.empty()) props["subdivision"] = p.subdivision;
    const int id = AddEntity(EntityType::kPlace, p.name, props);
    AddAlias(id, surface);
    Mention(id, EntityType::kPlace, start, end, 0.95);
  }

  // Context of a chunk [a, b] of words within its sentence.
  struct Context {
    bool sentence_initial = false;
    TitleKind title_before = TitleKind::kNone;
    bool speech_verb = false;  // "X said", "said X", "according to X"
    bool apposition_org = false;
    bool apposition_person = false;
    bool apposition_place = false;  // "Marlow, a city of ..."
    std::string place_kind;         // what the apposition calls it
    bool place_preposition = false;  // "in X", "from X"
    // What only a company does or has: "X shares", "shares of X", "X said in
    // a statement", "X's chief executive", "a spokesman for X".
    bool org_context = false;
  };

  // Words after a name that make it an organization: "Halvex shares fell",
  // "Quillon stores", "Halvex's chief executive".
  static bool OrgAfter(const std::string& lw) {
    static const std::set<std::string, std::less<>> kAfter = {
        "shares",    "stock",        "stocks",     "shareholders", "stores",      "outlets",    "subsidiary",
        "subsidiaries", "headquarters", "ceo",      "cfo",          "spokesman",   "spokeswoman", "spokesperson",
        "executives", "employees",   "workforce",  "shareprice",   "plc",         "franchise",  "franchises",
        "researchers", "engineers",  "subscribers", "website"};
    return kAfter.count(lw) > 0;
  }
  // Words before "of", "in", "for" or "at" and a name that make it one: "shares
  // of X", "a spokesman for X", "analysts at X", "the chief executive of X".
  static bool OrgBefore(const std::string& lw) {
    static const std::set<std::string, std::less<>> kBefore = {
        "shares", "stock", "stake", "spokesman", "spokeswoman", "spokesperson", "shareholders", "subsidiary",
        "analysts", "analyst", "employees", "executives", "ceo", "takeover", "acquisition", "merger"};
    return kBefore.count(lw) > 0;
  }

  Context ContextOf(const std::vector<Word>& w, size_t a, size_t b, size_t first_word) const {
    Context c;
    c.sentence_initial = a == first_word;
    size_t p = a;
    // The word before, skipping a "." after an abbreviation ("Gen. Pinochet").
    if (p > 0) {
      size_t q = p - 1;
      if (w[q].text == "." && q > 0) --q;
      if (w[q].kind == Token::Kind::kWord) {
        c.title_before = g_.Title(w[q].text);
        const std::string lw = LowerAscii(w[q].text);
        c.speech_verb |= IsSpeechVerb(lw);
        c.place_preposition = lw == "in" || lw == "from" || lw == "to" || lw == "near" || lw == "at" || lw == "across";
        // "security firm Netcraft", "software maker Vintela", "retailer Kmart":
        // a company's noun right before its name.
        if (!StartsUpper(w[q].text) && (IsOrgNoun(lw) || lw == "website" || lw == "startup" || lw == "vendor" ||
                                       lw == "provider" || lw == "giant" || lw == "carmaker" || lw == "automaker" ||
                                       lw == "chipmaker" || lw == "portal")) {
          c.org_context = true;
        }
        if (q > 0 && lw == "to" && LowerAscii(w[q - 1].text) == "according") c.speech_verb = true;
      }
    }
    size_t n = b + 1;
    const bool possessive = n < w.size() && w[n].kind == Token::Kind::kPossessive;
    if (possessive) ++n;
    if (n < w.size() && w[n].kind == Token::Kind::kWord && IsSpeechVerb(LowerAscii(w[n].text))) c.speech_verb = true;
    // Organization context (Context::org_context).
    if (n < w.size() && w[n].kind == Token::Kind::kWord) {
      const std::string next = LowerAscii(w[n].text);
      if (OrgAfter(next)) c.org_context = true;
      // "X's chief executive", "X's board".
      if (possessive && (next == "chief" || next == "board" || next == "profit" || next == "profits" || next == "revenue" ||
                         next == "revenues" || next == "sales" || next == "earnings")) {
        c.org_context = true;
      }
      // "X said in a statement".
      if (IsSpeechVerb(next) && n + 3 < w.size() && LowerAscii(w[n + 1].text) == "in" &&
          LowerAscii(w[n + 2].text) == "a" && LowerAscii(w[n + 3].text) == "statement") {
        c.org_context = true;
      }
    }
    if (a >= 2 && w[a - 1].kind == Token::Kind::kWord && w[a - 2].kind == Token::Kind::kWord) {
      const std::string prep = LowerAscii(w[a - 1].text);
      if ((prep == "of" || prep == "in" || prep == "for" || prep == "at") && OrgBefore(LowerAscii(w[a - 2].text))) {
        c.org_context = true;
      }
    }
    // "X, the president of ...", "X, a Columbus-based manufacturer of fire trucks".
    if (n + 1 < w.size() && w[n].text == ",") {
      size_t k = n + 1;
      const std::string det = LowerAscii(w[k].text);
      if (det == "the" || det == "a" || det == "an" || det == "its" || det == "his" || det == "her") {
        for (size_t j = k + 1; j < w.size() && j < k + 8; ++j) {
          if (w[j].kind == Token::Kind::kPossessive) continue;  // "the city’s economic development arm"
          if (w[j].kind != Token::Kind::kWord) break;
          const std::string lw = LowerAscii(w[j].text);
          if (lw == "of" || lw == "at" || lw == "for" || lw == "who" || lw == "which") break;
          if (IsOrgNoun(lw)) c.apposition_org = true;
          if (IsPlaceNoun(lw) && !c.apposition_place) {
            c.apposition_place = true;
            c.place_kind = lw == "country" ? "country"
                           : (lw == "province" || lw == "state" || lw == "region" || lw == "county") ? "subdivision"
                                                                                                     : "city";
          }
          if (g_.Title(lw) == TitleKind::kTitle) c.apposition_person = true;
        }
      } else if (w[k].kind == Token::Kind::kWord && g_.Title(w[k].text) == TitleKind::kTitle) {
        c.apposition_person = true;  // "Shaun Steen, president of ..."
      }
    }
    return c;
  }

  void Sentence(const Span& s) {
    std::vector<Word> w;
    const std::string_view sentence(view_.data() + s.start, static_cast<size_t>(s.end - s.start));
    for (const Token& t : Tokenize(sentence)) {
      if (t.kind == Token::Kind::kWord && (IsCableMarker(t.in(sentence)) || IsClassificationMarking(sentence, t))) continue;
      // A redaction ends the name before it: "met with XXXXXXXXXXXX Minister
      // Ali" is no "XXXXXXXXXXXX Minister Ali".
      const bool redacted = t.kind == Token::Kind::kWord && IsRedactionPlaceholder(t.in(sentence));
      w.push_back({s.start + t.start, s.start + t.end, std::string(t.in(sentence)),
                   redacted ? Token::Kind::kPunct : t.kind});
    }
    size_t first_word = 0;
    while (first_word < w.size() && w[first_word].kind != Token::Kind::kWord) ++first_word;

    for (size_t i = 0; i < w.size();) {
      // "Amazon.com", "eBay.com", "silicon.com": a site's name is its company's.
      if (const size_t site = SiteNameAt(w, i)) {
        AddOrg(w, i, i + site - 1, 0.8);
        i += site;
        continue;
      }
      if (!IsCap(w, i)) {
        ++i;
        continue;
      }
      size_t last = i;
      size_t j = i;
      while (j + 1 < w.size() && j + 1 - i < kMaxChunkTokens) {
        // A site's name is a name of its own: "Shoppers on Pellmart.com".
        if (SiteNameAt(w, j + 1) || (IsConnector(LowerAscii(w[j + 1].text)) && SiteNameAt(w, j + 2))) break;
        // Days and months end a name: "Pinochet Trial Timeline October 1998".
        if (IsCap(w, j + 1) && !(g_.NeverEntity(w[j + 1].text) && g_.Title(w[j + 1].text) == TitleKind::kNone)) {
          last = ++j;
          continue;
        }
        // "J. R. Smith", "Mr. Ruan", "Gen. Pinochet": an initial or abbreviated title and its period.
        if (w[j + 1].text == "." && w[j + 1].start == w[j].end && j + 2 < w.size() && IsCap(w, j + 2) &&
            (w[j].text.size() == 1 || g_.Title(w[j].text) != TitleKind::kNone)) {
          j += 2;
          last = j;
          continue;
        }
        // "&" and lower-case joiners, when a capitalised word follows.
        if (w[j + 1].kind == Token::Kind::kWord && IsConnector(LowerAscii(w[j + 1].text)) && !StartsUpper(w[j + 1].text)) {
          size_t k = j + 1;
          while (k < w.size() && w[k].kind == Token::Kind::kWord && IsConnector(LowerAscii(w[k].text)) &&
                 !StartsUpper(w[k].text) && k < j + 4) {
            ++k;
          }
          // Not across a day or month: "Bloomberg News on Thursday" is two things.
          if (k < w.size() && IsCap(w, k) && !g_.NeverEntity(w[k].text)) {
            j = k;
            last = k;
            continue;
          }
        }
        if (w[j + 1].text == "&" && j + 2 < w.size() && IsCap(w, j + 2)) {
          j += 2;
          last = j;
          continue;
        }
        // "Columbus 2020": a year right after a name. Not a cable's serial
        // ("see Ref 05 New Delhi 3846") nor a resolution number ("UNSCR
        // 1762"), so years of this century and the last only; and not after
        // a lone ordinary word ("Since 2005, ..." after a paragraph marker).
        if (w[j + 1].kind == Token::Kind::kNumber && IsModernYear(w[j + 1].text) && !g_.NeverEntity(w[j].text) &&
            !(j == i && g_.IsCommonWord(w[j].text)) && (j + 2 >= w.size() || !IsCap(w, j + 2))) {
          last = ++j;
          break;
        }
        break;
      }
      Chunk(w, i, last, first_word);
      // Acronym defined right after: "China Council for ... (CCPIT)".
      i = last + 1;
    }
  }

  // A web site's name used as a company's at word i ("Amazon" "." "com",
  // glued): how many words it takes, or 0. Not an address ("www.") and
  // not when more name follows ("Amazon.com.au" is read as far as ".com").
  static size_t SiteNameAt(const std::vector<Word>& w, size_t i) {
    if (i + 2 >= w.size() || w[i].kind != Token::Kind::kWord || w[i + 1].text != "." || w[i + 2].kind != Token::Kind::kWord) {
      return 0;
    }
    if (w[i + 1].start != w[i].end || w[i + 2].start != w[i + 1].end) return 0;
    const std::string tld = LowerAscii(w[i + 2].text);
    if (tld != "com" && tld != "net" && tld != "org") return 0;
    const std::string head = LowerAscii(w[i].text);
    if (head == "www" || head.size() < 2 || !std::isalpha(static_cast<unsigned char>(head[0]))) return 0;
    if (i > 0 && w[i - 1].end == w[i].start) return 0;  // "www.yahoo.com", "mail.example.com": an address
    return 3;
  }

  bool IsCap(const std::vector<Word>& w, size_t i) const {
    if (i >= w.size() || w[i].kind != Token::Kind::kWord) return false;
    return StartsUpper(w[i].text);
  }

  // Another name in parentheses right after [a, b], "(Comunidad Andina)":
  // returns the word span, or nothing.
  std::optional<std::pair<size_t, size_t>> NameInParentheses(const std::vector<Word>& w, size_t b) const {
    size_t n = b + 1;
    if (n >= w.size() || w[n].text != "(") return std::nullopt;
    size_t k = n + 1;
    while (k < w.size() && k < n + 8 && w[k].text != ")" && w[k].text != "," &&
           (IsCap(w, k) || (w[k].kind == Token::Kind::kWord && IsConnector(LowerAscii(w[k].text))))) {
      ++k;
    }
    if (k >= w.size() || k == n + 1 || (w[k].text != ")" && w[k].text != ",") || !IsCap(w, k - 1)) return std::nullopt;
    return std::make_pair(n + 1, k - 1);
  }

  // An acronym in parentheses right after [a, b]: returns its word index.
  std::optional<size_t> AcronymAfter(const std::vector<Word>& w, size_t b) const {
    size_t n = b + 1;
    if (n + 2 < w.size() && w[n].text == "(" && w[n + 1].kind == Token::Kind::kWord && w[n + 2].text == ")") {
      const std::string& acr = w[n + 1].text;
      size_t upper = 0;
      for (char c : acr) upper += (c >= 'A' && c <= 'Z');
      if (acr.size() >= 2 && acr.size() <= 10 && upper * 2 > acr.size()) return n + 1;
    }
    return std::nullopt;
  }

  // A chunk's words may be cut short in place (a glued suffix) while it is
  // classified; they are restored before it returns.
  void Chunk(std::vector<Word>& w, size_t a, size_t b, size_t first_word) {
    if (claimed_.count(w[a].start)) return;  // already read as another name of the word before
    // Leading "The" and words that are capitalised only because they start the sentence.
    while (a <= b) {
      const std::string& first = w[a].text;
      const bool the = LowerAscii(first) == "the";
      bool ordinary_start = false;
      if (a == first_word && b > a) {  // the whole name is spelled out only where it is needed
        const std::string whole = DisplayName(w, a, b, true);
        ordinary_start = !g_.FindPlace(whole) && !g_.FindOrg(whole) && g_.IsCommonWord(LowerAscii(first)) &&
                         !g_.IsFirstName(first) && !g_.IsFamilyName(first) && !g_.FindPlace(first) &&
                         !g_.FindOrg(first) && !g_.IsOrgCue(first) && g_.Title(first) == TitleKind::kNone &&
                         !g_.IsDemonym(first);
      }
      if (the || ordinary_start || (g_.NeverEntity(first) && g_.Title(first) == TitleKind::kNone)) {
        ++a;
        while (a <= b && (w[a].kind != Token::Kind::kWord || !StartsUpper(w[a].text))) ++a;  // connectors, periods
        continue;
      }
      break;
    }
    if (a > b) return;
    // Hyphen-glued suffixes: "Washington-based" names Washington. (The word
    // is cut in place, not in a copy of the sentence: a copy per chunk made
    // a sentence full of them quadratic.)
    auto cut_short = [&](size_t i, size_t at, size_t from, size_t to) {
      const Word whole = w[i];
      w[i].text.resize(at);
      w[i].end = w[i].start + static_cast<int64_t>(at);
      Classify(w, from, to, first_word);
      w[i] = whole;
    };
    if (a == b) {
      if (auto cut = GluedSuffix(w[a].text)) {
        cut_short(a, *cut, a, a);
        return;
      }
    }
    if (auto cut = GluedSuffix(w[a].text); cut && b > a) {
      cut_short(a, *cut, a, a);
      Classify(w, a + 1, b, first_word);
      return;
    }
    if (auto cut = GluedSuffix(w[b].text); cut && b > a) {
      cut_short(b, *cut, a, b);
      return;
    }
    Classify(w, a, b, first_word);
  }

  // "US-China": one word naming two places.
  bool PlacePair(const std::vector<Word>& w, size_t a, size_t b) const {
    if (a != b) return false;
    const std::string& word = w[a].text;
    const auto dash = word.find('-');
    return dash != std::string::npos && g_.FindPlace(word.substr(0, dash)) && g_.FindPlace(word.substr(dash + 1));
  }

  bool HasOrgCue(const std::vector<Word>& w, size_t a, size_t b) const {
    for (size_t i = a; i <= b; ++i) {
      if (w[i].kind == Token::Kind::kWord && StartsUpper(w[i].text) && g_.IsOrgCue(w[i].text)) return true;
    }
    return false;
  }

  size_t CapWords(const std::vector<Word>& w, size_t a, size_t b) const {
    size_t n = 0;
    for (size_t i = a; i <= b; ++i) n += w[i].kind == Token::Kind::kWord && StartsUpper(w[i].text);
    return n;
  }

  void AddOrg(const std::vector<Word>& w, size_t a, size_t b, double confidence) {
    const std::string name = DisplayName(w, a, b, true);
    int id;
    if (const KnownOrg* k = g_.FindOrg(name)) {
      Json props = Json::object();
      if (!k->kind.empty()) props["kind"] = k->kind;
      if (!k->acronym.empty()) props["acronym"] = k->acronym;
      id = AddEntity(EntityType::kOrganization, k->name, props);
      AddAlias(id, name);
    } else {
      id = AddEntity(EntityType::kOrganization, name);
    }
    Mention(id, EntityType::kOrganization, w[a].start, w[b].end, confidence);
    OtherNameAfter(w, b, id, confidence);
  }

  // "... Trade (CCPIT)", "Andean Community (Comunidad Andina)": the name in
  // parentheses right after an organization is another name of it.
  void OtherNameAfter(const std::vector<Word>& w, size_t b, int id, double confidence) {
    if (auto acr = AcronymAfter(w, b)) {
      AddAlias(id, w[*acr].text);
      auto& props = out_.entities[static_cast<size_t>(id)].properties;
      if (!props.contains("acronym")) props["acronym"] = w[*acr].text;
      acronyms_[NormalizeName(w[*acr].text)] = id;
      Mention(id, EntityType::kOrganization, w[*acr].start, w[*acr].end, confidence);
      claimed_.insert(w[*acr].start);
    } else if (auto other = NameInParentheses(w, b)) {
      AddAlias(id, DisplayName(w, other->first, other->second, true));
      Mention(id, EntityType::kOrganization, w[other->first].start, w[other->second].end, confidence * 0.9);
      claimed_.insert(w[other->first].start);
    }
  }

  void AddPerson(const std::vector<Word>& w, size_t a, size_t b, double confidence) {
    const std::string name = DisplayName(w, a, b, false);
    const int id = AddEntity(EntityType::kPerson, name);
    Mention(id, EntityType::kPerson, w[a].start, w[b].end, confidence);
  }

  bool LooksLikePerson(const std::vector<Word>& w, size_t a, size_t b) const {
    const size_t caps = CapWords(w, a, b);
    if (caps < 2 || caps > 5) return false;
    if (g_.IsFirstName(w[a].text) && !g_.FindPlace(DisplayName(w, a, b, false)) && !g_.IsOrgCue(w[b].text)) {
      return true;  // "Simon Bolivar", "Salvador Allende"
    }
    if (g_.FindPlace(w[b].text) && !g_.IsFamilyName(w[b].text)) return false;
    if (g_.IsFamilyName(w[a].text) && caps <= 3) {
      for (size_t i = a + 1; i <= b; ++i) {
        if (g_.IsCommonWord(LowerAscii(w[i].text)) || g_.FindPlace(w[i].text) || w[i].text.size() > 9) return false;
      }
      return true;
    }
    return false;
  }

  // Unknown capitalised words that are neither ordinary words nor anything else.
  bool NameLike(const std::vector<Word>& w, size_t a, size_t b) const {
    for (size_t i = a; i <= b; ++i) {
      if (w[i].kind != Token::Kind::kWord) continue;
      if (!StartsUpper(w[i].text)) {
        if (!IsNameParticle(LowerAscii(w[i].text))) return false;
        continue;
      }
      const std::string lower = LowerAscii(w[i].text);
      if ((g_.IsCommonWord(lower) && !g_.IsFirstName(w[i].text) && !g_.IsFamilyName(w[i].text)) ||
          g_.IsDemonym(w[i].text) || g_.NeverEntity(w[i].text) || g_.IsEventCue(w[i].text) ||
          g_.FindPlace(w[i].text) || (IsAllUpper(w[i].text) && w[i].text.size() <= 4)) {
        return false;
      }
    }
    return true;
  }

  void Classify(const std::vector<Word>& w, size_t a, size_t b, size_t first_word) {
    if (a > b) return;
    // Drop trailing connectors and periods the chunk may end with.
    while (b > a && (w[b].kind != Token::Kind::kWord || !StartsUpper(w[b].text)) && w[b].kind != Token::Kind::kNumber) --b;
    // "Tomas Ferreira and Wen Lihua": without an organization cue, "and" joins
    // two names. With one, "and the" still does ("Froman and the Administration"):
    // an organization's own name does not put "the" after its "and".
    const bool cue = HasOrgCue(w, a, b);
    for (size_t i = a + 1; i < b; ++i) {
      const std::string lw = LowerAscii(w[i].text);
      if ((!cue && (lw == "and" || lw == "&")) || (lw == "and" && LowerAscii(w[i + 1].text) == "the")) {
        size_t next = i + 1;
        while (next < b && LowerAscii(w[next].text) == "the") ++next;
        Classify(w, a, i - 1, first_word);
        Classify(w, next, b, first_word);
        return;
      }
    }
    // "Dan Okafor of the Washington Hay Growers Association", "Li Wen-po of
    // Sichuan", "Fiona Evans for the Energy Seminar": a person's name, then
    // where they are from or what they are there for.
    for (size_t i = a + 2; i < b; ++i) {
      const std::string lw = LowerAscii(w[i].text);
      if (lw != "of" && lw != "for") continue;
      if (LooksLikePerson(w, a, i - 1)) {
        Person(w, a, i - 1, TitleKind::kNone, first_word);
        size_t next = i + 1;
        while (next <= b && LowerAscii(w[next].text) == "the") ++next;
        Classify(w, next, b, first_word);
        return;
      }
      break;
    }
    const std::string whole = DisplayName(w, a, b, true);
    const Context ctx = ContextOf(w, a, b, first_word);

    // A name this document already gave to an entity.
    const std::string whole_key = NormalizeName(whole);
    for (EntityType t : {EntityType::kOrganization, EntityType::kPerson, EntityType::kPlace}) {
      auto it = index_.find({t, whole_key});
      if (it != index_.end() && (t != EntityType::kPlace || b > a)) {
        Mention(it->second, t, w[a].start, w[b].end, 0.9);
        if (t == EntityType::kOrganization) OtherNameAfter(w, b, it->second, 0.9);
        return;
      }
    }
    // Leading nationality adjectives: "Chinese Vice President Han Zheng".
    if (!HasOrgCue(w, a, b)) {
      while (a < b && g_.IsDemonym(w[a].text)) ++a;
      if (a == b && g_.IsDemonym(w[a].text)) return;
    }
    // Titles inside the chunk: the words after the last title are a person,
    // the words before it a separate name (an affiliation).
    {
      size_t t = b + 1;
      for (size_t i = b; i > a && t > b; --i) {
        if (w[i - 1].kind == Token::Kind::kWord && g_.Title(w[i - 1].text) != TitleKind::kNone &&
            StartsUpper(w[i - 1].text)) {
          t = i - 1;
        }
      }
      if (t <= b) {
        // The person: capitalised words after the title (a period after "Gen" skipped).
        size_t p = t + 1;
        while (p <= b && (w[p].kind != Token::Kind::kWord || !StartsUpper(w[p].text) ||
                          g_.Title(w[p].text) != TitleKind::kNone)) {
          ++p;
        }
        // "Secretary of State X", "Advisor for African Affairs X".
        const bool of_title = p <= b && t + 1 <= b && (LowerAscii(w[t + 1].text) == "of" || LowerAscii(w[t + 1].text) == "for");
        if (of_title) {
          // Skip the "of <Office>" part: the person is the trailing name, and
          // only its last word may be an ordinary word ("Condoleezza Rice").
          size_t q = b;
          while (q > p && w[q - 1].kind == Token::Kind::kWord && StartsUpper(w[q - 1].text) &&
                 !g_.IsOrgCue(w[q - 1].text) && g_.Title(w[q - 1].text) == TitleKind::kNone &&
                 LowerAscii(w[q - 1].text) != "state" && !g_.FindPlace(w[q - 1].text) && !g_.IsDemonym(w[q - 1].text) &&
                 !(g_.IsCommonWord(w[q - 1].text) && !g_.IsFirstName(w[q - 1].text))) {
            --q;
          }
          // The office may name a known place or organization: "President of
          // Brazil", "Prime Minister of Israel Ehud Olmert". (An organization
          // only its cue word marks is left out: the walk back from the name
          // may have cut it short.)
          const size_t office_end = q == p ? b : q - 1;
          if (g_.FindPlace(DisplayName(w, p, office_end, false)) || g_.FindOrg(DisplayName(w, p, office_end, true))) {
            Classify(w, p, office_end, first_word);
          }
          // A title and its office with no name after them ("Secretary of State") name nobody.
          if (q == p) return;
          p = q;
        }
        if (p <= b && !HasOrgCue(w, p, b) && !g_.FindPlace(DisplayName(w, p, b, false))) {
          // Walk the title run back to its start ("Vice President", "Commerce Secretary" stays split).
          size_t title_start = t;
          while (title_start > a && g_.Title(w[title_start - 1].text) != TitleKind::kNone) --title_start;
          // What comes before is an affiliation ("Oregon Senate"), unless it is
          // only ordinary words and titles: then it is part of the title
          // ("Deputy National Security Advisor", "Political Counselor").
          bool part_of_title =
              title_start > a && !g_.FindOrg(DisplayName(w, a, title_start - 1, true)) &&
              !g_.FindPlace(DisplayName(w, a, title_start - 1, false));  // "White House Spokesman X"
          for (size_t i = a; i < title_start && part_of_title; ++i) {
            if (w[i].kind != Token::Kind::kWord) continue;
            // A first name is no ordinary word here: "Ambassador John Smith
            // Poloff David Brown" is a list of two people, not one title.
            part_of_title = g_.Title(w[i].text) != TitleKind::kNone ||
                            (g_.IsCommonWord(w[i].text) && !g_.IsFirstName(w[i].text) && !g_.IsOrgCue(w[i].text) &&
                             !g_.FindPlace(w[i].text) && !g_.IsDemonym(w[i].text));
          }
          if (title_start > a && !part_of_title) Classify(w, a, title_start - 1, first_word);
          Person(w, p, b, g_.Title(w[t].text), first_word);
          return;
        }
      }
    }
    if (ctx.title_before != TitleKind::kNone && !g_.FindPlace(whole) && !g_.FindOrg(whole) && !HasOrgCue(w, a, b)) {
      Person(w, a, b, ctx.title_before, first_word);
      return;
    }
    // One capitalised word: decided at the end, when the document's full names
    // are known ("Lagos" is Ricardo Lagos in a story about him, not the city).
    if (CapWords(w, a, b) == 1 && w[b].kind != Token::Kind::kNumber && !PlacePair(w, a, b)) {
      size_t only = a;
      while (only < b && !(w[only].kind == Token::Kind::kWord && StartsUpper(w[only].text))) ++only;
      AddSingle({w[only], ctx, ctx.sentence_initial && only == first_word});
      return;
    }
    // Known organizations and places by their whole name.
    if (g_.FindOrg(whole)) {
      AddOrg(w, a, b, 0.95);
      return;
    }
    if (const Place* p = g_.FindPlace(whole)) {
      if (!(b == a && ctx.speech_verb && g_.IsFirstName(w[a].text))) {
        PlaceMention(*p, w[a].start, w[b].end, whole);
        return;
      }
    }
    // A name with a year: an initiative or programme run as an organization ("Columbus 2020").
    if (b > a && w[b].kind == Token::Kind::kNumber) {
      AddOrg(w, a, b, 0.7);
      return;
    }
    // Events and documents ("Import Expo", "Operation Condor", "Valech Report").
    for (size_t i = a; i <= b; ++i) {
      if (g_.IsEventCue(w[i].text) && StartsUpper(w[i].text) && !HasOrgCue(w, i, b)) return;
    }
    if (HasOrgCue(w, a, b) && CapWords(w, a, b) >= 2) {
      // An organization's name ends at its last cue word unless "of"/"for" carries
      // it on ("Alliance of Greater Seattle"); capitalised words after that are
      // another name ("INDIATIMES NEWS NETWORK DEBIPRASAD NAYAK").
      size_t last_cue = a;
      for (size_t i = a; i <= b; ++i) {
        if (StartsUpper(w[i].text) && g_.IsOrgCue(w[i].text)) last_cue = i;
      }
      // "Andean Community and Mercosur": two names joined after the cue.
      for (size_t i = last_cue + 1; i < b; ++i) {
        const std::string lw = LowerAscii(w[i].text);
        if (lw == "and" || lw == "&") {
          AddOrg(w, a, i - 1, 0.85);
          Classify(w, i + 1, b, first_word);
          return;
        }
      }
      // (Not when the cue comes first, as in Spanish and French: "Mercado Común del Sur".)
      if (last_cue > a && last_cue < b && w[last_cue + 1].kind == Token::Kind::kWord &&
          StartsUpper(w[last_cue + 1].text)) {
        AddOrg(w, a, last_cue, 0.85);
        Classify(w, last_cue + 1, b, first_word);
        return;
      }
      AddOrg(w, a, b, 0.85);
      return;
    }
    // A place cue ends a place name: "Yangtze River".
    if (b > a && g_.IsPlaceCue(w[b].text)) {
      PlaceMention(Place{whole, "other", "", ""}, w[a].start, w[b].end, whole);
      return;
    }
    if (LooksLikePerson(w, a, b) || (ctx.apposition_person && CapWords(w, a, b) >= 2 && NameLike(w, a, b))) {
      Person(w, a, b, TitleKind::kNone, first_word);
      return;
    }
    if ((ctx.apposition_org || ctx.org_context) && NameLike(w, a, b)) {
      AddOrg(w, a, b, 0.75);
      return;
    }
    // Places at either end of a longer chunk: "Guangzhou CCPIT", "... NAYAK MUMBAI".
    if (b > a) {
      std::vector<std::string_view> words;
      for (size_t i = a; i <= b; ++i) words.push_back(w[i].text);
      const Place* place = nullptr;
      if (size_t n = g_.LongestPlace(words, &place)) {
        PlaceMention(*place, w[a].start, w[a + n - 1].end, DisplayName(w, a, a + n - 1, true));
        Classify(w, a + n, b, first_word);
        return;
      }
      for (size_t k = b; k > a; --k) {
        std::vector<std::string_view> tail(words.begin() + static_cast<long>(k - a), words.end());
        if (const Place* p = g_.FindPlace(DisplayName(w, k, b, true)); p && tail.size() <= g_.max_place_words()) {
          Classify(w, a, k - 1, first_word);
          PlaceMention(*p, w[k].start, w[b].end, DisplayName(w, k, b, true));
          return;
        }
      }
      // "Greater Seattle", "Northern China".
      static const std::set<std::string> kRegionWords = {"greater", "northern", "southern", "eastern", "western",
                                                         "central", "upper", "lower", "metropolitan", "metro"};
      if (kRegionWords.count(LowerAscii(w[a].text))) {
        if (const Place* p = g_.FindPlace(DisplayName(w, a + 1, b, true))) {
          PlaceMention(*p, w[a + 1].start, w[b].end, DisplayName(w, a + 1, b, true));
          return;
        }
      }
    }
    // Two places joined by a hyphen: "US-China".
    if (a == b) {
      const std::string& word = w[a].text;
      if (auto dash = word.find('-'); dash != std::string::npos) {
        const Place* left = g_.FindPlace(word.substr(0, dash));
        const Place* right = g_.FindPlace(word.substr(dash + 1));
        if (left && right) {
          PlaceMention(*left, w[a].start, w[a].start + static_cast<int64_t>(dash), word.substr(0, dash));
          PlaceMention(*right, w[a].start + static_cast<int64_t>(dash) + 1, w[a].end, word.substr(dash + 1));
          return;
        }
      }
    }
    if (b > a && CapWords(w, a, b) >= 2 && CapWords(w, a, b) <= 4 && NameLike(w, a, b)) {
      if (ctx.place_preposition && !g_.IsFirstName(w[a].text)) {
        PlaceMention(Place{whole, "other", "", ""}, w[a].start, w[b].end, whole);  // "in Los Boldos"
      } else {
        Person(w, a, b, TitleKind::kNone, first_word, 0.6);
      }
      return;
    }
    if (a == b || CapWords(w, a, b) == 1) {
      size_t only = a;
      while (only < b && !(w[only].kind == Token::Kind::kWord && StartsUpper(w[only].text))) ++only;
      AddSingle({w[only], ctx, ctx.sentence_initial && only == first_word});
    }
  }

  void Person(const std::vector<Word>& w, size_t a, size_t b, TitleKind title, size_t first_word, double confidence = 0.9) {
    // "Li Wen-po of Sichuan": the name ends at "of" (or "for").
    for (size_t i = a + 1; i < b; ++i) {
      const std::string lw = LowerAscii(w[i].text);
      if (lw != "of" && lw != "for") continue;
      Person(w, a, i - 1, title, first_word, confidence);
      size_t next = i + 1;
      while (next <= b && LowerAscii(w[next].text) == "the") ++next;
      Classify(w, next, b, first_word);
      return;
    }
    if (CapWords(w, a, b) >= 2) {
      AddPerson(w, a, b, confidence);
      return;
    }
    // One name after a title: resolved at the end against the document's full names.
    Context ctx = ContextOf(w, a, b, first_word);
    ctx.title_before = title == TitleKind::kNone ? ctx.title_before : title;
    size_t only = a;
    while (only < b && !(w[only].kind == Token::Kind::kWord && StartsUpper(w[only].text))) ++only;
    AddSingle({w[only], ctx, false});
  }

  struct Single {
    Word word;
    Context ctx;
    bool ordinary_start;  // first word of its sentence
  };
  void AddSingle(Single s) {
    Take(static_cast<int64_t>(sizeof(Single) + s.word.text.size() + s.ctx.place_kind.size()));
    singles_.push_back(std::move(s));
  }

  // The person whose name this single word shortens ("Sun", "Rinehart", "Lula"):
  // -1 nobody, -2 two people or more.
  int PersonBySurname(const std::string& word) const { return names_.PersonBySurname(NormalizeName(word)); }

  int OrgByShortName(const std::string& word) const {
    const std::string key = NormalizeName(word);
    // "Chongqing" alone is the city, not "Chongqing Foreign Trade ... Commission".
    if (key.size() < 4 || g_.IsCommonWord(key) || g_.FindPlace(word)) return -1;
    return names_.OrganizationStartingWith(key);  // "Brookings" of "Brookings Institution"
  }

  void ResolveSingles() {
    // Words the document shows to be organizations somewhere ("Halvex shares
    // fell"): every bare mention of them is that organization, even where a
    // speech verb would make it a person ("Halvex said").
    std::set<std::string> org_words;
    for (const Single& s : singles_) {
      if (s.ctx.org_context) org_words.insert(NormalizeName(s.word.text));
    }
    // First the people known here by one name after a title ("Gen Pinochet"):
    // later single words can then refer to them.
    for (const Single& s : singles_) {
      if (s.ctx.title_before != TitleKind::kTitle) continue;
      const std::string& word = s.word.text;
      if (PersonBySurname(word) >= 0 || g_.IsCommonWord(LowerAscii(word)) || g_.NeverEntity(word)) continue;
      if (g_.FindPlace(word) && !g_.IsFamilyName(word)) continue;
      AddEntity(EntityType::kPerson, DisplayName({s.word}, 0, 0, false));
    }
    for (const Single& s : singles_) {
      const std::string& word = s.word.text;
      const std::string key = NormalizeName(word);
      const int64_t start = s.word.start, end = s.word.end;
      if (auto a = acronyms_.find(key); a != acronyms_.end()) {
        Mention(a->second, EntityType::kOrganization, start, end, 0.9);
        continue;
      }
      // A one-word name this document already gave an entity ("Sutphen").
      bool known = false;
      for (EntityType t : {EntityType::kOrganization, EntityType::kPerson}) {
        if (auto it = index_.find({t, key}); it != index_.end()) {
          Mention(it->second, t, start, end, 0.85);
          known = true;
          break;
        }
      }
      if (known) continue;
      const bool honorific = s.ctx.title_before == TitleKind::kHonorific;
      const int person = PersonBySurname(word);
      if (person >= 0 && !(s.ctx.place_preposition && g_.FindPlace(word))) {
        Mention(person, EntityType::kPerson, start, end, honorific ? 0.9 : 0.85);
        continue;
      }
      if (honorific) {
        // "Mr. Ruan" and no Ruan in the document: a reference the checkers will flag.
        Mention(-1, EntityType::kPerson, start, end, 0.8);
        continue;
      }
      if (int org = OrgByShortName(word); org >= 0) {
        Mention(org, EntityType::kOrganization, start, end, 0.8);
        continue;
      }
      if (const KnownOrg* k = g_.FindOrg(word)) {
        Json props = Json::object();
        if (!k->kind.empty()) props["kind"] = k->kind;
        const int id = AddEntity(EntityType::kOrganization, k->name, props);
        AddAlias(id, word);
        Mention(id, EntityType::kOrganization, start, end, 0.9);
        continue;
      }
      if (const Place* p = g_.FindPlace(word)) {
        if (!(s.ctx.speech_verb && g_.IsFirstName(word))) {
          PlaceMention(*p, start, end, word);
          continue;
        }
      }
      if (g_.NeverEntity(word) || g_.IsDemonym(word) || g_.IsEventCue(word) || g_.IsOrgCue(word)) continue;
      // A title alone is an office, not a name: "Poloff responded", "the
      // Ambassador said" (a person of that surname was found above).
      if (g_.Title(word) != TitleKind::kNone) continue;
      const bool ordinary = g_.IsCommonWord(LowerAscii(word)) && !g_.IsFirstName(word) && !g_.IsFamilyName(word);
      if (org_words.count(key) && !ordinary && !g_.IsFirstName(word)) {
        const int id = AddEntity(EntityType::kOrganization, DisplayName({s.word}, 0, 0, true));
        Mention(id, EntityType::kOrganization, start, end, s.ctx.org_context ? 0.75 : 0.7);
        continue;
      }
      if (s.ctx.speech_verb && !ordinary) {
        if (g_.IsFirstName(word)) {
          Mention(-1, EntityType::kPerson, start, end, 0.6);  // "Stan said": a first name alone
        } else {
          const int id = AddEntity(EntityType::kPerson, DisplayName({s.word}, 0, 0, false));
          Mention(id, EntityType::kPerson, start, end, 0.6);
        }
        continue;
      }
      // "Marlow, a city of ...", "flew to Marlow": a place the gazetteers do not know.
      if ((s.ctx.apposition_place || s.ctx.place_preposition) && !ordinary && !g_.IsFirstName(word) &&
          !s.ordinary_start) {
        const std::string kind = s.ctx.apposition_place ? s.ctx.place_kind : "other";
        const int id = AddEntity(EntityType::kPlace, DisplayName({s.word}, 0, 0, true), {{"kind", kind}});
        Mention(id, EntityType::kPlace, start, end, s.ctx.apposition_place ? 0.75 : 0.55);
        continue;
      }
      if (s.ctx.apposition_org && !ordinary) {
        const int id = AddEntity(EntityType::kOrganization, DisplayName({s.word}, 0, 0, true));
        Mention(id, EntityType::kOrganization, start, end, 0.7);
        continue;
      }
      // Anything else is too uncertain to propose.
    }
    FoldPeople();
  }

  // One person, several names: "Pinochet" or "Reyes Matta" when "Augusto
  // Pinochet" or "Fernando Reyes Matta" is in the document too.
  void FoldPeople() {
    std::vector<int> into(out_.entities.size(), -1);
    for (size_t i = 0; i < out_.entities.size(); ++i) {
      if (out_.entities[i].type != EntityType::kPerson) continue;
      // Two people ending with this name (-2) leave it alone.
      if (const int target = names_.PersonEndingWith(norms_[i]); target >= 0) into[i] = target;
    }
    for (auto& m : out_.mentions) {
      if (m.entity >= 0 && into[static_cast<size_t>(m.entity)] >= 0) m.entity = into[static_cast<size_t>(m.entity)];
    }
    // Entities left without mentions are dropped.
    std::vector<int> used(out_.entities.size(), 0);
    for (const auto& m : out_.mentions) {
      if (m.entity >= 0) used[static_cast<size_t>(m.entity)] = 1;
    }
    std::vector<int> remap(out_.entities.size(), -1);
    std::vector<RecognizedEntity> kept;
    std::vector<std::string> kept_norms;
    for (size_t i = 0; i < out_.entities.size(); ++i) {
      if (!used[i]) continue;
      remap[i] = static_cast<int>(kept.size());
      kept.push_back(std::move(out_.entities[i]));
      kept_norms.push_back(std::move(norms_[i]));
    }
    out_.entities = std::move(kept);
    norms_ = std::move(kept_norms);
    for (auto& m : out_.mentions) {
      if (m.entity >= 0) m.entity = remap[static_cast<size_t>(m.entity)];
    }
  }

  std::string_view text_;
  std::string view_;
  const Gazetteer& g_;
  MemoryBudget* budget_;  // or null
  bool over_ = false;     // over the budget: reading stopped
  Recognition out_;
  std::unordered_map<std::pair<EntityType, std::string>, int, KeyHash<EntityType>> index_;
  std::vector<std::string> norms_;  // NormalizeName of each entity's name, by index
  NameIndex names_;                 // people and organizations by parts of their names
  std::unordered_set<std::pair<int, std::string>, KeyHash<int>> alias_keys_;  // each entity's aliases, by NormalizeName
  std::unordered_set<std::pair<int64_t, int64_t>, SpanHash> mentioned_;  // spans proposed
  std::unordered_map<std::string, int> acronyms_;
  std::vector<Single> singles_;
  std::unordered_set<int64_t> claimed_;  // starts of spans already taken as another entity's alias
};

}  // namespace

Recognition Recognize(std::string_view text, const std::vector<Span>& paragraphs, MemoryBudget* budget) {
  return Recognizer(text, budget).Run(paragraphs);
}

std::string CasedView(std::string_view text, const std::vector<Span>& paragraphs) {
  return Recognizer(text).Cased(paragraphs);
}

}  // namespace dossier::ner
