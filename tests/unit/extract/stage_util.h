// A paragraph of text as the extraction stages read it, for their tests.
#pragma once

#include <memory>
#include <string>

#include "extract/paragraph_text.h"
#include "text/normalize.h"
#include "text/source_file.h"

namespace plancheck::testing {

class Paragraph {
 public:
  explicit Paragraph(const std::string& text)
      : file_("test.txt", text, "UTF-8"), nt_(file_.text()), text_(file_, nt_) {}
  const ParagraphText& text() const { return text_; }
  // The source text of normalized offsets [begin, end).
  std::string Source(size_t begin, size_t end) const {
    return std::string(file_.Slice(text_.SourceSpan(begin, end)));
  }

 private:
  SourceFile file_;
  NormalizedText nt_;
  ParagraphText text_;
};

}  // namespace plancheck::testing
