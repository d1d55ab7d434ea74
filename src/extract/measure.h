// What a number measures and how it is bounded: shared by facts and by the
// word lists that make them (lexicon.h).
#pragma once

namespace plancheck {

enum class Measure { kLevel, kRate, kGrowth, kChange, kRank, kThreshold };
enum class Qualifier { kEq, kGe, kLe, kGt, kLt, kApprox };

const char* MeasureName(Measure m);
const char* QualifierName(Qualifier q);

}  // namespace plancheck
