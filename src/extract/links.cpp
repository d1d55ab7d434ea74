#include "extract/links.h"

#include <algorithm>
#include <string>

#include "base/utf8.h"

namespace plancheck {

void LinkGrowth(size_t first, std::vector<Fact>* facts) {
  for (size_t i = first; i + 1 < facts->size(); ++i) {
    Fact& f = (*facts)[i];
    const Fact& g = (*facts)[i + 1];
    if (f.measure != Measure::kLevel || g.measure != Measure::kGrowth || f.sentence != g.sentence)
      continue;
    if (g.indicator != nullptr && g.indicator != f.indicator) continue;
    f.stated_growth = g.value;
    f.stated_growth_tolerance = g.tolerance;
  }
}

void LinkParts(const ParagraphText& paragraph, const ExtractWords& words, size_t first,
               std::vector<Fact>* facts) {
  const std::string& t = paragraph.text;
  const NormalizedText& nt = paragraph.nt;
  auto offset_of = [&](const Fact& f) {
    // Normalized offset of a fact: search the map (monotonic) for its begin.
    size_t lo = 0, hi = t.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (nt.ToSource(mid) < f.span.begin)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  };
  std::vector<size_t> at;
  for (size_t i = first; i < facts->size(); ++i) at.push_back(offset_of((*facts)[i]));
  size_t pos = 0;
  while ((pos = FindText(t, "其中", pos)) != std::string::npos) {
    // The parts run to the end of the sentence when 其中 stands alone
    // ("其中：A…；B…"), else to the end of 其中's own clause
    // ("其中南北山绿化工程43万亩，修复治理退化草原517万亩" names one part).
    size_t end = FindText(t, "。", pos);
    if (end == std::string::npos) end = t.size();
    const bool alone = WordAt(t, pos + 6, ",") || WordAt(t, pos + 6, ":");
    if (!alone) end = std::min({end, FindText(t, ",", pos), FindText(t, ";", pos)});
    // The whole: the last fact before 其中 (offsets are in text order).
    size_t split = static_cast<size_t>(std::lower_bound(at.begin(), at.end(), pos) - at.begin());
    if (split > 0) {
      int whole = static_cast<int>(first + split - 1);
      const Fact& w = (*facts)[whole];
      for (size_t k = split; k < at.size() && at[k] < end; ++k) {
        Fact& part = (*facts)[first + k];
        if (part.measure == w.measure && part.unit == w.unit && part.list.kind != ListKind::kEach)
          part.part_of = whole;
      }
    }
    pos += 6;
  }
  // Funnels: stage words at the start of each fact's own words.
  for (size_t i = first; i < facts->size(); ++i) {
    Fact& f = (*facts)[i];
    if (f.dimension != "count" || f.measure != Measure::kLevel) continue;
    std::string subject = f.subject;
    for (std::string_view prefix : {"累计", "新", "已"})
      if (StartsWith(subject, prefix)) subject.erase(0, prefix.size());
    for (const ExtractWords::Valued& stage : words.stages) {
      if (StartsWith(subject, stage.words)) {
        f.stage = stage.value;
        break;
      }
    }
  }
  for (size_t i = first + 1; i < facts->size(); ++i) {
    Fact& f = (*facts)[i];
    const Fact& prev = (*facts)[i - 1];
    if (f.stage > 0 && prev.stage >= 0 && prev.stage < f.stage && prev.sentence == f.sentence &&
        prev.unit == f.unit && f.part_of < 0)
      f.part_of = static_cast<int>(i - 1);
  }
}

}  // namespace plancheck
