// Whether an actual meets a target: the one decision that target-missed,
// completion-claim-contradicted (through the rule language's met(t, a)) and
// the audit table share, so that no two of them can disagree.
//
// A target is a floor where more is better and a ceiling where less is
// better (the indicator's polarity; for an indicator the lexicon does not
// know, the target's own words: 控制在, 以内, a decline). 左右 widens the
// target by 5% of its value; a range is met at its near end. An actual
// printed with 以上, 多 or as a word only (出现下降) is an interval: the
// outcome is unknown when the interval straddles the target. A band
// indicator (赤字率) is met where it was set, else unknown. Tolerances are
// half a unit of each number's last printed digit.
#pragma once

#include "extract/fact.h"

namespace plancheck {

enum class Outcome { kMet, kMissed, kUnknown };

const char* OutcomeName(Outcome o);  // met, missed, unknown

// `target` and `actual` are of the same thing, measure and unit (the
// caller's join decides that).
Outcome TargetOutcome(const Fact& target, const Fact& actual);

}  // namespace plancheck
