#include "extract/identity.h"

#include <re2/re2.h>

#include <algorithm>
#include <vector>

#include "base/utf8.h"

namespace plancheck {
namespace {

// Marks that separate or wrap the words of a subject, never part of a name.
constexpr std::string_view kMarks[] = {"“", "”", "\"", "‘", "’", "'", "《", "》", "、", "·",
                                       " ",  "\t", "(",  ")",  "和",  "与",  "及",  "以及"};

bool EndsInMark(std::string_view text) {
  for (std::string_view end : {",", ";", ":", "。", "!", "?", "、", "“", "”", "(", ")", "-", "—"})
    if (EndsWith(text, end)) return true;
  return false;
}

// A number and its year, month or unit left in a subject: 2025年, 3个.
void RemoveYears(std::string* text) {
  static const RE2 kYear(R"(((?:19|20)\d\d)年(底|末|初)?)");
  RE2::GlobalReplace(text, kYear, "");
}

bool StartsWithAny(std::string_view text, const std::vector<std::string>& words, size_t* length) {
  for (const std::string& w : words) {
    if (StartsWith(text, w)) {
      *length = w.size();
      return true;
    }
  }
  return false;
}

}  // namespace

void IdentityReader::RemoveAll(const std::vector<std::string>& list, std::string* text) {
  for (const std::string& w : list) {
    size_t at = 0;
    while ((at = FindText(*text, w, at)) != std::string::npos) text->erase(at, w.size());
  }
}

bool IdentityReader::NarrowsAlias(std::string_view before) const {
  // Take off, from the end, the longest run of words that leave an alias its
  // own meaning (去年末, 全省, 新建, 力争); whatever character then touches the
  // alias narrows it. Words may be read in more than one way (去年末 is 去年
  // + 末, not 去 + 年末), so every split is tried.
  std::string rest(before);
  RemoveYears(&rest);
  std::vector<bool> reachable(rest.size() + 1, false);
  reachable[rest.size()] = true;
  size_t earliest = rest.size();
  for (size_t end = rest.size(); end > 0; --end) {
    if (!reachable[end]) continue;
    std::string_view head(rest.data(), end);
    for (const auto* list : {&words_.scope, &words_.tiers, &words_.actions, &words_.states, &words_.manner}) {
      for (const std::string& w : *list) {
        if (EndsWith(head, w)) {
          reachable[end - w.size()] = true;
          earliest = std::min(earliest, end - w.size());
        }
      }
    }
  }
  rest.resize(earliest);
  if (rest.empty() || EndsInMark(rest)) return false;
  // A count before the alias ("确保26个省市重点项目") ends a phrase of its own.
  size_t last_char = rest.size() - 1;
  while (last_char > 0 && (static_cast<unsigned char>(rest[last_char]) & 0xC0) == 0x80) --last_char;
  if (last_char > 0 && rest[last_char - 1] >= '0' && rest[last_char - 1] <= '9') return false;
  // ASCII before an alias is a label or a figure (2025年 was removed above).
  unsigned char last = static_cast<unsigned char>(rest.back());
  return last >= 0x80;
}

std::string IdentityReader::NounAfter(std::string_view after) const {
  if (StartsWith(after, "、") || StartsWith(after, "的")) return {};
  size_t end = 0;
  const size_t limit = std::min<size_t>(after.size(), 45);  // a noun phrase, not a sentence
  while (end < limit) {
    char c = after[end];
    if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
        (c >= '0' && c <= '9'))
      break;
    std::string_view rest = after.substr(end);
    size_t n = 0;
    if (StartsWith(rest, "。") || StartsWith(rest, "，") || StartsWith(rest, "；") ||
        StartsWithAny(rest, words_.noun_end, &n))
      break;
    NextCodePoint(after, &end);
  }
  if (end > limit) end = limit;
  while (end > 0 && (static_cast<unsigned char>(after[end]) & 0xC0) == 0x80) --end;
  std::string noun(after.substr(0, end));
  // A trailing 、 or 和 joins the next item, not this noun.
  for (std::string_view tail : {"、", "和", "与", "及", "等"})
    if (EndsWith(noun, tail)) noun.resize(noun.size() - tail.size());
  return noun;
}

std::string IdentityReader::Normalize(std::string_view subject) const {
  std::string text(subject);
  static const std::vector<std::string> marks(std::begin(kMarks), std::end(kMarks));
  RemoveAll(marks, &text);
  RemoveYears(&text);
  for (const auto& [written, read] : words_.synonyms) {
    size_t at = 0;
    while ((at = FindText(text, written, at)) != std::string::npos) {
      text.replace(at, written.size(), read);
      at += read.size();
    }
  }
  RemoveAll(words_.actions, &text);
  RemoveAll(words_.states, &text);
  RemoveAll(words_.manner, &text);
  RemoveAll(words_.scope, &text);
  // Punctuation left at the ends (—— 其中, a trailing 、) is no part of a name.
  while (!text.empty() && EndsInMark(text)) text.erase(text.size() - 1);
  return text;
}

bool IdentityReader::IsGeneric(std::string_view key) const {
  if (key.size() < 6) return true;  // one or two characters name no indicator
  return std::find(words_.generic.begin(), words_.generic.end(), key) != words_.generic.end();
}

std::string IdentityReader::Key(std::string_view before, std::string_view noun_after) const {
  std::string head = Normalize(before);
  std::string noun = Normalize(noun_after);
  // "桥园里、和苑等6处易积水点位": the items are named before the number, the
  // category after it; the category is what is counted.
  std::string_view trimmed = before;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  bool listed = EndsWith(trimmed, "等") || ContainsText(before, "、");
  std::string key = noun.empty() ? head : (head.empty() || listed) ? noun : head + noun;
  return IsGeneric(key) ? std::string() : key;
}

bool IdentityReader::NamesAction(std::string_view clause) const {
  return std::any_of(words_.actions.begin(), words_.actions.end(),
                     [&](const std::string& w) { return ContainsText(clause, w); });
}

bool IdentityReader::NamesStock(std::string_view before) const {
  return std::any_of(words_.stock.begin(), words_.stock.end(),
                     [&](const std::string& w) { return ContainsText(before, w); });
}

bool IdentityReader::NamesCap(std::string_view before) const {
  return std::any_of(words_.lower_is_better.begin(), words_.lower_is_better.end(),
                     [&](const std::string& w) { return ContainsText(before, w); });
}

}  // namespace plancheck
