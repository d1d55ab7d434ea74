// Span: a half-open range of byte offsets into one SourceFile's decoded text.
//
// Every location inside plancheck is a Span. Lines and columns are computed
// only when rendering (SourceFile::Position). The SourceFile must outlive
// every Span that points into it.
#pragma once

#include <cstdint>

namespace plancheck {

class SourceFile;

struct Span {
  const SourceFile* file = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != nullptr; }
  uint32_t size() const { return end - begin; }
};

}  // namespace plancheck
