#include "text/decode.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <vector>

#include "base/utf8.h"

namespace plancheck {
namespace {

std::string Hex(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// The one place where ICU's UErrorCode becomes a Status.
Status IcuStatus(UErrorCode code, const std::string& what) {
  if (U_SUCCESS(code)) return Status::Ok();
  return Status::Error(what + ": " + u_errorName(code));
}

// Converts `bytes` from `charset` strictly: the first undecodable or
// truncated sequence is an error naming its offset (relative to `base`).
Result<std::string> ConvertStrict(std::string_view bytes, const std::string& charset, size_t base) {
  UErrorCode code = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset.c_str(), &code),
                                                          &ucnv_close);
  if (U_FAILURE(code)) return Status::Error("unknown encoding '" + charset + "'");
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &code);
  if (Status s = IcuStatus(code, "cannot set up converter"); !s.ok()) return s;

  std::vector<UChar> utf16(bytes.size() + 16);
  UChar* target = utf16.data();
  const char* source = bytes.data();
  ucnv_toUnicode(conv.get(), &target, utf16.data() + utf16.size(), &source,
                 bytes.data() + bytes.size(), nullptr, /*flush=*/true, &code);
  if (U_FAILURE(code)) {
    char invalid[32];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &invalid_length, &ignored);
    size_t consumed = static_cast<size_t>(source - bytes.data());
    size_t offset = base + consumed - std::min<size_t>(consumed, invalid_length);
    std::string what = code == U_TRUNCATED_CHAR_FOUND ? "truncated character" : "undecodable byte";
    if (code != U_TRUNCATED_CHAR_FOUND && invalid_length > 0)
      what += " " + Hex(static_cast<unsigned char>(invalid[0]));
    return Status::Error(what + " at byte offset " + std::to_string(offset) + " (as " + charset +
                         ")");
  }
  int32_t utf16_length = static_cast<int32_t>(target - utf16.data());
  int32_t utf8_length = 0;
  code = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &utf8_length, utf16.data(), utf16_length, &code);
  std::string out(utf8_length, '\0');
  code = U_ZERO_ERROR;
  u_strToUTF8(out.data(), utf8_length, nullptr, utf16.data(), utf16_length, &code);
  if (Status s = IcuStatus(code, "cannot convert to UTF-8"); !s.ok()) return s;
  return out;
}

// A control character other than tab, line ends and form feed marks binary
// input. Returns its offset in `text`, or npos.
size_t FindBinaryByte(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return i;
    if (c == 0x7F) return i;
  }
  return std::string_view::npos;
}

// What ICU's detector makes of bytes that are not UTF-8; "" when it has no
// opinion worth trusting.
std::string DetectCharset(std::string_view bytes) {
  UErrorCode code = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&code), &ucsdet_close);
  if (U_FAILURE(code)) return "";
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &code);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &code);
  if (U_FAILURE(code) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &code);
  return U_SUCCESS(code) && name ? name : "";
}

// Counts multi-byte UTF-8 sequences in a prefix known to be valid.
size_t CountMultibyte(std::string_view valid_prefix) {
  size_t n = 0;
  for (char c : valid_prefix) n += (static_cast<unsigned char>(c) & 0xC0) == 0xC0;
  return n;
}

Result<Decoded> Finish(std::string text, std::string encoding) {
  if (size_t bad = FindBinaryByte(text); bad != std::string::npos) {
    return Status::Error("binary file (control byte " + Hex(static_cast<unsigned char>(text[bad])) +
                         " at byte offset " + std::to_string(bad) + " of the decoded text)");
  }
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
                             text[i] == '\r' || text[i] == '\f'))
    ++i;
  if (i == text.size()) return Status::Error("empty file (nothing but white space)");
  return Decoded{std::move(text), std::move(encoding)};
}

}  // namespace

