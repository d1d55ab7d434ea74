// The text of one paragraph as the extraction stages read it: its
// normalized form (full-width forms folded), the sentence and clause
// boundaries in it, and the map from its offsets back to the source file.
//
// Words are matched on the normalized text, so punctuation in the stages'
// word lists is ASCII wherever a full-width form folds to ASCII.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "base/simd.h"
#if PLANCHECK_SSE2
#include <emmintrin.h>
#endif

#include "base/span.h"
#include "text/normalize.h"
#include "text/source_file.h"

namespace plancheck {

// Sentence and clause boundaries of one paragraph: offsets just after each
// 。；;!? (sentence) and ，,：: (clause) in the normalized text, found on the
// first lookup (a paragraph without quantities needs only their count).
// Lookups are binary searches.
class Boundaries {
 public:
  explicit Boundaries(const std::string& t) : t_(t) {}
  // The start of the sentence holding `pos`.
  size_t SentenceStart(size_t pos) const { return Last(sentences(), 0, pos); }
  // The start of the clause holding `pos`, within its sentence.
  size_t ClauseStart(size_t sentence_start, size_t pos) const {
    Build();
    return Last(clause_, sentence_start, pos);
  }
  // The end of the sentence holding `pos` (before its closing mark).
  size_t SentenceEnd(size_t pos, size_t size) const {
    auto it = std::upper_bound(sentences().begin(), sentences().end(), pos);
    return it == sentences().end() ? size : *it;
  }
  int SentencesBefore(size_t pos) const {
    return static_cast<int>(std::upper_bound(sentences().begin(), sentences().end(), pos) -
                            sentences().begin());
  }
  int sentence_count() const {
    if (built_) return static_cast<int>(sentence_.size());
    // The same marks as Build(), counted in a loop the compiler vectorizes.
    const unsigned char* p = reinterpret_cast<const unsigned char*>(t_.data());
    const size_t n = t_.size();
    int count = 0;
    for (size_t i = 0; i < n; ++i) count += p[i] == ';' || p[i] == '!' || p[i] == '?';
    for (size_t i = 0; i + 2 < n; ++i) {
      count += (p[i] == 0xE3) & (p[i + 1] == 0x80) & (p[i + 2] == 0x82);
      count += (p[i] == 0xEF) & (p[i + 1] == 0xBC) &
               ((p[i + 2] == 0x9B) | (p[i + 2] == 0x81) | (p[i + 2] == 0x9F));
    }
    return count;
  }

 private:
  const std::vector<size_t>& sentences() const {
    Build();
    return sentence_;
  }
  void Build() const {
    if (built_) return;
    built_ = true;
    const std::string& t = t_;
    const size_t n = t.size();
    for (size_t i = 0; i < n; ++i) {
#if PLANCHECK_SSE2
      // Sixteen bytes at a time past blocks without a mark's first byte.
      while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
        auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
        __m128i any = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(eq(','), eq(':')), _mm_or_si128(eq(';'), eq('!'))),
            _mm_or_si128(_mm_or_si128(eq('?'), eq('\xE3')), eq('\xEF')));
        int mask = _mm_movemask_epi8(any);
        if (mask != 0) {
          i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
          break;
        }
        i += 16;
      }
      if (i >= n) break;
#endif
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (c == ',' || c == ':') {
        clause_.push_back(i + 1);
      } else if (c == ';' || c == '!' || c == '?') {
        sentence_.push_back(i + 1);
      } else if (c == 0xE3 && i + 2 < n && t[i + 1] == '\x80' && t[i + 2] == '\x82') {
        sentence_.push_back(i + 3);  // 。
        i += 2;
      } else if (c == 0xEF && i + 2 < n && t[i + 1] == '\xBC') {
        unsigned char d = static_cast<unsigned char>(t[i + 2]);
        if (d == 0x8C || d == 0x9A)
          clause_.push_back(i + 3);  // ， ：
        else if (d == 0x9B || d == 0x81 || d == 0x9F)
          sentence_.push_back(i + 3);  // ；！？
        i += 2;
      }
    }
  }
  static size_t Last(const std::vector<size_t>& ends, size_t from, size_t pos) {
    auto it = std::upper_bound(ends.begin(), ends.end(), pos);
    if (it == ends.begin()) return from;
    return std::max(from, *(it - 1));
  }
  const std::string& t_;
  mutable bool built_ = false;
  mutable std::vector<size_t> sentence_, clause_;
};

// One paragraph's normalized text, its boundaries and its way back to the
// source: every stage reads offsets in `text`, and SourceSpan is the one
// conversion to a span of the file.
struct ParagraphText {
  ParagraphText(const SourceFile& f, const NormalizedText& n)
      : file(f), nt(n), text(n.text()), bounds(text) {}
  Span SourceSpan(size_t begin, size_t end) const {
    return file.MakeSpan(nt.ToSource(begin), nt.ToSource(end));
  }

  const SourceFile& file;
  const NormalizedText& nt;
  const std::string& text;
  const Boundaries bounds;
};

inline bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace plancheck
