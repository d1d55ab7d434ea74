#include <boost/test/unit_test.hpp>

#include "diag/diagnostic.h"
#include "diag/formats.h"
#include "text/source_file.h"

namespace plancheck {
namespace {

Diagnostic At(const SourceFile& f, const std::string& text, size_t from = 0) {
  size_t at = f.text().find(text, from);
  BOOST_REQUIRE(at != std::string::npos);
  Diagnostic d;
  d.rule = "target-below-prior-actual";
  d.severity = Severity::kWarning;
  d.message = "城镇新增就业的2023年目标（1600人以上）低于2022年实际（1691人）";
  d.span = f.MakeSpan(at, at + text.size());
  return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Render)

BOOST_AUTO_TEST_CASE(CaretsAlignUnderChineseText) {
  SourceFile f("r.txt", "一\n城镇新增就业1691人,新增城镇就业人口1600人以上。\n", "UTF-8");
  Diagnostic d = At(f, "1600人以上");
  size_t a = f.text().find("1691人");
  d.related.push_back(Related{f.MakeSpan(a, a + std::string("1691人").size()), "2022年实际在此"});
  TextOptions o;
  BOOST_TEST(RenderText({d}, o, 1) ==
             "r.txt:2:21: warning: 城镇新增就业的2023年目标（1600人以上）低于2022年实际（1691人） "
             "[target-below-prior-actual]\n"
             "    2 | 城镇新增就业1691人,新增城镇就业人口1600人以上。\n"
             "      |                                    ^~~~~~~~~~\n"
             "r.txt:2:7: note: 2022年实际在此\n"
             "    2 | 城镇新增就业1691人,新增城镇就业人口1600人以上。\n"
             "      |             ^~~~~~\n"
             "共 1 个警告（1 个文件）\n");
}

BOOST_AUTO_TEST_CASE(LongLinesShowAWindowWithEllipses) {
  std::string line;
  for (int i = 0; i < 60; ++i) line += "项目";
  line += "新增城镇就业人口1600人以上";
  for (int i = 0; i < 60; ++i) line += "建设";
  SourceFile f("r.txt", line + "\n", "UTF-8");
  TextOptions o;
  o.context_width = 10;
  std::string snippet = RenderSnippet(At(f, "1600人以上").span, o);
  BOOST_TEST(snippet ==
             "    1 | …镇就业人口1600人以上建设建设建…\n"
             "      |            ^~~~~~~~~~\n");
}

BOOST_AUTO_TEST_CASE(ColorOnlyWhenAsked) {
  SourceFile f("r.txt", "新增城镇就业人口1600人以上\n", "UTF-8");
  TextOptions o;
  o.color = true;
  std::string out = RenderText({At(f, "1600人以上")}, o, 0);
  BOOST_TEST(out.find("\033[1;35mwarning:") != std::string::npos);
  o.color = false;
  BOOST_TEST(RenderText({At(f, "1600人以上")}, o, 0).find('\033') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(JsonFollowsTheContract) {
  SourceFile f("reports/r.txt", "城镇新增就业1691人\n新增城镇就业人口1600人以上\n", "UTF-8");
  Diagnostic d = At(f, "1600人以上");
  size_t a = f.text().find("1691人");
  d.related.push_back(Related{f.MakeSpan(a, a + 7), "2022年实际在此"});
  d.fingerprint = "fp";
  BOOST_TEST(RenderJson({d}) ==
             "{\n \"version\": 1,\n \"diagnostics\": [\n  {\n"
             "   \"rule\": \"target-below-prior-actual\",\n   \"severity\": \"warning\",\n"
             "   \"message\": \"城镇新增就业的2023年目标（1600人以上）低于2022年实际（1691人）\",\n"
             "   \"file\": \"reports/r.txt\",\n   \"line\": 2,\n   \"column\": 9,\n"
             "   \"end_line\": 2,\n   \"end_column\": 16,\n   \"related\": [\n    {\n"
             "     \"file\": \"reports/r.txt\",\n     \"line\": 1,\n     \"column\": 7,\n"
             "     \"end_line\": 1,\n     \"end_column\": 12,\n"
             "     \"message\": \"2022年实际在此\"\n    }\n   ],\n   \"fingerprint\": \"" +
                 FingerprintHash(d) + "\"\n  }\n ]\n}\n");
}

BOOST_AUTO_TEST_CASE(SortsByFilePositionAndRule) {
  SourceFile f("r.txt", "甲1人乙2人\n", "UTF-8");
  Diagnostic late = At(f, "2人");
  Diagnostic early = At(f, "1人");
  Diagnostic early_b = early;
  early_b.rule = "a-rule";
  std::vector<Diagnostic> list = {late, early, early_b};
  SortDiagnostics(&list);
  BOOST_TEST(list[0].rule == "a-rule");
  BOOST_TEST(list[1].span.begin == early.span.begin);
  BOOST_TEST(list[2].span.begin == late.span.begin);
}

BOOST_AUTO_TEST_CASE(TheSummaryIsInTheMessagesLanguage) {
  SeverityCounts c;
  c.count[2] = 1;
  c.count[1] = 2;
  c.suppressed = 3;
  BOOST_TEST(Summary(c, 2, false) == "共 1 个错误，2 个警告（2 个文件；基线已屏蔽 3 条）");
  BOOST_TEST(Summary(c, 2, true) ==
             "1 error, 2 warnings in 2 files (3 suppressed by the baseline)");
  BOOST_TEST(Summary(SeverityCounts(), 1, false) == "没有发现问题（1 个文件）");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
