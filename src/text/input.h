// The formats plancheck reads, and the one step from a file's bytes to the
// SourceFile every later stage sees: plain text decoded (decode.h), a Word
// document's paragraphs one per line (docx.h), a web page's visible text
// one block per line, located in the page's own source (html.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "text/decode.h"
#include "text/source_file.h"

namespace plancheck {

enum class InputFormat { kAuto, kText, kDocx, kHtml };

// "auto", "txt", "docx" or "html"; anything else is an error naming them.
Result<InputFormat> ParseInputFormat(const std::string& name);
// The file name endings a directory is searched for.
const std::vector<std::string>& ReportExtensions();
// The format `format` stands for with these bytes: kAuto becomes the one
// the content shows (a zip or OLE file is a Word document, a doctype or
// <html>/<head>/<body>/<meta> first is a page, anything else text).
InputFormat ResolveFormat(std::string_view bytes, InputFormat format);

// The file named `display` from its bytes. `encoding` overrides what a
// text declares or shows; `max_bytes` bounds what a document inflates to.
// Errors say what is wrong without the name.
Result<std::unique_ptr<SourceFile>> ReadInput(std::string&& bytes, const std::string& display,
                                              InputFormat format, const std::string& encoding,
                                              size_t max_bytes);

}  // namespace plancheck
