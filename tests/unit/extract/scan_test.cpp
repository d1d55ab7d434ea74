// The extractor's candidate-driven scans must find exactly what an
// unanchored RE2 search of the same pattern finds, groups included.
#include <re2/re2.h>

#include <boost/test/unit_test.hpp>
#include <random>

#include "base/utf8.h"
#include "extract/lexicon.h"
#include "extract/quantities.h"
#include "text/guarded_regex.h"

namespace plancheck {
namespace {

// Pieces that make numbers, ranges, magnitudes, units and the words around
// them, so that random strings hit the corner cases (1234,567; 3.5.1; -5至7;
// 千克 after 5千; 一 alone; runs of numerals).
const char* const kPieces[] = {
    "1",    "2",    "0",      "12", "345",  "2023",     ",",      ",",  ".",  "+",    "-",
    "%",    "~",    "—",      "至", "到",   "万",       "亿",     "千", "百", "十",   "元",
    "吨",   "千克", "千瓦时", "个", "家",   "个百分点", "百分点", "余", "多", "以上", "左右",
    "以内", "一",   "二",     "两", "三",   "零",       "第",     "年", "的", "项目", "。",
    "、",   " ",    "a",      "G",  "增长", "“",        "”"};

std::string RandomText(std::mt19937* rng) {
  std::uniform_int_distribution<size_t> count(1, 14);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::string s;
  for (size_t i = count(*rng); i > 0; --i) s += kPieces[piece(*rng)];
  return s;
}

using NextFn = bool (QuantityScanner::*)(const std::string&, size_t, re2::StringPiece*, int) const;

// Walks `t` from every character boundary with both searches and compares.
void CompareScans(const QuantityScanner& x, NextFn next, const RE2& re, const std::string& t) {
  const int n = re.NumberOfCapturingGroups() + 1;
  for (size_t start = 0; start <= t.size(); start = start < t.size() ? start + 1 : t.size() + 1) {
    if (start < t.size() && (static_cast<unsigned char>(t[start]) & 0xC0) == 0x80) continue;
    size_t pos = start;
    while (pos < t.size()) {
      std::vector<re2::StringPiece> want(n), got(n);
      bool w = re.Match(t, pos, t.size(), RE2::UNANCHORED, want.data(), n);
      bool g = (x.*next)(t, pos, got.data(), n);
      BOOST_REQUIRE_MESSAGE(w == g, "found differs at " << pos << " in '" << t << "'");
      if (!w) break;
      for (int k = 0; k < n; ++k) {
        BOOST_REQUIRE_MESSAGE(want[k].data() == got[k].data() && want[k].size() == got[k].size(),
                              "group " << k << " differs at " << pos << " in '" << t << "': '"
                                       << want[k] << "' vs '" << got[k] << "'");
      }
      size_t end = static_cast<size_t>(want[0].data() - t.data()) + want[0].size();
      pos = end > pos ? end : pos + 1;
    }
  }
}

BOOST_AUTO_TEST_CASE(quantity_scan_finds_what_an_unanchored_search_finds) {
  QuantityScanner x(DefaultLexicon());
  for (const std::string t :
       {"1234,567万元", "G3至5万元", "-5%", "5-7%", "3.14.15%", "v1.2-5%", "+-3吨",
        "2023年增长5.5%左右", "1,234.5亿元以上", "5千克", "第4批3个"})
    CompareScans(x, &QuantityScanner::NextQuantity, x.quantity_pattern(), t);
  std::mt19937 rng(20261129);
  for (int i = 0; i < 20000; ++i)
    CompareScans(x, &QuantityScanner::NextQuantity, x.quantity_pattern(), RandomText(&rng));
}

BOOST_AUTO_TEST_CASE(chinese_numeral_scan_finds_what_an_unanchored_search_finds) {
  QuantityScanner x(DefaultLexicon());
  for (const std::string t :
       {"一千六百万元", "两个", "一个", "十一个", "三十多家", "第三十个", "“三个十大”", "一一二家"})
    CompareScans(x, &QuantityScanner::NextChineseNumeral, x.chinese_pattern(), t);
  std::mt19937 rng(11292026);
  for (int i = 0; i < 20000; ++i)
    CompareScans(x, &QuantityScanner::NextChineseNumeral, x.chinese_pattern(), RandomText(&rng));
}

BOOST_AUTO_TEST_CASE(guarded_regex_never_rules_out_a_text_that_matches) {
  RE2::Options options;
  GuardedRegex g(
      "执行情况(相对|总体|整体)?(较好|良好)|全面(完成|实现)(了)?(年度|全年)(目标|计划|任务)+",
      options);
  BOOST_REQUIRE(g.ok());
  BOOST_TEST(!g.atoms().empty());
  BOOST_TEST(g.MayMatch("全年执行情况总体较好。"));
  BOOST_TEST(g.MayMatch("我们全面完成了年度目标任务"));
  BOOST_TEST(!g.MayMatch("工业增加值增长5%。"));
  BOOST_TEST(!g.MayMatch("执行情况见附表"));    // 执行情况 without 较好/良好
  BOOST_TEST(!g.MayMatch("全面完成改造任务"));  // no 年度/全年
  // A pattern without literal atoms is searched everywhere.
  GuardedRegex digits("\\d+", options);
  BOOST_TEST(digits.atoms().empty());
  BOOST_TEST(digits.MayMatch("没有数字"));
  // Property: whatever RE2 finds, MayMatch allowed.
  const char* const words[] = {"执行情况", "总体", "较好", "良好", "全面", "完成", "实现", "了",
                               "年度",     "全年", "目标", "计划", "任务", "，",   "增长"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> count(1, 8), word(0, std::size(words) - 1);
  int matched = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string t;
    for (size_t k = count(rng); k > 0; --k) t += words[word(rng)];
    if (RE2::PartialMatch(t, g.re())) {
      ++matched;
      BOOST_REQUIRE_MESSAGE(g.MayMatch(t), "ruled out a match: " << t);
    }
  }
  BOOST_TEST(matched > 100);
}

BOOST_AUTO_TEST_CASE(word_search_agrees_with_std_string) {
  std::mt19937 rng(3);
  const char* const pieces[] = {"其中", "中", "。", "其", "a", "增长", "长", "“"};
  std::uniform_int_distribution<size_t> count(0, 12), piece(0, std::size(pieces) - 1);
  for (int i = 0; i < 5000; ++i) {
    std::string t;
    for (size_t k = count(rng); k > 0; --k) t += pieces[piece(rng)];
    for (const char* w : pieces) {
      for (size_t from = 0; from <= t.size() + 1; ++from) {
        BOOST_REQUIRE_EQUAL(FindText(t, w, from), t.find(w, from));
        BOOST_REQUIRE_EQUAL(RFindText(t, w, from), t.rfind(w, from));
      }
      BOOST_REQUIRE_EQUAL(RFindText(t, w), t.rfind(w));
    }
  }
  BOOST_TEST(FindDigit("增长5%") == 6u);
  BOOST_TEST(FindDigit("增长") == std::string::npos);
}

}  // namespace
}  // namespace plancheck
