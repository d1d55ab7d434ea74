#include "text/source_file.h"

#include <algorithm>

#include "base/utf8.h"

namespace plancheck {

SourceFile::SourceFile(std::string path, std::string text, std::string encoding)
    : path_(std::move(path)), text_(std::move(text)), encoding_(std::move(encoding)) {
  line_starts_.push_back(0);
  if (text_.find('\r') == std::string::npos) {
    // Only \n ends lines: memchr from one to the next.
    for (size_t at = text_.find('\n'); at != std::string::npos; at = text_.find('\n', at + 1))
      line_starts_.push_back(at + 1);
  } else {
    for (size_t i = 0; i < text_.size(); ++i) {
      char c = text_[i];
      if (c == '\n' || (c == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
        line_starts_.push_back(i + 1);
      }
    }
  }
  uint32_t count = 0;
  code_points_before_.reserve(text_.size() / kCheckpoint + 1);
  for (size_t chunk = 0; chunk < text_.size(); chunk += kCheckpoint) {
    code_points_before_.push_back(count);
    size_t end = std::min(text_.size(), chunk + kCheckpoint);
    uint32_t lead = 0;
    for (size_t i = chunk; i < end; ++i) lead += !IsTrailByte(text_[i]);
    count += lead;
  }
}

SourceFile::SourceFile(std::string path, std::string text, std::string encoding,
                       std::unique_ptr<SourceFile> origin, std::vector<uint32_t> offsets)
    : SourceFile(std::move(path), std::move(text), std::move(encoding)) {
  origin_ = std::move(origin);
  origin_offsets_ = std::move(offsets);
  origin_offsets_.resize(text_.size() + 1, static_cast<uint32_t>(origin_->text().size()));
}

SourceFile::~SourceFile() = default;

size_t SourceFile::LocatedOffset(size_t offset) const {
  if (!origin_) return offset;
  return origin_offsets_[std::min(offset, text_.size())];
}

size_t SourceFile::LocatedEnd(size_t end) const {
  if (!origin_ || end == 0) return LocatedOffset(end);
  // One past the source of the span's last character: the character itself,
  // or a whole character reference (&amp;) it was decoded from.
  const std::string& source = origin_->text();
  size_t at = origin_offsets_[PrevCodePointStart(text_, std::min(end, text_.size()))];
  if (at >= source.size()) return source.size();
  if (source[at] == '&') {
    // A reference is short: look no further than its longest name.
    size_t semi = std::string_view(source).substr(at, 33).find(';');
    if (semi != std::string_view::npos) return at + semi + 1;
  }
  // One character on, whatever byte `at` is (a page's offsets are kept on
  // character boundaries, but never read past the end on trust).
  return std::min(at + CharBytes(source[at]), source.size());
}

size_t SourceFile::CodePointsBefore(size_t offset) const {
  if (code_points_before_.empty()) return 0;
  size_t k = std::min(offset / kCheckpoint, code_points_before_.size() - 1);
  size_t base = k * kCheckpoint;
  return code_points_before_[k] +
         CountCodePoints(std::string_view(text_).substr(base, offset - base));
}

Position SourceFile::PositionOf(size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  int line = static_cast<int>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  return Position{line, static_cast<int>(CodePointsBefore(offset) - CodePointsBefore(start)) + 1};
}

std::string_view SourceFile::LineText(int line) const {
  size_t start = line_starts_[line - 1];
  size_t end = line < line_count() ? line_starts_[line] : text_.size();
  while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(start, end - start);
}

}  // namespace plancheck
