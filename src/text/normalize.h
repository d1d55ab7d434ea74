// NormalizedText: a copy of decoded text with full-width forms folded to
// ASCII (NFKC on the Halfwidth and Fullwidth Forms block and the ideographic
// space), plus the positions of the folds, which map every normalized byte
// back to a source byte.
//
// Extraction matches patterns on the normalized copy and turns every match
// back into a source Span through the map; nothing searches the source text
// again to find where a match was.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

class NormalizedText {
 public:
  // Normalizes `source` (valid UTF-8). `base` is added to every mapped offset,
  // so a paragraph can be normalized on its own and still map into the file.
  explicit NormalizedText(std::string_view source = {}, uint32_t base = 0);

  const std::string& text() const { return text_; }
  // Source offset of normalized offset `i` (0 <= i <= text().size()).
  uint32_t ToSource(size_t i) const;

 private:
  std::string text_;
  uint32_t base_ = 0;
  // Normalized offsets of the folded characters, ascending. Every fold
  // replaces three source bytes by one, so this is the whole offset map
  // (most paragraphs have a few dozen; many have none).
  std::vector<uint32_t> folds_;
};

}  // namespace plancheck
