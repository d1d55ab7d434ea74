#include "text/normalize.h"

#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/utf8.h"

namespace plancheck {
namespace {

// What NFKC makes of U+FF01..U+FF5E (full-width ASCII) and U+3000, asked of
// ICU once; the hot loop then reads this table. 0 where NFKC gives no
// single ASCII byte.
struct FoldTable {
  char full_width[0x5E] = {};
  char ideographic_space = 0;
  FoldTable() {
    UErrorCode code = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(code);
    if (U_FAILURE(code)) return;
    auto fold = [&](UChar32 c) -> char {
      UErrorCode e = U_ZERO_ERROR;
      icu::UnicodeString folded = nfkc->normalize(icu::UnicodeString(c), e);
      std::string utf8;
      folded.toUTF8String(utf8);
      return U_SUCCESS(e) && utf8.size() == 1 ? utf8[0] : 0;
    };
    for (UChar32 c = 0xFF01; c <= 0xFF5E; ++c) full_width[c - 0xFF01] = fold(c);
    ideographic_space = fold(0x3000);
  }
};

const FoldTable& Folds() {
  static const FoldTable table;
  return table;
}

}  // namespace

NormalizedText::NormalizedText(std::string_view source, uint32_t base) : base_(base) {
  // Full-width forms are U+FF01..U+FF5E (EF BC 81 .. EF BD 9E) and the
  // ideographic space U+3000 (E3 80 80).
  bool needs_folding = false;
  // Offsets, not pointers: an empty view may have a null data().
  for (size_t at = source.find('\xEF'); at != std::string_view::npos && at + 2 < source.size();
       at = source.find('\xEF', at + 1)) {
    if (source[at + 1] == '\xBC' || source[at + 1] == '\xBD') {
      needs_folding = true;
      break;
    }
  }
  if (!needs_folding && source.find("\xE3\x80\x80") != std::string_view::npos) needs_folding = true;
  if (!needs_folding) {
    text_.assign(source.data(), source.size());
    identity_ = true;
    return;
  }
  // Written through raw pointers into buffers sized for the worst case
  // (nothing folds), then trimmed.
  const FoldTable& folds = Folds();
  const unsigned char* p = reinterpret_cast<const unsigned char*>(source.data());
  const size_t n = source.size();
  text_.resize(n);
  to_source_.resize(n + 1);
  char* out = text_.data();
  uint32_t* map = to_source_.data();
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    char folded = 0;
    if (p[i] == 0xEF && i + 2 < n && (p[i + 1] == 0xBC || p[i + 1] == 0xBD)) {
      char32_t c = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if (c >= 0xFF01 && c <= 0xFF5E) folded = folds.full_width[c - 0xFF01];
    } else if (p[i] == 0xE3 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) {
      folded = folds.ideographic_space;
    }
    if (folded != 0) {
      out[o] = folded;
      map[o++] = base + static_cast<uint32_t>(i);
      i += 3;
      continue;
    }
    // Unchanged bytes map byte for byte (a multi-byte character too).
    out[o] = static_cast<char>(p[i]);
    map[o++] = base + static_cast<uint32_t>(i);
    ++i;
  }
  text_.resize(o);
  to_source_.resize(o);
  to_source_.push_back(base + static_cast<uint32_t>(source.size()));
}

}  // namespace plancheck
