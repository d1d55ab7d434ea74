// The indicator-by-year table of `plancheck audit --table`: per region and
// indicator, each year's target (from that year's report), actual (from the
// next year's report) and whether the target was met (TargetOutcome, the
// decision of the target-missed rule, whichever rules are enabled), as text,
// CSV (with a BOM, for Excel), Markdown or JSON.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "engine/engine.h"

namespace plancheck {

struct AuditRow {
  std::string region;
  std::string indicator;
  std::string measure;
  int year = 0;
  std::string target;  // as printed, with its report year
  std::string actual;
  std::string status;  // met, missed, unknown (OutcomeName)
};

// Rows for every target paired with its result, and for the lexicon's
// indicators also the targets whose result no report states and the results
// no target was set for (unknown).
std::vector<AuditRow> BuildAuditTable(const std::vector<std::vector<const Report*>>& series);
std::string RenderAuditTable(const std::vector<AuditRow>& rows, const std::string& format);

}  // namespace plancheck
