// Reading the body of a cable (see body.h).
#include "body.h"

#include <algorithm>
#include <optional>

#include "header.h"
#include "markers.h"
#include "tables.h"

namespace dossier::cable {
namespace {

// A run of text lines between blank lines, page breaks, rules and paragraph starts.
struct Block {
  size_t start = 0, end = 0;  // trimmed
  int lines = 0;
  bool after_blank = false;
  bool after_page_break = false;
  bool after_rule = false;
  bool before_rule = false;
  bool ruled_heading = false;  // "------- Summary -------"
  bool trailer = false;        // NNNN, BT, a print tracker ...
  ParaMarker marker;
  bool has_marker = false;
};

std::vector<Block> ReadBlocks(std::string_view text, const std::vector<Line>& lines, size_t from) {
  std::vector<Block> blocks;
  bool open = false, blank = false, page_break = false, rule = false;
  int last_number = 0;
  auto close = [&] { open = false; };
  size_t first = 0;
  while (first < lines.size() && lines[first].end < from) ++first;
  for (size_t li = first; li < lines.size(); ++li) {
    const size_t ls = std::max(from, lines[li].start);
    const std::string_view raw = text.substr(ls, lines[li].end - ls);
    const std::string_view t = TrimView(raw);
    if (t.empty()) {
      close();
      blank = true;
      continue;
    }
    const size_t ts = static_cast<size_t>(t.data() - text.data());
    if (IsPageBreak(t)) {
      close();
      page_break = true;
      continue;
    }
    if (IsRule(t)) {
      if (!blocks.empty() && open) blocks.back().before_rule = true;
      if (!blocks.empty() && !open && !blank) blocks.back().before_rule = true;
      close();
      rule = true;
      continue;
    }
    size_t hs = 0, hl = 0;
    const bool ruled = RuledHeading(t, &hs, &hl);
    const bool trailer = IsTrailer(t);
    ParaMarker pm;
    const bool marker = !ruled && !trailer && ReadParaMarker(t, &pm);
    // A numbered line opens a paragraph even without a blank line before it,
    // if it carries a ¶ or the number that comes next.
    const bool opens = marker && (pm.pilcrow || (pm.number >= 0 && (pm.number == last_number + 1 || last_number == 0)));
    if (open && !ruled && !trailer && !opens) {
      Block& b = blocks.back();
      b.end = ts + t.size();
      ++b.lines;
      continue;
    }
    Block b;
    b.start = ruled ? ts + hs : ts;
    b.end = ruled ? ts + hs + hl : ts + t.size();
    b.lines = 1;
    b.after_blank = blank;
    b.after_page_break = page_break;
    b.after_rule = rule;
    b.ruled_heading = ruled;
    b.trailer = trailer;
    b.has_marker = marker;
    if (marker) {
      b.marker = pm;
      if (pm.number >= 0) last_number = pm.number;
    }
    blocks.push_back(b);
    open = !ruled && !trailer;
    blank = page_break = rule = false;
  }
  return blocks;
}

// The block's tail from the next paragraph number run into it (see
// SplitRunTogether), or false; b is cut short before it.
bool SplitOff(std::string_view text, int last, Block& b, Block* tail) {
  const std::string want = " " + std::to_string(last + 1) + ".";
  const std::string_view upto = text.substr(0, b.end);  // look inside this block only
  for (size_t at = upto.find(want, b.start + 1); at != std::string_view::npos; at = upto.find(want, at + 1)) {
    const char before = text[at - 1];
    if (!(before == '.' || before == '"' || before == ')' || before == ' ' || before == '?')) continue;
    ParaMarker pm;
    if (!ReadParaMarker(text.substr(at + 1, b.end - at - 1), &pm) || pm.marking.empty() || pm.number != last + 1) continue;
    *tail = b;
    tail->start = at + 1;
    tail->marker = pm;
    tail->has_marker = true;
    tail->after_blank = tail->after_page_break = tail->after_rule = false;
    tail->lines = 1;
    b.end = at;
    while (b.end > b.start && IsSpace(text[b.end - 1])) --b.end;
    b.before_rule = false;
    return true;
  }
  return false;
}

// Copies that lost their line ends run paragraphs together: "... detailed
// suggestions. 2. (C) We should ...". Splits a block where the next
// paragraph number (with a portion marking) follows a full stop. From the
// first block split on, the blocks go into a new list (inserting each piece
// into the old one made a long run quadratic); before it, they stay put.
void SplitRunTogether(std::string_view text, std::vector<Block>* blocks, std::vector<std::string>* notes) {
  int last = 0;
  std::vector<int> split;
  std::vector<Block> out;
  bool moved = false;  // whether the blocks are going into out
  for (size_t k = 0; k < blocks->size(); ++k) {
    Block b = moved ? std::move((*blocks)[k]) : Block();
    Block& at = moved ? b : (*blocks)[k];
    for (Block tail;;) {  // a piece split off is looked at next
      if (at.has_marker && at.marker.number > 0) last = at.marker.number;
      const bool split_off = !at.ruled_heading && !at.trailer && last != 0 && SplitOff(text, last, at, &tail);
      if (split_off && !moved) {
        moved = true;
        out.reserve(blocks->size() + 1);
        for (size_t j = 0; j < k; ++j) out.push_back(std::move((*blocks)[j]));
      }
      if (moved) out.push_back(std::move(at));
      if (!split_off) break;
      split.push_back(tail.marker.number);
      at = std::move(tail);
    }
  }
  if (moved) *blocks = std::move(out);
  if (split.empty()) return;
  std::string list;
  for (int n : split) list += (list.empty() ? "" : ", ") + std::to_string(n);
  notes->push_back("paragraph" + std::string(split.size() > 1 ? "s " : " ") + list +
                   " began mid-line (the copy lost its line ends)");
}

// Whether a line is a signer's name: "PYATT", "VAN VOORST", "van Voorst", "Murray".
bool NameLike(std::string_view s) {
  s = TrimView(s);
  if (s.empty() || s.size() > 40 || IsTrailer(s)) return false;
  static constexpr std::string_view kParticles[] = {"van", "de", "da", "von", "del", "la", "le", "di", "du", "bin", "al"};
  static constexpr std::string_view kNotNames[] = {"END", "SUMMARY", "COMMENT", "NOTE", "TEXT", "SIPDIS", "CLASSIFIED",
                                                   "DECLASSIFIED", "UNCLASSIFIED", "SECRET", "CONFIDENTIAL", "SENSITIVE"};
  size_t words = 0, letters = 0, x = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    const std::string_view w = s.substr(i, j - i);
    if (!w.empty()) {
      ++words;
      const bool particle = std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles);
      if (!particle && !IsUpper(w[0])) return false;
      for (char c : w) {
        if (!(IsAlpha(c) || c == '.' || c == '-' || c == '\'')) return false;
        letters += IsAlpha(c);
        x += c == 'X';
      }
      if (std::find(std::begin(kNotNames), std::end(kNotNames), ToUpper(w)) != std::end(kNotNames)) return false;
    }
    i = j + 1;
  }
  return words >= 1 && words <= 4 && letters >= 2 && x < letters;  // "XXXXXXXXXXXX" is a redaction
}

