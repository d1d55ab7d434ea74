#include "engine/config.h"

#include <boost/test/unit_test.hpp>

#include "../test_util.h"

namespace plancheck {

BOOST_AUTO_TEST_SUITE(ConfigTest)

BOOST_AUTO_TEST_CASE(ReadsSelectionSeverityAndDefaults) {
  ConfigErrors errors;
  Config c = ParseConfig(R"([rules]
enable = ["strict"]
disable = "target-without-baseline"
directories = ["local-rules"]
[severity]
"target-below-prior-actual" = "note"
[check]
fail_on = "error"
lang = "en"
)",
                         "proj/.plancheck.toml", &errors);
  BOOST_TEST(errors.empty());
  BOOST_TEST(c.enable == std::vector<std::string>{"strict"});
  BOOST_TEST(c.disable == std::vector<std::string>{"target-without-baseline"});
  BOOST_TEST(c.rule_dirs == std::vector<std::string>{"proj/local-rules"});
  BOOST_TEST(static_cast<int>(c.severity["target-below-prior-actual"]) ==
             static_cast<int>(Severity::kNote));
  BOOST_TEST(*c.fail_on == "error");
  BOOST_TEST(*c.lang == "en");
}

BOOST_AUTO_TEST_CASE(ReportsUnknownKeysAndBadValuesWithLines) {
  ConfigErrors errors;
  ParseConfig("[rules]\nenabel = [\"strict\"]\n[check]\nfail_on = \"warn\"\n", "c.toml", &errors);
  std::vector<std::string> messages;
  for (const auto& e : errors.all()) messages.push_back(e.Format());
  BOOST_TEST(
      messages == (std::vector<std::string>{
                      "c.toml:2: error: [rules]: unknown key 'enabel' (did you mean 'enable'?)",
                      "c.toml:4: error: [check]: 'fail_on' is 'warn'; expected one of error, "
                      "warning, note (did you mean 'warning'?)"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(SeverityOverridesApplyToFindings) {
  Engine engine;
  ConfigErrors errors;
  engine.LoadDefaults(true, &errors);
  RuleSelection selection;
  selection.severity["target-below-prior-actual"] = Severity::kNote;
  BOOST_REQUIRE(engine.Select(selection).ok());
  engine.Prepare();
  Report r =
      engine.Analyze(std::make_unique<SourceFile>("t.txt",
                                                  "一、2022年计划执行情况\n城镇新增就业1691人。\n二"
                                                  "、2023年计划\n新增城镇就业人口1600人以上。\n",
                                                  "UTF-8"));
  std::vector<Diagnostic> diags;
  engine.Check(r, false, &diags);
  BOOST_REQUIRE(diags.size() == 1u);
  BOOST_TEST(SeverityName(diags[0].severity) == std::string("note"));
  selection.severity["target-below-prior-actaul"] = Severity::kNote;
  BOOST_TEST(
      engine.Select(selection).message() ==
      "unknown rule 'target-below-prior-actaul' (did you mean 'target-below-prior-actual'?)");
}

// --lang en is English throughout: every shipped rule says in English what
// it checks, why, and what it found.
BOOST_AUTO_TEST_CASE(EveryShippedRuleSpeaksEnglish) {
  Engine engine;
  ConfigErrors errors;
  engine.LoadDefaults(true, &errors);
  BOOST_REQUIRE(engine.rules().rules().size() > 10u);
  for (const auto& r : engine.rules().rules()) {
    BOOST_TEST_CONTEXT(r->id) {
      BOOST_TEST(!r->summary_en.empty());
      BOOST_TEST(!r->explanation_en.empty());
      BOOST_TEST(!r->message_en.empty());
      BOOST_TEST(r->note.empty() == r->note_en.empty());
      BOOST_TEST(r->Summary(true) != r->Summary(false));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
