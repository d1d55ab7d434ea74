#include "text/source_file.h"

#include <boost/test/unit_test.hpp>

#include "text/width.h"

namespace plancheck {

BOOST_AUTO_TEST_SUITE(SourceFileTest)

BOOST_AUTO_TEST_CASE(ColumnsCountCodePointsNotBytes) {
  SourceFile f("a.txt", "第一行\n地区生产总值82.7亿元\n", "UTF-8");
  size_t at = f.text().find("82.7");
  Position p = f.PositionOf(at);
  BOOST_TEST(p.line == 2);
  BOOST_TEST(p.column == 7);  // six Chinese characters before it
}

BOOST_AUTO_TEST_CASE(RecognizesCrlfAndCrLineEnds) {
  SourceFile f("a.txt", "一\r\n二\r三\n四", "UTF-8");
  BOOST_TEST(f.line_count() == 4);
  BOOST_TEST(f.LineText(1) == "一");
  BOOST_TEST(f.LineText(2) == "二");
  BOOST_TEST(f.LineText(3) == "三");
  BOOST_TEST(f.PositionOf(f.text().find("四")).line == 4);
}

BOOST_AUTO_TEST_CASE(WideCharactersTakeTwoColumns) {
  BOOST_TEST(DisplayWidth("1600人以上") == 10);
  BOOST_TEST(DisplayWidth("ａｂ") == 4);       // full-width Latin
  BOOST_TEST(DisplayWidth("“”…") == 3);        // ambiguous width counts one
  BOOST_TEST(DisplayWidth("e\xCC\x81") == 1);  // combining accent takes none
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
