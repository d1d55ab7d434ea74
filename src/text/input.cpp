#include "text/input.h"

#include "text/docx.h"

namespace plancheck {

Result<InputFormat> ParseInputFormat(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "txt") return InputFormat::kText;
  if (name == "docx") return InputFormat::kDocx;
  return Status::Error("--input-format must be auto, txt or docx, not '" + name + "'");
}

const std::vector<std::string>& ReportExtensions() {
  static const std::vector<std::string> kExtensions = {".txt", ".docx", ".docm"};
  return kExtensions;
}

Result<Decoded> DecodeInput(std::string&& bytes, InputFormat format, const std::string& encoding,
                            size_t max_bytes) {
  if (format == InputFormat::kAuto)
    format = LooksLikeZip(bytes) || LooksLikeOleCompound(bytes) ? InputFormat::kDocx : InputFormat::kText;
  if (format == InputFormat::kText) return DecodeOwnedBytes(std::move(bytes), encoding);
  Result<std::string> text = DocxText(bytes, max_bytes);
  if (!text.ok()) return text.status();
  if (text->find_first_not_of(" \t\n") == std::string::npos) return Status::Error("empty document");
  // The same checks as a text file's (valid UTF-8, no control characters).
  Result<Decoded> decoded = DecodeOwnedBytes(std::move(*text), "UTF-8");
  if (!decoded.ok()) return Status::Error("in the document's text: " + decoded.status().message());
  decoded->encoding = "docx";
  return decoded;
}

}  // namespace plancheck
