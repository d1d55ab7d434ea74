#include "cli/facts_output.h"

#include <nlohmann/json.hpp>

#include "cli/table.h"
#include "rules/expr.h"

namespace plancheck {
namespace {

std::string FormatValue(double v) { return Value::Number(v).Format(); }

std::vector<std::string> Row(const Fact& f) {
  Position p = f.span.file->Locate(f.span.begin);
  return {std::to_string(p.line) + ":" + std::to_string(p.column),
          f.text,
          FormatValue(f.value) + (f.upper ? "-" + FormatValue(*f.upper) : ""),
          f.unit,
          MeasureName(f.measure),
          QualifierName(f.qualifier),
          RoleName(f.role),
          f.year ? std::to_string(*f.year) : "",
          f.indicator_name(),
          f.subject};
}

const std::vector<std::string> kHeader = {"line:col",  "text", "value", "unit",      "measure",
                                          "qualifier", "role", "year",  "indicator", "subject"};

}  // namespace

std::string RenderFactsTable(const std::vector<const Report*>& reports) {
  std::string out;
  for (const Report* r : reports) {
    TableRows rows = {kHeader};
    for (const Fact& f : r->facts) rows.push_back(Row(f));
    if (reports.size() > 1) out += r->file->path() + "\n";
    out += RenderAligned(rows);
  }
  return out;
}

std::string RenderFactsJsonl(const std::vector<const Report*>& reports) {
  std::string out;
  for (const Report* r : reports) {
    for (const Fact& f : r->facts) {
      Position b = f.span.file->Locate(f.span.begin);
      Position e = f.span.file->LocateEnd(f.span.end);
      nlohmann::ordered_json j;
      j["file"] = f.span.file->path();
      j["line"] = b.line;
      j["column"] = b.column;
      j["end_line"] = e.line;
      j["end_column"] = e.column;
      j["text"] = f.text;
      j["value"] = f.value;
      if (f.upper) j["upper"] = *f.upper;
      j["unit"] = f.unit;
      j["measure"] = MeasureName(f.measure);
      j["qualifier"] = QualifierName(f.qualifier);
      j["role"] = RoleName(f.role);
      j["year"] = f.year ? nlohmann::ordered_json(*f.year) : nlohmann::ordered_json(nullptr);
      if (f.period.known())
        j["period"] = {
            {"from", f.period.from}, {"to", f.period.to}, {"kind", PeriodKindName(f.period.kind)}};
      j["indicator"] =
          f.indicator ? nlohmann::ordered_json(f.indicator->name) : nlohmann::ordered_json(nullptr);
      j["subject"] = f.subject;
      // What rules join on: the identity key, and whether the figure counts
      // what was done (新建, 新增) or what there is (累计, 总数).
      if (!f.key.empty()) j["key"] = f.key;
      if (f.flow) j["flow"] = true;
      if (f.stock) j["stock"] = true;
      if (!f.tier.empty()) j["tier"] = f.tier;
      if (f.cumulative) j["cumulative"] = true;
      if (f.multi_year) j["multi_year"] = true;
      if (f.list.kind != ListKind::kNone) {
        j["list"] = {{"kind", ListKindName(f.list.kind)},
                     {"id", f.list.id},
                     {"items", f.list.items},
                     {"values", f.list.values},
                     {"index", f.list.index}};
      }
      out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
  }
  return out;
}

std::string RenderFactsCsv(const std::vector<const Report*>& reports) {
  TableRows rows = {{"file", "line", "column", "text", "value", "unit", "measure", "qualifier",
                     "role", "year", "indicator", "subject"}};
  for (const Report* r : reports) {
    for (const Fact& f : r->facts) {
      Position p = f.span.file->Locate(f.span.begin);
      rows.push_back({f.span.file->path(), std::to_string(p.line), std::to_string(p.column), f.text,
                      FormatValue(f.value), f.unit, MeasureName(f.measure),
                      QualifierName(f.qualifier), RoleName(f.role),
                      f.year ? std::to_string(*f.year) : "", f.indicator_name(), f.subject});
    }
  }
  return RenderCsv(rows);
}

}  // namespace plancheck
