// Display width of text in a terminal: East Asian Wide and Fullwidth code
// points take two columns, combining marks none, everything else one.
#pragma once

#include <string_view>

namespace plancheck {

int CodePointWidth(char32_t c);
int DisplayWidth(std::string_view utf8);

}  // namespace plancheck
