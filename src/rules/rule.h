// Rules: what a rule file declares, the closed set of rule kinds that check
// it, and the loader that validates everything before any report is read.
//
// A rule is data (TOML): id, kind, group, severity, messages, explanation,
// kind-specific keys, and its own [[rule.test]] cases. Each kind is one
// class in src/rules/kinds/ listed once in kRuleKinds (rule_kinds.cpp).
// Rules are immutable after loading and safe to run on several reports at
// once.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "base/toml_reader.h"
#include "diag/diagnostic.h"
#include "extract/fact.h"
#include "rules/expr.h"
#include "rules/identities.h"
#include "segment/document.h"

namespace plancheck {

class Rule;

// Everything a kind may look at when checking one report.
struct CheckInput {
  const Document* document = nullptr;
  const std::vector<Fact>* facts = nullptr;
  const Environment* env = nullptr;
  const Lexicon* lexicon = nullptr;  // what the report was read with (words.toml [claims] …)
  bool english = false;
};

// Where a kind sends what it finds.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void Report(Diagnostic d) = 0;
};

// A compiled rule kind: the match and judge steps of one rule.
class RuleCheck {
 public:
  virtual ~RuleCheck() = default;
  virtual void Check(const Rule& rule, const CheckInput& input, DiagnosticSink* sink) const = 0;
};

// One entry of the kind table.
struct RuleKindInfo {
  const char* name;
  const char* summary;
  // The variables its expressions and messages bind, in order.
  std::vector<std::string> variables;
  // Reads the kind's keys (validated; errors to r.errors()).
  std::unique_ptr<RuleCheck> (*compile)(TableReader& r, const ParseContext& context);
};

const std::vector<RuleKindInfo>& RuleKinds();

struct RuleTestCase {
  int line = 0;
  std::string text;                  // one report, or
  std::vector<std::string> reports;  // consecutive reports, for audit rules
  struct Expected {
    std::string span;
    // Which occurrence of `span` in the case's text (1-based; reports taken
    // in order); 0: it occurs once.
    int occurrence = 0;
    std::vector<std::string> notes;
  };
  std::vector<Expected> expect;
};

class Rule {
 public:
  std::string id;
  bool builtin = false;  // compiled into the binary: a rule file of --rules may redefine it
  std::string kind;
  std::string group = "default";
  // What the rule reads: one report at a time (check), or two consecutive
  // reports of a region (audit). Given as `scope`; by default "series" for
  // the audit group and "report" for the others.
  enum class Scope { kReport, kSeries };
  Scope scope = Scope::kReport;
  Severity severity = Severity::kWarning;
  std::string summary;         // one line, Chinese
  std::string summary_en;      // with --lang en
  std::string explanation;     // Chinese, for `plancheck explain`
  std::string explanation_en;  // with --lang en
  Template message;
  Template message_en;
  Template note;
  Template note_en;
  std::string path;
  int line = 0;
  std::unique_ptr<RuleCheck> check;
  std::vector<RuleTestCase> tests;

  // The summary and explanation in the language asked for; Chinese where a
  // rule has no English.
  const std::string& Summary(bool english) const;
  const std::string& Explanation(bool english) const;

  // Builds the diagnostic for facts bound as the kind's variables: primary
  // span at `primary`, a note (the rule's `note`) at each of `notes` given
  // (null ones skipped, one note per place).
  Diagnostic Make(const CheckInput& input, const Bindings& b, const Span& primary,
                  std::initializer_list<const Span*> notes) const;
};

class RuleSet {
 public:
  // Adds every rule of a rule file; problems go to `errors`.
  void LoadFile(std::string_view text, const std::string& path, ConfigErrors* errors);
  // The same, for a file already parsed.
  void LoadTable(const toml::table& doc, const std::string& path, ConfigErrors* errors);
  // Moves `other`'s rules in after these. REQUIRES: no id in both.
  void Append(RuleSet&& other);
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  // Marks every rule loaded so far as built in (RuleSet::LoadFile then lets
  // a later rule of the same id replace it rather than be a duplicate).
  void MarkBuiltin();
  const Rule* Find(const std::string& id) const;
  std::vector<std::string> Ids() const;
  std::vector<std::string> Groups() const;
  // The lexicon's names that rules loaded from now on are checked against
  // (indicator and unit literals); null: not checked.
  void set_vocabulary(const Vocabulary* vocabulary) { vocabulary_ = vocabulary; }
  // The named identities `same` may use in rules loaded from now on; null:
  // fields only. Must outlive the loading.
  void set_identities(const Identities* identities) { identities_ = identities; }

 private:
  std::vector<std::unique_ptr<Rule>> rules_;
  const Vocabulary* vocabulary_ = nullptr;
  const Identities* identities_ = nullptr;
};

}  // namespace plancheck
