#include "text/width.h"

#include <unicode/uchar.h>

#include "base/utf8.h"

namespace plancheck {

int CodePointWidth(char32_t c) {
  if (c < 0x20 || c == 0x7F) return 0;
  if (c < 0x7F) return 1;
  int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  int ea = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

int DisplayWidth(std::string_view utf8) {
  int width = 0;
  size_t pos = 0;
  while (pos < utf8.size()) width += CodePointWidth(NextCodePoint(utf8, &pos));
  return width;
}

}  // namespace plancheck
