#include "quotes.h"

#include <algorithm>

#include "dossier/tokens.h"

namespace dossier::ner {
namespace {

bool IsPronoun(std::string_view w) { return w == "he" || w == "she" || w == "He" || w == "She"; }

struct Mark {
  int64_t open, close;  // byte offsets of the quotation marks
};

// “...” pairs, and "..." pairs within a paragraph. The next mark of each
// kind is looked for again only once it is passed: looking afresh for a
// kind the paragraph lacks made a paragraph full of the other quadratic.
std::vector<Mark> QuoteMarks(std::string_view text, const Span& para) {
  std::vector<Mark> out;
  const std::string_view p = text.substr(static_cast<size_t>(para.start), static_cast<size_t>(para.end - para.start));
  size_t i = 0, curly = 0, straight = 0;
  bool looked = false;
  while (i < p.size()) {
    if (!looked || (curly != std::string_view::npos && curly < i)) curly = p.find("\xE2\x80\x9C", i);  // “
    if (!looked || (straight != std::string_view::npos && straight < i)) straight = p.find('"', i);
    looked = true;
    if (curly == std::string_view::npos && straight == std::string_view::npos) break;
    const bool use_curly = curly != std::string_view::npos && (straight == std::string_view::npos || curly < straight);
    const size_t open = use_curly ? curly : straight;
    const size_t open_len = use_curly ? 3 : 1;
    const size_t close = use_curly ? p.find("\xE2\x80\x9D", open + open_len) : p.find('"', open + 1);
    if (close == std::string_view::npos) break;
    out.push_back({para.start + static_cast<int64_t>(open), para.start + static_cast<int64_t>(close)});
    i = close + (use_curly ? 3 : 1);
  }
  return out;
}

// Person mentions, for names and pronouns, found by binary search: a scan
// of every person per quote made a text full of both quadratic.
class People {
 public:
  explicit People(const Recognition& r) {
    for (const auto& m : r.mentions) {
      if (m.type == EntityType::kPerson && m.entity >= 0) list_.push_back(&m);
    }
    // Within() needs them by start; a stable sort keeps the order of equal starts.
    std::stable_sort(list_.begin(), list_.end(),
                     [](const RecognizedMention* a, const RecognizedMention* b) { return a->start < b->start; });
    // LastEndingBy: for each end, the latest mention ending there or earlier.
    for (size_t i = 0; i < list_.size(); ++i) by_end_.push_back(i);
    std::stable_sort(by_end_.begin(), by_end_.end(), [&](size_t a, size_t b) { return list_[a]->end < list_[b]->end; });
    size_t latest = 0;
    for (size_t k = 0; k < by_end_.size(); ++k) {
      latest = k == 0 ? by_end_[k] : std::max(latest, by_end_[k]);
      latest_by_end_.push_back(latest);
    }
  }

  // The first person mention (in text order) inside [start, end).
  const RecognizedMention* Within(int64_t start, int64_t end) const {
    auto it = std::lower_bound(list_.begin(), list_.end(), start,
                               [](const RecognizedMention* m, int64_t at) { return m->start < at; });
    for (; it != list_.end() && (*it)->start <= end; ++it) {
      if ((*it)->end <= end) return *it;
    }
    return nullptr;
  }

  // The latest person mention (in text order) that ends by pos.
  const RecognizedMention* LastEndingBy(int64_t pos) const {
    const auto it = std::upper_bound(by_end_.begin(), by_end_.end(), pos,
                                     [&](int64_t at, size_t i) { return at < list_[i]->end; });
    if (it == by_end_.begin()) return nullptr;
    return list_[latest_by_end_[static_cast<size_t>(it - by_end_.begin()) - 1]];
  }

