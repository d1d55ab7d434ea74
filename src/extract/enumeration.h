// Enumeration: names listed right before the count of them — "新建东城、葭萌2所
// 公办幼儿园" names two kindergartens and counts 2; with 等 ("虎跳、清水等4个
// 乡镇") the names are examples of the 4.
//
// Read strictly, because a count beside a list is far more often something
// else: each number counting its own noun (42个示范村、22个示范片区), a
// duration (连续24个月), a name with a numeral (中央八项规定), tiers of one
// noun (国家级、省级龙头企业5家, read where the noun comes after the count).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"

namespace plancheck {

struct Enumeration {
  int names = 0;     // how many are named
  bool etc = false;  // 等: the names are examples
  std::string text;  // the names as listed, joined by 、 (新建东城、葭萌)
  Span span;         // the names and the count, in the source (set by the extractor)
};

// The names in `before` (the clause's words up to the number, no other
// quantity among them) counted by the quantity `number` (as printed: 2所,
// 两个); `after` is the text after it. An item that is, or ends in, one of
// `verbs` (新建、重组11家) is no name.
std::optional<Enumeration> ReadEnumeration(std::string_view before, std::string_view number,
                                           std::string_view after,
                                           const std::vector<std::string>& verbs);

}  // namespace plancheck
