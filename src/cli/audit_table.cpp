#include "cli/audit_table.h"

#include <map>
#include <set>
#include <tuple>

#include "cli/table.h"

namespace plancheck {

std::vector<AuditRow> BuildAuditTable(const std::vector<std::vector<const Report*>>& series,
                                      const std::vector<Diagnostic>& findings) {
  // Spans (file, begin) of the targets that a target-missed finding names.
  std::set<std::pair<const SourceFile*, uint32_t>> missed_targets;
  for (const Diagnostic& d : findings) {
    if (d.rule != "target-missed" && d.rule != "completion-claim-contradicted") continue;
    for (const Related& r : d.related) missed_targets.insert({r.span.file, r.span.begin});
  }
  std::vector<AuditRow> rows;
  for (const auto& list : series) {
    // (indicator, measure, year) -> target and actual facts.
    std::map<std::tuple<std::string, std::string, int>, std::pair<const Fact*, const Fact*>> cells;
    std::string region = list.empty() ? "" : list.front()->document.region;
    for (const Report* r : list) {
      for (const Fact& f : r->facts) {
        if (!f.indicator || !f.year || f.multi_year || f.cumulative || !f.report_year) continue;
        if (f.measure != Measure::kLevel && f.measure != Measure::kRate && f.measure != Measure::kGrowth)
          continue;
        auto key = std::make_tuple(f.indicator->name, std::string(MeasureName(f.measure)), *f.year);
        auto& cell = cells[key];
        // A year's target comes from that year's report, its actual from the next.
        if (f.role == Role::kTarget && *f.report_year == *f.year && !cell.first) cell.first = &f;
        if (f.role == Role::kActual && *f.report_year == *f.year + 1 && !cell.second) cell.second = &f;
      }
    }
    for (const auto& [key, cell] : cells) {
      if (!cell.first && !cell.second) continue;
      AuditRow row;
      row.region = region.empty() ? "(未知地区)" : region;
      std::tie(row.indicator, row.measure, row.year) = key;
      if (cell.first) row.target = cell.first->text;
      if (cell.second) row.actual = cell.second->text;
      if (cell.first && cell.second) {
        row.status = missed_targets.count({cell.first->span.file, cell.first->span.begin}) ? "missed"
                                                                                           : "met";
      } else {
        row.status = "unknown";
      }
      rows.push_back(row);
    }
  }
  return rows;
}

std::string RenderAuditTable(const std::vector<AuditRow>& rows, const std::string& format) {
  const std::vector<std::string> header = {"region", "indicator", "measure", "year",
                                           "target", "actual", "status"};
  TableRows cells = {header};
  for (const AuditRow& r : rows)
    cells.push_back({r.region, r.indicator, r.measure, std::to_string(r.year), r.target, r.actual,
                     r.status});
  if (format == "csv") return RenderCsv(cells);
  if (format != "markdown") return RenderAligned(cells);
  std::string out;
  for (size_t k = 0; k < cells.size(); ++k) {
    out += "|";
    for (const std::string& v : cells[k]) {
      std::string e;
      for (char c : v) e += c == '|' ? std::string("\\|") : std::string(1, c);
      out += " " + e + " |";
    }
    out += "\n";
    if (k == 0) {
      out += "|";
      for (size_t i = 0; i < header.size(); ++i) out += "---|";
      out += "\n";
    }
  }
  return out;
}

}  // namespace plancheck
