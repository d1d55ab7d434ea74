// The machine formats of `check`: SARIF 2.1.0 for code scanning, GitHub
// workflow commands for annotations, and the self-contained HTML review
// page; and the baseline file that acknowledges findings by fingerprint.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "diag/diagnostic.h"
#include "text/source_file.h"

namespace plancheck {

// What SARIF's tool.driver.rules says of a rule.
struct RuleInfo {
  std::string id;
  std::string summary;
  std::string explanation;
  Severity severity = Severity::kWarning;
};

// A short stable hash of a diagnostic's identity (Diagnostic::fingerprint):
// 16 hex digits.
std::string FingerprintHash(const Diagnostic& d);

std::string RenderSarif(const std::vector<Diagnostic>& diagnostics,
                        const std::vector<RuleInfo>& rules, const std::string& version);

// "::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message", with
// % CR LF escaped in the message and also : , in properties.
std::string RenderGithub(const std::vector<Diagnostic>& diagnostics);
// GitHub shows this many annotations of each kind (error, warning, notice)
// per step and drops the rest without a word.
constexpr int kGithubAnnotationsPerKind = 10;
// With more findings of a kind than that: one notice, to print first, that
// says how many are not shown and where they all are; else "".
std::string GithubCapNotice(const SeverityCounts& counts, bool english);

// A Markdown summary for GitHub's job summary or a pull-request comment: the
// summary line, then a table of the findings not in the baseline (at most
// `max_rows`; GitHub takes 1 MiB of summary per step).
std::string RenderMarkdown(const std::vector<Diagnostic>& diagnostics, int files, bool english,
                           size_t max_rows = 500);

struct Baseline;

// One indicator's targets and results by year, for the audit's page.
struct Trend {
  struct Point {
    int year = 0;
    std::optional<double> target, actual;  // in the indicator's base unit
    std::string target_text, actual_text;  // as printed
    std::string status;                    // met, missed, unknown
  };
  std::string name;  // 地区生产总值 (growth)
  std::vector<Point> points;
};

// What the review page shows besides the findings and the reports' text.
struct PageOptions {
  std::vector<RuleInfo> rules;  // each finding's card: its rule's summary and explanation
  std::vector<Trend> trends;    // an audit: a small chart per indicator heads the findings
  const Baseline* acknowledged = nullptr;  // the run's --baseline, carried whole
  bool english = false;                    // the page's own words in English (--lang en)
};

// One self-contained page: every report's text with the findings' spans
// highlighted, a filterable list of findings, and a baseline download that
// holds `acknowledged` and the findings ticked on the page.
std::string RenderHtml(const std::vector<Diagnostic>& diagnostics,
                       const std::vector<const SourceFile*>& files, const std::string& version,
                       const PageOptions& page = {});

// Baselines: {"version": 1, "findings": [{"fingerprint", "rule", "message"}]}.
struct Baseline {
  std::vector<std::string> fingerprints;
  // The entries as the file holds them, kept whole so that a page made
  // with this baseline can write them back with the new acknowledgements.
  struct Entry {
    std::string fingerprint, rule, message;
  };
  std::vector<Entry> entries;
};
Result<Baseline> ParseBaseline(const std::string& text);
std::string RenderBaseline(const std::vector<Diagnostic>& diagnostics);
// Marks the diagnostics the baseline lists as suppressed; returns how many.
int ApplyBaseline(const Baseline& baseline, std::vector<Diagnostic>* diagnostics);

}  // namespace plancheck