// The signer's line cleaned of debris: "STEVENS 0 12/23/2007" -> "STEVENS",
// "KUBISKE KUBISKE" -> "KUBISKE", "SOBEL ." -> "SOBEL". Returns the span kept.
std::pair<size_t, size_t> CleanSigner(std::string_view text, size_t start, size_t end, std::vector<std::string>* notes) {
  std::string_view s = text.substr(start, end - start);
  const std::string_view original = TrimView(s);
  // A row number and date left over from the site's data: "NAME 0 12/23/2007".
  if (const size_t zero = s.find(" 0 "); zero != std::string_view::npos && s.find('/', zero) != std::string_view::npos) {
    s = s.substr(0, zero);
  }
  s = TrimRightOf(s, ".,\"");
  // "KUBISKE KUBISKE": the name typed twice.
  if (const size_t sp = s.find(' '); sp != std::string_view::npos && s.substr(0, sp) == s.substr(sp + 1)) {
    s = s.substr(0, sp);
  }
  if (TrimView(s) != TrimRightOf(original, ".")) {
    notes->push_back("signer line \"" + std::string(original) + "\" read as \"" + std::string(TrimView(s)) + "\"");
  }
  s = TrimView(s);
  const size_t b = static_cast<size_t>(s.data() - text.data());
  return {b, b + s.size()};
}

