// The lists stage: which items a list names and how values pair with them.
#include "extract/lists.h"

#include <boost/test/unit_test.hpp>

#include "extract/lexicon.h"
#include "stage_util.h"

namespace plancheck {
namespace {

using Items = std::vector<std::string>;

Items Split(const std::string& text, size_t values, bool each = false) {
  return SplitItems(text, values, each, DefaultLexicon());
}

// The facts of a paragraph after the lists stage alone.
std::vector<Fact> Read(const std::string& text) {
  static const QuantityScanner scanner(DefaultLexicon());
  static const IdentityReader identity(DefaultLexicon());
  static const ListReader lists(DefaultLexicon(), identity);
  testing::Paragraph p(text);
  std::vector<RawQuantity> found = scanner.Scan(p.text());
  int next_list_id = 0;
  return lists.Read(p.text(), &found, &next_list_id);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ListsTest)

BOOST_AUTO_TEST_CASE(ItemsAreWhatTheJoinersSeparate) {
  BOOST_TEST(Split("游客人次、旅游花费", 1, true) == Items({"游客人次", "旅游花费"}));
  BOOST_TEST(Split("进口和出口", 2) == Items({"进口", "出口"}));
}

BOOST_AUTO_TEST_CASE(ACompoundWordStandsForItsParts) {
  BOOST_TEST(Split("城乡居民人均可支配收入", 2) ==
             Items({"城镇居民人均可支配收入", "农村居民人均可支配收入"}));
  // One value for a compound that is no list: the word stays whole.
  BOOST_TEST(Split("城乡居民人均可支配收入", 1) == Items({"城乡居民人均可支配收入"}));
}

BOOST_AUTO_TEST_CASE(TheLastItemSharesItsHeadNoun) {
  BOOST_TEST(Split("一本、本科上线人数", 2) == Items({"一本上线人数", "本科上线人数"}));
  BOOST_TEST(Split("城乡居民养老保险、城乡居民医疗保险参保率", 2) ==
             Items({"城乡居民养老保险参保率", "城乡居民医疗保险参保率"}));
  // An item the lexicon names whole takes no head.
  BOOST_TEST(Split("二氧化硫、化学需氧量排放量", 2) == Items({"二氧化硫", "化学需氧量排放量"}));
  // A head two characters longer than the items before it is shared too.
  BOOST_TEST(Split("供热、燃气、排水管网", 3) == Items({"供热管网", "燃气管网", "排水管网"}));
  BOOST_TEST(Split("肉、奶产量", 2) == Items({"肉产量", "奶产量"}));
  // The head begins after the words the last item has in common with the
  // one before, not at that item's length.
  BOOST_TEST(Split("高技术制造业、装备制造业增加值", 2) ==
             Items({"高技术制造业增加值", "装备制造业增加值"}));
  BOOST_TEST(Split("国内游客、入境游客数量", 2) == Items({"国内游客数量", "入境游客数量"}));
  // Items named as examples of a category (食品、石化等产业增加值): each is one
  // of it, and 等 is no part of a name.
  BOOST_TEST(Split("食品、石化、信息等产业增加值", 3) ==
             Items({"食品产业增加值", "石化产业增加值", "信息产业增加值"}));
  // Items that end as the last one does carry the head already.
  BOOST_TEST(Split("刑事立案数、电诈案件既遂数、道路交通事故数", 3) ==
             Items({"刑事立案数", "电诈案件既遂数", "道路交通事故数"}));
}

BOOST_AUTO_TEST_CASE(RespectivelyPairsValuesWithItems) {
  std::vector<Fact> facts = Read("进口、出口分别增长5%和7%。");
  BOOST_REQUIRE(facts.size() == 2u);
  BOOST_TEST((facts[0].list.kind == ListKind::kRespectively));
  BOOST_TEST(facts[0].subject == "进口");
  BOOST_TEST(facts[1].subject == "出口");
  BOOST_TEST(facts[1].list.index == 1);
  BOOST_TEST(facts[0].list.id == facts[1].list.id);
}

BOOST_AUTO_TEST_CASE(EachGivesEveryItemTheValue) {
  std::vector<Fact> facts = Read("游客人次、旅游花费均增长10%。");
  BOOST_REQUIRE(facts.size() == 2u);
  BOOST_TEST((facts[0].list.kind == ListKind::kEach));
  BOOST_TEST(facts[0].value == facts[1].value);
  BOOST_TEST(facts[1].subject == "旅游花费");
  facts = Read("二氧化硫、化学需氧量排放量都要减少2%。");
  BOOST_REQUIRE(facts.size() == 2u);
  BOOST_TEST((facts[0].list.kind == ListKind::kEach));
  BOOST_TEST(facts[0].subject == "二氧化硫");
  BOOST_TEST(facts[0].indicator_name() == "二氧化硫排放量");
  // 年均, 人均 are no distributive 均.
  facts = Read("城镇居民人均可支配收入年均增长6%。");
  BOOST_REQUIRE(facts.size() == 1u);
  BOOST_TEST((facts[0].list.kind == ListKind::kNone));
}

BOOST_AUTO_TEST_CASE(CountsThatDisagreeStayOnTheFacts) {
  std::vector<Fact> facts = Read("工业、服务业、农业分别增长5%和7%。");
  BOOST_REQUIRE(facts.size() == 2u);
  BOOST_TEST(facts[0].list.items == 3);
  BOOST_TEST(facts[0].list.values == 2);
}

BOOST_AUTO_TEST_CASE(ValuesThatMerelyFollowEachOtherAreNoList) {
  std::vector<Fact> facts = Read("完成投资50亿元、120个项目。");
  BOOST_REQUIRE(facts.size() == 2u);
  BOOST_TEST((facts[0].list.kind == ListKind::kNone));
  BOOST_TEST((facts[1].list.kind == ListKind::kNone));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
