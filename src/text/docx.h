// Word documents (.docx, .docm): the text of word/document.xml, one line per
// paragraph, so that a diagnostic's line is the paragraph's number in the
// document and its column the character within it. Paragraphs are taken in
// document order, those of table cells cell by cell; footnotes, comments,
// headers, deleted text and field codes are left out.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace plancheck {

// A zip archive (a .docx is one) and an OLE compound file (a legacy .doc or
// an encrypted .docx) by their first bytes.
bool LooksLikeZip(std::string_view bytes);
bool LooksLikeOleCompound(std::string_view bytes);

// The document's text. `max_bytes` bounds the XML as inflated: a part that
// would inflate past it is refused before it is read. Errors name what is
// wrong without the file name ("not a Word document: …").
Result<std::string> DocxText(std::string_view bytes, size_t max_bytes);

// The text of a document.xml already inflated (the part DocxText reads).
Result<std::string> DocumentXmlText(std::string_view xml);

}  // namespace plancheck
