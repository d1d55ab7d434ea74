#include "rules/outcome.h"

#include <cmath>
#include <limits>

#include "extract/lexicon.h"

namespace plancheck {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kApproxMargin = 0.05;  // 左右: within 5% of the value

struct Interval {
  double lo = -kInf, hi = kInf;
};

// The values a printed figure allows. A qualifier on a decline (下降3%以上)
// bounds its size, not its signed value.
Interval Allowed(const Fact& f) {
  const double v = f.value;
  const bool decline = v < 0;
  switch (f.qualifier) {
    case Qualifier::kGe:
    case Qualifier::kGt:
      return decline ? Interval{-kInf, v} : Interval{v, kInf};
    case Qualifier::kLe:
    case Qualifier::kLt:
      return decline ? Interval{v, 0} : Interval{-kInf, v};
    case Qualifier::kApprox: {
      const double margin = kApproxMargin * std::fabs(v);
      return Interval{v - margin, v + margin};
    }
    case Qualifier::kEq:
      break;
  }
  if (f.upper) return Interval{std::min(v, *f.upper), std::max(v, *f.upper)};
  return Interval{v, v};
}

// Whether less is better for this target: the indicator says so, or the
// target's words (控制在, 以内) or a decline (下降3%) do.
bool LessIsBetter(const Fact& target) {
  if (target.indicator != nullptr && target.indicator->polarity == Polarity::kLower) return true;
  return target.cap || target.qualifier == Qualifier::kLe || target.qualifier == Qualifier::kLt ||
         target.value < 0;
}

}  // namespace

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kMet:
      return "met";
    case Outcome::kMissed:
      return "missed";
    case Outcome::kUnknown:
      break;
  }
  return "unknown";
}

Outcome TargetOutcome(const Fact& target, const Fact& actual) {
  const Interval want = Allowed(target);
  const Interval got = Allowed(actual);
  const double slack = target.tolerance + actual.tolerance;
  // A band (赤字率) has no better side: it is met where it was set.
  if (target.indicator != nullptr && target.indicator->polarity == Polarity::kBand)
    return got.lo >= want.lo - slack && got.hi <= want.hi + slack ? Outcome::kMet
                                                                  : Outcome::kUnknown;
  if (LessIsBetter(target)) {
    // A ceiling: the target's upper end (3.5%左右 → 3.675%; 下降3.9%以上 → −3.9%).
    const double ceiling = want.hi;
    if (got.hi <= ceiling + slack) return Outcome::kMet;
    if (got.lo > ceiling + slack) return Outcome::kMissed;
    return Outcome::kUnknown;
  }
  const double floor = want.lo;
  if (got.lo >= floor - slack) return Outcome::kMet;
  if (got.hi < floor - slack) return Outcome::kMissed;
  return Outcome::kUnknown;
}

}  // namespace plancheck
