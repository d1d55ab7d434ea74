#include "engine/rule_tests.h"

#include <algorithm>

namespace plancheck {
namespace {

std::string Describe(const std::string& span, const std::vector<std::string>& notes) {
  std::string s = "「" + span + "」";
  for (const std::string& n : notes) s += " note「" + n + "」";
  return s;
}

std::string At(const Span& span) {
  Position p = span.file->PositionOf(span.begin);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

// Where an expected span must begin: the offsets of its text in each report
// of the case, in order; the `occurrence`-th, or the only one. Empty, with
// `why`, when the expectation does not name one place.
std::vector<std::pair<const SourceFile*, size_t>> Places(const std::vector<Report>& reports,
                                                         const RuleTestCase::Expected& e,
                                                         std::string* why) {
  std::vector<std::pair<const SourceFile*, size_t>> all;
  for (const Report& r : reports)
    for (size_t at = r.file->text().find(e.span); !e.span.empty() && at != std::string::npos;
         at = r.file->text().find(e.span, at + 1))
      all.emplace_back(r.file.get(), at);
  if (all.empty()) {
    *why = "「" + e.span + "」 is not in the case's text";
    return {};
  }
  if (e.occurrence == 0 && all.size() > 1) {
    *why = "「" + e.span + "」 occurs " + std::to_string(all.size()) +
           " times in the case's text; say which with occurrence = N";
    return {};
  }
  if (e.occurrence > static_cast<int>(all.size())) {
    *why = "「" + e.span + "」 occurs " + std::to_string(all.size()) + " times, not " +
           std::to_string(e.occurrence);
    return {};
  }
  return {all[e.occurrence == 0 ? 0 : e.occurrence - 1]};
}

// Runs one case with `rule` alone; the diagnostics it gives.
std::vector<Diagnostic> RunCase(Engine* engine, const Rule* rule, const RuleTestCase& tc,
                                const std::string& name, std::vector<Report>* reports) {
  engine->SelectOnly({rule});
  std::vector<Diagnostic> seen;
  if (tc.reports.empty()) {
    reports->push_back(engine->Analyze(std::make_unique<SourceFile>(name, tc.text, "UTF-8")));
    engine->Check(reports->front(), false, &seen);
    return seen;
  }
  for (size_t k = 0; k < tc.reports.size(); ++k)
    reports->push_back(engine->Analyze(
        std::make_unique<SourceFile>(name + "#" + std::to_string(k + 1), tc.reports[k], "UTF-8")));
  std::vector<const Report*> series;
  for (const Report& r : *reports) series.push_back(&r);
  for (const auto& s : Engine::GroupSeries(series)) engine->CheckSeries(s, false, &seen);
  return seen;
}

// Matches what a case expects with what it gave: a diagnostic matches an
// expectation when it begins where the expected text is and its notes'
// texts are the expected ones. Appends what failed to `report`.
bool Compare(const RuleTestCase& tc, const std::vector<Report>& reports,
             const std::vector<Diagnostic>& seen, std::string* report) {
  std::vector<bool> used(seen.size(), false);
  bool ok = true;
  for (const RuleTestCase::Expected& e : tc.expect) {
    std::string why;
    std::vector<std::pair<const SourceFile*, size_t>> place = Places(reports, e, &why);
    if (place.empty()) {
      *report += "  expected " + Describe(e.span, e.notes) + ": " + why + "\n";
      ok = false;
      continue;
    }
    bool found = false;
    for (size_t k = 0; k < seen.size() && !found; ++k) {
      const Diagnostic& d = seen[k];
      if (used[k] || d.span.file != place[0].first || d.span.begin != place[0].second ||
          d.span.file->Slice(d.span) != e.span || d.related.size() != e.notes.size())
        continue;
      bool notes = true;
      for (size_t n = 0; n < e.notes.size(); ++n)
        notes = notes && d.related[n].span.file->Slice(d.related[n].span) == e.notes[n];
      if (notes) used[k] = found = true;
    }
    if (!found) {
      *report += "  expected but not seen: " + Describe(e.span, e.notes) + " at " +
                 At(place[0].first->MakeSpan(place[0].second, place[0].second)) + "\n";
      ok = false;
    }
  }
  for (size_t k = 0; k < seen.size(); ++k) {
    if (used[k]) continue;
    std::vector<std::string> notes;
    for (const Related& r : seen[k].related) notes.emplace_back(r.span.file->Slice(r.span));
    *report += "  seen but not expected: " +
               Describe(std::string(seen[k].span.file->Slice(seen[k].span)), notes) + " at " +
               At(seen[k].span) + " — " + seen[k].message + "\n";
    ok = false;
  }
  return ok;
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
      const std::string name = rule->path + ":" + std::to_string(tc.line);
      std::vector<Report> reports;
      std::vector<Diagnostic> seen = RunCase(engine, rule, tc, name, &reports);
      std::string failures;
      if (!Compare(tc, reports, seen, &failures)) {
        ++summary.failed;
        summary.report += name + ": error: test of rule '" + rule->id + "' failed\n" + failures;
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
