// The tests over two whole facts that rules call by name: each judges with
// the printed precision of both numbers, and is true when it cannot tell.
#include "rules/fact_tests.h"

#include <boost/test/unit_test.hpp>

#include "rules/expr.h"

namespace plancheck {
namespace {

Fact Figure(double value, double tolerance) {
  Fact f;
  f.value = value;
  f.tolerance = tolerance;
  return f;
}

bool Test(const char* name, const Fact& x, const Fact& y) {
  const FactTest* test = FindFactTest(name);
  BOOST_REQUIRE(test != nullptr);
  return test->test(x, y);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(TestsOverTwoFacts)

BOOST_AUTO_TEST_CASE(SameValueAllowsHalfAUnitOfEachLastDigit) {
  // 82.7亿 and 82.74亿 may be one figure rounded; 82.7 and 82.8 may not.
  BOOST_TEST(Test("same_value", Figure(82.7, 0.05), Figure(82.74, 0.005)));
  BOOST_TEST(!Test("same_value", Figure(82.7, 0.05), Figure(82.8, 0.005)));
}

BOOST_AUTO_TEST_CASE(AtMostAllowsRounding) {
  // A part of 82.74 within a whole printed 82.7 is rounding; 83 is not.
  BOOST_TEST(Test("at_most", Figure(82.74, 0.005), Figure(82.7, 0.05)));
  BOOST_TEST(!Test("at_most", Figure(83, 0.5), Figure(82.1, 0.05)));
  BOOST_TEST(Test("at_most", Figure(5.2, 0.05), Figure(8.1, 0.05)));
}

BOOST_AUTO_TEST_CASE(GrowthFitsTheLevelsAsPrinted) {
  // 100.0亿 to 110.0亿 is 9.9% … 10.1% as printed (109.95/100.05 …
  // 110.05/99.95): 10% (± 0.5) fits; 12% and 10.4% (± 0.05) do not.
  Fact before = Figure(100, 0.05);
  Fact after = Figure(110, 0.05);
  after.stated_growth = 10;
  after.stated_growth_tolerance = 0.5;
  BOOST_TEST(Test("growth_fits", before, after));
  after.stated_growth = 12;
  BOOST_TEST(!Test("growth_fits", before, after));
  after.stated_growth = 10.4;
  after.stated_growth_tolerance = 0.05;
  BOOST_TEST(!Test("growth_fits", before, after));
}

BOOST_AUTO_TEST_CASE(GrowthFitsCannotTellWithoutAGrowthOrABase) {
  Fact after = Figure(110, 0.05);
  BOOST_TEST(Test("growth_fits", Figure(100, 0.05), after));  // no growth stated
  after.stated_growth = 12;
  BOOST_TEST(Test("growth_fits", Figure(0, 0.5), after));  // a base that may be zero
}

BOOST_AUTO_TEST_CASE(EveryTestReadsFieldsThatExist) {
  // The fields a test names are what the join's classes tell candidates
  // apart by: a misspelt one would make two different facts look alike.
  for (const FactTest& t : FactTests())
    for (const char* field : t.reads) BOOST_TEST(FindField(field) >= 0, t.name << ": " << field);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
