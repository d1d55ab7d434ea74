// Small UTF-8 helpers over byte offsets. The program's one offset unit is the
// byte offset into decoded UTF-8 text; these walk it by code point.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace plancheck {

// Decodes the code point starting at `*pos` and advances `*pos` past it.
// REQUIRES: `*pos < s.size()` and `s` is valid UTF-8 (decoded text always is).
char32_t NextCodePoint(std::string_view s, size_t* pos);

// The start of the code point that ends just before `pos`.
size_t PrevCodePointStart(std::string_view s, size_t pos);

// Number of code points in `s`.
size_t CountCodePoints(std::string_view s);

void AppendUtf8(char32_t c, std::string* out);

// The byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FindInvalidUtf8(std::string_view s);

}  // namespace plancheck
