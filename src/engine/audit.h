// The multi-year audit's reading of two consecutive reports of one region:
// their facts side by side, with the later report's subjects matched to the
// earlier one's, and each target of the earlier report paired with the
// later report's statement of its result. The cross-report rules run over
// JoinedFacts; the audit table shows TargetPairs with TargetOutcome, the
// decision the rules' met() makes.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"
#include "rules/outcome.h"

namespace plancheck {

// The earlier report's facts, then the later one's. Whole-part links are
// cleared (they index one report). A later subject that names the same
// thing with more or fewer words in front (财政补助 for 城乡居民基本医保财政补助,
// 国务院各部门取消下放行政审批事项 for 取消下放行政审批事项) takes the earlier
// report's key when exactly one earlier key of four characters or more ends
// or begins with it, or is the end or beginning of it, among the earlier
// keys the later report does not name exactly. A fact whose words are only
// a verb phrase (今年新开工700万套以上) takes the key of the one fact of the
// other report, in the same unit, whose words begin with that phrase
// (新开工保障性安居工程740万套).
std::vector<Fact> JoinedFacts(const Report& earlier, const Report& later);

// Whether `later` is the report of the year after `earlier`'s (both known):
// the pairs an audit compares.
bool Consecutive(const Report& earlier, const Report& later);
// Whether some series holds two consecutive reports: anything to compare.
bool AnyConsecutive(const std::vector<std::vector<const Report*>>& series);

struct TargetPair {
  const Fact* target = nullptr;  // year N's target, from report N
  const Fact* actual = nullptr;  // year N's result, from report N+1; null when none is stated
  Outcome outcome = Outcome::kUnknown;
};

// The targets among joined[0, later_begin) (the earlier report's facts) set
// for the earlier report's own year, each with the first result among
// joined[later_begin..) of the same year that agrees on every field of
// `outcome` (the identity of that name, rules/identities.toml: the same
// thing, measure, unit, tier, stock or not, and stage).
std::vector<TargetPair> TargetPairs(const std::vector<Fact>& joined, size_t later_begin,
                                    const std::vector<int>& outcome);

}  // namespace plancheck