// "Summary", "SUMMARY AND COMMENT:", "Comment" at s: the marker's length
// (with its punctuation) or 0. *both is set for "SUMMARY AND COMMENT".
size_t SectionMarker(std::string_view s, std::string_view word, bool* both) {
  if (!StartsWithCI(s, word) || !AtWordEnd(s, word.size())) return 0;
  size_t i = word.size();
  if (word == "SUMMARY" && StartsWithCI(s.substr(i), " AND COMMENT")) {
    i += 12;
    if (both) *both = true;
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size()) return i;
  if (s[i] == ':' || s[i] == '.' || s[i] == '-') {
    ++i;
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
  }
  return 0;
}

// Prose from a passage: lines joined by spaces, paragraphs by a blank line,
// page-break lines dropped.
std::string Prose(std::string_view text, size_t start, size_t end) {
  std::string out;
  bool pending_break = false;
  for (const Line& l : SplitLines(text.substr(start, end - start))) {
    const std::string_view t = TrimView(text.substr(start + l.start, l.end - l.start));
    if (t.empty()) {
      pending_break = !out.empty();
      continue;
    }
    if (IsPageBreak(t)) continue;
    if (!out.empty()) out += pending_break ? "\n\n" : " ";
    pending_break = false;
    out += CollapseSpaces(t);
  }
  return out;
}

// The END markers of a passage ("END SUMMARY", "END OF COMMENT"), found in
// one pass over the text: looking from each passage to the end of the
// text made a cable of many COMMENT paragraphs quadratic.
class EndMarkers {
 public:
  EndMarkers(std::string_view text, std::string_view word) {
    // "END" cannot overlap itself, so stepping past each finds them all.
    for (size_t at = FindCI(text, "END", 0); at != std::string_view::npos; at = FindCI(text, "END", at + 3)) {
      if (!AtWordStart(text, at)) continue;
      size_t i = at + 3;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
      if (StartsWithCI(text.substr(i), "OF ")) i += 3;
      while (i < text.size() && text[i] == ' ') ++i;
      if (StartsWithCI(text.substr(i), word)) at_.push_back(at);
    }
  }
  // The first marker at or after pos and before limit: its start, or npos.
  size_t Find(size_t pos, size_t limit) const {
    const auto it = std::lower_bound(at_.begin(), at_.end(), pos);
    return it != at_.end() && *it < limit ? *it : std::string_view::npos;
  }

 private:
  std::vector<size_t> at_;
};

// The paragraph label as the notes quote it: "paragraph 4", "paragraph \"15.\"".
std::string Named(const Paragraph& p) {
  if (p.number >= 0) return "paragraph " + std::to_string(p.number);
  return p.label.empty() ? "an unnumbered paragraph" : "paragraph " + p.label;
}

// Numbers typed wrong: "15." between 4 and 6 is 5. A jump that the next
// paragraph confirms (4, 15, 16) is kept and noted instead.
void CheckNumbering(Cable* cable) {
  std::vector<Paragraph*> numbered;
  for (Paragraph& p : cable->paragraphs) {
    if (!p.heading && p.number >= 0 && p.note.empty()) numbered.push_back(&p);
  }
  int prev = 0;
  for (size_t k = 0; k < numbered.size(); ++k) {
    Paragraph& p = *numbered[k];
    const int n = p.number, expected = prev + 1;
    if (n == expected) {
      prev = n;
      continue;
    }
    const int next = k + 1 < numbered.size() ? numbered[k + 1]->number : -1;
    const std::string typed = std::to_string(n), want = std::to_string(expected);
    const bool confirmed = next == n + 1;
    const bool typo = n != prev && !confirmed &&
                      ((typed.size() > want.size() && typed.compare(typed.size() - want.size(), want.size(), want) == 0) ||
                       next == expected + 1);
    const std::string where = prev > 0 ? "after paragraph " + std::to_string(prev) : "at the start";
    if (next == expected && n != prev) {
      // "¶2 ... ¶24 ... ¶3": a stray number between two that follow each other.
      cable->notes.push_back("a paragraph numbered \"" + typed + ".\" between paragraphs " + std::to_string(prev) +
                             " and " + want + " is out of sequence");
      p.note = "numbered out of sequence";
    } else if (typo) {
      cable->notes.push_back("a paragraph numbered \"" + typed + ".\" " + where + " is read as paragraph " + want);
      p.note = "numbered \"" + typed + ".\" in the text";
      p.number = expected;
      prev = expected;
    } else if (n == prev) {
      cable->notes.push_back("paragraph number " + typed + " appears twice");
      p.note = "number repeated";
    } else {
      cable->notes.push_back(prev == 0 ? "paragraph numbers start at " + typed
                                       : "paragraph numbers " + std::string(n > prev ? "jump" : "go back") + " from " +
                                             std::to_string(prev) + " to " + typed);
      prev = n;
    }
  }
}

