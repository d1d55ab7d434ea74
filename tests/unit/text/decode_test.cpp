#include "text/decode.h"

#include <unicode/ucnv.h>

#include <boost/test/unit_test.hpp>

#include "../test_util.h"

namespace plancheck {
namespace {

// Encodes UTF-8 text into `charset` with ICU, for inputs made in the test.
std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode code = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &code);
  BOOST_REQUIRE(U_SUCCESS(code));
  out.resize(n);
  return out;
}

std::string Check(const std::string& bytes, const std::string& encoding = "") {
  Result<Decoded> d = DecodeBytes(bytes, encoding);
  BOOST_REQUIRE_MESSAGE(d.ok(), d.status().message());
  Report r = testing::DefaultEngine().Analyze(
      std::make_unique<SourceFile>("report.txt", d->text, d->encoding));
  std::vector<Diagnostic> diags;
  testing::DefaultEngine().Check(r, false, &diags);
  SortDiagnostics(&diags);
  return RenderJson(diags);
}

std::string Error(const std::string& bytes, const std::string& encoding = "") {
  Result<Decoded> d = DecodeBytes(bytes, encoding);
  BOOST_REQUIRE(!d.ok());
  return d.status().message();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Decode)

BOOST_AUTO_TEST_CASE(DetectsUtf8WithAndWithoutBom) {
  Result<Decoded> plain = DecodeBytes("城镇新增就业1691人", "");
  BOOST_REQUIRE(plain.ok());
  BOOST_TEST(plain->encoding == "UTF-8");
  Result<Decoded> bom = DecodeBytes("\xEF\xBB\xBF城镇新增就业1691人", "");
  BOOST_REQUIRE(bom.ok());
  BOOST_TEST(bom->text == "城镇新增就业1691人");
}

BOOST_AUTO_TEST_CASE(EveryEncodingGivesTheSameDiagnostics) {
  std::string utf8 = testing::ReadSource("reports/zhaohua-2023.txt");
  std::string expected = Check(utf8);
  BOOST_TEST(expected.find("target-below-prior-actual") != std::string::npos);
  BOOST_TEST(Check("\xEF\xBB\xBF" + utf8) == expected);
  BOOST_TEST(Check(Encode(utf8, "GB18030")) == expected);
  BOOST_TEST(Check(Encode(utf8, "GBK")) == expected);
  BOOST_TEST(Check("\xFF\xFE" + Encode(utf8, "UTF-16LE")) == expected);
  BOOST_TEST(Check("\xFE\xFF" + Encode(utf8, "UTF-16BE")) == expected);
  std::string crlf;
  for (char c : utf8) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  BOOST_TEST(Check(crlf) == expected);
  BOOST_TEST(Check(Encode(utf8, "UTF-16LE"), "UTF-16LE") == expected);
}

BOOST_AUTO_TEST_CASE(DetectsGb18030WithoutBeingTold) {
  Result<Decoded> d = DecodeBytes(Encode("地区生产总值增长8.1%以上。", "GB18030"), "");
  BOOST_REQUIRE(d.ok());
  BOOST_TEST(d->encoding == "GB18030");
  BOOST_TEST(d->text == "地区生产总值增长8.1%以上。");
}

BOOST_AUTO_TEST_CASE(RejectsEmptyAndBlankFiles) {
  BOOST_TEST(Error("") == "empty file");
  BOOST_TEST(Error(" \n\r\n") == "empty file (nothing but white space)");
}

BOOST_AUTO_TEST_CASE(RejectsBinaryNamingTheOffset) {
  std::string bytes = std::string("PK\x03\x04", 4) + std::string("\0\0abc", 5);
  BOOST_TEST(Error(bytes).find("binary file") == 0);
  BOOST_TEST(Error(std::string("文本\0文本", 13)).find("NUL byte at byte offset 6") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(NamesTheOffsetOfAnInvalidUtf8Byte) {
  std::string bytes = "地区生产总值实现82.7亿元\xFF同比增长";
  BOOST_TEST(Error(bytes) ==
             "invalid UTF-8 byte 0xFF at byte offset " + std::to_string(bytes.find('\xFF')));
}

BOOST_AUTO_TEST_CASE(RejectsTruncatedUtf16) {
  std::string bytes = "\xFF\xFE" + Encode("增长", "UTF-16LE") + "\x41";
  BOOST_TEST(Error(bytes).find("truncated character at byte offset 6") == 0);
}

BOOST_AUTO_TEST_CASE(RejectsAnUnknownEncodingName) {
  BOOST_TEST(Error("abc", "NO-SUCH-ENCODING") == "unknown encoding 'NO-SUCH-ENCODING'");
}

BOOST_AUTO_TEST_CASE(OwnedBytesDecodeAsBorrowedOnes) {
  // The one-pass path for clean UTF-8 must accept and reject exactly what the
  // step-by-step checks do, with the same messages.
  const std::string utf8 = testing::ReadSource("reports/zhaohua-2023.txt");
  const std::string inputs[] = {utf8,
                                "城镇新增就业1691人",
                                "\xEF\xBB\xBF城镇",
                                "  \n\t ",
                                "",
                                "a\x01b",
                                "a\x7F",
                                "增长\0",
                                "\xFF\xFE" + Encode("增长", "UTF-16LE"),
                                Encode(utf8, "GB18030"),
                                "ab\xE4\xB8",
                                "\xED\xA0\x80",
                                "\xF4\x90\x80\x80",
                                "\xE0\x80\x80",
                                "\xC0\xAF",
                                "\xF0\x9F\x98\x80表情",
                                "换行\r\n回车\r",
                                "\f"};
  for (const std::string& in : inputs) {
    Result<Decoded> borrowed = DecodeBytes(in, "");
    Result<Decoded> owned = DecodeOwnedBytes(std::string(in), "");
    BOOST_REQUIRE_EQUAL(borrowed.ok(), owned.ok());
    if (borrowed.ok()) {
      BOOST_TEST(borrowed->text == owned->text);
      BOOST_TEST(borrowed->encoding == owned->encoding);
    } else {
      BOOST_TEST(borrowed.status().message() == owned.status().message());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
