// The first extraction stage: which numbers a paragraph holds, with value,
// unit, range, bound and sign, before any word around them is read.
#include "extract/quantities.h"

#include <boost/test/unit_test.hpp>

#include "extract/lexicon.h"
#include "stage_util.h"

namespace plancheck {
namespace {

std::vector<RawQuantity> Scan(const testing::Paragraph& p) {
  static const QuantityScanner scanner(DefaultLexicon());
  return scanner.Scan(p.text());
}

std::vector<std::string> Texts(const std::string& text) {
  testing::Paragraph p(text);
  std::vector<std::string> out;
  for (const RawQuantity& q : Scan(p)) out.push_back(p.Source(q.begin, q.end));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(QuantitiesTest)

BOOST_AUTO_TEST_CASE(AmountsPercentsAndRanksInTextOrder) {
  testing::Paragraph p("地区生产总值实现82.7亿元、同比增长0.4%，增速居全市第5。");
  std::vector<RawQuantity> found = Scan(p);
  BOOST_REQUIRE(found.size() == 3u);
  BOOST_TEST(p.Source(found[0].begin, found[0].end) == "82.7亿元");
  BOOST_TEST(found[0].fact.value == 8270000000.0);  // exactly, not 8270000000.000001
  BOOST_TEST(found[0].fact.unit == "元");
  BOOST_TEST(found[0].scale == 1e8);
  BOOST_TEST(found[0].fact.tolerance == 0.05e8);
  BOOST_TEST(found[1].fact.value == 0.4);
  BOOST_TEST(found[1].fact.dimension == "percent");
  BOOST_TEST(p.Source(found[2].begin, found[2].end) == "第5");
  BOOST_TEST((found[2].fact.measure == Measure::kRank));
  BOOST_TEST(found[2].fact.subject == "全市");  // the peer set
}

BOOST_AUTO_TEST_CASE(RangesAndBoundWords) {
  testing::Paragraph p("增长6.5%-7%，新增1000家左右，达到3万人以上，控制在5%以内，1,234.5吨。");
  std::vector<RawQuantity> found = Scan(p);
  BOOST_REQUIRE(found.size() == 5u);
  BOOST_TEST(found[0].fact.value == 6.5);
  BOOST_TEST(*found[0].fact.upper == 7);
  BOOST_TEST((found[0].fact.qualifier == Qualifier::kGe));
  BOOST_TEST((found[1].fact.qualifier == Qualifier::kApprox));
  BOOST_TEST(found[2].fact.value == 30000);
  BOOST_TEST((found[2].fact.qualifier == Qualifier::kGe));
  BOOST_TEST((found[3].fact.qualifier == Qualifier::kLe));
  BOOST_TEST(found[4].fact.value == 1234.5);
}

BOOST_AUTO_TEST_CASE(A_BoundInsideANounPhraseIsAThreshold) {
  testing::Paragraph p("新开工500万元以上项目120个。");
  std::vector<RawQuantity> found = Scan(p);
  BOOST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0].threshold);
  BOOST_TEST(!found[1].threshold);
}

BOOST_AUTO_TEST_CASE(LabelsOrdinalsAndDatesAreNoQuantities) {
  BOOST_TEST(Texts("建成5G基站，G212线改造，第4批名单，3D打印。").empty());
  // A version-like run is no number of the text.
  BOOST_TEST(Texts("版本1.2.3发布。").empty());
}

BOOST_AUTO_TEST_CASE(ChineseNumeralsCountOnlyWhatTheTextLists) {
  std::vector<std::string> texts =
      Texts("出台涉农整合资金、衔接资金两个管理办法，落实八项规定，“三个十大”工程。");
  BOOST_TEST(texts == std::vector<std::string>({"两个"}));
  testing::Paragraph p("投入一千六百万元。");
  std::vector<RawQuantity> found = Scan(p);
  BOOST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].fact.value == 16000000);
}

