// Whether an actual meets a target: the decision met() and the audit table share.
#include "rules/outcome.h"

#include <boost/test/unit_test.hpp>

#include "extract/lexicon.h"

namespace plancheck {
namespace {

Fact Figure(double value, Qualifier qualifier = Qualifier::kEq, double tolerance = 0.05) {
  Fact f;
  f.value = value;
  f.qualifier = qualifier;
  f.tolerance = tolerance;
  return f;
}

const Indicator* Named(const std::string& alias) {
  return DefaultLexicon().FindIndicator(alias, "", "")->indicator;
}

Outcome Of(const Fact& target, const Fact& actual) { return TargetOutcome(target, actual); }

}  // namespace

BOOST_AUTO_TEST_SUITE(TargetOutcomes)

BOOST_AUTO_TEST_CASE(AFloorIsMetFromAbove) {
  const Fact target = Figure(1000, Qualifier::kGe, 0.5);  // 1000万人以上
  BOOST_TEST(OutcomeName(Of(target, Figure(1322, Qualifier::kEq, 0.5))) == std::string("met"));
  BOOST_TEST(OutcomeName(Of(target, Figure(900, Qualifier::kEq, 0.5))) == std::string("missed"));
}

BOOST_AUTO_TEST_CASE(ZuoYouWidensTheTargetByFivePercent) {
  const Fact target = Figure(7, Qualifier::kApprox, 0.5);  // 7%左右
  BOOST_TEST((Of(target, Figure(6.9)) == Outcome::kMet));
  BOOST_TEST((Of(Figure(7.5, Qualifier::kApprox), Figure(7.4)) == Outcome::kMet));
  BOOST_TEST((Of(Figure(7, Qualifier::kApprox, 0.05), Figure(6.0)) == Outcome::kMissed));
}

BOOST_AUTO_TEST_CASE(ARangeIsMetAtItsNearEnd) {
  Fact target = Figure(6.5);
  target.upper = 7;  // 6.5%-7%
  BOOST_TEST((Of(target, Figure(6.6)) == Outcome::kMet));
  BOOST_TEST((Of(target, Figure(6.2)) == Outcome::kMissed));
}

BOOST_AUTO_TEST_CASE(ACeilingIsMetFromBelow) {
  const Fact cap = Figure(4.5, Qualifier::kLe);  // 4.5%以内
  BOOST_TEST((Of(cap, Figure(4.05, Qualifier::kEq, 0.005)) == Outcome::kMet));
  BOOST_TEST((Of(cap, Figure(4.8)) == Outcome::kMissed));
  // Where less is better by the indicator (居民消费价格涨幅), 3.5%左右 is a ceiling.
  Fact cpi = Figure(3.5, Qualifier::kApprox);
  cpi.indicator = Named("居民消费价格涨幅");
  BOOST_TEST((Of(cpi, Figure(2)) == Outcome::kMet));
  BOOST_TEST((Of(cpi, Figure(4.2)) == Outcome::kMissed));
}

BOOST_AUTO_TEST_CASE(ADeclineTargetBoundsTheSizeOfTheDecline) {
  const Fact target = Figure(-3.9, Qualifier::kGe);  // 降低3.9%以上
  BOOST_TEST((Of(target, Figure(-4.8)) == Outcome::kMet));
  BOOST_TEST((Of(target, Figure(-2.0)) == Outcome::kMissed));
  // 减少1/3以上 against 减少三分之一: the actual's 以上 bounds its decline too.
  BOOST_TEST((Of(Figure(-100.0 / 3), Figure(-100.0 / 3, Qualifier::kGe)) == Outcome::kMet));
}

BOOST_AUTO_TEST_CASE(AnActualInWordsIsAnInterval) {
  const Fact target = Figure(6, Qualifier::kApprox, 0.5);  // 进出口增长6%左右
  BOOST_TEST((Of(target, Figure(0, Qualifier::kLt, 0)) == Outcome::kMissed));   // 出现下降
  BOOST_TEST((Of(target, Figure(0, Qualifier::kGt, 0)) == Outcome::kUnknown));  // 有所增长
  // 1300多个 against a floor of 1000 is met; against 1500 it cannot be told.
  BOOST_TEST((Of(Figure(1000), Figure(1300, Qualifier::kGt)) == Outcome::kMet));
  BOOST_TEST((Of(Figure(1500), Figure(1300, Qualifier::kGt)) == Outcome::kUnknown));
}

BOOST_AUTO_TEST_CASE(ABandIsMetOnlyWhereItWasSet) {
  Fact target = Figure(2.1);
  target.indicator = Named("赤字率");
  BOOST_TEST((Of(target, Figure(2.1)) == Outcome::kMet));
  BOOST_TEST((Of(target, Figure(2.4)) == Outcome::kUnknown));
  BOOST_TEST((Of(target, Figure(1.9)) == Outcome::kUnknown));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
