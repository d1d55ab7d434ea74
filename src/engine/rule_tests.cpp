#include "engine/rule_tests.h"

#include <algorithm>

namespace plancheck {
namespace {

std::string Describe(const std::string& span, const std::vector<std::string>& notes) {
  std::string s = "「" + span + "」";
  for (const std::string& n : notes) s += " note「" + n + "」";
  return s;
}

}  // namespace

RuleTestSummary RunRuleTests(Engine* engine) {
  std::vector<const Rule*> all;
  for (const auto& r : engine->rules().rules()) all.push_back(r.get());
  return RunRuleTests(engine, all);
}

RuleTestSummary RunRuleTests(Engine* engine, const std::vector<const Rule*>& rules) {
  RuleTestSummary summary;
  for (const Rule* rule : rules) {
    bool positive = false, negative = false;
    for (const RuleTestCase& tc : rule->tests) {
      (tc.expect.empty() ? negative : positive) = true;
      ++summary.cases;
      engine->SelectOnly({rule});
      std::string name = rule->path + ":" + std::to_string(tc.line);
      std::vector<Report> reports;
      std::vector<Diagnostic> seen;
      if (tc.reports.empty()) {
        reports.push_back(engine->Analyze(std::make_unique<SourceFile>(name, tc.text, "UTF-8")));
        engine->Check(reports[0], false, &seen);
      } else {
        for (size_t k = 0; k < tc.reports.size(); ++k) {
          reports.push_back(engine->Analyze(std::make_unique<SourceFile>(
              name + "#" + std::to_string(k + 1), tc.reports[k], "UTF-8")));
        }
        std::vector<const Report*> series;
        for (const Report& r : reports) series.push_back(&r);
        for (const auto& s : Engine::GroupSeries(series)) engine->CheckSeries(s, false, &seen);
      }
      std::vector<std::string> expected, got;
      for (const auto& e : tc.expect) expected.push_back(Describe(e.span, e.notes));
      for (const Diagnostic& d : seen) {
        std::vector<std::string> notes;
        for (const Related& r : d.related) notes.emplace_back(r.span.file->Slice(r.span));
        got.push_back(Describe(std::string(d.span.file->Slice(d.span)), notes));
      }
      std::vector<std::string> missing, extra;
      std::vector<bool> used(got.size(), false);
      for (const std::string& e : expected) {
        bool found = false;
        for (size_t k = 0; k < got.size() && !found; ++k) {
          if (!used[k] && got[k] == e) used[k] = found = true;
        }
        if (!found) missing.push_back(e);
      }
      for (size_t k = 0; k < got.size(); ++k)
        if (!used[k]) extra.push_back(got[k] + " — " + seen[k].message);
      if (!missing.empty() || !extra.empty()) {
        ++summary.failed;
        summary.report += name + ": error: test of rule '" + rule->id + "' failed\n";
        for (const auto& m : missing) summary.report += "  expected but not seen: " + m + "\n";
        for (const auto& x : extra) summary.report += "  seen but not expected: " + x + "\n";
      }
    }
    if (!positive || !negative) {
      ++summary.failed;
      summary.report += rule->path + ":" + std::to_string(rule->line) + ": error: rule '" +
                        rule->id + "' needs at least one positive and one negative test case\n";
    }
  }
  return summary;
}

}  // namespace plancheck
