// Kind "pattern": wording that must not appear. `pattern` (RE2) is matched
// in every paragraph; with `after`, only a match that comes after a match of
// `after` in the same report counts, and the note points at that earlier
// match (an evaluative summary after an admission of missed targets). With
// `role`, only paragraphs of that period are searched. In messages, t.text is
// the match and a.text the earlier one.
#pragma once

#include "rules/rule.h"

namespace plancheck {

std::unique_ptr<RuleCheck> CompilePattern(TableReader& r, const ParseContext& context);

}  // namespace plancheck
