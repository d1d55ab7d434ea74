// The runner for rules' own [[rule.test]] cases: each case's text is
// checked with that rule alone, closed-world — every expected diagnostic
// must be seen and nothing else may be.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"

namespace plancheck {

struct RuleTestSummary {
  int cases = 0;
  int failed = 0;
  std::string report;  // what failed, with "expected but not seen" / "seen but not expected"
};

// Runs the cases of every loaded rule. A rule without a positive and a
// negative case fails too.
RuleTestSummary RunRuleTests(Engine* engine);
// The same for `rules` alone, which need not be the engine's own (a rule
// file read on its own, against the engine's lexicon).
RuleTestSummary RunRuleTests(Engine* engine, const std::vector<const Rule*>& rules);

}  // namespace plancheck
