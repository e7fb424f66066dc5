#include "sqlite/fts_query.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace dossier::sqlite {
namespace {

struct Token {
  enum Kind { kTerm, kAnd, kOr, kNot, kOpen, kClose } kind;
  std::string text;     // for terms: the FTS5 string ("quoted", maybe with *)
  bool negated = false;  // -word
  std::string raw;       // as typed, for messages and for operators demoted to words
};

// Control characters (NUL included: FTS5 reads a string only up to one) separate words.
bool IsSpace(char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; }

// Whether FTS5's unicode61 tokenizer would find at least one token in s.
bool HasWordChars(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return true;
    }
  }
  return false;
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else if (IsSpace(c)) out += ' ';  // a NUL would end the string for FTS5
    else out += c;
  }
  out += "\"";
  return out;
}

// A tsquery lexeme in quotes: the text parser splits it into words as it
// splits the indexed text ("foo-bar" is foo-bar, foo and bar in a row, as
// in the index), so it means what an FTS5 string means.
std::string QuoteTsquery(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += c;
    out += IsSpace(c) ? ' ' : c;
  }
  out += "'";
  return out;
}

Token MakeTerm(std::string_view body, bool prefix, bool negated, std::string_view raw, QuerySyntax syntax) {
  if (syntax == QuerySyntax::kTsquery) {
    return Token{Token::kTerm, QuoteTsquery(body) + (prefix ? ":*" : ""), negated, std::string(raw)};
  }
  return Token{Token::kTerm, Quote(body) + (prefix ? "*" : ""), negated, std::string(raw)};
}

std::vector<Token> Lex(std::string_view q, QuerySyntax syntax) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (IsSpace(c)) {
      ++i;
    } else if (c == '(') {
      out.push_back({Token::kOpen, "", false, "("});
      ++i;
    } else if (c == ')') {
      out.push_back({Token::kClose, "", false, ")"});
      ++i;
    } else if (c == '"' || (c == '-' && i + 1 < q.size() && q[i + 1] == '"')) {
      const bool negated = c == '-';
      i += negated ? 2 : 1;
      const size_t end = q.find('"', i);
      std::string_view body = q.substr(i, end == std::string_view::npos ? q.size() - i : end - i);
      i = end == std::string_view::npos ? q.size() : end + 1;
      bool prefix = false;
      if (i < q.size() && q[i] == '*') {
        prefix = true;
        ++i;
      }
      if (HasWordChars(body)) out.push_back(MakeTerm(body, prefix, negated, body, syntax));
    } else {
      size_t j = i;
      while (j < q.size() && !IsSpace(q[j]) && q[j] != '"' && q[j] != '(' && q[j] != ')') ++j;
      std::string_view word = q.substr(i, j - i);
      i = j;
      if (word == "AND") {
        out.push_back({Token::kAnd, "", false, "AND"});
        continue;
      }
      if (word == "OR") {
        out.push_back({Token::kOr, "", false, "OR"});
        continue;
      }
      if (word == "NOT") {
        out.push_back({Token::kNot, "", false, "NOT"});
        continue;
      }
      bool negated = false;
      if (word.size() > 1 && word.front() == '-') {
        negated = true;
        word.remove_prefix(1);
      }
      bool prefix = false;
      while (!word.empty() && word.back() == '*') {
        prefix = true;
        word.remove_suffix(1);
      }
      if (HasWordChars(word)) out.push_back(MakeTerm(word, prefix, negated, word, syntax));
    }
  }
  return out;
}

bool StartsOperand(const Token& t) { return t.kind == Token::kTerm || t.kind == Token::kOpen; }
bool EndsOperand(const Token& t) { return t.kind == Token::kTerm || t.kind == Token::kClose; }

