// Two consecutive reports side by side: subjects matched across them, and
// each target paired with its result.
#include "engine/audit.h"

#include <boost/test/unit_test.hpp>

#include "../test_util.h"
#include "rules/expr.h"

namespace plancheck {
namespace {

Report Gwr(int year, const std::string& review, const std::string& plan) {
  const std::string text = std::to_string(year) + "年政府工作报告\n一、" +
                           std::to_string(year - 1) + "年工作回顾\n" + review + "\n二、" +
                           std::to_string(year) + "年工作安排\n" + plan + "\n";
  return testing::Analyze(text, "gwr-" + std::to_string(year) + ".txt");
}

const Fact& Text(const std::vector<Fact>& facts, const std::string& text, size_t from = 0) {
  for (size_t i = from; i < facts.size(); ++i)
    if (facts[i].text == text) return facts[i];
  BOOST_FAIL("no fact " + text);
  return facts.front();
}

// The built-in identity a target and its result share.
const std::vector<int>& OutcomeIdentity() { return testing::DefaultEngine().OutcomeFields(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(Audit)

BOOST_AUTO_TEST_CASE(ALaterSubjectWithMoreWordsInFrontTakesTheEarlierKey) {
  Report earlier = Gwr(2014, "", "再取消和下放行政审批事项200项以上。");
  Report later = Gwr(2015, "国务院各部门全年取消和下放246项行政审批事项。", "");
  std::vector<Fact> joined = JoinedFacts(earlier, later);
  const Fact& target = Text(joined, "200项以上");
  const Fact& actual = Text(joined, "246项", earlier.facts.size());
  BOOST_TEST(!target.key.empty());
  BOOST_TEST(actual.key == target.key);
  std::vector<TargetPair> pairs = TargetPairs(joined, earlier.facts.size(), OutcomeIdentity());
  BOOST_REQUIRE(pairs.size() == 1u);
  BOOST_REQUIRE(pairs[0].actual != nullptr);
  BOOST_TEST(pairs[0].actual->text == "246项");
  BOOST_TEST((pairs[0].outcome == Outcome::kMet));
}

BOOST_AUTO_TEST_CASE(AKeyTheLaterReportNamesExactlyIsNotFreeToMatch) {
  // 财政补助 is named in the later report itself: the longer subject of
  // another programme does not take it.
  Report earlier = Gwr(2015, "", "财政补助标准由每人每年320元提高到380元。");
  Report later = Gwr(
      2016,
      "财政补助由每人每年380元提高到420元，基本公共卫生服务经费财政补助从人均40元提高到45元。", "");
  std::vector<Fact> joined = JoinedFacts(earlier, later);
  const Fact& subsidy = Text(joined, "380元", earlier.facts.size());
  const Fact& health = Text(joined, "40元", earlier.facts.size());
  BOOST_TEST(subsidy.key == Text(joined, "380元").key);
  BOOST_TEST(health.key != subsidy.key);
}

BOOST_AUTO_TEST_CASE(AVerbOnlyFigureTakesTheObjectTheOtherReportNames) {
  Report earlier = Gwr(2014, "", "今年新开工700万套以上，基本建成保障房480万套。");
  Report later = Gwr(2015, "新开工保障性安居工程740万套，基本建成511万套。", "");
  std::vector<Fact> joined = JoinedFacts(earlier, later);
  std::vector<TargetPair> pairs = TargetPairs(joined, earlier.facts.size(), OutcomeIdentity());
  BOOST_REQUIRE(pairs.size() == 2u);
  BOOST_REQUIRE(pairs[0].actual != nullptr);
  BOOST_REQUIRE(pairs[1].actual != nullptr);
  // Started with started, finished with finished: never 511万套 for 700万套.
  BOOST_TEST(pairs[0].actual->text == "740万套");
  BOOST_TEST(pairs[1].actual->text == "511万套");
}

BOOST_AUTO_TEST_CASE(TargetsAndResultsArePairedByTheOutcomeIdentity) {
  // The identity is data: without `finished` in it, 511万套 finished would
  // pair with 700万套 started when it came first.
  Report earlier = Gwr(2014, "", "新开工保障性安居工程700万套以上。");
  Report later = Gwr(2015, "基本建成保障性安居工程511万套，新开工保障性安居工程740万套。", "");
  std::vector<Fact> joined = JoinedFacts(earlier, later);
  BOOST_TEST(TargetPairs(joined, earlier.facts.size(), OutcomeIdentity())[0].actual->text ==
             "740万套");
  std::vector<int> loose;
  for (int f : OutcomeIdentity())
    if (FieldTable()[f].name != std::string("finished")) loose.push_back(f);
  const std::vector<TargetPair> pairs = TargetPairs(joined, earlier.facts.size(), loose);
  BOOST_REQUIRE(pairs.size() == 1u);
  BOOST_REQUIRE(pairs[0].actual != nullptr);
  BOOST_TEST(pairs[0].actual->text == "511万套");
}

BOOST_AUTO_TEST_CASE(ATargetIsPairedWithItsOwnYearsResultOnly) {
  // The later report's plan restates a target of its own year: no result.
  Report earlier = Gwr(2015, "", "城镇新增就业1000万人以上。");
  Report later = Gwr(2016, "", "城镇新增就业1000万人以上。");
  std::vector<Fact> joined = JoinedFacts(earlier, later);
  std::vector<TargetPair> pairs = TargetPairs(joined, earlier.facts.size(), OutcomeIdentity());
  BOOST_REQUIRE(pairs.size() == 1u);
  BOOST_TEST(pairs[0].actual == nullptr);
  BOOST_TEST((pairs[0].outcome == Outcome::kUnknown));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
