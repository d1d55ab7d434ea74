#include "segment/period.h"

#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>

#include "extract/lexicon.h"
#include "segment/document.h"
#include "text/source_file.h"

namespace plancheck {
namespace {

const PeriodWords& Words() { return DefaultLexicon().period_words(); }

// A report segmented from text; the document points into the file it keeps.
struct Segmented {
  std::unique_ptr<SourceFile> file;
  Document doc;
};
Segmented SegmentText(const std::string& text) {
  Segmented s;
  s.file = std::make_unique<SourceFile>("gwr.txt", text, "UTF-8");
  s.doc = Segment(*s.file, Words());
  return s;
}

// The role and period of the paragraph holding `needle`, rendered
// "actual 2021-2025 year".
std::string PeriodOf(const Document& doc, const std::string& needle) {
  for (const Paragraph& p : doc.paragraphs) {
    const std::string& t = p.normalized.text();
    size_t at = t.find(needle);
    if (at == std::string::npos) continue;
    PeriodCue cue = p.CueAt(at);
    return std::string(RoleName(cue.role)) + " " + std::to_string(cue.period.from) + "-" +
           std::to_string(cue.period.to);
  }
  return "not found";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(PeriodTest)

BOOST_AUTO_TEST_CASE(FindsFiveYearPlansByNumber) {
  BOOST_TEST(FindPlan("“十四五”时期")->from == 2021);
  BOOST_TEST(FindPlan("“十四五”时期")->to == 2025);
  BOOST_TEST(FindPlan("关于第十五个五年规划纲要")->from == 2026);
  BOOST_TEST(FindPlan("“十二五”收官")->from == 2011);
  BOOST_TEST(FindPlan("“九五”普法")->from == 1996);
  BOOST_TEST(!FindPlan("十五年来"));
}

BOOST_AUTO_TEST_CASE(AHeadingTakesThePeriodItNamesFirst) {
  std::optional<PeriodCue> both = HeadingPeriod("2025年和“十四五”时期工作回顾", 2026, Words());
  BOOST_TEST(both->period.from == 2025);
  BOOST_TEST(both->period.to == 2025);
  BOOST_TEST(RoleName(both->role) == std::string("actual"));
  std::optional<PeriodCue> review = HeadingPeriod("“十四五”时期和2025年工作回顾", 2026, Words());
  BOOST_TEST(review->period.from == 2021);
  std::optional<PeriodCue> plan = HeadingPeriod("“十五五”时期主要目标任务", 2026, Words());
  BOOST_TEST(RoleName(plan->role) == std::string("target"));
  BOOST_TEST(plan->period.to == 2030);
  BOOST_TEST(!HeadingPeriod("一年接着一年干，新福建建设持续取得新进展", 2026, Words()));
}

BOOST_AUTO_TEST_CASE(OpenersSetThePeriodOfWhatFollows) {
  BOOST_TEST(OpenerPeriod("过去一年，我们…", 2026, Words())->period.from == 2025);
  BOOST_TEST(OpenerPeriod("各位代表！这五年，我们…", 2026, Words())->period.from == 2021);
  BOOST_TEST(OpenerPeriod("——这五年综合经济实力大幅提升", 2026, Words())->period.to == 2025);
  BOOST_TEST(OpenerPeriod("刚刚过去的2025年，面对…", 2026, Words())->period.from == 2025);
  BOOST_TEST(OpenerPeriod("2025年是“十四五”收官之年", 2026, Words())->period.to == 2025);
  BOOST_TEST(OpenerPeriod("“十四五”以来，面对…", 2026, Words())->period.to == 2025);
  BOOST_TEST(RoleName(OpenerPeriod("今年是“十五五”开局之年", 2026, Words())->role) ==
             std::string("target"));
  BOOST_TEST(OpenerPeriod("今后五年，…", 2026, Words())->period.to == 2030);
  // Words that only look like openers.
  BOOST_TEST(!OpenerPeriod("加快建设，2025年底前完成", 2026, Words()));
  BOOST_TEST(!OpenerPeriod("2030年前实现碳达峰", 2026, Words()));
}

BOOST_AUTO_TEST_CASE(AGovernmentWorkReportReviewsThePastYearFirst) {
  Segmented report = SegmentText(
      "2026年福建省政府工作报告\n"
      "各位代表：\n"
      "一、一年接着一年干，新福建建设持续取得新进展新成效\n"
      "全省地区生产总值60199.45亿元。\n"
      "五年来，我们新增就业265.15万人。\n"
      "二、一张蓝图绘到底\n"
      "“十五五”时期经济社会发展的主要目标是：居民收入增长。\n"
      "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n"
      "四、一以贯之转作风\n"
      "政务服务事项办理时限压减30%。\n");
  const Document& doc = report.doc;
  BOOST_TEST(PeriodOf(doc, "60199.45") == "actual 2025-2025");
  BOOST_TEST(PeriodOf(doc, "265.15") == "actual 2021-2025");
  BOOST_TEST(PeriodOf(doc, "居民收入") == "target 2026-2030");
  BOOST_TEST(PeriodOf(doc, "5%左右") == "target 2026-2026");
  BOOST_TEST(PeriodOf(doc, "压减30%") == "target 2026-2026");
}

BOOST_AUTO_TEST_CASE(ASentenceOpenerChangesThePeriodMidParagraph) {
  Segmented report = SegmentText(
      "2016年政府工作报告\n"
      "一、2015年工作回顾\n"
      "2015年是“十二五”收官之年。过去五年，铁路营业里程达到12.1万公里。\n");
  const Document& doc = report.doc;
  BOOST_TEST(PeriodOf(doc, "收官") == "actual 2015-2015");
  BOOST_TEST(PeriodOf(doc, "12.1万公里") == "actual 2011-2015");
}

BOOST_AUTO_TEST_CASE(AShortUnnumberedTitleLineHeadsAPart) {
  Segmented report = SegmentText(
      "2026年政府工作报告\n"
      "各位代表：\n"
      "“十四五”时期发展成就和2025年工作回顾\n"
      "——这五年综合经济实力大幅提升。\n"
      "“十五五”时期主要目标和2026年重点工作\n"
      "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n");
  const Document& doc = report.doc;
  BOOST_TEST(doc.sections.size() == 2u);
  BOOST_TEST(PeriodOf(doc, "综合经济实力") == "actual 2021-2025");
  BOOST_TEST(PeriodOf(doc, "5%左右") == "target 2026-2026");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