// An operator keeps its meaning only between two operands; elsewhere it is the
// plain word. Parentheses are balanced: stray ")" dropped, missing ")" added,
// "()" removed, nesting capped (FTS5's parser has a depth limit).
std::vector<Token> Normalize(std::vector<Token> in, QuerySyntax syntax) {
  constexpr int kMaxDepth = 8;  // FTS5's parser overflows near 30 nested groups; people use two or three
  std::vector<Token> balanced;
  int depth = 0;
  int skipped_opens = 0;  // opens beyond kMaxDepth, dropped with their closes
  for (auto& t : in) {
    if (t.kind == Token::kOpen) {
      if (depth >= kMaxDepth) {
        ++skipped_opens;
        continue;
      }
      ++depth;
    } else if (t.kind == Token::kClose) {
      if (skipped_opens > 0) {
        --skipped_opens;
        continue;
      }
      if (depth == 0) continue;
      if (!balanced.empty() && balanced.back().kind == Token::kOpen) {  // "()"
        balanced.pop_back();
        --depth;
        continue;
      }
      --depth;
    }
    balanced.push_back(std::move(t));
  }
  while (depth-- > 0) {
    if (!balanced.empty() && balanced.back().kind == Token::kOpen) balanced.pop_back();
    else balanced.push_back({Token::kClose, "", false, ")"});
  }

  for (size_t k = 0; k < balanced.size(); ++k) {
    Token& t = balanced[k];
    if (t.kind != Token::kAnd && t.kind != Token::kOr && t.kind != Token::kNot) continue;
    const bool left = k > 0 && EndsOperand(balanced[k - 1]);
    const bool right = k + 1 < balanced.size() && StartsOperand(balanced[k + 1]) &&
                       !balanced[k + 1].negated;
    if (!left || !right) t = MakeTerm(t.raw, false, false, t.raw, syntax);
  }
  return balanced;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, QuerySyntax syntax) : t_(std::move(tokens)), syntax_(syntax) {}

  Result<std::string> Parse() {
    std::string out = Or();
    if (!error_.ok()) return error_;
    if (out.empty()) return Status::InvalidArgument("search query has no words to search for");
    return out;
  }

 private:
  bool At(Token::Kind k) const { return p_ < t_.size() && t_[p_].kind == k; }

  // Chains of one operator are printed flat ("a AND b AND c") so the output
  // nests no deeper than the user's (capped) parentheses.
  // The operators: FTS5's words, or tsquery's signs (its NOT is a prefix:
  // "a NOT b" is a & !b).
  std::string Op(Token::Kind kind) const {
    const bool ts = syntax_ == QuerySyntax::kTsquery;
    if (kind == Token::kAnd) return ts ? "&" : "AND";
    if (kind == Token::kOr) return ts ? "|" : "OR";
    return ts ? "& !" : "NOT";
  }

  static std::string Join(const std::vector<std::string>& parts, const std::string& op) {
    if (parts.size() == 1) return parts[0];
    std::string out = "(";
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(" ") + op + " " : "") + parts[i];
    return out + ")";
  }

  std::string Or() {
    std::vector<std::string> parts;
    if (std::string first = And(); !first.empty()) parts.push_back(std::move(first));
    while (At(Token::kOr)) {
      ++p_;
      if (std::string right = And(); !right.empty()) parts.push_back(std::move(right));
    }
    return parts.empty() ? std::string() : Join(parts, Op(Token::kOr));
  }

  std::string And() {
    std::vector<std::string> parts;
    if (std::string first = Not(); !first.empty()) parts.push_back(std::move(first));
    for (;;) {
      if (At(Token::kAnd)) {
        ++p_;
      } else if (!(At(Token::kTerm) && !t_[p_].negated) && !At(Token::kOpen)) {
        break;
      }
      if (std::string right = Not(); !right.empty()) parts.push_back(std::move(right));
    }
    return parts.empty() ? std::string() : Join(parts, Op(Token::kAnd));
  }

  std::string Not() {
    std::vector<std::string> parts;
    if (std::string first = Primary(); !first.empty()) parts.push_back(std::move(first));
    for (;;) {
      const bool negated_term = At(Token::kTerm) && t_[p_].negated;
      if (At(Token::kNot)) {
        ++p_;
      } else if (!negated_term) {
        break;
      }
      if (parts.empty() && error_.ok()) {
        error_ = Status::InvalidArgument("search query only excludes words (" +
                                         (p_ < t_.size() ? t_[p_].raw : std::string("NOT")) +
                                         "); add a word to search for");
      }
      if (std::string right = Primary(); !right.empty()) parts.push_back(std::move(right));
    }
    return parts.empty() ? std::string() : Join(parts, Op(Token::kNot));
  }

  std::string Primary() {
    if (At(Token::kOpen)) {
      ++p_;
      std::string inner = Or();
      if (At(Token::kClose)) ++p_;
      return inner;
    }
    if (At(Token::kTerm)) {
      // A negated term reaching here starts the query or a group: nothing to exclude it from.
      if (t_[p_].negated && error_.ok() && p_ == start_of_group()) {
        error_ = Status::InvalidArgument("search query only excludes words (-" + t_[p_].raw +
                                         "); add a word to search for");
      }
      return t_[p_++].text;
    }
    return {};
  }

  size_t start_of_group() const {
    return (p_ == 0 || t_[p_ - 1].kind == Token::kOpen || t_[p_ - 1].kind == Token::kOr ||
            t_[p_ - 1].kind == Token::kAnd)
               ? p_
               : static_cast<size_t>(-1);
  }

  std::vector<Token> t_;
  QuerySyntax syntax_;
  size_t p_ = 0;
  Status error_;
};

}  // namespace

Result<std::string> ToFtsExpression(std::string_view query, QuerySyntax syntax) {
  std::vector<Token> tokens = Normalize(Lex(query, syntax), syntax);
  const auto terms = static_cast<size_t>(
      std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return t.kind == Token::kTerm; }));
  if (terms > kMaxSearchTerms) {
    return Status::InvalidArgument("search query has " + std::to_string(terms) +
                                   " words and phrases, over the limit of " + std::to_string(kMaxSearchTerms));
  }
  return Parser(std::move(tokens), syntax).Parse();
}

}  // namespace dossier::sqlite
