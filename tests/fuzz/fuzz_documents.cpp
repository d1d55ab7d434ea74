// libFuzzer target: the readers of Word documents and web pages. The first
// byte picks one: 0 the XML of a document's body, 1 a whole .docx (a zip),
// 2 a web page. Each returns text or a Status; a page's every character
// must locate inside the page, a span's end never before its start.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "text/docx.h"
#include "text/html.h"
#include "text/input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      plancheck::DocumentXmlText(rest);
      break;
    case 1:
      plancheck::ReadInput(std::string(rest), "f.docx", plancheck::InputFormat::kDocx, "", 1 << 20);
      break;
    default: {
      plancheck::Result<std::unique_ptr<plancheck::SourceFile>> file = plancheck::ReadInput(
          std::string(rest), "f.html", plancheck::InputFormat::kHtml, "", 1 << 20);
      if (!file.ok()) break;
      const plancheck::SourceFile& f = **file;
      const size_t source = f.located().text().size();
      for (size_t i = 0; i <= f.text().size(); ++i) {
        if (f.LocatedOffset(i) > source) std::abort();
        if (i > 0 && f.LocatedEnd(i) > source) std::abort();
        if (i > 0 && (f.text()[i - 1] & 0xC0) != 0x80 && f.LocatedEnd(i) < f.LocatedOffset(i - 1))
          std::abort();
      }
      f.Locate(0);
      f.LocateEnd(f.text().size());
    }
  }
  return 0;
}
