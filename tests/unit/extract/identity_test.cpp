#include "extract/identity.h"

#include <boost/test/unit_test.hpp>

#include "../test_util.h"

namespace plancheck {
namespace {

const IdentityReader& Reader() {
  static const IdentityReader reader(DefaultLexicon().identity_words());
  return reader;
}

// The key of the first fact whose text is `text` in `report`.
std::string KeyOf(const std::string& report, const std::string& text) {
  Report r = testing::Analyze(report);
  for (const Fact& f : r.facts)
    if (f.text == text) return f.key;
  return "no fact " + text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(IdentityTest)

BOOST_AUTO_TEST_CASE(VerbsOfDoingAndScopeAreNoPartOfWhatIsCounted) {
  BOOST_TEST(Reader().Key("老旧小区改造完工", "") == "老旧小区");
  BOOST_TEST(Reader().Key("改造完工", "老旧小区") == "老旧小区");
  BOOST_TEST(Reader().Key("全省新建", "区域养老服务中心") == "区域养老服务中心");
  BOOST_TEST(Reader().Key("新增创新型、专精特新中小企业", "") ==
             Reader().Key("创新型和专精特新中小企业", ""));
  BOOST_TEST(Reader().Key("新增规上工业企业", "") == Reader().Key("培育规模以上工业企业", ""));
}

BOOST_AUTO_TEST_CASE(ListedItemsBeforeACountNameItsCategoryAfter) {
  BOOST_TEST(Reader().Key("消除桥园里、和苑等", "易积水点位") == "易积水点位");
}

BOOST_AUTO_TEST_CASE(AGenericHeadNamesNothing) {
  BOOST_TEST(Reader().Key("实施", "项目") == "");
  BOOST_TEST(Reader().Key("新增", "企业") == "");
}

BOOST_AUTO_TEST_CASE(TheNounAfterANumberEndsAtItsVerbOrPunctuation) {
  BOOST_TEST(Reader().NounAfter("区域养老服务中心，") == "区域养老服务中心");
  BOOST_TEST(Reader().NounAfter("省市重点项目完成投资") == "省市重点项目");
  BOOST_TEST(Reader().NounAfter("、增长5%") == "");
  BOOST_TEST(Reader().NounAfter("，") == "");
}

BOOST_AUTO_TEST_CASE(WordsInFrontNarrowAnAlias) {
  BOOST_TEST(Reader().NarrowsAlias("人均"));
  BOOST_TEST(Reader().NarrowsAlias("沿海经济带协同效应显现，海洋"));
  BOOST_TEST(Reader().NarrowsAlias("武汉都市圈"));
  BOOST_TEST(!Reader().NarrowsAlias("2025年全省"));
  BOOST_TEST(!Reader().NarrowsAlias("去年末"));
  BOOST_TEST(!Reader().NarrowsAlias("力争全年实现"));
  BOOST_TEST(!Reader().NarrowsAlias("中央"));
  BOOST_TEST(!Reader().NarrowsAlias("确保26个"));
}

BOOST_AUTO_TEST_CASE(ScopedFormsAreNotTheIndicator) {
  Report r = testing::Analyze(
      "2026年政府工作报告\n一、2025年工作回顾\n"
      "全省地区生产总值60199亿元，人均地区生产总值14万元，海洋生产总值增长6%。\n");
  for (const Fact& f : r.facts) {
    if (f.text == "60199亿元") BOOST_TEST(f.indicator_name() == "地区生产总值");
    if (f.text == "14万元" || f.text == "6%") BOOST_TEST(f.indicator_name() != "地区生产总值");
  }
}

BOOST_AUTO_TEST_CASE(AVerbOfDoingGovernsEveryItemOfItsClause) {
  Report r = testing::Analyze(
      "2026年政府工作报告\n一、2025年工作回顾\n"
      "新增科技型中小企业7227家、专精特新企业1565家。雏鹰瞪羚独角兽企业7146家。\n");
  for (const Fact& f : r.facts) {
    if (f.text == "1565家") BOOST_TEST(f.flow);
    if (f.text == "7146家") BOOST_TEST(!f.flow);
  }
  // 新增 inside the first item's name (新增城镇就业) governs nothing else.
  Report jobs = testing::Analyze(
      "2026年政府工作报告\n一、2025年工作回顾\n"
      "新增城镇就业8.55万人、农村劳动力转移就业86万人。\n");
  for (const Fact& f : jobs.facts)
    if (f.text == "86万人") BOOST_TEST(!f.flow);
  BOOST_TEST(KeyOf("2026年政府工作报告\n一、2025年工作回顾\n新建50个区域养老服务中心。\n",
                   "50个") == "区域养老服务中心");
}

BOOST_AUTO_TEST_CASE(ExamplesNamedBeforeTheirCategoryCountTheCategory) {
  // words.toml examples_end: A等B counts B.
  BOOST_TEST(Reader().Key("完成", "小梁薄板房屋等旧住房成套改造") ==
             Reader().Key("完成", "旧住房成套改造"));
  BOOST_TEST(Reader().Key("发放低保、特困等救助资金", "") == "救助资金");
  // 等 inside a word closes no examples (not_examples_end).
  BOOST_TEST(Reader().Category("新建高等学校") == "新建高等学校");
  BOOST_TEST(Reader().Category("推出“立等可取”事项") == "推出“立等可取”事项");
  BOOST_TEST(Reader().Category("小梁薄板房屋等旧住房") == "旧住房");
  // A category too short to name anything keeps the whole phrase.
  BOOST_TEST(Reader().Key("改造水热气等管网", "") == Reader().Key("改造水热气管网", ""));
}

BOOST_AUTO_TEST_CASE(ATargetWithMoreWordsInFrontIsTheResultOfItsEnd) {
  const std::string report =
      "一、2025年工作回顾\n有序改造供热管网1287公里、燃气管网810公里。\n"
      "二、2026年工作安排\n改造老旧供热管网800公里。新建社区食堂管网20公里。\n";
  // 老旧供热管网 ends with the one result key 供热管网.
  BOOST_TEST(KeyOf(report, "800公里") == KeyOf(report, "1287公里"));
  // Only the end: a result with more words in front (规上企业研发经费) is
  // another scope, and a key under four characters matches nothing.
  BOOST_TEST(!KeysMatch("研发经费投入", "规上企业研发经费投入", KeyMatch::kMoreWordsInFront));
  BOOST_TEST(KeysMatch("研发经费投入", "规上企业研发经费投入", KeyMatch::kEitherWay));
  BOOST_TEST(!KeysMatch("老旧管网", "管网", KeyMatch::kMoreWordsInFront));
  // Two results it could be: none.
  BOOST_TEST(MatchingKey("老旧供热管网", std::vector<std::string>{"供热管网"},
                         KeyMatch::kMoreWordsInFront) == "供热管网");
  BOOST_TEST(MatchingKey("老旧集中供热管网", std::vector<std::string>{"供热管网", "集中供热管网"},
                         KeyMatch::kMoreWordsInFront) == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
