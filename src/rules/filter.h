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

}  // namespace plancheck
