#include "rules/fact_tests.h"

#include <cmath>

#include "rules/outcome.h"

namespace plancheck {
namespace {

// x ≤ y as printed: some value within half a unit of x's last digit is at
// most some value within half a unit of y's.
bool AtMost(const Fact& x, const Fact& y) { return x.value <= y.value + x.tolerance + y.tolerance; }

bool SameValue(const Fact& x, const Fact& y) {
  return std::fabs(x.value - y.value) <= x.tolerance + y.tolerance;
}

// The growth from `before`'s level to `after`'s, in percent, as an interval
// over what the printed levels allow; overlaps the growth `after` states
// (± half a unit of its last digit). Unknown (true) when no growth is
// stated or the earlier level may be zero or less.
bool GrowthFits(const Fact& before, const Fact& after) {
  if (!after.stated_growth) return true;
  const double low_base = before.value - before.tolerance;
  const double high_base = before.value + before.tolerance;
  if (low_base <= 0) return true;
  const double most = (after.value + after.tolerance) / low_base * 100 - 100;
  const double least = (after.value - after.tolerance) / high_base * 100 - 100;
  const double stated = *after.stated_growth, slack = after.stated_growth_tolerance;
  return most >= stated - slack && least <= stated + slack;
}

bool Met(const Fact& target, const Fact& actual) {
  return TargetOutcome(target, actual) != Outcome::kMissed;
}

}  // namespace

const std::vector<FactTest>& FactTests() {
  static const std::vector<FactTest> kTests = {
      {"met",
       "TARGET, ACTUAL",
       "the actual meets the target (src/rules/outcome.h: a floor or a ceiling by polarity, "
       "左右 within 5%, a range at its near end); true when it cannot be told",
       &Met,
       {}},
      {"same_value",
       "X, Y",
       "the two values are equal within the printed precision of each",
       &SameValue,
       {"value", "tolerance"}},
      {"at_most",
       "X, Y",
       "X's value is not above Y's, within the printed precision of each",
       &AtMost,
       {"value", "tolerance"}},
      {"growth_fits",
       "EARLIER, LATER",
       "the growth LATER states beside its level fits the change from EARLIER's level to "
       "LATER's, each level ± half a unit of its last digit; true when none is stated",
       &GrowthFits,
       {"value", "tolerance", "stated_growth", "stated_growth_tolerance"}},
  };
  return kTests;
}

const FactTest* FindFactTest(std::string_view name) {
  for (const FactTest& t : FactTests())
    if (name == t.name) return &t;
  return nullptr;
}

}  // namespace plancheck
