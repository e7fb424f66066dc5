// The search-query sanitiser: whatever a user types becomes valid FTS5 syntax
// or one clear error.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "sqlite/fts_query.h"

using dossier::sqlite::ToFtsExpression;

namespace {

std::string Expr(const std::string& q) {
  auto r = ToFtsExpression(q);
  REQUIRE(r.ok());
  return *r;
}

// Runs expr against a real FTS5 table; returns SQLite's error text or "".
std::string Fts5Error(const std::string& expr) {
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  sqlite3_exec(db,
               "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2');"
               "INSERT INTO t VALUES ('the foo bar and baz of São Paulo');",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
  const int rc = sqlite3_step(st);
  std::string err = rc == SQLITE_ROW ? "" : sqlite3_errmsg(db);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return err;
}

}  // namespace

TEST_CASE("plain words and phrases are quoted", "[search]") {
  CHECK(Expr("foo") == "\"foo\"");
  CHECK(Expr("foo bar") == "(\"foo\" AND \"bar\")");
  CHECK(Expr("\"foo bar\"") == "\"foo bar\"");
  CHECK(Expr("foo-bar") == "\"foo-bar\"");  // the phrase foo bar, not foo NOT bar
  CHECK(Expr("say \"hi\"") == "(\"say\" AND \"hi\")");
  CHECK(Expr("it's") == "\"it's\"");
}

TEST_CASE("operators, prefixes, exclusion and groups keep their meaning", "[search]") {
  CHECK(Expr("foo OR bar") == "(\"foo\" OR \"bar\")");
  CHECK(Expr("foo AND bar") == "(\"foo\" AND \"bar\")");
  CHECK(Expr("foo NOT bar") == "(\"foo\" NOT \"bar\")");
  CHECK(Expr("foo -bar") == "(\"foo\" NOT \"bar\")");
  CHECK(Expr("sun*") == "\"sun\"*");
  CHECK(Expr("(a OR b) c") == "((\"a\" OR \"b\") AND \"c\")");
}

TEST_CASE("operators without two operands are plain words", "[search]") {
  CHECK(Expr("AND") == "\"AND\"");
  CHECK(Expr("foo AND") == "(\"foo\" AND \"AND\")");
  CHECK(Expr("OR foo") == "(\"OR\" AND \"foo\")");
  CHECK(Expr("NOT") == "\"NOT\"");
  CHECK(Expr("and or not") == "(\"and\" AND \"or\" AND \"not\")");  // lower case: words
}

TEST_CASE("unbalanced quotes and parentheses are repaired", "[search]") {
  CHECK(Expr("\"unbalanced") == "\"unbalanced\"");
  CHECK(Expr("\"foo bar") == "\"foo bar\"");
  CHECK(Expr("(foo") == "\"foo\"");
  CHECK(Expr("foo)") == "\"foo\"");
  CHECK(Expr("((foo) bar") == "(\"foo\" AND \"bar\")");
  CHECK(Expr("() foo ()") == "\"foo\"");
}

TEST_CASE("queries with nothing to search for are one clear error", "[search]") {
  for (const char* q : {"", "   ", "\"", "***", "()", "\"\"", "-", "!!!", "(((", "* * *"}) {
    auto r = ToFtsExpression(q);
    INFO(q);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message() == "search query has no words to search for");
  }
  auto only_excluded = ToFtsExpression("-sun");
  REQUIRE_FALSE(only_excluded.ok());
  CHECK(only_excluded.status().message().find("only excludes") != std::string::npos);
}

TEST_CASE("every sanitised hostile query is valid FTS5", "[search]") {
  const std::vector<std::string> hostile = {
      "foo-bar", "\"unbalanced", "AND", "OR OR OR", "NOT NOT", "a AND AND b", "a OR", "(a OR (b AND", "))((",
      "NEAR(a b)", "NEAR/3", "col:foo", "title:sun", "^foo", "foo^", "a + b", "a - b", "{a b}", "[a]",
      "foo* bar*", "*foo", "\"a\"\"b\"", "\"\"\"", "'single'", "a;DROP TABLE t;--", "\\\"", "São Paulo",
      "孙政才", "😀 emoji", "a\tb\nc", std::string("nul\0byte", 8), std::string(1000, '('),
      std::string(500, '"'), "- - -", "-\"phrase\" word", "word -\"phrase\"", "a NOT -b",
      "(-a)", "x OR -y", "AND OR NOT", "a AND (b OR) NOT c", "\x80\xff invalid utf8",
  };
  for (const auto& q : hostile) {
    auto r = ToFtsExpression(q);
    INFO("query: " << q);
    if (!r.ok()) {
      CHECK_FALSE(r.status().message().empty());
      continue;
    }
    INFO("expression: " << *r);
    CHECK(Fts5Error(*r) == "");
  }
}

TEST_CASE("deep nesting is capped, never a parser stack overflow", "[search]") {
  std::string q;
  for (int i = 0; i < 5000; ++i) q += "(";
  for (int i = 0; i < 200; ++i) q += "(a ";  // words between the groups, within the limit on words
  auto r = ToFtsExpression(q);
  REQUIRE(r.ok());
  CHECK(Fts5Error(*r) == "");
}

TEST_CASE("a query of more than 256 words and phrases is one clear error", "[search]") {
  std::string q = "harbour";
  for (int i = 1; i < 256; ++i) q += (i % 2 ? " OR \"ferry " : " -tide") + std::to_string(i) + (i % 2 ? "\"" : "");
  auto at_limit = ToFtsExpression(q);
  REQUIRE(at_limit.ok());
  CHECK(Fts5Error(*at_limit) == "");
  std::string long_query;
  for (int i = 0; i < 60000; ++i) long_query += "(a OR ";
  auto r = ToFtsExpression(long_query + "b");
  CHECK(r.status().code() == dossier::Status::Code::kInvalidArgument);
  CHECK(r.status().message() == "search query has 60001 words and phrases, over the limit of 256");
}
