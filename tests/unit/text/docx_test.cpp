#include "text/docx.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "text/input.h"

namespace plancheck {
namespace {

std::string Xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
         " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" +
         body + "</w:body></w:document>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Docx)

// One line per paragraph, runs joined, tabs kept; tab stops, deleted text,
// field codes and footnote marks are not text.
BOOST_AUTO_TEST_CASE(ParagraphsAndRuns) {
  Result<std::string> text = DocumentXmlText(
      Xml("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
          "<w:r><w:t>地区生产总值</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t "
          "xml:space=\"preserve\">增长 </w:t></w:r>"
          "<w:r><w:tab/><w:t>5%</w:t></w:r><w:del><w:r><w:delText>6%</w:delText></w:r></w:del>"
          "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:footnoteReference "
          "w:id=\"1\"/></w:r></w:p>"
          "<w:p/><w:p><w:r><w:t>第二段</w:t><w:br/><w:t>换行</w:t></w:r></w:p>"));
  BOOST_REQUIRE(text.ok());
  BOOST_TEST(*text == "地区生产总值增长 \t5%\n\n第二段 换行\n");
}

// Tables cell by cell, in reading order; a text box is a paragraph of its
// own after the one holding it, read once although Word stores it twice.
BOOST_AUTO_TEST_CASE(TablesAndTextBoxes) {
  Result<std::string> text = DocumentXmlText(
      Xml("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></"
          "w:tc><w:tc><w:p><w:r><w:t>目标</w:t></w:r></w:p></w:tc></w:tr>"
          "<w:tr><w:tc><w:p><w:r><w:t>粮食产量</w:t></w:r></w:p></"
          "w:tc><w:tc><w:p><w:r><w:t>100万吨</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
          "<w:p><w:r><w:t>见框：</w:t></"
          "w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>"
          "<w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
          "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></"
          "w:txbxContent></w:pict></mc:Fallback>"
          "</mc:AlternateContent></w:r><w:r><w:t>完</w:t></w:r></w:p>"));
  BOOST_REQUIRE(text.ok());
  BOOST_TEST(*text == "指标\n目标\n粮食产量\n100万吨\n见框：完\n框内文字\n");
}

BOOST_AUTO_TEST_CASE(MalformedXmlSaysWhere) {
  Result<std::string> text = DocumentXmlText("<w:document><w:body><w:p>");
  BOOST_REQUIRE(!text.ok());
  BOOST_TEST(text.status().message().find("damaged document: word/document.xml at byte") == 0u);
}

// Content, not the name, decides: a zip is a document, an OLE file is
// refused with what to do, anything else is text.
BOOST_AUTO_TEST_CASE(FormatByContent) {
  auto read = [](std::string bytes) {
    return ReadInput(std::move(bytes), "x", InputFormat::kAuto, "", 1 << 20);
  };
  BOOST_TEST(read("PK\x03\x04garbage").status().message().find("damaged document") == 0u);
  BOOST_TEST(read(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
                 .status()
                 .message()
                 .find("an encrypted document or a legacy .doc") == 0u);
  Result<std::unique_ptr<SourceFile>> text = read("增长5%\n");
  BOOST_REQUIRE(text.ok());
  BOOST_TEST((*text)->encoding() == "UTF-8");
  BOOST_TEST((ResolveFormat("  <!DOCTYPE html><p>x", InputFormat::kAuto) == InputFormat::kHtml));
  BOOST_TEST((ResolveFormat("<!-- saved --><HTML>", InputFormat::kAuto) == InputFormat::kHtml));
  BOOST_TEST((ResolveFormat("一、<html>是正文", InputFormat::kAuto) == InputFormat::kText));
  BOOST_TEST(ParseInputFormat("doc").status().message() ==
             "--input-format must be auto, txt, docx or html, not 'doc'");
}

// Inputs fuzz_documents found (tests/fuzz/regressions/documents-*), replayed
// with its checks: every character of a page located inside the page, no
// span ending before it begins.
BOOST_AUTO_TEST_CASE(FuzzerFoundDocumentsStayInsideTheirSource) {
  int replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(PLANCHECK_SOURCE_DIR) +
                                                               "/tests/fuzz/regressions")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("documents-", 0) != 0) continue;
    BOOST_TEST_CONTEXT(name) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      BOOST_REQUIRE(!bytes.empty());
      const InputFormat format = bytes[0] % 3 == 1 ? InputFormat::kDocx : InputFormat::kHtml;
      Result<std::unique_ptr<SourceFile>> file =
          ReadInput(bytes.substr(1), "f", format, "", 1 << 20);
      ++replayed;
      if (!file.ok()) continue;
      const SourceFile& f = **file;
      const size_t source = f.located().text().size();
      for (size_t i = 1; i <= f.text().size(); ++i) {
        BOOST_TEST_REQUIRE(f.LocatedEnd(i) <= source);
        if ((f.text()[i - 1] & 0xC0) != 0x80)
          BOOST_TEST_REQUIRE(f.LocatedEnd(i) >= f.LocatedOffset(i - 1));
      }
    }
  }
  BOOST_TEST(replayed >= 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plancheck
