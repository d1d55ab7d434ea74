#include "cli/audit_table.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "cli/table.h"
#include "engine/audit.h"

namespace plancheck {

namespace {

// What the table groups a figure by: the lexicon's indicator, else the key
// the rules join on.
std::string IdentityOf(const Fact& f) { return f.indicator ? f.indicator->name : f.key; }

// What the table calls it: the indicator's name, else the target's subject
// as the report prints it (a key is normalized: 公共 loses 共), or the
// result's where the target's words are only a verb (今年新开工700万套以上).
std::string NameOf(const Fact& target, const Fact* actual) {
  if (target.indicator) return target.indicator->name;
  return target.noun.empty() && actual ? actual->subject : target.subject;
}

}  // namespace

std::vector<AuditRow> BuildAuditTable(const std::vector<std::vector<const Report*>>& series,
                                      const std::vector<int>& outcome) {
  std::vector<AuditRow> rows;
  for (const auto& list : series) {
    const std::string region = list.empty() || list.front()->document.region.empty()
                                   ? "(未知地区)"
                                   : list.front()->document.region;
    // (name, measure, year) -> row: the first pair of each wins.
    std::map<std::tuple<std::string, std::string, int>, AuditRow> by_key;
    auto add = [&](const std::vector<TargetPair>& pairs) {
      for (const TargetPair& p : pairs) {
        // A target whose result is not stated is shown for the lexicon's
        // indicators only: the subjects of every other target would bury them.
        if (p.actual == nullptr && p.target->indicator == nullptr) continue;
        AuditRow row;
        row.region = region;
        row.identity = IdentityOf(*p.target);
        row.indicator = NameOf(*p.target, p.actual);
        row.measure = MeasureName(p.target->measure);
        row.year = *p.target->year;
        row.target = p.target->text;
        row.target_value = p.target->value;
        if (p.actual) {
          row.actual = p.actual->text;
          row.actual_value = p.actual->value;
        }
        row.status = OutcomeName(p.outcome);
        by_key.emplace(std::make_tuple(row.identity, row.measure, row.year), row);
      }
    };
    for (size_t i = 0; i < list.size(); ++i) {
      const Report& earlier = *list[i];
      if (i + 1 < list.size() && Consecutive(earlier, *list[i + 1])) {
        const std::vector<Fact> joined = JoinedFacts(earlier, *list[i + 1]);
        add(TargetPairs(joined, earlier.facts.size(), outcome));
      } else {
        add(TargetPairs(earlier.facts, earlier.facts.size(), outcome));
      }
    }
    // The results of the lexicon's indicators that no target of the series
    // was set for: the table shows them by year all the same.
    for (const Report* r : list) {
      for (const Fact& f : r->facts) {
        if (f.role != Role::kActual || f.indicator == nullptr || !f.period.single_year() ||
            f.year != (r->document.target_year ? std::optional<int>(*r->document.target_year - 1)
                                               : std::nullopt) ||
            f.multi_year || f.cumulative ||
            !(f.measure == Measure::kLevel || f.measure == Measure::kRate ||
              f.measure == Measure::kGrowth))
          continue;
        AuditRow row;
        row.region = region;
        row.identity = IdentityOf(f);
        row.indicator = NameOf(f, nullptr);
        row.measure = MeasureName(f.measure);
        row.year = *f.year;
        row.actual = f.text;
        row.actual_value = f.value;
        row.status = OutcomeName(Outcome::kUnknown);
        by_key.emplace(std::make_tuple(row.identity, row.measure, row.year), row);
      }
    }
    for (auto& [key, row] : by_key) rows.push_back(std::move(row));
  }
  return rows;
}

std::string AuditTableJson(const std::vector<AuditRow>& rows) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const AuditRow& r : rows) {
    nlohmann::ordered_json j;
    j["region"] = r.region;
    j["indicator"] = r.indicator;
    j["measure"] = r.measure;
    j["year"] = r.year;
    j["target"] =
        r.target.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.target);
    j["actual"] =
        r.actual.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.actual);
    j["status"] = r.status;
    out.push_back(std::move(j));
  }
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::vector<Trend> AuditTrends(const std::vector<AuditRow>& rows) {
  static const std::map<std::string, std::string> kMeasure = {
      {"level", "总量"}, {"rate", "比率"}, {"growth", "增速"}};
  std::set<std::string> regions;
  for (const AuditRow& r : rows) regions.insert(r.region);
  // Rows come sorted by region, indicator, measure and year.
  std::vector<Trend> trends;
  std::vector<bool> paired;
  std::tuple<std::string, std::string, std::string> current;
  for (const AuditRow& r : rows) {
    auto key = std::make_tuple(r.region, r.identity, r.measure);
    if (trends.empty() || key != current) {
      current = key;
      Trend t;
      auto m = kMeasure.find(r.measure);
      t.name = (regions.size() > 1 ? r.region + " " : "") + r.indicator + "（" +
               (m == kMeasure.end() ? r.measure : m->second) + "）";
      trends.push_back(t);
      paired.push_back(false);
    }
    Trend::Point p;
    p.year = r.year;
    p.target = r.target_value;
    p.actual = r.actual_value;
    p.target_text = r.target;
    p.actual_text = r.actual;
    p.status = r.status;
    trends.back().points.push_back(p);
    if (r.target_value && r.actual_value) paired.back() = true;
  }
  std::vector<Trend> shown;
  for (size_t i = 0; i < trends.size(); ++i)
    if (paired[i]) shown.push_back(std::move(trends[i]));
  return shown;
}

std::string RenderAuditTable(const std::vector<AuditRow>& rows, const std::string& format) {
  const std::vector<std::string> header = {"region", "indicator", "measure", "year",
                                           "target", "actual",    "status"};
  TableRows cells = {header};
  for (const AuditRow& r : rows)
    cells.push_back(
        {r.region, r.indicator, r.measure, std::to_string(r.year), r.target, r.actual, r.status});
  if (format == "csv") return RenderCsv(cells);
  if (format == "json") return AuditTableJson(rows);
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
