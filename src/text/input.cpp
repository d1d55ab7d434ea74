#include "text/input.h"

#include "text/docx.h"
#include "text/html.h"

namespace plancheck {
namespace {

bool Blank(const std::string& text) { return text.find_first_not_of(" \t\n") == std::string::npos; }

Result<std::unique_ptr<SourceFile>> ReadDocx(std::string_view bytes, const std::string& display,
                                             size_t max_bytes) {
  Result<std::string> text = DocxText(bytes, max_bytes);
  if (!text.ok()) return text.status();
  if (Blank(*text)) return Status::Error("empty document");
  // The same checks as a text file's (valid UTF-8, no control characters).
  Result<Decoded> decoded = DecodeOwnedBytes(std::move(*text), "UTF-8");
  if (!decoded.ok()) return Status::Error("in the document's text: " + decoded.status().message());
  return std::make_unique<SourceFile>(display, std::move(decoded->text), "docx");
}

Result<std::unique_ptr<SourceFile>> ReadHtml(std::string&& bytes, const std::string& display,
                                             const std::string& encoding) {
  // --encoding, else a BOM, else the page's own declaration, else detection.
  std::string charset = encoding;
  const bool bom = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ||
                   bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0;
  if (charset.empty() && !bom) charset = DeclaredCharset(bytes);
  Result<Decoded> decoded = DecodeOwnedBytes(std::move(bytes), charset);
  if (!decoded.ok()) {
    if (!charset.empty() && encoding.empty())
      return Status::Error("as the page's declared charset " + charset + ": " +
                           decoded.status().message() + " (--encoding overrides it)");
    return decoded.status();
  }
  PageText page = HtmlText(decoded->text);
  if (Blank(page.text)) return Status::Error("a web page with no visible text");
  auto source = std::make_unique<SourceFile>(display, std::move(decoded->text), decoded->encoding);
  return std::make_unique<SourceFile>(display, std::move(page.text), decoded->encoding,
                                      std::move(source), std::move(page.origin));
}

}  // namespace

Result<InputFormat> ParseInputFormat(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "txt") return InputFormat::kText;
  if (name == "docx") return InputFormat::kDocx;
  if (name == "html") return InputFormat::kHtml;
  return Status::Error("--input-format must be auto, txt, docx or html, not '" + name + "'");
}

const std::vector<std::string>& ReportExtensions() {
  static const std::vector<std::string> kExtensions = {".txt",  ".docx", ".docm",
                                                       ".html", ".htm",  ".shtml"};
  return kExtensions;
}

InputFormat ResolveFormat(std::string_view bytes, InputFormat format) {
  if (format != InputFormat::kAuto) return format;
  if (LooksLikeZip(bytes) || LooksLikeOleCompound(bytes)) return InputFormat::kDocx;
  if (LooksLikeHtml(bytes)) return InputFormat::kHtml;
  return InputFormat::kText;
}

Result<std::unique_ptr<SourceFile>> ReadInput(std::string&& bytes, const std::string& display,
                                              InputFormat format, const std::string& encoding,
                                              size_t max_bytes) {
  switch (ResolveFormat(bytes, format)) {
    case InputFormat::kDocx:
      return ReadDocx(bytes, display, max_bytes);
    case InputFormat::kHtml:
      return ReadHtml(std::move(bytes), display, encoding);
    default: {
      Result<Decoded> decoded = DecodeOwnedBytes(std::move(bytes), encoding);
      if (!decoded.ok()) return decoded.status();
      return std::make_unique<SourceFile>(display, std::move(decoded->text), decoded->encoding);
    }
  }
}

}  // namespace plancheck
