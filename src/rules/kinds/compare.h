// Kind "compare": two facts, t (the one the finding points at) and a (the
// one it is compared with), each chosen by a filter, joined by an
// expression (same indicator, a.year == t.year - 1 ...); the finding fires
// when `assert` is false (one finding per t, with the first a in text
// order), or with `fire = "no-match"` when no a joins t at all.
#pragma once

#include "rules/rule.h"

namespace plancheck {

std::unique_ptr<RuleCheck> CompileCompare(TableReader& r, const ParseContext& context);

}  // namespace plancheck
