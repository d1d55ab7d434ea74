// Fact filters of rule files: a table of conditions on one fact
// (role, measure, polarity ...) compiled into an expression over that fact.
#pragma once

#include <string>

#include "base/toml_reader.h"
#include "rules/expr.h"

namespace plancheck {

// Reads the filter table `key` of a rule (absent: matches every fact) for
// the variable `var` (index into `variables`). Returns nullptr after
// reporting an error.
ExprPtr CompileFilter(TableReader& rule, const char* key, const std::string& var,
                      const ParseContext& context);

// Reads an expression key; reports parse errors with the key's line.
ExprPtr CompileExpression(TableReader& rule, const char* key, bool required,
                          const ParseContext& context);

// Reads a two-fact kind's `same` (identities and fields the two facts
// share, rules/identities.h) and `join` (an expression over both) as one
// join expression; absent, every pair joins.
ExprPtr CompileJoin(TableReader& rule, const ParseContext& context);

// Reads a kind's `assert` under its `fire` mode: "assert-fails" requires an
// assertion that reads a fact (a constant is an error: it decides nothing);
// "match" takes none and yields one that always fails, so every selected
// fact fires; other modes ("no-match") take an optional one.
ExprPtr CompileAssertion(TableReader& rule, const std::string& fire, const ParseContext& context);

}  // namespace plancheck
