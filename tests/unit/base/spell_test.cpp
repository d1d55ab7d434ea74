#include "base/spell.h"

#include <boost/test/unit_test.hpp>

namespace plancheck {

BOOST_AUTO_TEST_SUITE(Spell)

BOOST_AUTO_TEST_CASE(CountsEditsBetweenNames) {
  BOOST_TEST(EditDistance("format", "fromat") == 1);  // one swap
  BOOST_TEST(EditDistance("format", "frmat") == 1);
  BOOST_TEST(EditDistance("", "abc") == 3);
  BOOST_TEST(EditDistance("facts", "facts") == 0);
}

BOOST_AUTO_TEST_CASE(SuggestsTheClosePlausibleName) {
  std::vector<std::string> names = {"check", "facts", "explain", "rules", "test-rules"};
  BOOST_TEST(DidYouMean("fatcs", names) == " (did you mean 'facts'?)");
  BOOST_TEST(DidYouMean("rule", names) == " (did you mean 'rules'?)");
}

BOOST_AUTO_TEST_CASE(SuggestsNothingForAFarName) {
  BOOST_TEST(DidYouMean("zzzzzzzz", {"check", "facts"}).empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
