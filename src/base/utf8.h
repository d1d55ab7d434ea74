// Small UTF-8 helpers over byte offsets. The program's one offset unit is the
// byte offset into decoded UTF-8 text; these walk it by code point.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

namespace plancheck {

// Whether `c` continues a character (a trail byte, 10xxxxxx): ICU's test.
inline bool IsTrailByte(char c) { return U8_IS_TRAIL(static_cast<uint8_t>(c)); }
// The bytes of the character `lead` starts: 1 for ASCII and for a byte that
// starts none.
inline size_t CharBytes(char lead) { return 1 + U8_COUNT_TRAIL_BYTES(static_cast<uint8_t>(lead)); }
// `pos` moved back to the start of the character it is inside.
inline size_t CharStart(std::string_view s, size_t pos) {
  while (pos > 0 && pos < s.size() && IsTrailByte(s[pos])) --pos;
  return pos;
}
// `pos` moved on to the next character boundary (itself when it is one).
inline size_t CharBoundaryAfter(std::string_view s, size_t pos) {
  while (pos < s.size() && IsTrailByte(s[pos])) ++pos;
  return pos;
}

// Decodes the code point starting at `*pos` and advances `*pos` past it.
// REQUIRES: `*pos < s.size()` and `s` is valid UTF-8 (decoded text always is).
char32_t NextCodePoint(std::string_view s, size_t* pos);

// The start of the code point that ends just before `pos`.
size_t PrevCodePointStart(std::string_view s, size_t pos);

// Number of code points in `s`.
size_t CountCodePoints(std::string_view s);

// The byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t FindInvalidUtf8(std::string_view s);

// Whether `s` is valid UTF-8 without control characters other than tab, line
// ends and form feed: the common case of a report, checked in one pass.
bool IsCleanUtf8Text(std::string_view s);

// Word search in UTF-8 text. std::string::find looks for the needle's first
// byte with memchr and compares from each hit; in Chinese text a lead byte
// such as E4..E9 starts every third byte, so that is a call per character.
// These test the needle's first and last bytes together, sixteen positions
// at a time (see utf8.cpp). A match of a valid UTF-8 needle always starts on
// a character boundary.
size_t FindText(std::string_view text, std::string_view word, size_t from = 0);
// The last match starting at or before `from`.
size_t RFindText(std::string_view text, std::string_view word,
                 size_t from = std::string_view::npos);
inline bool ContainsText(std::string_view text, std::string_view word) {
  return FindText(text, word) != std::string_view::npos;
}
// The last byte of a Chinese word is a continuation byte spread over 64
// values: comparing it first rejects most candidates without a call.
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && (suffix.empty() || s.back() == suffix.back()) &&
         std::memcmp(s.data() + s.size() - suffix.size(), suffix.data(), suffix.size()) == 0;
}
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         (prefix.size() < 2 || (s[0] == prefix[0] && s[1] == prefix[1])) &&
         std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}
// Whether `word` starts at t[i].
inline bool WordAt(std::string_view t, size_t i, std::string_view word) {
  return i <= t.size() && t.size() - i >= word.size() &&
         std::memcmp(t.data() + i, word.data(), word.size()) == 0;
}
// Whether one of `words` starts at t[i].
inline bool AnyWordAt(std::string_view t, size_t i, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (WordAt(t, i, w)) return true;
  return false;
}
// The first ASCII digit at or after `from`, or npos.
size_t FindDigit(std::string_view text, size_t from = 0);

}  // namespace plancheck
