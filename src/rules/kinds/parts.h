// Kind "parts": a whole and its parts — the facts after 其中, or the later
// stages of 签约 → 开工 → 投产 (Fact::part_of). The whole is t. With
// `mode = "each"` (default) the assertion is checked for every part a and
// fires at the part with a note at the whole; with `mode = "range"` it is
// checked once per whole with a the lowest and b the highest part, and fires
// at the whole with notes at both.
#pragma once

#include "rules/rule.h"

namespace plancheck {

std::unique_ptr<RuleCheck> CompileParts(TableReader& r, const ParseContext& context);

}  // namespace plancheck
