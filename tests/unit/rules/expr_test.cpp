#include "rules/expr.h"

#include <boost/test/unit_test.hpp>

namespace plancheck {
namespace {

const std::vector<std::string> kVars = {"t", "a"};

std::string ParseError(const std::string& source) {
  Result<ExprPtr> e = Expr::Parse(source, kVars);
  BOOST_REQUIRE(!e.ok());
  return e.status().message();
}

bool Eval(const std::string& source, const Fact& t, const Fact* a = nullptr) {
  Result<ExprPtr> e = Expr::Parse(source, kVars);
  BOOST_REQUIRE_MESSAGE(e.ok(), e.status().message());
  Bindings b;
  b.facts[0] = &t;
  b.facts[1] = a;
  return e.value()->Test(b);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Expressions)

BOOST_AUTO_TEST_CASE(ComparesFieldsOfTwoFacts) {
  Fact t, a;
  t.value = 1600;
  t.year = 2023;
  a.value = 1691;
  a.year = 2022;
  BOOST_TEST(!Eval("t.value >= a.value", t, &a));
  BOOST_TEST(Eval("a.year == t.year - 1 && t.value < a.value", t, &a));
  BOOST_TEST(Eval("abs(t.value - a.value) == 91", t, &a));
  BOOST_TEST(Eval("t.role == \"other\"", t));
}

BOOST_AUTO_TEST_CASE(NullComparesFalse) {
  Fact t, a;
  a.year = 2022;
  BOOST_TEST(!Eval("a.year == t.year - 1", t, &a));
  BOOST_TEST(!Eval("t.upper >= 1", t));
  BOOST_TEST(Eval("!known(t.upper)", t));
}

BOOST_AUTO_TEST_CASE(MatchesUsesRe2) {
  Fact t;
  t.subject = "开工转化率";
  BOOST_TEST(Eval("matches(t.subject, \"(率|比重)$\")", t));
  BOOST_TEST(!Eval("matches(t.subject, \"^比重\")", t));
}

BOOST_AUTO_TEST_CASE(ReportsUnknownFieldsWithASuggestion) {
  BOOST_TEST(ParseError("t.valeu >= 1") ==
             "unknown field 'valeu' (did you mean 'value'?) at column 8");
  BOOST_TEST(ParseError("x.value >= 1").find("unknown variable 'x'") == 0);
}

// Types and literals are checked when a rule loads, not found wrong while
// it runs: a value a field never takes, a number compared with a string.
BOOST_AUTO_TEST_CASE(ChecksTypesAndLiteralsAtParse) {
  BOOST_TEST(ParseError("t.role == \"tagret\"") ==
             "unknown role \"tagret\" (t.role is one of actual, target, other) (did you mean "
             "'target'?) at column 1");
  BOOST_TEST(ParseError("\"levle\" != a.measure").find("unknown measure \"levle\"") == 0u);
  BOOST_TEST(ParseError("t.value > \"5\"") ==
             "\"5\" is a string; arithmetic and ordering take numbers at column 1");
  BOOST_TEST(ParseError("t.unit + 1 > 0").find("t.unit is a string") == 0u);
  BOOST_TEST(ParseError("t.year > 0 && t.role == \"tagret\"").find("at column 15") !=
             std::string::npos);
  BOOST_TEST(ParseError("t.value == \"5\"") ==
             "t.value is a number and \"5\" is a string: they are never equal at column 1");
  BOOST_TEST(ParseError("t.cumulative == \"true\"").find("t.cumulative is true/false") == 0u);
  // What is right still parses: like with like, true/false as numbers, "".
  for (const char* ok : {"t.role == \"target\" && a.role != \"actual\"", "t.list_kind == \"\"",
                         "t.cumulative == a.cumulative", "t.flow + 0 == 1", "t.unit == a.unit"})
    BOOST_TEST(Expr::Parse(ok, kVars).ok(), ok);
  // With the lexicon's names, indicator and unit literals are checked too.
  Vocabulary names{{"地区生产总值"}, {"元", "%"}};
  Result<ExprPtr> e = Expr::Parse("t.indicator == \"地区生产总直\"", kVars, &names);
  BOOST_REQUIRE(!e.ok());
  BOOST_TEST(e.status().message() ==
             "unknown indicator \"地区生产总直\" (did you mean '地区生产总值'?) at column 1");
  BOOST_TEST(!Expr::Parse("t.unit == \"％\"", kVars, &names).ok());
  BOOST_TEST(Expr::Parse("t.indicator == \"地区生产总值\" && t.unit != \"%\"", kVars, &names).ok());
}

BOOST_AUTO_TEST_CASE(ReportsSyntaxErrorsWithAColumn) {
  BOOST_TEST(ParseError("(t.value >= 1") == "missing ')' at column 14");
  BOOST_TEST(ParseError("t.value >= ") == "unexpected end of expression at column 12");
  BOOST_TEST(ParseError("matches(t.text, \"(\")").find("RE2 rejects the pattern") == 0);
}

BOOST_AUTO_TEST_CASE(MetIsFalseOnlyOnAMiss) {
  Fact target, actual;
  target.value = 1000;
  target.qualifier = Qualifier::kGe;
  actual.value = 900;
  BOOST_TEST(!Eval("met(a, t)", actual, &target));
  actual.value = 1100;
  BOOST_TEST(Eval("met(a, t)", actual, &target));
  actual.value = 900;
  actual.qualifier = Qualifier::kGt;  // 900多: cannot be told
  BOOST_TEST(Eval("met(a, t)", actual, &target));
  BOOST_TEST(ParseError("met(a, x)").find("unknown variable 'x'") == 0);
  BOOST_TEST(ParseError("met(a)").find("met(TARGET, ACTUAL) takes two variables") == 0);
}

BOOST_AUTO_TEST_CASE(TemplatesCheckPlaceholders) {
  Result<Template> ok = Template::Parse("{t.indicator}的目标{t.text}", kVars);
  BOOST_REQUIRE(ok.ok());
  Fact t;
  t.text = "1600人以上";
  Bindings b;
  b.facts[0] = &t;
  BOOST_TEST(ok->Render(b) == "的目标1600人以上");
  Result<Template> bad = Template::Parse("{t.txet}", kVars);
  BOOST_REQUIRE(!bad.ok());
  BOOST_TEST(bad.status().message() ==
             "placeholder {t.txet}: unknown field 'txet' (did you mean 'text'?)");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
