#include <boost/test/unit_test.hpp>
#include <set>
#include <sstream>

#include "rules/rule.h"
#include "text/decode.h"

namespace plancheck {
namespace {

std::vector<std::string> Load(const std::string& text) {
  RuleSet rules;
  ConfigErrors errors;
  rules.LoadFile(text, "rules/x.toml", &errors);
  std::vector<std::string> out;
  for (const ConfigError& e : errors.all()) out.push_back(e.Format());
  return out;
}

constexpr const char* kGood = R"(
[[rule]]
id = "good-rule"
kind = "bound"
message = "{t.text}"
assert = "t.value <= 100"
[rule.subject]
measure = "rate"
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(RuleLoader)

BOOST_AUTO_TEST_CASE(AcceptsAValidRule) {
  RuleSet rules;
  ConfigErrors errors;
  rules.LoadFile(kGood, "rules/x.toml", &errors);
  BOOST_TEST(errors.empty());
  BOOST_REQUIRE(rules.Find("good-rule") != nullptr);
  BOOST_TEST(rules.Find("good-rule")->line == 2);
}

BOOST_AUTO_TEST_CASE(ReportsBadTomlWithItsLine) {
  BOOST_TEST((
      Load("[[rule]]\nid = \"x\"\nkind = \n") ==
      std::vector<std::string>{
          "rules/x.toml:3: error: Error while parsing key-value pair: expected value, saw '\\n'"}));
}

BOOST_AUTO_TEST_CASE(ReportsEveryErrorOfAFileAtOnce) {
  std::vector<std::string> errors = Load(R"([[rule]]
id = "a-rule"
kind = "bound"
sevrity = "warning"
message = "{t.txet}"
assert = "t.value <= "
group = 3

[[rule]]
id = "b-rule"
kind = "comapre"
message = "x"

[[rule]]
id = "c-rule"
kind = "pattern"
message = "x"
pattern = "(unclosed"
)");
  BOOST_TEST(
      errors ==
          (std::vector<std::string>{
              "rules/x.toml:7: error: rule 'a-rule': key 'group' must be a string, not integer",
              "rules/x.toml:5: error: rule 'a-rule': message: placeholder {t.txet}: unknown field "
              "'txet' (did you mean 'text'?)",
              "rules/x.toml:6: error: assert: unexpected end of expression at column 12",
              "rules/x.toml:4: error: rule 'a-rule': unknown key 'sevrity' (did you mean "
              "'severity'?)",
              "rules/x.toml:11: error: rule 'b-rule': unknown kind 'comapre' (did you mean "
              "'compare'?)",
              "rules/x.toml:18: error: pattern: RE2 rejects the pattern: missing ): (unclosed",
          }),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(RejectsDuplicateIds) {
  std::vector<std::string> errors = Load(std::string(kGood) + kGood);
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0] ==
             "rules/x.toml:11: error: duplicate rule id 'good-rule' (first at rules/x.toml:2)");
}

BOOST_AUTO_TEST_CASE(RejectsUnknownFilterValues) {
  std::vector<std::string> errors = Load(R"([[rule]]
id = "x-rule"
kind = "bound"
message = "m"
assert = "t.value > 0"
[rule.subject]
role = "targte"
)");
  BOOST_REQUIRE(errors.size() == 1u);
  BOOST_TEST(errors[0] ==
             "rules/x.toml:7: error: [subject]: role 'targte' is not one of actual, target, other "
             "(did you mean 'target'?)");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck

namespace plancheck {

std::string ReadSourceFile(const std::string& relative) {
  Result<std::string> bytes = ReadFileBytes(std::string(PLANCHECK_SOURCE_DIR) + "/" + relative);
  BOOST_REQUIRE(bytes.ok());
  return bytes.value();
}

BOOST_AUTO_TEST_SUITE(RuleLoaderRegressions)

// Found by fuzz_rules: toml++ reaches undefined behaviour on malformed
// UTF-8, so the adapter rejects it first, with the line.
BOOST_AUTO_TEST_CASE(RejectsInvalidUtf8BeforeTomlSeesIt) {
  RuleSet rules;
  ConfigErrors errors;
  rules.LoadFile("[[rule]]\nid = \"x\"\n# \xFF\xFE\n", "rules/x.toml", &errors);
  BOOST_REQUIRE(errors.all().size() == 1u);
  BOOST_TEST(
      errors.all()[0].Format() ==
      "rules/x.toml:3: error: invalid UTF-8 at byte offset 20 (rule and lexicon files are UTF-8)");
}

// The malformed ones are reported, each error with a line; the one that
// once crashed the rule-test runner (an empty paragraph in a case) loads.
BOOST_AUTO_TEST_CASE(FuzzerFoundInputsAreReportedWithALine) {
  RuleSet loads;
  ConfigErrors none;
  loads.LoadFile(ReadSourceFile("tests/fuzz/regressions/rules-empty-paragraph.toml"), "r.toml",
                 &none);
  BOOST_TEST(none.empty());
  BOOST_TEST(!loads.rules().empty());
  for (const char* name : {"rules-invalid-utf8.toml", "rules-cjk-bare-key.toml"}) {
    BOOST_TEST_CONTEXT(name) {
      std::string text = ReadSourceFile(std::string("tests/fuzz/regressions/") + name);
      RuleSet rules;
      ConfigErrors errors;
      rules.LoadFile(text, "regression.toml", &errors);
      BOOST_TEST(!errors.empty());
      for (const ConfigError& e : errors.all()) BOOST_TEST(e.line > 0, e.Format());
    }
  }
}

// rules/README.md's table of fields lists exactly the fields expressions
// can read (the field table, rules/expr.h).
BOOST_AUTO_TEST_CASE(ReadmeListsEveryField) {
  std::string readme = ReadSourceFile("rules/README.md");
  size_t from = readme.find("### Facts and their fields");
  size_t to = readme.find("\n### ", from + 1);
  BOOST_REQUIRE(from != std::string::npos);
  std::set<std::string> listed;
  std::istringstream lines(readme.substr(from, to - from));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    std::string first = line.substr(0, line.find(" |", 2));
    for (size_t at = first.find('`'); at != std::string::npos; at = first.find('`', at + 1)) {
      size_t end = first.find('`', at + 1);
      listed.insert(first.substr(at + 1, end - at - 1));
      at = end;
    }
  }
  const std::vector<std::string>& fields = FactFields();
  BOOST_TEST(listed == std::set<std::string>(fields.begin(), fields.end()),
             boost::test_tools::per_element());
}

// Found by fuzz_rules: toml++ 3.3 reaches undefined behaviour on 、 in a bare
// key; outside strings and comments TOML is ASCII, so it is reported first.
BOOST_AUTO_TEST_CASE(RejectsNonAsciiOutsideStrings) {
  RuleSet rules;
  ConfigErrors errors;
  rules.LoadFile("# 注释可以有中文\n[[rule]]\nid = \"x\"\nmessage = \"中文、可以\"\nkey、 = 1\n",
                 "rules/x.toml", &errors);
  BOOST_REQUIRE(errors.all().size() == 1u);
  BOOST_TEST(errors.all()[0].Format() ==
             "rules/x.toml:5: error: unexpected character '、' outside a string or comment");
  BOOST_TEST(FindNonAsciiOutsideStrings("a = \"\"\"多行\n\"内容\"\"\"\"\nb = '字' # 注\n") ==
             std::string_view::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
