// The period of one quantity: the paragraph's period (set by headings and
// openers, see segment/period.h), refined by the words of its own clause —
// a leading year (2024年底, 到2030年), 由X提高到Y (X is a baseline),
// 累计 (a total), 年均 (an annual average), 过去五年 (a five-year figure).
#pragma once

#include <cstddef>
#include <string_view>

#include "extract/fact.h"
#include "segment/document.h"

namespace plancheck {

// Where a quantity stands in its paragraph, and the sentence-wide words
// before it that bear on its period.
struct QuantityPlace {
  std::string_view text;  // the normalized paragraph
  size_t sentence_start = 0;
  size_t clause_start = 0;
  size_t begin = 0;  // the quantity
  size_t end = 0;
  std::string_view narrow;  // the words between the previous quantity and this one
  bool cumulative = false;  // 累计 earlier in the sentence
  bool five_years = false;  // 过去五年, 五年来 earlier in the sentence
};

// Sets `f->role`, `f->period`, `f->year`, `f->cumulative` and
// `f->multi_year`; `f->measure` must be set.
void ReadPeriod(const Document& doc, const Paragraph& para, const QuantityPlace& place, Fact* f);

}  // namespace plancheck
