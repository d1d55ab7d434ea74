#include "base/utf8.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "base/simd.h"
#if PLANCHECK_SSE2
#include <emmintrin.h>
#endif

namespace plancheck {

char32_t NextCodePoint(std::string_view s, size_t* pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(*pos);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  int length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
  char32_t c = b0 & (0x7F >> length);
  for (int k = 1; k < length && *pos + k < s.size(); ++k) c = (c << 6) | (byte(*pos + k) & 0x3F);
  *pos += length;
  return c;
}

size_t PrevCodePointStart(std::string_view s, size_t pos) {
  if (pos == 0) return 0;
  --pos;
  while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

size_t FindInvalidUtf8(std::string_view s) {
  // Well-formed sequences per RFC 3629 (no overlongs, surrogates or values
  // above U+10FFFF), checked byte by byte without decoding.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
      return k < n && p[k] >= lo && p[k] <= hi;
    };
    if (b >= 0xC2 && b <= 0xDF) {
      if (!cont(i + 1)) return i;
      i += 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      unsigned char lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
      if (!cont(i + 1, lo, hi) || !cont(i + 2)) return i;
      i += 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      unsigned char lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return i;
      i += 4;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

bool IsCleanUtf8Text(std::string_view s) {
  // What each byte starts: 0 not allowed here, 1 allowed ASCII, 2..4 the
  // length of a sequence whose second byte may be any continuation byte,
  // 5 a lead (E0 ED F0 F4) whose second byte has a narrower range.
  static const std::array<unsigned char, 256> kLead = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0x20; c < 0x7F; ++c) t[c] = 1;
    t['\t'] = t['\n'] = t['\r'] = t['\f'] = 1;
    for (int c = 0xC2; c <= 0xDF; ++c) t[c] = 2;
    for (int c = 0xE1; c <= 0xEF; ++c) t[c] = 3;
    for (int c = 0xF1; c <= 0xF3; ++c) t[c] = 4;
    t[0xE0] = t[0xED] = t[0xF0] = t[0xF4] = 5;
    return t;
  }();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  size_t i = 0;
  while (i < n) {
    switch (kLead[p[i]]) {
      case 1:
        ++i;
        break;
      case 3:
        if (!cont(i + 1) || !cont(i + 2)) return false;
        i += 3;
        break;
      case 2:
        if (!cont(i + 1)) return false;
        i += 2;
        break;
      case 4:
        if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return false;
        i += 4;
        break;
      case 5: {
        // Overlongs, surrogates and values past U+10FFFF: the full check.
        size_t len = p[i] >= 0xF0 ? 4 : 3;
        if (i + len > n || FindInvalidUtf8(s.substr(i, len)) != std::string_view::npos)
          return false;
        i += len;
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

size_t FindText(std::string_view text, std::string_view word, size_t from) {
  if (word.empty()) return from <= text.size() ? from : std::string_view::npos;
  if (from > text.size() || text.size() - from < word.size()) return std::string_view::npos;
  const size_t k = word.size();
  const char* base = text.data();
  if (k == 1) {
    const void* hit = std::memchr(base + from, word[0], text.size() - from);
    return hit == nullptr ? std::string_view::npos
                          : static_cast<size_t>(static_cast<const char*>(hit) - base);
  }
  // Candidates are where both the word's first and last bytes are in place
  // (Mula's "SIMD-friendly" substring search): a lead byte such as E4 and a
  // continuation byte together rule out nearly every position, sixteen at a
  // time, and only the rest is compared.
  const size_t end = text.size() - k + 1;  // candidate starts are below this
  size_t i = from;
#if PLANCHECK_SSE2
  const __m128i first = _mm_set1_epi8(word[0]);
  const __m128i last = _mm_set1_epi8(word[k - 1]);
  for (; i + 16 <= end; i += 16) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i + k - 1));
    unsigned mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
    while (mask != 0) {
      size_t at = i + static_cast<size_t>(__builtin_ctz(mask));
      if (std::memcmp(base + at + 1, word.data() + 1, k - 2) == 0) return at;
      mask &= mask - 1;
    }
  }
#endif
  for (; i < end; ++i) {
    if (base[i] == word[0] && base[i + k - 1] == word[k - 1] &&
        std::memcmp(base + i + 1, word.data() + 1, k - 2) == 0)
      return i;
  }
  return std::string_view::npos;
}

size_t RFindText(std::string_view text, std::string_view word, size_t from) {
  if (word.size() > text.size()) return std::string_view::npos;
  size_t i = std::min(from, text.size() - word.size());
  if (word.empty()) return i;
  // Compare the last byte first: in UTF-8 it is a continuation byte spread
  // over 64 values, so few positions get as far as memcmp.
  const char last = word.back();
  const size_t tail = word.size() - 1;
  for (;; --i) {
    if (text[i + tail] == last && std::memcmp(text.data() + i, word.data(), tail) == 0) return i;
    if (i == 0) return std::string_view::npos;
  }
}

size_t FindDigit(std::string_view text, size_t from) {
  size_t i = from;
#if PLANCHECK_SSE2
  // Sixteen bytes at a time: '0'..'9' are 0x30..0x39 (bytes of multi-byte
  // characters are negative as signed chars).
  const __m128i below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1);
  for (; i + 16 <= text.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    int mask = _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, above)));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < text.size(); ++i)
    if (static_cast<unsigned char>(text[i] - '0') < 10) return i;
  return std::string_view::npos;
}

}  // namespace plancheck
