// The formats plancheck reads, and the one step from a file's bytes to the
// text every later stage sees: plain text decoded (decode.h), a Word
// document's paragraphs one per line (docx.h).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "text/decode.h"

namespace plancheck {

enum class InputFormat { kAuto, kText, kDocx };

// "auto", "txt" or "docx"; anything else is an error naming them.
Result<InputFormat> ParseInputFormat(const std::string& name);
// The file name endings a directory is searched for.
const std::vector<std::string>& ReportExtensions();

// The text of a file's bytes in `format`, or with kAuto the format its
// content shows (a zip archive holding word/document.xml is a Word
// document; anything else is text, decoded as `encoding` or detected).
// `max_bytes` bounds what a document inflates to.
Result<Decoded> DecodeInput(std::string&& bytes, InputFormat format, const std::string& encoding,
                            size_t max_bytes);

}  // namespace plancheck
