#include "extract/extractor.h"

#include <boost/test/unit_test.hpp>

#include "../test_util.h"

namespace plancheck {
namespace {

constexpr const char* kPlan =
    "关于广元市昭化区2022年国民经济和社会发展计划执行情况及2023年计划草案的报告\n"
    "一、2022年国民经济和社会发展计划执行情况\n"
    "%s\n"
    "二、2023年全区经济和社会发展计划建议\n"
    "%s\n";

Report Plan(const std::string& actual, const std::string& target = "") {
  char buf[8192];
  std::snprintf(buf, sizeof buf, kPlan, actual.c_str(), target.c_str());
  return testing::Analyze(buf);
}

const Fact& Only(const Report& r, const std::string& text) {
  const Fact* found = nullptr;
  for (const Fact& f : r.facts) {
    if (f.text == text) {
      BOOST_REQUIRE_MESSAGE(found == nullptr, "more than one fact '" + text + "'");
      found = &f;
    }
  }
  BOOST_REQUIRE_MESSAGE(found != nullptr, "no fact '" + text + "'");
  return *found;
}

std::vector<std::string> Texts(const Report& r) {
  std::vector<std::string> out;
  for (const Fact& f : r.facts) out.push_back(f.text);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ExtractorTest)

BOOST_AUTO_TEST_CASE(AnIndexsGrowthIsTheIndicatorItsLexiconEntryNames) {
  // indicators.toml growth_is: CPI微降0.1% is a 居民消费价格涨幅 of −0.1%.
  const Report report = Plan("CPI微降0.1%。");
  const Fact& growth = Only(report, "0.1%");
  BOOST_REQUIRE(growth.indicator != nullptr);
  BOOST_TEST(growth.indicator->name == "居民消费价格涨幅");
  BOOST_TEST(growth.value == -0.1);
}

BOOST_AUTO_TEST_CASE(AClaimOfTargetsMetIsReadFromTheClaimWords) {
  // words.toml [claims]: `met` marks the sentence, `denied` cancels it.
  BOOST_TEST(Only(Plan("全年实现地区生产总值82.7亿元，圆满完成年度目标。"), "82.7亿元").claims_met);
  BOOST_TEST(!Only(Plan("全年实现地区生产总值82.7亿元，未完成年度目标。"), "82.7亿元").claims_met);
  BOOST_TEST(!Only(Plan("全年实现地区生产总值82.7亿元。"), "82.7亿元").claims_met);
  const ClaimWords& claims = testing::DefaultEngine().lexicon().claim_words();
  for (const char* name : {"met", "denied"}) BOOST_TEST(claims.Find(name) != nullptr, name);
}

BOOST_AUTO_TEST_CASE(ReadsALevelInBaseUnits) {
  Report r = Plan("全年地区生产总值实现82.7亿元、同比增长0.4%,增速居全市第5。");
  const Fact& gdp = Only(r, "82.7亿元");
  BOOST_TEST(gdp.value == 8270000000.0);
  BOOST_TEST(gdp.unit == "元");
  BOOST_TEST(MeasureName(gdp.measure) == std::string("level"));
  BOOST_TEST(RoleName(gdp.role) == std::string("actual"));
  BOOST_TEST(*gdp.year == 2022);
  BOOST_TEST(gdp.indicator_name() == "地区生产总值");
  const Fact& growth = Only(r, "0.4%");
  BOOST_TEST(MeasureName(growth.measure) == std::string("growth"));
  BOOST_TEST(growth.indicator_name() == "地区生产总值");
  const Fact& rank = Only(r, "第5");
  BOOST_TEST(MeasureName(rank.measure) == std::string("rank"));
  BOOST_TEST(rank.value == 5);
}

BOOST_AUTO_TEST_CASE(DownwardWordsMakeGrowthNegative) {
  Report r = Plan("规模以上工业增加值同比下降13.6%,增速居全市第4。");
  BOOST_TEST(Only(r, "13.6%").value == -13.6);
}

BOOST_AUTO_TEST_CASE(ReadsQualifiersBeforeAndAfter) {
  Report r = Plan("粮油总产量突破16万吨,城镇登记失业率控制在3.4%以内,清理形成扶贫资产22.3亿余元。",
                  "新增城镇就业人口1600人以上。居民消费价格涨幅3%左右。");
  BOOST_TEST(QualifierName(Only(r, "16万吨").qualifier) == std::string(">"));
  BOOST_TEST(QualifierName(Only(r, "3.4%以内").qualifier) == std::string("<="));
  BOOST_TEST(QualifierName(Only(r, "22.3亿余元").qualifier) == std::string(">"));
  BOOST_TEST(Only(r, "22.3亿余元").value == 2230000000.0);
  const Fact& jobs = Only(r, "1600人以上");
  BOOST_TEST(QualifierName(jobs.qualifier) == std::string(">="));
  BOOST_TEST(RoleName(jobs.role) == std::string("target"));
  BOOST_TEST(*jobs.year == 2023);
  BOOST_TEST(jobs.indicator_name() == "城镇新增就业");
  BOOST_TEST(QualifierName(Only(r, "3%左右").qualifier) == std::string("~"));
}

BOOST_AUTO_TEST_CASE(ScopeThresholdIsNotAClaim) {
  Report r = Plan("动态储备500万元以上项目350个、总投资1600亿元。");
  BOOST_TEST(MeasureName(Only(r, "500万元以上").measure) == std::string("threshold"));
  BOOST_TEST(Only(r, "1600亿元").indicator_name() == "储备项目总投资");
}

BOOST_AUTO_TEST_CASE(LabelsAndYearsAreNotQuantities) {
  Report r = Plan(
      "建成5G基站68个,确保G212昭化城区过境公路开工,“4·22”特大案件,“5+9”重点工作,"
      "启动110KV变电站,2022年秋季学期净增学生1100人。");
  BOOST_TEST((Texts(r) == std::vector<std::string>{"68个", "1100人"}));
  BOOST_TEST(MeasureName(Only(r, "1100人").measure) == std::string("change"));
}

BOOST_AUTO_TEST_CASE(PercentagePointsAreAChange) {
  Report r = Plan("", "城镇化率提升1个百分点。");
  const Fact& f = Only(r, "1个百分点");
  BOOST_TEST(f.unit == "百分点");
  BOOST_TEST(MeasureName(f.measure) == std::string("change"));
}

BOOST_AUTO_TEST_CASE(RespectivelyPairsItemsWithValues) {
  Report r = Plan("", "城乡居民人均可支配收入分别增长8.5%和9%。");
  BOOST_REQUIRE(r.facts.size() == 2u);
  BOOST_TEST(r.facts[0].indicator_name() == "城镇居民人均可支配收入");
  BOOST_TEST(r.facts[1].indicator_name() == "农村居民人均可支配收入");
  BOOST_TEST(MeasureName(r.facts[1].measure) == std::string("growth"));
  BOOST_TEST(r.facts[0].list.items == 2);
  BOOST_TEST(r.facts[0].list.values == 2);
}

BOOST_AUTO_TEST_CASE(EachGivesEveryItemTheValue) {
  Report r = Plan("城乡居民养老保险、城乡居民医疗保险参保率均达98%以上。");
  BOOST_REQUIRE(r.facts.size() == 2u);
  BOOST_TEST(r.facts[0].indicator_name() == "基本养老保险参保率");
  BOOST_TEST(r.facts[1].indicator_name() == "基本医疗保险参保率");
  BOOST_TEST(r.facts[1].value == 98);
}

BOOST_AUTO_TEST_CASE(PairsValuesWithoutRespectively) {
  Report r = Plan("农村生活垃圾、生活污水有效治理率达100%、69%。");
  BOOST_REQUIRE(r.facts.size() == 2u);
  BOOST_TEST(r.facts[0].indicator_name() == "农村生活垃圾有效治理率");
  BOOST_TEST(r.facts[1].indicator_name() == "农村生活污水有效治理率");
  BOOST_TEST(r.facts[1].value == 69);
}

BOOST_AUTO_TEST_CASE(CountsNamedItemsBeforeACount) {
  Report r = Plan("新建东城、葭萌2所公办幼儿园,加快虎跳、清水等4个乡镇建设。");
  BOOST_TEST(Only(r, "2所").enumeration.names == 2);
  BOOST_TEST(!Only(r, "2所").enumeration.etc);
  BOOST_TEST(Only(r, "4个").enumeration.names == 2);
  BOOST_TEST(Only(r, "4个").enumeration.etc);
}

BOOST_AUTO_TEST_CASE(TierIsPartOfIdentity) {
  Report r = Plan("新培育国家级农民专合社示范社4个。", "争创省级以上示范合作社2家。");
  BOOST_TEST(Only(r, "4个").tier == "国家级");
  BOOST_TEST(Only(r, "2家").tier == "省级以上");
}

BOOST_AUTO_TEST_CASE(FullwidthDigitsMapBackToTheirSpan) {
  Report r = Plan("全年地区生产总值实现８２．７亿元。");
  const Fact& f = Only(r, "８２．７亿元");
  BOOST_TEST(f.value == 8270000000.0);
}

BOOST_AUTO_TEST_CASE(ReadsRangesAsLowerAndUpper) {
  Report r = Plan("", "国内生产总值增长6.5%-7%。");
  const Fact& f = Only(r, "6.5%-7%");
  BOOST_TEST(f.value == 6.5);
  BOOST_TEST(*f.upper == 7);
}

BOOST_AUTO_TEST_CASE(GovernmentWorkReportPartsGiveThePeriod) {
  Report r = testing::Analyze(
      "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2015年工作回顾\n"
      "国内生产总值达到67.7万亿元，增长6.9%。\n二、2016年经济社会发展总体部署\n"
      "国内生产总值增长6.5%－7%。\n");
  BOOST_TEST(r.document.region == "全国");
  const Fact& gdp = Only(r, "67.7万亿元");
  BOOST_TEST(RoleName(gdp.role) == std::string("actual"));
  BOOST_TEST(*gdp.year == 2015);
  BOOST_TEST(gdp.value == 67.7e12);
  const Fact& target = Only(r, "6.5%－7%");
  BOOST_TEST(RoleName(target.role) == std::string("target"));
  BOOST_TEST(*target.year == 2016);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ExtractorNumerals)

BOOST_AUTO_TEST_CASE(ReadsChineseNumeralsWithIcu) {
  Report r = Plan("出台涉农整合资金、衔接资金两个管理办法,投入资金一千六百万元。");
  BOOST_TEST(Only(r, "两个").value == 2);
  BOOST_TEST(Only(r, "一千六百万元").value == 16000000);
}

BOOST_AUTO_TEST_CASE(SpeltOutCountsOfNamesAreNotQuantities) {
  Report r = Plan(
      "严格落实党中央八项规定精神,统筹国内国际两个大局,推进“三个十大”事项,"
      "“十四五”规划,第一批企业,三次产业协调发展。");
  BOOST_TEST(r.facts.empty());
}

BOOST_AUTO_TEST_CASE(FullCoverageIsOneHundredPercent) {
  Report r = Plan("实现重点镇5G网络全覆盖。完成全区6.3万农户全覆盖排查。");
  BOOST_TEST(Only(r, "全覆盖").value == 100);
  BOOST_TEST(Only(r, "6.3万农户").value == 63000);
  BOOST_TEST(Only(r, "6.3万农户").unit == "户");
}

BOOST_AUTO_TEST_CASE(AClauseOfItsOwnDoesNotBorrowTheIndicatorBefore) {
  Report r = Plan("", "完成铁路投资8000亿元以上、公路投资1.65万亿元。");
  BOOST_TEST(Only(r, "8000亿元以上").indicator_name() == "铁路投资");
  BOOST_TEST(Only(r, "1.65万亿元").indicator_name().empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck

namespace plancheck {
namespace {

Report Gwr(const std::string& review, const std::string& plan) {
  return testing::Analyze(
      "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2015年工作回顾\n" + review +
      "\n二、2016年经济社会发展总体部署\n" + plan + "\n");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ExtractorGovernmentReport)

BOOST_AUTO_TEST_CASE(RaisedToIsALevelNotAChange) {
  Report r = Gwr("服务业在国内生产总值中的比重上升到50.5%。", "赤字率提高到3%。");
  const Fact& share = Only(r, "50.5%");
  BOOST_TEST(MeasureName(share.measure) == std::string("rate"));
  BOOST_TEST(share.indicator_name() == "服务业增加值比重");
  BOOST_TEST(MeasureName(Only(r, "3%").measure) == std::string("rate"));
}

BOOST_AUTO_TEST_CASE(BareNumbersShareTheUnitOfTheNext) {
  Report r = Gwr("小微企业、“三农”贷款增速比各项贷款平均增速分别高4.2和0.6个百分点。", "");
  BOOST_REQUIRE(r.facts.size() == 2u);
  BOOST_TEST(r.facts[0].text == "4.2");
  BOOST_TEST(r.facts[0].value == 4.2);
  BOOST_TEST(r.facts[0].unit == "百分点");
  BOOST_TEST(r.facts[0].list.items == 2);
  BOOST_TEST(r.facts[0].list.values == 2);
}

BOOST_AUTO_TEST_CASE(RespectivelyWithOneValueGivesEachItemIt) {
  Report r = Gwr("", "今年化学需氧量、氨氮排放量要分别下降2%。");
  BOOST_REQUIRE(r.facts.size() == 2u);
  BOOST_TEST(ListKindName(r.facts[0].list.kind) == std::string("each"));
  BOOST_TEST(r.facts[1].value == -2);
}

BOOST_AUTO_TEST_CASE(FiveYearReviewsAndPlansAreMultiYear) {
  Report r = testing::Analyze(
      "各位代表：\n一、2015年工作回顾\n过去五年，城镇保障性安居工程住房建设4013万套。\n"
      "二、“十三五”时期主要目标任务\n城镇新增就业5000万人以上。\n三、2016年重点工作\n"
      "城镇新增就业1000万人以上。\n");
  BOOST_TEST(Only(r, "4013万套").multi_year);
  BOOST_TEST(Only(r, "5000万人以上").multi_year);
  BOOST_TEST(!Only(r, "1000万人以上").multi_year);
  BOOST_TEST(*Only(r, "1000万人以上").year == 2016);
}

BOOST_AUTO_TEST_CASE(ScopeAndFlowWordsArePartOfIdentity) {
  Report r = Gwr("高速公路通车里程12万公里。",
                 "中央财政赤字1.12万亿元。新建改建高速公路通车里程3万公里。城镇新增就业1000万人。");
  BOOST_TEST(Only(r, "1.12万亿元").tier == "中央");
  BOOST_TEST(!Only(r, "12万公里").flow);
  BOOST_TEST(Only(r, "3万公里").flow);
  BOOST_TEST(!Only(r, "1000万人").flow);  // 新增 belongs to the indicator's name
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck

namespace plancheck {

BOOST_AUTO_TEST_SUITE(ExtractorChanges)

BOOST_AUTO_TEST_CASE(TheLevelAChangeStartsFromIsLastYears) {
  Report r = testing::Analyze(
      "一、2014年工作回顾\n二、2015年工作总体部署\n财政补助标准由每人每年320元提高到380元。\n");
  BOOST_TEST(RoleName(Only(r, "320元").role) == std::string("actual"));
  BOOST_TEST(*Only(r, "320元").year == 2014);
  BOOST_TEST(RoleName(Only(r, "380元").role) == std::string("target"));
  BOOST_TEST(*Only(r, "380元").year == 2015);
}

BOOST_AUTO_TEST_CASE(AGrowthNamedAfterTheNumber) {
  Report r = testing::Analyze(
      "一、2015年工作回顾\n二、2016年工作总体部署\n有6.5%-7%的增速就能实现目标。\n");
  BOOST_TEST(MeasureName(Only(r, "6.5%-7%").measure) == std::string("growth"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck

namespace plancheck {

BOOST_AUTO_TEST_SUITE(SegmentParts)

BOOST_AUTO_TEST_CASE(HeadingsRunIntoTheirParagraph) {
  Report r = testing::Analyze(
      "2023年政府工作报告\n"
      "一、2022年工作回顾 过去一年，全市地区生产总值实现500亿元，增长5%。\n"
      "二、2023年主要目标 全市地区生产总值增长6%以上。\n");
  BOOST_TEST(RoleName(Only(r, "500亿元").role) == std::string("actual"));
  BOOST_TEST(*Only(r, "500亿元").year == 2022);
  BOOST_TEST(RoleName(Only(r, "6%以上").role) == std::string("target"));
  BOOST_TEST(*Only(r, "6%以上").year == 2023);
}

BOOST_AUTO_TEST_CASE(DevelopmentSituationIsLastYear) {
  Report r = testing::Analyze(
      "一、2022年经济社会发展情况\n城镇新增就业1691人。\n二、2023年经济社会发展主要目标\n城镇新增就"
      "业1600人以上。\n");
  BOOST_TEST(RoleName(Only(r, "1691人").role) == std::string("actual"));
  BOOST_TEST(RoleName(Only(r, "1600人以上").role) == std::string("target"));
}

BOOST_AUTO_TEST_CASE(AnnualAverageIsNoDistributiveJun) {
  // 年均 and 人均 hold 均 as part of a word; "A、B均增长" distributes.
  Report r = Plan(
      "规上工业增加值年均增长6.5%，城乡居民人均可支配收入增长5%。化学需氧量、氨氮排放量均下降2%。");
  const Fact& average = Only(r, "6.5%");
  BOOST_TEST((average.list.kind == ListKind::kNone));
  BOOST_TEST(average.subject == "规上工业增加值");
  BOOST_TEST(PeriodKindName(average.period.kind) == std::string("average"));
  int each = 0;
  for (const Fact& f : r.facts)
    if (f.text == "2%" && f.list.kind == ListKind::kEach) ++each;
  BOOST_TEST(each == 2);
}

BOOST_AUTO_TEST_CASE(AFactCarriesItsPeriod) {
  Report r =
      Plan("由每人每年320元提高到380元。累计开发公益性岗位2440余个。", "城镇新增就业1600人以上。");
  const Fact& baseline = Only(r, "320元");
  BOOST_TEST(PeriodKindName(baseline.period.kind) == std::string("baseline"));
  BOOST_TEST(baseline.period.from == 2021);
  const Fact& jobs = Only(r, "1600人以上");
  BOOST_TEST(jobs.period.single_year());
  BOOST_TEST(*jobs.year == 2023);
  const Fact& total = Only(r, "2440余个");
  BOOST_TEST(PeriodKindName(total.period.kind) == std::string("total"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
