#include "engine/rule_tests.h"

#include <boost/test/unit_test.hpp>

namespace plancheck {
namespace {

// A rule of the default lexicon's engine, with the cases given.
RuleTestSummary Run(const std::string& cases) {
  Engine engine;
  ConfigErrors errors;
  engine.LoadDefaults(false, &errors);
  engine.LoadRuleText(R"([[rule]]
id = "big-growth"
kind = "bound"
summary = "x"
message = "{t.text} is big"
assert = "t.value < 10"
[rule.subject]
measure = "growth"
)" + cases,
                      "r.toml", &errors);
  BOOST_REQUIRE_MESSAGE(errors.empty(),
                        (errors.empty() ? std::string() : errors.all()[0].Format()));
  engine.Prepare();
  return RunRuleTests(&engine);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(RuleTestRunner)

BOOST_AUTO_TEST_CASE(PassesWhatMatchesByPlace) {
  RuleTestSummary s = Run(R"(
[[rule.test]]
text = "一、2022年计划执行情况\n工业增加值增长5%，服务业增加值增长15%。\n"
expect = [{ span = "15%" }]
[[rule.test]]
text = "一、2022年计划执行情况\n工业增加值增长5%。\n"
expect = []
)");
  BOOST_TEST(s.cases == 2);
  BOOST_TEST(s.failed == 0, s.report);
}

// What failed, where: the expected text's place, the unexpected finding's
// place and message; an expectation that names no one place; a rule without
// a case that must not fire.
BOOST_AUTO_TEST_CASE(SaysWhatFailedAndWhere) {
  RuleTestSummary s = Run(R"(
[[rule.test]]
text = "一、2022年计划执行情况\n工业增加值增长15%，服务业增加值增长5%。\n"
expect = [{ span = "5%" }]
[[rule.test]]
text = "一、2022年计划执行情况\n工业增加值增长15%，服务业增加值增长25%。\n"
expect = [{ span = "25%", notes = ["15%"] }]
)");
  BOOST_TEST(s.failed == 3);
  BOOST_TEST(
      s.report ==
      "r.toml:10: error: test of rule 'big-growth' failed\n"
      "  expected 「5%」: 「5%」 occurs 2 times in the case's text; say which with occurrence = N\n"
      "  seen but not expected: 「15%」 at 2:8 — 15% is big\n"
      "r.toml:13: error: test of rule 'big-growth' failed\n"
      "  expected but not seen: 「25%」 note「15%」 at 2:20\n"
      "  seen but not expected: 「15%」 at 2:8 — 15% is big\n"
      "  seen but not expected: 「25%」 at 2:20 — 25% is big\n"
      "r.toml:1: error: rule 'big-growth' needs at least one positive and one negative test "
      "case\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