// Takes text[start, end) as the signer when it is a name (after cleaning).
bool TakeSigner(std::string_view text, size_t start, size_t end, Cable* cable) {
  std::vector<std::string> notes;
  const auto [b, e] = CleanSigner(text, start, end, &notes);
  if (b >= e || !NameLike(text.substr(b, e - b))) return false;
  cable->signer = {std::string(text.substr(b, e - b)), {static_cast<int64_t>(b), static_cast<int64_t>(e)}};
  cable->notes.insert(cable->notes.end(), notes.begin(), notes.end());
  return true;
}

// The signer closes the cable: a last line of its own, or, in copies that
// lost their line ends, the name run into the last paragraph ("... funding. WHITE").
void ReadSigner(std::string_view text, Cable* cable, std::vector<size_t>* content_start) {
  auto& paras = cable->paragraphs;
  if (paras.empty() || paras.back().heading) return;
  Paragraph& last = paras.back();
  const size_t ps = static_cast<size_t>(last.span.start), pe = static_cast<size_t>(last.span.end);
  const std::string_view whole = text.substr(ps, pe - ps);
  const size_t nl = whole.rfind('\n');
  if (nl == std::string_view::npos) {
    if (last.label.empty() && last.marking.empty() && TakeSigner(text, ps, pe, cable)) {
      paras.pop_back();
      content_start->pop_back();
      return;
    }
  } else {
    // A last line of its own: after a finished sentence, or a name in
    // capitals under mixed-case text ("... Ramadan" / "RICCIARDONE").
    const std::string_view before = whole.substr(0, nl);
    const std::string_view last_line = TrimView(whole.substr(nl + 1));
    const bool stands_out = MostlyUpper(last_line, 1.0) && !MostlyUpper(before, 0.9);
    if ((EndsSentence(before) || stands_out) && TakeSigner(text, ps + nl + 1, pe, cable)) {
      last.span.end = static_cast<int64_t>(ps + TrimView(before).size() + (TrimView(before).data() - before.data()));
      return;
    }
  }
  const size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
  const std::string_view line = whole.substr(line_start);
  const size_t dot = line.rfind(". ");
  if (dot == std::string_view::npos) return;
  // What follows the last full stop, when it is a name with no stop of its
  // own: "... closely. Danilovich", "... NEW ONES. POPE".
  const std::string_view name = TrimView(line.substr(dot + 2));
  static constexpr std::string_view kWords[] = {"THE", "AND", "BUT", "WE", "HE", "SHE", "IT", "THEY", "THIS",
                                                "THAT", "IN", "ON", "FOR", "TO", "OF", "BEGIN", "THANKS"};
  if (name.size() < 3 || name.find(' ', name.find(' ') + 1) != std::string_view::npos || !TagMeaning(name).empty() ||
      std::find(std::begin(kWords), std::end(kWords), ToUpper(name)) != std::end(kWords)) {
    return;
  }
  const size_t ns = static_cast<size_t>(name.data() - text.data());
  if (TakeSigner(text, ns, ns + name.size(), cable)) {
    last.span.end = static_cast<int64_t>(ps + line_start + dot + 1);
    cable->notes.push_back("the signer's name \"" + cable->signer.value + "\" runs into the last paragraph");
  }
}

