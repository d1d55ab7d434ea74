// The indicator-by-year table of `plancheck audit --table`: per region and
// indicator, each year's target (from that year's report), actual (from the
// next year's report) and whether the target was met (TargetOutcome, the
// decision of the target-missed rule, whichever rules are enabled), as text,
// CSV (with a BOM, for Excel), Markdown or JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/formats.h"
#include "engine/engine.h"

namespace plancheck {

struct AuditRow {
  std::string region;
  std::string identity;   // what rows are grouped by (indicator or key), not shown
  std::string indicator;  // the name shown
  std::string measure;
  int year = 0;
  std::string target;  // as printed
  std::string actual;
  std::optional<double> target_value, actual_value;  // in the base unit
  std::string status;                                // met, missed, unknown (OutcomeName)
};

// Rows for every target paired with its result, and for the lexicon's
// indicators also the targets whose result no report states and the results
// no target was set for (unknown). `outcome`: the fields a target and its
// result share (Identities::kOutcome).
std::vector<AuditRow> BuildAuditTable(const std::vector<std::vector<const Report*>>& series,
                                      const std::vector<int>& outcome);
std::string RenderAuditTable(const std::vector<AuditRow>& rows, const std::string& format);
// The rows as charts for the audit's review page: one per region, indicator
// and measure with at least one target paired with its result.
std::vector<Trend> AuditTrends(const std::vector<AuditRow>& rows);

}  // namespace plancheck
