#include "extract/enumeration.h"

#include <vector>

#include "base/utf8.h"

namespace plancheck {
namespace {

// What a count followed by these measures is not a count of items: 连续24个月,
// 3个千亿元台阶, 12.7个百分点.
constexpr std::string_view kNotItems[] = {"月",   "年",     "天", "日",   "小时", "周",
                                          "台阶", "百分点", "倍", "千亿", "万亿", "百亿"};
// Words that end a list's last item when a verb, not a name, stands before
// the number: 各有20家, 共3个, 连续5年.
constexpr std::string_view kVerbEnds[] = {"各", "有", "共", "均",   "达",   "为",   "连续", "累计",
                                          "超", "近", "约", "分别", "新增", "建成", "完成"};
constexpr size_t kMaxName = 8 * 3;  // a name: at most eight characters

size_t Chars(std::string_view s) {
  size_t n = 0;
  for (size_t at = 0; at < s.size(); NextCodePoint(s, &at)) ++n;
  return n;
}

bool IsName(std::string_view item) {
  if (item.empty() || item.size() > kMaxName) return false;
  for (char c : item) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80) return false;  // digits, ASCII punctuation: not a name
  }
  for (std::string_view mark : {"，", "；", "：", "“", "”"})
    if (ContainsText(item, mark)) return false;
  return true;
}

}  // namespace

std::optional<Enumeration> ReadEnumeration(std::string_view before, std::string_view number,
                                           std::string_view after,
                                           const std::vector<std::string>& verbs) {
  // A range (1—2个) is no count of names.
  if (ContainsText(number, "—") || ContainsText(number, "-") || ContainsText(number, "~") ||
      ContainsText(number, "至"))
    return std::nullopt;
  // 两所, 两个 count a short list; other spelt-out numerals are names (八项规定).
  if (FindDigit(number) == std::string_view::npos && !StartsWith(number, "两")) return std::nullopt;
  for (std::string_view w : kNotItems)
    if (StartsWith(after, w)) return std::nullopt;
  // A list item joined right before the number ("设计公园和85个口袋公园") makes
  // the count an item of its own.
  for (std::string_view joiner : {"和", "及", "与", "、", "或"})
    if (EndsWith(before, joiner)) return std::nullopt;
  // The counted noun followed by 、 is one item of a longer list ("准东3个
  // 煤制气、慧能…等项目"): the count is that item's alone.
  for (size_t at = 0; at < after.size() && at < 45;) {
    if (StartsWith(after.substr(at), "、")) return std::nullopt;
    char c = after[at];
    if (c == ',' || c == ';' || c == ':' || StartsWith(after.substr(at), "。") ||
        StartsWith(after.substr(at), "，"))
      break;
    NextCodePoint(after, &at);
  }
  Enumeration e;
  if (EndsWith(before, "等")) {
    e.etc = true;
    before.remove_suffix(3);
  }
  std::vector<std::string_view> items;
  for (size_t at = 0;;) {
    size_t next = FindText(before, "、", at);
    items.push_back(
        before.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) break;
    at = next + 3;
  }
  // The last item may be joined by 和, 及 or 与: 水产和林下经济.
  std::string_view last = items.back();
  for (std::string_view joiner : {"和", "及", "与"}) {
    size_t at = RFindText(last, joiner);
    if (at != std::string_view::npos && at > 0 && at + joiner.size() < last.size() &&
        items.size() > 1) {
      items.back() = last.substr(0, at);
      items.push_back(last.substr(at + joiner.size()));
      break;
    }
  }
  if (items.size() < 2 && !e.etc) return std::nullopt;
  for (std::string_view w : kVerbEnds)
    if (EndsWith(items.back(), w)) return std::nullopt;
  // Every name after the first is short and plain; the first may carry the
  // verb that introduces the list (新建东城).
  for (size_t i = 1; i < items.size(); ++i)
    if (!IsName(items[i])) return std::nullopt;
  for (std::string_view item : items) {
    // 化工等重点行业: the list ended before; 区两级, 省级: tiers, not names.
    if (ContainsText(item, "等") || EndsWith(item, "级")) return std::nullopt;
    for (std::string_view verb : verbs)
      if (item == verb || (item.size() > verb.size() && EndsWith(item, verb))) return std::nullopt;
  }
  if (items.front().empty() || Chars(items.front()) > 20) return std::nullopt;
  e.names = static_cast<int>(items.size());
  for (std::string_view item : items) e.text += (e.text.empty() ? "" : "、") + std::string(item);
  return e;
}

}  // namespace plancheck
