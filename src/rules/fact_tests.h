// The tests over two whole facts that the rule language calls by name:
// met(T, A), same_value(X, Y), at_most(X, Y), growth_fits(A, T). Each is a
// judgement the rules would otherwise write out in arithmetic over values
// and tolerances (and get subtly different from rule to rule); here each is
// written once, with the printed precision of both numbers.
//
// A test is true when it holds or cannot be told (a missing number): an
// assertion fires only on a clear failure.
#pragma once

#include <string_view>
#include <vector>

#include "extract/fact.h"

namespace plancheck {

struct FactTest {
  const char* name;
  const char* params;  // for messages and the README: "TARGET, ACTUAL"
  const char* doc;
  bool (*test)(const Fact& first, const Fact& second);
  // The fields it reads of either fact; empty: the whole fact (met).
  std::vector<const char*> reads;
};

const std::vector<FactTest>& FactTests();
const FactTest* FindFactTest(std::string_view name);  // null if none

}  // namespace plancheck
