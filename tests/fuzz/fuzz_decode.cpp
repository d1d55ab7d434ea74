// libFuzzer target: the decoder on arbitrary bytes. It must return text or a
// Status, never crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  plancheck::DecodeBytes(bytes, "");
  if (size > 0 && data[0] % 4 == 0) plancheck::DecodeBytes(bytes.substr(1), "GB18030");
  return 0;
}
