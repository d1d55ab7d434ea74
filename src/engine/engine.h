// Engine: one run of plancheck — the loaded lexicon, regions and enabled
// rules — and the pipeline decode → segment → extract → evaluate for each
// report.
//
// After Load*() the engine is read-only; Analyze() and Check() may run on
// several reports at once from different threads.
#pragma once

#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/toml_reader.h"
#include "diag/diagnostic.h"
#include "extract/extractor.h"
#include "extract/fact.h"
#include "extract/lexicon.h"
#include "rules/rule.h"
#include "segment/document.h"
#include "text/decode.h"
#include "text/input.h"
#include "text/source_file.h"

namespace plancheck {

struct Region {
  int peers = 0;
  std::vector<std::string> members;
};

// One analyzed report. Owns its SourceFile; Document and Facts point into it.
struct Report {
  std::unique_ptr<SourceFile> file;
  Document document;
  std::vector<Fact> facts;
  Environment env;
};

struct RuleSelection {
  bool strict = false;                       // enable the strict group
  std::vector<std::string> enable;           // ids or groups
  std::vector<std::string> disable;          // ids or groups
  std::map<std::string, Severity> severity;  // overrides by rule id
};

class Engine {
 public:
  Engine();
  ~Engine();

  // Loading: every problem goes to `errors` (path:line); check errors before
  // analyzing anything.
  void LoadDefaults(bool rules, ConfigErrors* errors);
  // Adds *.toml under `dir`: units.toml, indicators.toml and regions.toml
  // extend the lexicon, every other file holds rules.
  void LoadDirectory(const std::string& dir, ConfigErrors* errors);
  void LoadRuleText(std::string_view text, const std::string& path, ConfigErrors* errors);
  // Chooses the rules to run; unknown ids/groups are errors (with "did you mean").
  Status Select(const RuleSelection& selection);
  // Restricts the run to exactly these rules (test-rules).
  void SelectOnly(const std::vector<const Rule*>& rules);
  // Finishes loading (builds the extractor). REQUIRES: no load errors.
  void Prepare();

  // Reads and decodes one file ("-" is standard input), a text or a Word
  // document (input.h). `display` is the name diagnostics show.
  // `max_bytes`: a larger file, or a document that inflates larger, is an
  // error.
  Result<Report> Load(const std::string& path, const std::string& display,
                      const std::string& encoding, size_t max_bytes = kDefaultMaxInputBytes,
                      InputFormat format = InputFormat::kAuto) const;
  Report Analyze(std::unique_ptr<SourceFile> file) const;
  // Runs the enabled rules of the default and strict groups on one report.
  void Check(const Report& report, bool english, std::vector<Diagnostic>* out) const;

  // Multi-year audit. Groups reports into series — one region, ordered by
  // the year each report was published for — and runs the enabled rules of
  // the audit group over the facts of every two consecutive reports of a
  // series (report N's targets for year N against report N+1's actuals).
  static std::vector<std::vector<const Report*>> GroupSeries(
      const std::vector<const Report*>& reports);
  void CheckSeries(const std::vector<const Report*>& series, bool english,
                   std::vector<Diagnostic>* out) const;

  const RuleSet& rules() const { return rules_; }
  const std::vector<const Rule*>& enabled() const { return enabled_; }
  const Lexicon& lexicon() const { return lexicon_; }
  const Identities& identities() const { return identities_; }
  // The fields a target and its result share (Identities::kOutcome).
  // REQUIRES: loaded without errors.
  const std::vector<int>& OutcomeFields() const;

 private:
  void LoadRegions(std::string_view text, const std::string& path, ConfigErrors* errors);
  // The lexicon's names as the rules loaded next are checked against them.
  void RefreshVocabulary();

  Lexicon lexicon_;
  RuleSet rules_;
  Vocabulary vocabulary_;  // what rules_ checks literals against
  Identities identities_;  // what rules' `same` and the audit table join by
  std::vector<Region> regions_;
  std::vector<std::string> peer_words_;  // regions.toml: a rank among a city's members (全市)
  std::vector<const Rule*> enabled_;
  std::map<std::string, Severity> severity_;
  std::unique_ptr<Extractor> extractor_;
  // LoadDefaults' rule-reading and ICU warm-up thread (declared last: waited
  // for first).
  std::future<void> warm_up_;
};

}  // namespace plancheck
