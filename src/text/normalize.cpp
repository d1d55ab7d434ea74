#include "text/normalize.h"

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

NormalizedText::NormalizedText(std::string_view source, uint32_t base) {
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
