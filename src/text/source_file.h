// SourceFile: one decoded report or rule file, with a line index.
//
// `text` is UTF-8 without a byte-order mark; line ends (LF, CRLF, CR) are kept
// in the text and recognized by the line index, so byte offsets stay offsets
// into the decoded source. Immutable after construction; safe to share
// between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"

namespace plancheck {

struct Position {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in Unicode code points
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text, std::string encoding);
  // Text read out of another file, a web page (html.h): `origin` is the
  // page's own source and `offsets[i]` the byte of it that byte i of `text`
  // came from (text.size() + 1 entries). PositionOf and the lines stay
  // those of `text`, which every stage reads; Locate gives the page's.
  SourceFile(std::string path, std::string text, std::string encoding,
             std::unique_ptr<SourceFile> origin, std::vector<uint32_t> offsets);
  ~SourceFile();

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const std::string& encoding() const { return encoding_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  // The 1-based line and code-point column of a byte offset.
  Position PositionOf(size_t offset) const;
  // Byte offset where 1-based `line` starts, and the line's text without its
  // line terminator.
  size_t LineStart(int line) const { return line_starts_[line - 1]; }
  std::string_view LineText(int line) const;

  // Where a reader finds an offset of text(): PositionOf, or for text read
  // out of a page the line and column in the page's source. LocateEnd is
  // for a span's end (one past its last character).
  Position Locate(size_t offset) const { return located().PositionOf(LocatedOffset(offset)); }
  Position LocateEnd(size_t end) const { return located().PositionOf(LocatedEnd(end)); }
  // The file Locate counts in (this one or the page's source), and an
  // offset of text() as an offset of it.
  const SourceFile& located() const { return origin_ ? *origin_ : *this; }
  size_t LocatedOffset(size_t offset) const;
  size_t LocatedEnd(size_t end) const;

  std::string_view Slice(const Span& span) const {
    return std::string_view(text_).substr(span.begin, span.end - span.begin);
  }
  Span MakeSpan(size_t begin, size_t end) const {
    return Span{this, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  }

 private:
  std::string path_;
  std::string text_;
  std::string encoding_;
  std::vector<size_t> line_starts_;
  // Code points before every kCheckpoint-th byte, so that a column in a
  // paragraph of megabytes is found in constant time.
  static constexpr size_t kCheckpoint = 1024;
  std::vector<uint32_t> code_points_before_;
  size_t CodePointsBefore(size_t offset) const;
  std::unique_ptr<SourceFile> origin_;    // a page's own source, or null
  std::vector<uint32_t> origin_offsets_;  // with origin_: per byte of text_
};

}  // namespace plancheck
