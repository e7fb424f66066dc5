// Tokenizing, case helpers and sentence splitting.
#include <catch2/catch.hpp>

#include "dossier/tokens.h"

using namespace dossier;

namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.emplace_back(t.in(text));
  return out;
}

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text)) {
    out.emplace_back(text.substr(static_cast<size_t>(s.start), static_cast<size_t>(s.end - s.start)));
  }
  return out;
}

}  // namespace

TEST_CASE("words keep inner apostrophes, hyphens and abbreviation periods", "[tokens]") {
  CHECK(Words("O'Brien met Lun-Rich in the U.S. on 7,000-mile trips.") ==
        std::vector<std::string>{"O'Brien", "met", "Lun-Rich", "in", "the", "U.S.", "on", "7,000", "-", "mile",
                                 "trips", "."});
  CHECK(Words("China’s Sun, Mr. Xu's aide") ==
        std::vector<std::string>{"China", "’s", "Sun", ",", "Mr", ".", "Xu", "'s", "aide"});
  CHECK(Words("$11.5bn (CCPIT) “Ni hao!”") ==
        std::vector<std::string>{"$", "11.5", "bn", "(", "CCPIT", ")", "“", "Ni", "hao", "!", "”"});
  CHECK(Words("São Paulo — Nguyễn") == std::vector<std::string>{"São", "Paulo", "—", "Nguyễn"});
  CHECK(Words("don't stop") == std::vector<std::string>{"don't", "stop"});
}

TEST_CASE("token kinds and offsets", "[tokens]") {
  const std::string text = "Sun’s 30 million";
  const auto t = Tokenize(text);
  REQUIRE(t.size() == 4);
  CHECK(t[0].kind == Token::Kind::kWord);
  CHECK(t[1].kind == Token::Kind::kPossessive);
  CHECK(t[2].kind == Token::Kind::kNumber);
  CHECK(t[3].kind == Token::Kind::kWord);
  CHECK(t[2].start == 8);  // "’" is three bytes: Sun 0-3, ’s 3-7
  CHECK(t[2].in(text) == "30");
}

TEST_CASE("ill-formed UTF-8 never stops tokenizing", "[tokens]") {
  const std::string text = std::string("ab\xff" "cd \xe2\x82");
  const auto t = Tokenize(text);
  REQUIRE(t.size() == 5);
  CHECK(t[1].kind == Token::Kind::kPunct);
}

TEST_CASE("case helpers", "[tokens]") {
  CHECK(StartsUpper("Sun"));
  CHECK(StartsUpper("McDearman"));
  CHECK(StartsUpper("Érico"));
  CHECK_FALSE(StartsUpper("sun"));
  CHECK_FALSE(StartsUpper("123"));
  CHECK(IsAllUpper("CCPIT"));
  CHECK(IsAllUpper("U.S."));
  CHECK_FALSE(IsAllUpper("Sun"));
  CHECK_FALSE(IsAllUpper("1234"));
  CHECK(UpperRatio("UNCLAS GUANGZHOU 032397") == 1.0);
  CHECK(UpperRatio("Sun Zhengcai said") < 0.2);
  CHECK(UpperRatio("") == 0.0);
  CHECK(LowerAscii("ÉCOLE Paris") == "École paris"); // only ASCII letters change
}

TEST_CASE("sentences end where a reader would end them", "[tokens]") {
  CHECK(Sentences("Mr. Smith met Gen. Pinochet in the U.S. on Jan. 5. He left.") ==
        std::vector<std::string>{"Mr. Smith met Gen. Pinochet in the U.S. on Jan. 5.", "He left."});
  CHECK(Sentences("“It was fine,” he said. “Really.” Then J. R. Smith arrived at 3.5 p.m.! Why?") ==
        std::vector<std::string>{"“It was fine,” he said.", "“Really.”", "Then J. R. Smith arrived at 3.5 p.m.!",
                                 "Why?"});
  CHECK(Sentences("They include Wichita, Kan., and Lexington, Ky. Many are small.") ==
        std::vector<std::string>{"They include Wichita, Kan., and Lexington, Ky. Many are small."});
  CHECK(Sentences("It grew in the U.S. The rest did not.") ==
        std::vector<std::string>{"It grew in the U.S.", "The rest did not."});
  CHECK(Sentences("A wrapped telegram line\nkeeps going. A blank line\n\nends it") ==
        std::vector<std::string>{"A wrapped telegram line\nkeeps going.", "A blank line", "ends it"});
  // "St." is an abbreviation; "31st." after digits ends a sentence.
  CHECK(Sentences("They met on St. Mark's day, December 31st.  12,000 came.") ==
        std::vector<std::string>{"They met on St. Mark's day, December 31st.", "12,000 came."});
  CHECK(Sentences("").empty());
  CHECK(Sentences("No final stop") == std::vector<std::string>{"No final stop"});
}

TEST_CASE("the token reader gives Tokenize's tokens one at a time", "[tokens]") {
  const std::string text = "China’s Sun, Mr. Xu's aide paid $11.5bn (CCPIT) in the U.S. \xff on 7,000-mile trips";
  std::vector<Token> read;
  TokenReader reader(text);
  for (Token t; reader.Next(&t);) read.push_back(t);
  const auto all = Tokenize(text);
  REQUIRE(read.size() == all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    INFO(i);
    CHECK(read[i].kind == all[i].kind);
    CHECK(read[i].start == all[i].start);
    CHECK(read[i].end == all[i].end);
  }
}

TEST_CASE("a run of tokens with no sentence end is cut at the sentence maximum", "[tokens]") {
  // A word and a comma per repetition (two tokens), no stop: two full
  // pieces, then the last ten repetitions with "end." close the third.
  std::string text;
  for (size_t i = 0; i < kMaxSentenceTokens + 10; ++i) text += "ledger, ";
  text += "end. Next one.";
  std::vector<Span> given;
  ForEachSentence(text, [&](Span s) { given.push_back(s); });
  const auto spans = SplitSentences(text);
  REQUIRE(spans.size() == 4);
  REQUIRE(given.size() == spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    CHECK(given[i].start == spans[i].start);
    CHECK(given[i].end == spans[i].end);
  }
  // The first piece holds exactly the maximum, the rest of the run follows.
  CHECK(spans[0].start == 0);
  CHECK(Tokenize(std::string_view(text).substr(0, static_cast<size_t>(spans[0].end))).size() == kMaxSentenceTokens);
  CHECK(spans[1].start == spans[0].end + 1);  // "ledger," is 7 bytes, then a space
  CHECK(spans[2].end - spans[2].start == 10 * 8 + 4);  // ten "ledger, " and "end."
  CHECK(text.substr(static_cast<size_t>(spans[3].start)) == "Next one.");
  CHECK(Sentences(text).back() == "Next one.");
}

TEST_CASE("speech verbs: one list for every extractor", "[tokens]") {
  CHECK(IsSpeechVerb("said"));
  CHECK(IsSpeechVerb("told"));
  CHECK(IsSpeechVerb("warned"));
  CHECK(IsSpeechVerb("adds"));
  CHECK(IsSpeechVerb("acknowledged"));  // the first of the list
  CHECK(IsSpeechVerb("wrote"));         // and the last
  CHECK_FALSE(IsSpeechVerb("Said"));    // lower case only
  CHECK_FALSE(IsSpeechVerb("states"));  // as often "the United States"
  CHECK_FALSE(IsSpeechVerb("walked"));
  CHECK_FALSE(IsSpeechVerb(""));
}
