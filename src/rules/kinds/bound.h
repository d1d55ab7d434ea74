// Kind "bound": one fact t chosen by a filter; the finding fires when
// `assert` is false. `span` picks what the caret marks (the fact, its list,
// its enumeration, or the words naming its indicator); `once_per = "list"`
// reports a list once rather than once per value.
#pragma once

#include "rules/rule.h"

namespace plancheck {

std::unique_ptr<RuleCheck> CompileBound(TableReader& r, const ParseContext& context);

}  // namespace plancheck