Result<Decoded> DecodeBytes(std::string_view bytes, const std::string& encoding) {
  if (bytes.empty()) return Status::Error("empty file");

  if (!encoding.empty()) {
    size_t skip = 0;
    Result<std::string> text = ConvertStrict(bytes.substr(skip), encoding, skip);
    if (!text.ok()) return text.status();
    std::string t = std::move(text.value());
    if (t.compare(0, 3, "\xEF\xBB\xBF") == 0) t.erase(0, 3);  // a BOM decoded as U+FEFF
    return Finish(std::move(t), encoding);
  }

  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts("\xEF\xBB\xBF")) {
    std::string_view body = bytes.substr(3);
    if (size_t bad = FindInvalidUtf8(body); bad != std::string_view::npos) {
      return Status::Error("invalid UTF-8 byte " + Hex(static_cast<unsigned char>(body[bad])) +
                           " at byte offset " + std::to_string(bad + 3));
    }
    return Finish(std::string(body), "UTF-8");
  }
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    std::string charset = starts("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    Result<std::string> text = ConvertStrict(bytes.substr(2), charset, 2);
    if (!text.ok()) return text.status();
    return Finish(std::move(text.value()), charset);
  }

  size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) {
    if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
      return Status::Error("binary file (NUL byte at byte offset " + std::to_string(nul) +
                           "; for UTF-16 without a BOM pass --encoding UTF-16LE or UTF-16BE)");
    }
    return Finish(std::string(bytes), "UTF-8");
  }
  // Mostly UTF-8 with a broken sequence: say where, do not guess another
  // encoding for the whole file.
  if (CountMultibyte(bytes.substr(0, bad)) >= 2) {
    return Status::Error("invalid UTF-8 byte " + Hex(static_cast<unsigned char>(bytes[bad])) +
                         " at byte offset " + std::to_string(bad));
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Status::Error("binary file (NUL byte at byte offset " + std::to_string(nul) +
                         "; for UTF-16 without a BOM pass --encoding UTF-16LE or UTF-16BE)");
  }
  std::string detected = DetectCharset(bytes);
  // Chinese legacy encodings are what reports come in; GB18030 is a superset
  // of GBK and GB2312. Anything else the detector says is too weak a guess.
  std::string charset = detected == "Big5" ? "Big5" : "GB18030";
  Result<std::string> text = ConvertStrict(bytes, charset, 0);
  if (!text.ok()) {
    return Status::Error("not UTF-8 (invalid byte " + Hex(static_cast<unsigned char>(bytes[bad])) +
                         " at byte offset " + std::to_string(bad) + ") and not " + charset + ": " +
                         text.status().message() + "; pass --encoding NAME");
  }
  return Finish(std::move(text.value()), charset);
}

Result<Decoded> DecodeOwnedBytes(std::string&& bytes, const std::string& encoding) {
  // No BOM, valid UTF-8, no control bytes: what the checks below would
  // accept as UTF-8 unchanged, found in one pass.
  std::string_view view(bytes);
  if (encoding.empty() && !view.empty() && view[0] != '\xEF' && view[0] != '\xFF' &&
      view[0] != '\xFE' && IsCleanUtf8Text(view)) {
    if (view.find_first_not_of(" \t\n\r\f") == std::string_view::npos)
      return Status::Error("empty file (nothing but white space)");
    return Decoded{std::move(bytes), "UTF-8"};
  }
  return DecodeBytes(view, encoding);
}

namespace {

Status TooLarge(size_t max_bytes) {
  return Status::Error("larger than the input limit of " + std::to_string(max_bytes >> 20) +
                       " MB (--max-input-mb raises it)");
}

}  // namespace

Result<std::string> ReadFileBytes(const std::string& path, size_t max_bytes) {
  int fd = STDIN_FILENO;
  struct stat st;
  if (path != "-") {
    if (stat(path.c_str(), &st) != 0) {
      return Status::Error(errno == ENOENT ? "no such file" : std::strerror(errno));
    }
    if (S_ISDIR(st.st_mode)) return Status::Error("is a directory");
    if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes)
      return TooLarge(max_bytes);
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::Error(std::strerror(errno));
  } else if (fstat(fd, &st) != 0) {
    st.st_mode = 0;
  }
  // One read() into the string's own buffer for a regular file; a device or
  // pipe is read until it ends or passes the limit.
  std::string data;
  size_t size = 0;
  if (S_ISREG(st.st_mode)) data.resize(static_cast<size_t>(st.st_size) + 1);
  Status error = Status::Ok();
  while (true) {
    if (size > max_bytes) {
      error = TooLarge(max_bytes);
      break;
    }
    if (data.size() == size)
      data.resize(std::min(std::max<size_t>(data.size() * 2, 1 << 16), max_bytes + 2));
    ssize_t n = read(fd, data.data() + size, data.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = Status::Error(errno == EISDIR ? "is a directory"
                                            : std::string("read error: ") + std::strerror(errno));
      break;
    }
    if (n == 0) break;
    size += static_cast<size_t>(n);
  }
  if (fd != STDIN_FILENO) close(fd);
  if (!error.ok()) return error;
  data.resize(size);
  return data;
}

Result<std::vector<std::string>> ListFiles(const std::string& dir, std::string_view suffix) {
  std::error_code error;
  std::vector<std::string> names;
  for (std::filesystem::directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix.data(), suffix.size()) == 0)
      names.push_back(name);
  }
  if (error) return Status::Error(error.message());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace plancheck