BOOST_AUTO_TEST_CASE(WordsThatCarryANumber) {
  testing::Paragraph p("行政村实现5G全覆盖，粮食产量与上年持平。");
  std::vector<RawQuantity> found = Scan(p);
  BOOST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0].fact.value == 100);
  BOOST_TEST((found[0].fact.measure == Measure::kRate));
  BOOST_TEST(found[1].fact.value == 0);
  BOOST_TEST((found[1].fact.measure == Measure::kGrowth));
  BOOST_TEST(found[1].fixed_measure);
  // 全覆盖 qualifying an action is no rate.
  BOOST_TEST(Texts("完成全区农户全覆盖排查。").empty());
}

BOOST_AUTO_TEST_CASE(BareNumbersShareTheUnitAfterThem) {
  testing::Paragraph p("分别高4.2和0.6个百分点，分别增长8.5、9%。");
  std::vector<RawQuantity> found = Scan(p);
  BOOST_REQUIRE(found.size() == 4u);
  BOOST_TEST(p.Source(found[0].begin, found[0].end) == "4.2");
  BOOST_TEST(found[0].fact.unit == found[1].fact.unit);
  BOOST_TEST(found[0].fact.value == 4.2);
  BOOST_TEST(p.Source(found[2].begin, found[2].end) == "8.5");
  BOOST_TEST(found[2].fact.dimension == "percent");
  BOOST_TEST(found[2].fact.value == 8.5);
}

BOOST_AUTO_TEST_CASE(MagnitudesTheQuantityPatternLeaves) {
  testing::Paragraph p(
      "接待观众4500余万人次，再解决6000万农村人口饮水安全问题，新增4万多亿元，3亿多农村人口。");
  std::vector<RawQuantity> found = Scan(p);
  BOOST_REQUIRE(found.size() == 4u);
  BOOST_TEST(p.Source(found[0].begin, found[0].end) == "4500余万人次");
  BOOST_TEST(found[0].fact.value == 45000000);
  BOOST_TEST((found[0].fact.qualifier == Qualifier::kGt));
  BOOST_TEST(!found[0].bare);
  BOOST_TEST(p.Source(found[1].begin, found[1].end) == "6000万");
  BOOST_TEST(found[1].fact.value == 60000000);
  BOOST_TEST(found[1].fact.dimension == "count");
  BOOST_TEST(found[1].bare);
  BOOST_TEST(p.Source(found[2].begin, found[2].end) == "4万多亿元");
  BOOST_TEST(found[2].fact.value == 4e12);
  BOOST_TEST(p.Source(found[3].begin, found[3].end) == "3亿多");
  // A magnitude before a bound or a particle counts nothing.
  BOOST_TEST(Texts("投资5000万以上的项目，年产值10亿的企业。").size() == 0u);
}

BOOST_AUTO_TEST_CASE(FractionsAreShares) {
  testing::Paragraph p("专项转移支付项目要减少三分之一，比上年减少1/3以上，2015/3发布。");
  std::vector<RawQuantity> found = Scan(p);
  BOOST_REQUIRE(found.size() == 2u);
  BOOST_TEST(p.Source(found[0].begin, found[0].end) == "三分之一");
  BOOST_TEST(std::abs(found[0].fact.value - 100.0 / 3) < 1e-9);
  BOOST_TEST(found[0].fact.dimension == "percent");
  BOOST_TEST(p.Source(found[1].begin, found[1].end) == "1/3以上");
  BOOST_TEST((found[1].fact.qualifier == Qualifier::kGe));
}

BOOST_AUTO_TEST_CASE(ResultsInWords) {
  testing::Paragraph p("进出口总额出现下降，消费基本持平；进出口实现正增长。");
  std::vector<RawQuantity> found = Scan(p);
  BOOST_REQUIRE(found.size() == 3u);
  BOOST_TEST(p.Source(found[0].begin, found[0].end) == "出现下降");
  BOOST_TEST((found[0].fact.qualifier == Qualifier::kLt));
  BOOST_TEST(found[0].fact.value == 0);
  BOOST_TEST(p.Source(found[1].begin, found[1].end) == "基本持平");
  BOOST_TEST((found[1].fact.qualifier == Qualifier::kApprox));
  BOOST_TEST((found[2].fact.qualifier == Qualifier::kGt));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
