// Links: the last stage of extraction, relations between the facts of one
// paragraph. A level followed in its sentence by a growth of the same thing
// gets it as its stated growth; the facts after 其中 are parts of the one
// before it; in a run of counts 签约 … 开工 … 投产 each stage is a part of
// the one before.
#pragma once

#include <cstddef>
#include <vector>

#include "extract/fact.h"
#include "extract/lexicon.h"
#include "extract/paragraph_text.h"

namespace plancheck {

// Within facts[first..], the facts of one paragraph: a level followed in its
// sentence by a growth of the same indicator, or of none named ("实现32.2亿元,
// 同比下降1.6%"), gets that growth as its stated growth.
void LinkGrowth(size_t first, std::vector<Fact>* facts);

// Within facts[first..], the facts of `paragraph` in text order: sets
// part_of for the parts after 其中 and for funnel stages (words.toml
// [extract] stages), and each count's stage.
void LinkParts(const ParagraphText& paragraph, const ExtractWords& words, size_t first,
               std::vector<Fact>* facts);

}  // namespace plancheck
