// Decoding: raw bytes of a report to UTF-8 text, with ICU.
//
// Detects a BOM (UTF-8, UTF-16 LE/BE), then valid UTF-8, then asks ICU's
// charset detector (ucsdet) and converts strictly with ucnv: an undecodable
// byte is an error naming its byte offset, never a replacement character.
// Binary input (NUL or other control bytes) is rejected.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace plancheck {

struct Decoded {
  std::string text;      // UTF-8, no BOM
  std::string encoding;  // canonical name of what was found: UTF-8, GB18030, UTF-16LE ...
};

// `encoding` overrides detection when not empty (any name ICU knows).
// Failure messages say what is wrong without the file name ("empty file",
// "undecodable byte 0xFF at byte offset 12 (as GB18030)").
Result<Decoded> DecodeBytes(std::string_view bytes, const std::string& encoding);
// The same; clean UTF-8 (the usual report) is moved into the result, not
// copied.
Result<Decoded> DecodeOwnedBytes(std::string&& bytes, const std::string& encoding);

// The size past which ReadFileBytes refuses a file unless told otherwise:
// a hundred times the longest report, so that /dev/zero or an endless pipe
// ends with an error in a second instead of filling memory.
constexpr size_t kDefaultMaxInputBytes = size_t{64} << 20;

// Reads a whole file (or standard input for "-") into memory; an error when
// it holds more than `max_bytes`.
Result<std::string> ReadFileBytes(const std::string& path,
                                  size_t max_bytes = kDefaultMaxInputBytes);

// The names (not paths) of the files in `dir` ending in `suffix`, sorted.
Result<std::vector<std::string>> ListFiles(const std::string& dir, std::string_view suffix);

}  // namespace plancheck
