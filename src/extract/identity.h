// Identity: what a number counts, read so that two figures of one thing meet
// whatever words each paragraph puts around them.
//
// 新建50个区域养老服务中心 (2025) and 新建20个区域养老服务中心 (2026) count the
// same 区域养老服务中心; 老旧小区改造完工1225个 and 改造完工老旧小区300个以上 the
// same 老旧小区. The key is the subject read on either side of the number
// with verbs of doing, manner words, the report's own scope and list
// separators taken out, and spellings folded (rules/words.toml). An
// indicator of the lexicon gives its canonical name instead, but only when
// nothing but such words stands before its alias: 人均, 海洋, 都市圈 or 每万人
// in front make another indicator.
#pragma once

#include <string>
#include <string_view>

#include "extract/lexicon.h"

namespace plancheck {

class IdentityReader {
 public:
  explicit IdentityReader(const IdentityWords& words) : words_(words) {}

  // Whether `before`, the words in front of an indicator's alias within its
  // noun phrase, narrow what the alias names (人均, 海洋, 武汉都市圈).
  bool NarrowsAlias(std::string_view before) const;

  // The noun a number counts when it comes after it: "新建20个区域养老服务中心"
  // → 区域养老服务中心. `after` is the text right after the quantity.
  std::string NounAfter(std::string_view after) const;

  // The subject with the words that do not change what is counted taken out.
  std::string Normalize(std::string_view subject) const;

  // The identity key of a count or amount from the words before its number
  // and the noun after it, or "" when they name nothing specific.
  std::string Key(std::string_view before, std::string_view noun_after) const;

  // A verb of doing (新建, 改造, 完成, 培育): the figure is what was done.
  bool NamesAction(std::string_view clause) const;
  // 累计, 总数: the figure is a stock.
  bool NamesStock(std::string_view before) const;
  // 控制在, 压减: less is better.
  bool NamesCap(std::string_view before) const;

 private:
  // Removes every occurrence of each word of `list` from `text`.
  static void RemoveAll(const std::vector<std::string>& list, std::string* text);
  bool IsGeneric(std::string_view key) const;

  const IdentityWords& words_;
};

}  // namespace plancheck
