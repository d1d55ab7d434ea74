// Saved web pages (.html, .htm, .shtml): the visible text, one line per
// block (p, div, li, td, h1…, br), script, style, the head and comments
// dropped, entities decoded, white space collapsed as a browser shows it.
// Every byte of the text keeps the offset in the page it came from, so that
// diagnostics point at the page's own source (what "view source" shows).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace plancheck {

struct PageText {
  std::string text;              // UTF-8, one block per line
  std::vector<uint32_t> origin;  // text.size() + 1 offsets into the page's source
};

// Whether bytes look like a web page: a doctype or an <html>, <head> or
// <body> tag near the start, after white space, a BOM or comments.
bool LooksLikeHtml(std::string_view bytes);

// The charset a page declares: its <meta charset> or http-equiv
// Content-Type in the first 1024 bytes, as a name ICU knows (gb2312 and gbk
// read as GB18030, their superset); "" when it declares none.
std::string DeclaredCharset(std::string_view bytes);

// The text of a page already decoded to UTF-8.
PageText HtmlText(std::string_view source);

}  // namespace plancheck
