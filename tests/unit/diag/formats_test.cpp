#include "diag/formats.h"

#include <boost/test/unit_test.hpp>

#include "../test_util.h"

namespace plancheck {
namespace {

std::vector<Diagnostic> Check(const Report& r) {
  std::vector<Diagnostic> d;
  testing::DefaultEngine().Check(r, false, &d);
  SortDiagnostics(&d);
  return d;
}

constexpr const char* kReport =
    "一、2022年计划执行情况\n社会就业局势总体稳定,城镇新增就业1691人。\n二、2023年计划\n%s"
    "确保零就业家庭动态清零,新增城镇就业人口%s人以上。\n";

std::string ReportText(const std::string& inserted, const std::string& target) {
  char buf[1024];
  std::snprintf(buf, sizeof buf, kReport, inserted.c_str(), target.c_str());
  return buf;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Formats)

BOOST_AUTO_TEST_CASE(BaselineSurvivesEditsElsewhereButNotANewNumber) {
  plancheck::Report original = testing::Analyze(ReportText("", "1600"));
  std::vector<Diagnostic> before = Check(original);
  BOOST_REQUIRE(before.size() == 1u);
  Result<Baseline> baseline = ParseBaseline(RenderBaseline(before));
  BOOST_REQUIRE(baseline.ok());

  // A paragraph inserted above the finding: still acknowledged.
  plancheck::Report edited =
      testing::Analyze(ReportText("加快推进项目建设,强化要素保障。\n\n", "1600"));
  std::vector<Diagnostic> after = Check(edited);
  BOOST_REQUIRE(after.size() == 1u);
  BOOST_TEST(after[0].span.file->PositionOf(after[0].span.begin).line == 6);
  BOOST_TEST(ApplyBaseline(*baseline, &after) == 1);
  BOOST_TEST(after[0].suppressed);

  // The number changed: a new finding.
  plancheck::Report changed = testing::Analyze(ReportText("", "1500"));
  std::vector<Diagnostic> again = Check(changed);
  BOOST_REQUIRE(again.size() == 1u);
  BOOST_TEST(ApplyBaseline(*baseline, &again) == 0);
  BOOST_TEST(!again[0].suppressed);
}

BOOST_AUTO_TEST_CASE(RejectsMalformedBaselines) {
  BOOST_TEST(ParseBaseline("{").status().message() == "not JSON");
  BOOST_TEST(ParseBaseline("[]").status().message() ==
             "not a plancheck baseline (no \"findings\" list)");
  BOOST_TEST(ParseBaseline("{\"findings\": [{}]}").status().message() ==
             "a finding without a \"fingerprint\" string");
}

BOOST_AUTO_TEST_CASE(GithubCommandsEscapeWhatGithubRequires) {
  SourceFile f("a,b:c.txt", "新增城镇就业人口1600人以上\n", "UTF-8");
  Diagnostic d;
  d.rule = "r";
  d.severity = Severity::kError;
  d.message = "100% 低于\n上年\r实际: a, b";
  size_t at = f.text().find("1600");
  d.span = f.MakeSpan(at, at + 4);
  BOOST_TEST(RenderGithub({d}) ==
             "::error file=a%2Cb%3Ac.txt,line=1,col=9,endLine=1,endColumn=13,title=plancheck r::"
             "100%25 低于%0A上年%0D实际: a, b\n");
}

// GitHub shows 10 annotations of each kind per step: past that, one notice
// says how many are hidden (and nothing is said below the cap).
BOOST_AUTO_TEST_CASE(GithubSaysWhenAnnotationsAreCapped) {
  SeverityCounts counts;
  counts.count[static_cast<int>(Severity::kWarning)] = 10;
  counts.count[static_cast<int>(Severity::kError)] = 3;
  BOOST_TEST(GithubCapNotice(counts, false).empty());
  counts.count[static_cast<int>(Severity::kWarning)] = 14;
  counts.count[static_cast<int>(Severity::kNote)] = 12;
  BOOST_TEST(
      GithubCapNotice(counts, true) ==
      "::notice title=plancheck::plancheck: 29 findings; GitHub shows 10 annotations of each kind "
      "per step, so 6 are not shown here. The job summary and the SARIF list them all.\n");
  BOOST_TEST(GithubCapNotice(counts, false).find("另有 6 条未显示") != std::string::npos);
}

// The job summary's table: one row per open finding, cells that cannot
// break the table or become markup, a cap with the rest counted.
BOOST_AUTO_TEST_CASE(MarkdownSummaryRowsAreInert) {
  SourceFile f("a|b.txt", "新增城镇就业人口1600人以上\n", "UTF-8");
  Diagnostic d;
  d.rule = "r";
  d.severity = Severity::kWarning;
  d.message = "a | b\n<script>*x*";
  size_t at = f.text().find("1600");
  d.span = f.MakeSpan(at, at + 4);
  Diagnostic acknowledged = d;
  acknowledged.suppressed = true;
  std::string md = RenderMarkdown({d, acknowledged, d}, 1, true, 1);
  BOOST_TEST(md ==
             "### plancheck: 2 warnings in 1 file (1 suppressed by the baseline)\n\n"
             "| Where | Severity | Rule | Message |\n|---|---|---|---|\n"
             "| a\\|b.txt:1:9 | warning | `r` | a \\| b &lt;script&gt;\\*x\\* |\n"
             "\n1 more findings are not listed here.\n");
  BOOST_TEST(RenderMarkdown({}, 1, false).find("没有发现问题") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(HtmlCarriesReportTextAsInertJson) {
  SourceFile f("x.txt", "</script><script>alert(1)</script>增长-1.6%\n", "UTF-8");
  std::string page = RenderHtml({}, {&f}, "0");
  // The only closing script tags are the page's own two.
  size_t count = 0, at = 0;
  while ((at = page.find("</script>", at)) != std::string::npos) ++count, ++at;
  BOOST_TEST(count == 2u);
  BOOST_TEST(page.find("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)") != std::string::npos);
  // No address to fetch: the one http:// is the SVG namespace, a name that
  // createElementNS takes, never loaded.
  for (size_t at = 0; (at = page.find("http://", at)) != std::string::npos; ++at)
    BOOST_TEST(page.compare(at, 26, "http://www.w3.org/2000/svg") == 0);
  BOOST_TEST(page.find("https://") == std::string::npos);
}

// The page's own words follow --lang: with English, a page of an English
// report holds no Chinese at all; every placeholder is filled either way.
BOOST_AUTO_TEST_CASE(HtmlPageInTheLanguageAskedFor) {
  SourceFile f("x.txt", "GDP grew 5%.\n", "UTF-8");
  PageOptions en;
  en.english = true;
  std::string page = RenderHtml({}, {&f}, "0", en);
  BOOST_TEST(page.find("<html lang=\"en\">") != std::string::npos);
  BOOST_TEST(page.find("@T:") == std::string::npos);
  bool chinese = false;
  for (size_t i = 0; i + 2 < page.size(); ++i) {
    unsigned char c = page[i];
    chinese =
        chinese || (c >= 0xE4 && c <= 0xE9) || (c == 0xEF && (unsigned char)page[i + 1] == 0xBC);
  }
  BOOST_TEST(!chinese);
  std::string zh = RenderHtml({}, {&f}, "0");
  BOOST_TEST(zh.find("<html lang=\"zh-CN\">") != std::string::npos);
  BOOST_TEST(zh.find("@T:") == std::string::npos);
  BOOST_TEST(zh.find("全部规则") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
