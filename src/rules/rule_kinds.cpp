// The kind table: the only list of rule kinds. Validation, `plancheck rules
// --kinds` and "did you mean" all read it.
#include "rules/kinds/bound.h"
#include "rules/kinds/compare.h"
#include "rules/kinds/parts.h"
#include "rules/kinds/pattern.h"
#include "rules/rule.h"

namespace plancheck {

const std::vector<RuleKindInfo>& RuleKinds() {
  static const std::vector<RuleKindInfo> kRuleKinds = {
      {"compare",
       "two facts joined by indicator and period; fires when the assertion fails",
       {"t", "a"},
       &CompileCompare},
      {"bound", "one fact; fires when the assertion on it fails", {"t"}, &CompileBound},
      {"parts",
       "a whole (t) and its parts after 其中 or along 签约 → 开工 → 投产 (a, b)",
       {"t", "a", "b"},
       &CompileParts},
      {"pattern",
       "wording that must not appear (or must not follow other wording)",
       {"t", "a"},
       &CompilePattern},
  };
  return kRuleKinds;
}

}  // namespace plancheck
