#include "text/normalize.h"

#include <cstring>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/utf8.h"

namespace plancheck {
namespace {

bool FoldsToAscii(char32_t c) { return (c >= 0xFF01 && c <= 0xFF5E) || c == 0x3000; }

const icu::Normalizer2* Nfkc() {
  UErrorCode code = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(code);
  return U_SUCCESS(code) ? nfkc : nullptr;
}

}  // namespace

NormalizedText::NormalizedText(std::string_view source, uint32_t base) : base_(base) {
  // Full-width forms are U+FF01..U+FF5E (EF BC 81 .. EF BD 9E) and the
  // ideographic space U+3000 (E3 80 80).
  bool needs_folding = false;
  for (const char* p = source.data(), *end = source.data() + source.size(); p + 2 < end;) {
    const char* ef = static_cast<const char*>(std::memchr(p, '\xEF', end - p));
    if (ef == nullptr || ef + 2 >= end) break;
    if (ef[1] == '\xBC' || ef[1] == '\xBD') {
      needs_folding = true;
      break;
    }
    p = ef + 1;
  }
  if (!needs_folding && source.find("\xE3\x80\x80") != std::string_view::npos) needs_folding = true;
  if (!needs_folding) {
    text_.assign(source.data(), source.size());
    identity_ = true;
    return;
  }
  text_.reserve(source.size());
  to_source_.reserve(source.size() + 1);
  const icu::Normalizer2* nfkc = Nfkc();
  size_t pos = 0;
  while (pos < source.size()) {
    size_t start = pos;
    char32_t c = NextCodePoint(source, &pos);
    if (FoldsToAscii(c) && nfkc != nullptr) {
      UErrorCode code = U_ZERO_ERROR;
      icu::UnicodeString folded = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), code);
      std::string utf8;
      folded.toUTF8String(utf8);
      if (U_SUCCESS(code) && !utf8.empty()) {
        for (char b : utf8) {
          text_.push_back(b);
          to_source_.push_back(base + static_cast<uint32_t>(start));
        }
        continue;
      }
    }
    for (size_t k = start; k < pos; ++k) {
      text_.push_back(source[k]);
      to_source_.push_back(base + static_cast<uint32_t>(k));
    }
  }
  to_source_.push_back(base + static_cast<uint32_t>(source.size()));
}

}  // namespace plancheck