// SUMMARY ... END SUMMARY and COMMENT ... END COMMENT, also when the marker
// is a heading ("-------\nSummary\n-------") or inline "(Comment: ...)".
void ReadPassages(std::string_view text, const std::vector<size_t>& content_start, Cable* cable) {
  const auto& paras = cable->paragraphs;
  if (paras.empty()) return;
  const size_t limit = static_cast<size_t>(paras.back().span.end);
  auto para_end = [&](size_t k) { return static_cast<size_t>(paras[k].span.end); };
  auto next_non_heading = [&](size_t k) {
    while (k < paras.size() && paras[k].heading) ++k;
    return k;
  };
  // Where a passage started by paragraph k (or a heading before it) ends
  // without its END marker: that paragraph, or up to the next heading.
  auto fallback_end = [&](size_t k, bool from_heading) {
    if (!from_heading) return para_end(k);
    size_t e = k;
    while (e + 1 < paras.size() && !paras[e + 1].heading) ++e;
    return para_end(e);
  };

  bool both = false;
  for (size_t k = 0; k < paras.size(); ++k) {
    const Paragraph& p = paras[k];
    size_t start = std::string_view::npos, from = k;
    bool from_heading = false;
    if (p.heading) {
      const std::string t = ToUpper(p.section);
      if (t == "SUMMARY" || t == "SUMMARY AND COMMENT" || t == "EXECUTIVE SUMMARY") {
        both = t == "SUMMARY AND COMMENT";
        from = next_non_heading(k + 1);
        if (from >= paras.size()) break;
        start = content_start[from];
        from_heading = true;
      }
    } else if (size_t m = SectionMarker(text.substr(content_start[k], para_end(k) - content_start[k]), "SUMMARY", &both); m > 0) {
      start = content_start[k] + m;
    }
    if (start == std::string_view::npos) continue;
    size_t end = EndMarkers(text, "SUMMARY").Find(start, limit);
    if (end == std::string_view::npos) {
      end = fallback_end(from, from_heading);
      cable->notes.push_back("no END SUMMARY: the summary is taken to the end of " +
                             (from_heading ? std::string("its section") : Named(paras[from])));
    }
    const std::string value = Prose(text, start, end);
    if (!value.empty()) {
      cable->summary = {value, {static_cast<int64_t>(start), static_cast<int64_t>(end)}};
      if (both) cable->comment = cable->summary;
    }
    break;
  }

  // Comments: there may be several; each ends at its END COMMENT or its
  // paragraph. (The markers are looked for once there is a comment.)
  std::optional<EndMarkers> ends;
  auto comment_end = [&](size_t start) {
    if (!ends) ends.emplace(text, "COMMENT");
    return ends->Find(start, limit);
  };
  std::vector<std::pair<size_t, size_t>> comments;
  for (size_t k = 0; k < paras.size(); ++k) {
    const Paragraph& p = paras[k];
    std::vector<std::pair<size_t, bool>> starts;  // start, whether it opened with "("
    if (p.heading) {
      // "Comment", "Comment: A Stormy Session - But Life Goes On"
      if (SectionMarker(p.section, "COMMENT", nullptr) > 0 || EqualsCI(p.section, "COMMENT")) {
        const size_t from = next_non_heading(k + 1);
        if (from < paras.size()) {
          const size_t end = comment_end(content_start[from]);
          comments.emplace_back(content_start[from], end == std::string_view::npos ? fallback_end(from, true) : end);
        }
      }
      continue;
    }
    const std::string_view body = text.substr(content_start[k], para_end(k) - content_start[k]);
    if (size_t m = SectionMarker(body, "COMMENT", nullptr); m > 0) starts.emplace_back(content_start[k] + m, false);
    for (size_t at = FindCI(body, "(COMMENT"); at != std::string_view::npos; at = FindCI(body, "(COMMENT", at + 8)) {
      if (size_t m = SectionMarker(body.substr(at + 1), "COMMENT", nullptr); m > 0) {
        starts.emplace_back(content_start[k] + at + 1 + m, true);
      }
    }
    size_t close = 0;  // the next ")" in the paragraph (0: not looked for yet; never at a start)
    for (const auto& [start, paren] : starts) {
      if (!comments.empty() && start < comments.back().second) continue;  // inside the previous one
      size_t end = comment_end(start);
      if (end == std::string_view::npos) {
        end = para_end(k);
        if (paren) {
          if (close != std::string_view::npos && close < start) close = text.substr(0, end).find(')', start);
          if (close != std::string_view::npos && close < end) end = close;
        }
      }
      comments.emplace_back(start, end);
    }
  }
  // Each passage is looked for in those gathered before it, so how many are
  // gathered is bounded (a real cable has a handful); the rest stay in the
  // text, and a note says so.
  constexpr size_t kMaxCommentPassages = 1000;
  constexpr size_t kMaxCommentBytes = 256 << 10;
  size_t looked = 0, left_out = 0;
  for (const auto& [start, end] : comments) {
    if (looked == kMaxCommentPassages || cable->comment.value.size() > kMaxCommentBytes) {
      ++left_out;
      continue;
    }
    ++looked;
    const std::string value = Prose(text, start, end);
    if (value.empty()) continue;
    if (cable->comment.empty()) {
      cable->comment = {value, {static_cast<int64_t>(start), static_cast<int64_t>(end)}};
    } else if (cable->comment.value.find(value) == std::string::npos) {
      cable->comment.value += "\n\n" + value;
      cable->comment.span.end = static_cast<int64_t>(end);
    }
  }
  if (left_out > 0) {
    cable->notes.push_back(std::to_string(left_out) + " more comment passages are left out of the comment property (they stay in the text)");
  }
}

