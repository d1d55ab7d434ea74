#include "extract/lists.h"

#include <algorithm>
#include <optional>

#include "base/utf8.h"

namespace plancheck {

namespace {

// The last index of the run of values that starts at found[first]: values
// separated only by 、 和 与 及 (or a comma between values of one unit).
size_t RunEnd(const std::string& t, const std::vector<RawQuantity>& found, size_t first) {
  size_t last = first;
  while (last + 1 < found.size()) {
    std::string_view gap(t.data() + found[last].end, found[last + 1].begin - found[last].end);
    if (gap == "、" || gap == "和" || gap == "与" || gap == "及" || gap == "," || gap == "，" ||
        gap == "、增长" || gap == "、下降")
      ++last;
    else
      break;
    if (gap == "," && !(found[first].fact.unit == found[last].fact.unit)) {
      --last;
      break;
    }
  }
  return last;
}

// The kind of list a run of `values` values makes after the clause words
// `head`, and the text that names its items (kNone: no list).
ListKind KindOf(const std::string& head, size_t values, std::string* items_text) {
  size_t fenbie = RFindText(head, "分别");
  // 均 distributes a value over the items before it ("A、B均增长5%"); in
  // 年均, 平均, 人均 it is part of another word.
  size_t jun = RFindText(head, "均");
  while (jun != std::string::npos && jun >= 3 &&
         (head.compare(jun - 3, 3, "年") == 0 || head.compare(jun - 3, 3, "平") == 0 ||
          head.compare(jun - 3, 3, "人") == 0 || head.compare(jun - 3, 3, "户") == 0))
    jun = RFindText(head, "均", jun - 3);
  if (fenbie != std::string::npos) {
    *items_text = head.substr(0, fenbie);
    return values == 1 ? ListKind::kEach : ListKind::kRespectively;
  }
  if (values == 1 && jun != std::string::npos && jun + 3 >= head.size() - 9) {
    *items_text = head.substr(0, jun);
    return ListKind::kEach;
  }
  // 都 after named items distributes the same way ("二氧化硫、化学需氧量排放量都要
  // 减少2%"); elsewhere it is part of a name (首都, 成都).
  const size_t dou = RFindText(head, "都");
  if (values == 1 && dou != std::string::npos && dou + 3 >= head.size() - 9 &&
      ContainsText(std::string_view(head).substr(0, dou), "、")) {
    *items_text = head.substr(0, dou);
    return ListKind::kEach;
  }
  if (values >= 2) {
    *items_text = head;
    return ListKind::kPairwise;
  }
  return ListKind::kNone;
}

// Where the last item's own words end and the head it shares begins: after
// the last two characters of the shortest item before it where the last
// item has them too (高技术制造业、装备制造业增加值: 增加值), else as many
// characters in as that item is long (供热、燃气、排水管网: 管网).
size_t HeadStart(const std::string& shortest, const std::string& last) {
  size_t tail = shortest.size();
  for (int n = 0; n < 2 && tail > 0; ++n) tail = PrevCodePointStart(shortest, tail);
  const std::string_view word = std::string_view(shortest).substr(tail);
  const size_t at = word.empty() ? std::string::npos : RFindText(last, word);
  if (at != std::string::npos && at > 0 && at + word.size() < last.size()) return at + word.size();
  size_t cut = 0;
  for (size_t n = CountCodePoints(shortest); n > 0 && cut < last.size(); --n)
    NextCodePoint(last, &cut);
  return cut;
}

// The last item usually carries the shared head noun: 一本、本科上线人数,
// 城镇、农村居民人均可支配收入, 肉、奶产量; it is given to the shorter items
// before it. Not when they end as it does (they carry the head already:
// 刑事立案数、道路交通事故数), nor to an item the lexicon names whole
// (二氧化硫 in 二氧化硫、化学需氧量排放量).
void ShareHead(const Lexicon& lexicon, std::vector<std::string>* list) {
  std::vector<std::string>& items = *list;
  if (items.size() < 2) return;
  const std::string& last = items.back();
  size_t shortest = 0;
  bool same_end = true;
  const size_t last_char = PrevCodePointStart(last, last.size());
  const std::string_view last_end = std::string_view(last).substr(last_char);
  for (size_t k = 0; k + 1 < items.size(); ++k) {
    if (CountCodePoints(items[k]) < CountCodePoints(items[shortest])) shortest = k;
    same_end = same_end && EndsWith(items[k], last_end);
  }
  if (same_end || CountCodePoints(last) < CountCodePoints(items[shortest]) + 2) return;
  const size_t head = HeadStart(items[shortest], last);
  std::string shared = last.substr(head);
  // 食品、石化、医药、信息等产业增加值: the items are the examples and 等 closes
  // them; each item is one of the category.
  for (const std::string& word : lexicon.identity_words().examples_end) {
    if (!StartsWith(shared, word)) continue;
    shared.erase(0, word.size());
    items.back().erase(head, word.size());
    break;
  }
  if (CountCodePoints(shared) < 2) return;
  for (size_t k = 0; k + 1 < items.size(); ++k) {
    std::optional<IndicatorMatch> named = lexicon.FindIndicator(items[k], "", "");
    if (named && named->begin == 0 && named->end == items[k].size()) continue;
    if (!EndsWith(items[k], shared)) items[k] += shared;
  }
}

}  // namespace

std::vector<std::string> SplitItems(std::string_view text, size_t values, bool each,
                                    const Lexicon& lexicon) {
  std::vector<std::string> items;
  size_t start = 0;
  for (size_t p = 0; p <= text.size();) {
    size_t len = 0;
    for (std::string_view s : {"、", "和", "与", "及"})
      if (len == 0 && WordAt(text, p, s)) len = s.size();
    if (p == text.size() || len > 0) {
      if (p > start) items.emplace_back(text.substr(start, p - start));
      if (p == text.size()) break;
      p += len;
      start = p;
    } else {
      NextCodePoint(text, &p);
    }
  }
  if (items.size() == 1) {
    for (const Compound& c : lexicon.compounds()) {
      size_t at = FindText(items[0], c.word);
      if (at != std::string::npos && (c.parts.size() == values || each)) {
        std::vector<std::string> expanded;
        for (const std::string& part : c.parts) {
          std::string item = items[0];
          item.replace(at, c.word.size(), part);
          expanded.push_back(item);
        }
        items = expanded;
        break;
      }
    }
  }
  ShareHead(lexicon, &items);
  return items;
}

void ListReader::Assign(const std::string& item, Fact* f) const {
  f->subject = item;
  bool level = f->measure == Measure::kRate || f->measure == Measure::kLevel;
  std::optional<IndicatorMatch> m =
      lexicon_.FindIndicator(item, level ? f->dimension : "", level ? f->unit : "");
  if (m) f->indicator = m->indicator;
  // Each item is its own thing: 游客人次、旅游花费均增长10%.
  f->noun = identity_.Key(item, "");
  f->key = identity_.KeyOf(m ? m->indicator : nullptr, f->noun);
}

std::vector<Fact> ListReader::Read(const ParagraphText& p, std::vector<RawQuantity>* in,
                                   int* next_list_id) const {
  std::vector<RawQuantity>& found = *in;
  const std::string& t = p.text;
  std::vector<Fact> out;
  out.reserve(found.size());
  auto keep_as_they_are = [&](size_t from, size_t to) {
    for (size_t k = from; k <= to; ++k) out.push_back(std::move(found[k].fact));
  };
  for (size_t qi = 0; qi < found.size(); ++qi) {
    const size_t last = RunEnd(t, found, qi);
    const size_t values = last - qi + 1;
    const size_t sentence_start = p.bounds.SentenceStart(found[qi].begin);
    const size_t clause_start = p.bounds.ClauseStart(sentence_start, found[qi].begin);
    const std::string head(t.data() + clause_start, found[qi].begin - clause_start);
    std::string items_text;
    const ListKind kind = KindOf(head, values, &items_text);
    if (kind == ListKind::kNone) {
      keep_as_they_are(qi, last);
      qi = last;
      continue;
    }
    const std::string trimmed = TrimNoise(items_text, lexicon_.extract_words());
    std::vector<std::string> items = SplitItems(trimmed, values, kind == ListKind::kEach, lexicon_);
    if (kind == ListKind::kPairwise && items.size() != values) {
      // Not a list after all: values that merely follow each other.
      keep_as_they_are(qi, last);
      qi = last;
      continue;
    }
    // Items as 、 alone separates them: 和 may be part of a name (软件和信息服务业).
    int commas = 1;
    for (size_t at = 0; (at = FindText(trimmed, "、", at)) != std::string::npos; at += 3) ++commas;
    std::string names;
    for (const std::string& item : items) names += (names.empty() ? "" : "、") + item;
    const int id = (*next_list_id)++;
    const Span list_span = p.SourceSpan(clause_start, found[last].end);
    auto mark = [&](size_t index, size_t list_values, Fact* f) {
      f->list.id = id;
      f->list.kind = kind;
      f->list.items = static_cast<int>(items.size());
      f->list.commas = commas;
      f->list.names = names;
      f->list.values = static_cast<int>(list_values);
      f->list.index = static_cast<int>(index);
      f->list.span = list_span;
    };
    if (kind == ListKind::kEach) {
      const Fact base = std::move(found[qi].fact);
      for (size_t k = 0; k < std::max<size_t>(items.size(), 1); ++k) {
        Fact f = base;
        mark(k, 1, &f);
        if (k < items.size()) Assign(items[k], &f);
        out.push_back(std::move(f));
      }
    } else {
      const Fact& first = found[qi].fact;
      for (size_t k = qi; k <= last; ++k) {
        Fact& f = found[k].fact;
        mark(k - qi, values, &f);
        // Values after the first share the first one's direction word.
        if (k > qi && f.direction == 0 && first.direction != 0) {
          f.direction = first.direction;
          if (f.measure == Measure::kRate) f.measure = first.measure;
          if (f.direction < 0 && f.value > 0) f.value = -f.value;
        }
        if (items.size() == values) Assign(items[k - qi], &f);
        out.push_back(std::move(f));
      }
    }
    qi = last;
  }
  return out;
}

}  // namespace plancheck
