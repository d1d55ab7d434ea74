#include "text/normalize.h"

#include <boost/test/unit_test.hpp>

namespace plancheck {

BOOST_AUTO_TEST_SUITE(Normalize)

BOOST_AUTO_TEST_CASE(FoldsFullwidthDigitsAndPunctuation) {
  NormalizedText n("增长８．１％，居第５");
  BOOST_TEST(n.text() == "增长8.1%,居第5");
}

BOOST_AUTO_TEST_CASE(MapsFullwidthDigitBackToSource) {
  std::string source = "增长８．１％";
  NormalizedText n(source, 100);
  size_t eight = n.text().find('8');
  BOOST_TEST(n.ToSource(eight) == 100 + source.find("８"));
  BOOST_TEST(n.ToSource(n.text().size()) == 100 + source.size());
  // The byte after the folded '%' maps to the end of the full-width form.
  size_t percent = n.text().find('%');
  BOOST_TEST(n.ToSource(percent) == 100 + source.find("％"));
}

BOOST_AUTO_TEST_CASE(LeavesChineseAndAsciiAlone) {
  NormalizedText n("地区生产总值82.7亿元、同比增长0.4%");
  BOOST_TEST(n.text() == "地区生产总值82.7亿元、同比增长0.4%");
  BOOST_TEST(n.ToSource(3) == 3u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck

namespace plancheck {

BOOST_AUTO_TEST_SUITE(NormalizeRegressions)

// Found by fuzz_rules: an empty paragraph view has a null data(), and
// pointer arithmetic on it is undefined.
BOOST_AUTO_TEST_CASE(EmptyTextNormalizesToEmpty) {
  NormalizedText n(std::string_view(), 7);
  BOOST_TEST(n.text().empty());
  BOOST_TEST(n.ToSource(0) == 7u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
