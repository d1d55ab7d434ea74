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

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/fact.h"
#include "extract/lexicon.h"

namespace plancheck {

// A set of words searched in one pass: the words are bucketed by their first
// and by their last character, longest first, so a scan tries at each
// position only the few words that can start (or end) there.
class WordSet {
 public:
  WordSet() = default;
  explicit WordSet(const std::vector<const std::vector<std::string>*>& lists,
                   const std::vector<std::pair<std::string, std::string>>& rewrites = {});

  // The length of the longest word starting at text[at], or 0.
  size_t MatchAt(std::string_view text, size_t at) const;
  // The lengths of every word ending at text[end - 1], longest first.
  void EndingAt(std::string_view text, size_t end, std::vector<size_t>* lengths) const;
  bool ContainedIn(std::string_view text) const;
  // The tags (given with the lists) of every word found in `text`, or-ed.
  uint8_t TagsIn(std::string_view text) const;
  // Words with a tag each: one scan tells which kinds of word a text holds.
  static WordSet Tagged(
      const std::vector<std::pair<const std::vector<std::string>*, uint8_t>>& lists);
  // `text` with every word taken out, or replaced where it is a rewrite
  // (规模以上 → 规上), scanning left to right, longest first.
  std::string RemovedFrom(std::string_view text) const;

 private:
  static constexpr size_t kBuckets = 509;  // a prime: code points spread evenly
  // The bucket of the character starting at text[at].
  static size_t Bucket(std::string_view text, size_t at);
  // Words of one bucket, longest first: entries [offsets[b], offsets[b + 1])
  // of `order`, which index `words_` (a flat index: one allocation each).
  struct Index {
    std::vector<uint32_t> offsets;
    std::vector<uint32_t> order;
  };
  template <typename BucketOf>
  Index Build(BucketOf bucket_of) const;

  // The index in words_ of the longest word starting at text[at], or -1.
  int WordAt(std::string_view text, size_t at) const;

  std::vector<std::string> words_;
  std::vector<std::string> replacements_;  // what each word becomes ("" : nothing)
  // Whether some word starts with this character (its code point's low 16
  // bits): most positions of a text are rejected by this one lookup.
  std::vector<uint8_t> first_char_ = std::vector<uint8_t>(1 << 16);
  std::vector<uint8_t> tags_;  // per word, for TagsIn
  Index by_first_;
  Index by_last_;
};

// Keys that name one thing with more words or fewer: 改造老旧供热管网 and
// 供热管网, 国务院各部门取消下放行政审批事项 and 取消下放行政审批事项. A key
// matches a candidate of four characters or more that it ends with, or (for
// kEitherWay) that ends or begins with it or that it begins with.
enum class KeyMatch { kMoreWordsInFront, kEitherWay };
// The one candidate `key` matches (`key` itself excluded), or "" when none
// or several do; keys under four characters match nothing.
template <typename Keys>
std::string MatchingKey(const std::string& key, const Keys& candidates, KeyMatch how);
bool KeysMatch(const std::string& key, const std::string& candidate, KeyMatch how);

// The report's targets named with more words in front than the report's
// result of the same thing (改造老旧供热管网800公里 against 供热管网1287公里)
// take the result's key, when exactly one result's key is the end of
// theirs. Keys of the lexicon's indicators are canonical and are left.
void MatchTargetKeys(std::vector<Fact>* facts);

class IdentityReader {
 public:
  // Reads with `lexicon`'s words; its indicators are known by their
  // normalized aliases too (改造完工老旧小区 names 城镇老旧小区改造, whose alias
  // 老旧小区改造 normalizes to 老旧小区).
  explicit IdentityReader(const Lexicon& lexicon);

  explicit IdentityReader(const IdentityWords& words);

  // The identity of a fact: its indicator's name, else the indicator whose
  // normalized alias is `noun`, else `noun`.
  std::string_view KeyOf(const Indicator* indicator, const std::string& noun) const;

  // Whether `before`, the words in front of an indicator's alias within its
  // noun phrase, narrow what the alias names (人均, 海洋, 武汉都市圈).
  bool NarrowsAlias(std::string_view before) const;

  // The noun a number counts when it comes after it: "新建20个区域养老服务中心"
  // → 区域养老服务中心. `after` is the text right after the quantity.
  std::string NounAfter(std::string_view after) const;

  // The subject with the words that do not change what is counted taken out,
  // and with examples named before their category left out (Category).
  std::string Normalize(std::string_view subject) const;
  // What a phrase that names examples and then their category counts: the
  // category (小梁薄板房屋等旧住房成套改造 → 旧住房成套改造); the phrase itself
  // when it names none (高等学校, or 等 at its end).
  std::string_view Category(std::string_view phrase) const;

  // The identity key of a figure from the words before its number and the
  // noun after it, or "" when they name nothing specific.
  std::string Key(std::string_view before, std::string_view noun_after) const;
  // The same, given Normalize(before) already.
  std::string Key(std::string_view before, const std::string& normalized_before,
                  std::string_view noun_after) const;

  // A verb of doing (新建, 改造, 完成, 培育): the figure is what was done.
  bool NamesAction(std::string_view clause) const { return actions_.ContainedIn(clause); }
  // What the words before a number say of it, read in one scan.
  struct Marks {
    bool start = false;   // 启动, 开工: counts what was begun
    bool stock = false;   // 累计, 总数: a stock
    bool cap = false;     // 控制在, 压减: less is better
    bool finish = false;  // 建成, 竣工: counts what was finished
  };
  Marks MarksIn(std::string_view before) const;

 private:
  bool IsGeneric(std::string_view key) const;
  // Normalize without Category: years, neutral words and end marks out.
  std::string Stripped(std::string_view subject) const;

  const IdentityWords& words_;
  std::unordered_map<std::string, const Indicator*> by_normalized_alias_;
  WordSet neutral_;  // scope, tiers, actions, states, manner: no part of a name
  WordSet removed_;  // the same without tiers, with marks: taken out of a key
  WordSet noun_end_;
  WordSet actions_;
  WordSet marks_;  // starts, stock, lower_is_better, finishes, tagged
};

template <typename Keys>
std::string MatchingKey(const std::string& key, const Keys& candidates, KeyMatch how) {
  std::string found;
  for (const std::string& c : candidates) {
    if (c == key || !KeysMatch(key, c, how)) continue;
    if (!found.empty()) return "";
    found = c;
  }
  return found;
}

}  // namespace plancheck
