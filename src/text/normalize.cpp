#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>

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
  // ideographic space U+3000 (E3 80 80); each folds three bytes into one.
  // Both are found with memchr-driven searches and the text between them is
  // copied in one piece. Offsets, not pointers: an empty view may have a
  // null data().
  const FoldTable& folds = Folds();
  const size_t n = source.size();
  constexpr std::string_view kSpace = "\xE3\x80\x80";
  size_t full = source.find('\xEF');
  size_t space = FindText(source, kSpace);
  size_t copied = 0;  // source bytes before this offset are in text_
  while (full != std::string_view::npos || space != std::string_view::npos) {
    const size_t at = std::min(full, space);  // npos is the largest size_t
    char folded = 0;
    if (at == full) {
      if (at + 2 < n && (source[at + 1] == '\xBC' || source[at + 1] == '\xBD')) {
        char32_t c = ((static_cast<unsigned char>(source[at]) & 0x0F) << 12) |
                     ((static_cast<unsigned char>(source[at + 1]) & 0x3F) << 6) |
                     (static_cast<unsigned char>(source[at + 2]) & 0x3F);
        if (c >= 0xFF01 && c <= 0xFF5E) folded = folds.full_width[c - 0xFF01];
      }
      full = source.find('\xEF', at + (folded != 0 ? 3 : 1));
    } else {
      folded = folds.ideographic_space;
      space = FindText(source, kSpace, at + 3);
    }
    if (folded == 0) continue;
    if (copied == 0 && folds_.empty()) text_.reserve(n);
    text_.append(source.data() + copied, at - copied);
    folds_.push_back(static_cast<uint32_t>(text_.size()));
    text_.push_back(folded);
    copied = at + 3;
  }
  if (folds_.empty()) {
    text_.assign(source.data(), n);
  } else {
    text_.append(source.data() + copied, n - copied);
  }
}

uint32_t NormalizedText::ToSource(size_t i) const {
  // Each fold before `i` stands for two source bytes more.
  size_t before = static_cast<size_t>(
      std::lower_bound(folds_.begin(), folds_.end(), static_cast<uint32_t>(i)) - folds_.begin());
  return base_ + static_cast<uint32_t>(i + 2 * before);
}

}  // namespace plancheck
