// The indicator-by-year table of `plancheck audit --table`: per region and
// indicator, each year's target (from that year's report), actual (from the
// next year's report) and whether the target was met, as text, CSV (with a
// BOM, for Excel) or Markdown.
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
  std::string status;  // met, missed, unknown
};

// `missed` are the target-missed findings of the same run: a target with an
// actual is met unless one of them points at the pair.
std::vector<AuditRow> BuildAuditTable(const std::vector<std::vector<const Report*>>& series,
                                      const std::vector<Diagnostic>& findings);
std::string RenderAuditTable(const std::vector<AuditRow>& rows, const std::string& format);

}  // namespace plancheck