// "¶1. (U) CLASSIFIED BY DCM ROBERT S. DEUTSCH; REASONS 1.5 (B) AND (D).":
// some cables state it in their first paragraph instead of the header.
void FindClassifiedBy(std::string_view text, const std::vector<size_t>& content_start, Cable* cable) {
  size_t seen = 0;
  for (size_t k = 0; k < cable->paragraphs.size() && seen < 2; ++k) {
    const Paragraph& p = cable->paragraphs[k];
    if (p.heading) continue;
    ++seen;
    const size_t start = content_start[k], end = static_cast<size_t>(p.span.end);
    const std::string_view body = text.substr(start, end - start);
    const size_t at = FindCI(body, "CLASSIFIED BY");
    if (at == std::string_view::npos || at > 8) continue;
    size_t v = at + 13;
    while (v < body.size() && (body[v] == ' ' || body[v] == ':')) ++v;
    cable->classified_by = ParseClassifiedBy(body.substr(v));
    cable->classified_by.span = {static_cast<int64_t>(start + at), static_cast<int64_t>(end)};
    cable->notes.push_back("the classified-by line is in " + Named(p));
    return;
  }
}

}  // namespace

void ParseBody(std::string_view text, const std::vector<Line>& lines, size_t from, Cable* cable) {
  std::vector<Block> blocks = ReadBlocks(text, lines, from);
  SplitRunTogether(text, &blocks, &cable->notes);

  // Trailing debris: notes for what is more than an end-of-message mark. A
  // last line in capitals cut off with "..." is a page's preview of another
  // cable ("DANIEL ORTEGA AN..."), not part of this one.
  auto cut_off = [&](const Block& b) {
    const std::string_view t = text.substr(b.start, b.end - b.start);
    return b.lines == 1 && t.size() <= 80 && t.size() > 3 && t.substr(t.size() - 3) == "..." && MostlyUpper(t);
  };
  while (!blocks.empty() && (blocks.back().trailer || cut_off(blocks.back()))) {
    const std::string_view t = text.substr(blocks.back().start, blocks.back().end - blocks.back().start);
    if (t.size() > 4) cable->notes.push_back("text after the cable: \"" + CollapseSpaces(t) + "\"");
    blocks.pop_back();
  }
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.trailer; }), blocks.end());

  // Headings: between or above rules, or a short line of their own just
  // before a numbered paragraph.
  for (size_t k = 0; k < blocks.size(); ++k) {
    Block& b = blocks[k];
    if (b.ruled_heading) continue;
    const std::string_view t = text.substr(b.start, b.end - b.start);
    if (b.lines == 1 && b.before_rule && !b.has_marker && t.size() <= 120) {
      b.ruled_heading = true;
      continue;
    }
    const bool next_numbered = k + 1 < blocks.size() && blocks[k + 1].has_marker &&
                               (blocks[k + 1].marker.number >= 0 || blocks[k + 1].marker.pilcrow);
    if (b.lines == 1 && !b.has_marker && next_numbered && t.size() <= 80 && IsUpper(t[0]) && k > 0 &&
        (b.after_blank || b.after_rule) && blocks[k + 1].after_blank && t.back() != '.' && t.back() != ',' &&
        t.back() != ';' && t.back() != ':' && t.substr(0, 2) != "--") {
      b.ruled_heading = true;
    }
  }

  // Paragraphs, joining the pieces of one that a blank line or a page break cut.
  std::vector<size_t> content_start;  // per paragraph: after its label and marking
  std::string section;
  for (const Block& b : blocks) {
    const std::string_view t = text.substr(b.start, b.end - b.start);
    if (b.ruled_heading) {
      section = std::string(TrimRightOf(CollapseSpaces(t), ":-"));
      Paragraph h;
      h.span = {static_cast<int64_t>(b.start), static_cast<int64_t>(b.end)};
      h.heading = true;
      h.section = section;
      cable->paragraphs.push_back(h);
      content_start.push_back(b.start);
      continue;
    }
    Paragraph* prev = nullptr;
    for (auto it = cable->paragraphs.rbegin(); it != cable->paragraphs.rend(); ++it) {
      if (!it->heading) prev = &*it;
      break;
    }
    if (prev && !b.has_marker) {
      const std::string_view prev_text = text.substr(static_cast<size_t>(prev->span.start),
                                                     static_cast<size_t>(prev->span.end - prev->span.start));
      // Cut by a blank line or page break: the next piece opens in lower case
      // ("U.S.\n\nsuppliers"), or a page break falls mid-sentence.
      const bool bullet = t.size() > 1 && t[0] == 'o' && t[1] == ' ';  // "o Poland has received ..."
      const bool cut = (IsLower(t[0]) && !bullet) || (b.after_page_break && !EndsSentence(prev_text));
      if (cut && !b.after_page_break) {
        prev->span.end = static_cast<int64_t>(b.end);
        const std::string which = prev->number >= 0 || !prev->label.empty()
                                      ? Named(*prev)
                                      : "the paragraph \"" + std::string(Utf8Prefix(prev_text, 20)) + "...\"";
        cable->notes.push_back(which + " goes on after a stray blank line");
        continue;
      }
      if (cut) {
        Paragraph p = *prev;
        p.span = {static_cast<int64_t>(b.start), static_cast<int64_t>(b.end)};
        p.note = "continues after a page break";
        cable->paragraphs.push_back(p);
        content_start.push_back(b.start);
        continue;
      }
    }
    Paragraph p;
    p.span = {static_cast<int64_t>(b.start), static_cast<int64_t>(b.end)};
    p.section = section;
    size_t cs = b.start;
    if (b.has_marker) {
      p.number = b.marker.number;
      p.label = (b.marker.pilcrow ? "\xC2\xB6" : "") + b.marker.label;
      p.marking = b.marker.marking;
      cs = b.start + b.marker.end;
      while (cs < b.end && IsSpace(text[cs])) ++cs;
    }
    cable->paragraphs.push_back(p);
    content_start.push_back(cs);
  }
  CheckNumbering(cable);
  ReadSigner(text, cable, &content_start);
  ReadPassages(text, content_start, cable);
  if (cable->classified_by.empty()) FindClassifiedBy(text, content_start, cable);

  size_t upper = 0, letters = 0;
  for (const Paragraph& p : cable->paragraphs) {
    if (p.heading) continue;
    for (int64_t i = p.span.start; i < p.span.end; ++i) {
      const char c = text[static_cast<size_t>(i)];
      upper += IsUpper(c);
      letters += IsAlpha(c);
    }
  }
  cable->all_caps = letters > 0 && upper >= letters * 95 / 100;
}

}  // namespace dossier::cable
