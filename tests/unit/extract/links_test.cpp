// The links stage: stated growth, parts after 其中, funnel stages.
#include "extract/links.h"

#include <boost/test/unit_test.hpp>

#include "../test_util.h"

namespace plancheck {
namespace {

Fact Make(Measure measure, double value, int sentence, const Indicator* indicator = nullptr) {
  Fact f;
  f.measure = measure;
  f.value = value;
  f.sentence = sentence;
  f.indicator = indicator;
  return f;
}

const Fact& Text(const Report& r, const std::string& text) {
  for (const Fact& f : r.facts)
    if (f.text == text) return f;
  BOOST_FAIL("no fact " + text);
  return r.facts.front();
}

int IndexOf(const Report& r, const std::string& text) {
  return static_cast<int>(&Text(r, text) - r.facts.data());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(LinksTest)

BOOST_AUTO_TEST_CASE(ALevelTakesTheGrowthThatFollowsInItsSentence) {
  std::vector<Fact> facts = {Make(Measure::kLevel, 32.2e8, 0), Make(Measure::kGrowth, -1.6, 0),
                             Make(Measure::kLevel, 5e8, 1), Make(Measure::kGrowth, 3, 2)};
  LinkGrowth(0, &facts);
  BOOST_TEST(*facts[0].stated_growth == -1.6);
  BOOST_TEST(!facts[2].stated_growth.has_value());  // the growth is of the next sentence
}

BOOST_AUTO_TEST_CASE(AGrowthOfAnotherIndicatorIsNotTheLevels) {
  const Lexicon& lexicon = testing::DefaultEngine().lexicon();
  const Indicator* gdp = lexicon.FindIndicator("地区生产总值", "", "")->indicator;
  const Indicator* retail = lexicon.FindIndicator("社会消费品零售总额", "", "")->indicator;
  std::vector<Fact> facts = {Make(Measure::kLevel, 82.7e8, 0, gdp),
                             Make(Measure::kGrowth, 5, 0, retail)};
  LinkGrowth(0, &facts);
  BOOST_TEST(!facts[0].stated_growth.has_value());
}

BOOST_AUTO_TEST_CASE(FactsAfterQiZhongArePartsOfTheOneBefore) {
  Report r = testing::Analyze(
      "一、2022年工作回顾\n全年固定资产投资完成50亿元，其中工业投资20亿元、民间投资15亿元。新增就业"
      "3000人。\n");
  const int whole = IndexOf(r, "50亿元");
  BOOST_TEST(Text(r, "20亿元").part_of == whole);
  BOOST_TEST(Text(r, "15亿元").part_of == whole);
  BOOST_TEST(Text(r, "3000人").part_of == -1);
}

BOOST_AUTO_TEST_CASE(EachStageOfAFunnelIsAPartOfTheOneBefore) {
  Report r = testing::Analyze("一、2022年工作回顾\n签约项目30个，开工项目20个，投产项目10个。\n");
  BOOST_TEST(Text(r, "20个").part_of == IndexOf(r, "30个"));
  BOOST_TEST(Text(r, "10个").part_of == IndexOf(r, "20个"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