 private:
  std::vector<const RecognizedMention*> list_;
  std::vector<size_t> by_end_;         // indices into list_, by end
  std::vector<size_t> latest_by_end_;  // the largest index among by_end_[0..k]
};

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const Recognition& r, const std::vector<Span>& paragraphs) {
  std::vector<Quote> out;
  const People people(r);
  auto person_at = [&](int64_t start, int64_t end) { return people.Within(start, end); };
  auto last_person_before = [&](int64_t pos) { return people.LastEndingBy(pos); };

  for (const Span& para : paragraphs) {
    for (const Mark& q : QuoteMarks(text, para)) {
      const size_t open_len = text.compare(static_cast<size_t>(q.open), 3, "\xE2\x80\x9C") == 0 ? 3 : 1;
      Quote quote;
      quote.start = q.open + static_cast<int64_t>(open_len);
      quote.end = q.close;
      // Trim a closing comma or period inside the marks: “…,” said X.
      while (quote.end > quote.start && (text[static_cast<size_t>(quote.end - 1)] == ',' ||
                                         text[static_cast<size_t>(quote.end - 1)] == ' ')) {
        --quote.end;
      }
      const std::string_view words = text.substr(static_cast<size_t>(quote.start), static_cast<size_t>(quote.end - quote.start));
      // Scare quotes ("not acceptable") are not statements: at least three words
      // or an exclamation ("Chelizi!").
      size_t n_words = 0;
      for (const Token& t : Tokenize(words)) n_words += t.kind == Token::Kind::kWord;
      if (n_words < 3 && words.find('!') == std::string_view::npos) continue;

      const size_t close_len = text.compare(static_cast<size_t>(q.close), 3, "\xE2\x80\x9D") == 0 ? 3 : 1;
      // After the quote: “…,” said X / “…,” X said / “…,” he said.
      const int64_t after = q.close + static_cast<int64_t>(close_len);
      const int64_t after_end = std::min<int64_t>(para.end, after + 120);
      const std::string_view tail = text.substr(static_cast<size_t>(after), static_cast<size_t>(after_end - after));
      const auto tt = Tokenize(tail);
      const RecognizedMention* speaker = nullptr;
      int64_t sp_start = -1, sp_end = -1;
      double confidence = 0.9;
      size_t k = 0;
      if (k < tt.size() && tt[k].in(tail) == ",") ++k;
      if (k < tt.size() && IsSpeechVerb(tt[k].in(tail))) {
        // said X: the mention right after the verb.
        if (k + 1 < tt.size()) {
          const int64_t s = after + tt[k + 1].start;
          if (IsPronoun(tt[k + 1].in(tail))) {
            speaker = last_person_before(q.open);
            sp_start = s;
            sp_end = after + tt[k + 1].end;
            confidence = 0.75;
          } else {
            speaker = person_at(s, after_end);
            if (speaker && speaker->start != s) speaker = nullptr;
          }
        }
      } else if (k < tt.size()) {
        // X said / he said, within a few words.
        for (size_t j = k; j < tt.size() && j < k + 6; ++j) {
          if (!IsSpeechVerb(tt[j].in(tail))) continue;
          const int64_t s = after + tt[k].start, e = after + tt[j].start;
          if (IsPronoun(tt[k].in(tail)) && j == k + 1) {
            speaker = last_person_before(q.open);
            sp_start = s;
            sp_end = after + tt[k].end;
            confidence = 0.75;
          } else {
            speaker = person_at(s, e);
          }
          break;
        }
      }
      // Before the quote: X said, “…” / X said: “…” in the same sentence.
      if (!speaker) {
        const int64_t from = std::max<int64_t>(para.start, q.open - 100);
        const std::string_view head = text.substr(static_cast<size_t>(from), static_cast<size_t>(q.open - from));
        const auto ht = Tokenize(head);
        for (size_t j = ht.size(); j > 0; --j) {
          const std::string_view w = ht[j - 1].in(head);
          if (w == "." || w == "”" || w == "\"") break;  // another sentence
          if (!IsSpeechVerb(w)) continue;
          for (size_t back = j - 1; back > 0 && back + 6 > j; --back) {
            const int64_t s = from + ht[back - 1].start;
            if (IsPronoun(ht[back - 1].in(head))) {
              speaker = last_person_before(s);
              sp_start = s;
              sp_end = from + ht[back - 1].end;
              confidence = 0.7;
              break;
            }
            if (const auto* m = person_at(s, from + ht[j - 1].start)) {
              speaker = m;
              break;
            }
          }
          break;
        }
      }
      if (!speaker) continue;
      quote.speaker = speaker->entity;
      if (sp_start < 0) {
        sp_start = speaker->start;
        sp_end = speaker->end;
      }
      quote.speaker_start = sp_start;
      quote.speaker_end = sp_end;
      quote.confidence = confidence * speaker->confidence;
      out.push_back(quote);
    }
  }
  return out;
}

}  // namespace dossier::ner
