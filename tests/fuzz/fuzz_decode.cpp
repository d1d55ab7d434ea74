// libFuzzer target: the decoder on arbitrary bytes. It must return text or a
// Status, never crash, hang or read out of bounds; and the one-pass path for
// owned bytes (DecodeOwnedBytes) must give exactly what the step-by-step
// path gives, text or message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  plancheck::Result<plancheck::Decoded> borrowed = plancheck::DecodeBytes(bytes, "");
  plancheck::Result<plancheck::Decoded> owned = plancheck::DecodeOwnedBytes(std::string(bytes), "");
  if (borrowed.ok() != owned.ok()) std::abort();
  if (borrowed.ok() && (borrowed->text != owned->text || borrowed->encoding != owned->encoding))
    std::abort();
  if (!borrowed.ok() && borrowed.status().message() != owned.status().message()) std::abort();
  if (size > 0 && data[0] % 4 == 0) plancheck::DecodeBytes(bytes.substr(1), "GB18030");
  return 0;
}
