#include "extract/identity.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "base/utf8.h"
#include "extract/fact.h"

namespace plancheck {
namespace {

// Marks that separate or wrap the words of a subject, never part of a name.
const std::vector<std::string> kMarks = {"“", "”", "\"", "‘", "’", "'",  "《", "》", "、",
                                         "·", " ", "\t", "(", ")", "和", "与", "及", "以及"};

constexpr std::string_view kEndMarks[] = {",", ";", ":", "。", "!", "?", "、",
                                          "“", "”", "(", ")",  "-", "—"};

bool EndsInMark(std::string_view text) {
  for (std::string_view end : kEndMarks)
    if (EndsWith(text, end)) return true;
  return false;
}

// A year left in a subject: 2025年, 2025年底.
void RemoveYears(std::string* text) {
  if (FindDigit(*text) == std::string::npos) return;
  static const RE2 kYear(R"(((?:19|20)\d\d)年(底|末|初)?)");
  RE2::GlobalReplace(text, kYear, "");
}

}  // namespace

// The code point starting at text[at], decoded without checks (the text is
// valid UTF-8); a truncated sequence reads as its lead byte.
static inline uint32_t CodePointAt(std::string_view text, size_t at) {
  const unsigned char b0 = static_cast<unsigned char>(text[at]);
  const size_t n = CharBytes(b0);
  if (n == 1 || at + n > text.size()) return b0;
  const auto b = [&](size_t i) {
    return static_cast<uint32_t>(static_cast<unsigned char>(text[at + i]) & 0x3F);
  };
  if (n == 2) return (b0 & 0x1Fu) << 6 | b(1);
  if (n == 3) return (b0 & 0x0Fu) << 12 | b(1) << 6 | b(2);
  return (b0 & 0x07u) << 18 | b(1) << 12 | b(2) << 6 | b(3);
}

size_t WordSet::Bucket(std::string_view text, size_t at) {
  return CodePointAt(text, at) % kBuckets;
}

// Where the character ending at text[end - 1] starts.
static size_t LastCharStart(std::string_view text, size_t end) { return CharStart(text, end - 1); }

template <typename BucketOf>
WordSet::Index WordSet::Build(BucketOf bucket_of) const {
  Index index;
  index.order.resize(words_.size());
  for (uint32_t i = 0; i < words_.size(); ++i) index.order[i] = i;
  std::vector<size_t> bucket(words_.size());
  for (size_t i = 0; i < words_.size(); ++i) bucket[i] = bucket_of(words_[i]);
  std::stable_sort(index.order.begin(), index.order.end(), [&](uint32_t a, uint32_t b) {
    if (bucket[a] != bucket[b]) return bucket[a] < bucket[b];
    return words_[a].size() > words_[b].size();
  });
  index.offsets.assign(kBuckets + 1, 0);
  for (uint32_t i : index.order) ++index.offsets[bucket[i] + 1];
  for (size_t b = 0; b < kBuckets; ++b) index.offsets[b + 1] += index.offsets[b];
  return index;
}

WordSet::WordSet(const std::vector<const std::vector<std::string>*>& lists,
                 const std::vector<std::pair<std::string, std::string>>& rewrites) {
  for (const auto& [written, read] : rewrites) {
    if (written.empty()) continue;
    words_.push_back(written);
    replacements_.push_back(read);
  }
  for (const auto* list : lists) {
    for (const std::string& w : *list) {
      if (w.empty()) continue;
      words_.push_back(w);
      replacements_.emplace_back();
    }
  }
  for (const std::string& w : words_) first_char_[CodePointAt(w, 0) & 0xFFFF] = 1;
  by_first_ = Build([](const std::string& w) { return Bucket(w, 0); });
  by_last_ = Build([](const std::string& w) { return Bucket(w, LastCharStart(w, w.size())); });
}

int WordSet::WordAt(std::string_view text, size_t at) const {
  const uint32_t cp = CodePointAt(text, at);
  if (!first_char_[cp & 0xFFFF]) return -1;
  const size_t b = cp % kBuckets;
  for (uint32_t i = by_first_.offsets[b]; i < by_first_.offsets[b + 1]; ++i) {
    const uint32_t word = by_first_.order[i];
    if (StartsWith(text.substr(at), words_[word])) return static_cast<int>(word);
  }
  return -1;
}

size_t WordSet::MatchAt(std::string_view text, size_t at) const {
  int word = WordAt(text, at);
  return word < 0 ? 0 : words_[word].size();
}

void WordSet::EndingAt(std::string_view text, size_t end, std::vector<size_t>* lengths) const {
  lengths->clear();
  if (end == 0) return;
  std::string_view head = text.substr(0, end);
  const size_t b = Bucket(text, LastCharStart(text, end));
  for (uint32_t i = by_last_.offsets[b]; i < by_last_.offsets[b + 1]; ++i) {
    const std::string& w = words_[by_last_.order[i]];
    if (EndsWith(head, w)) lengths->push_back(w.size());
  }
}

WordSet WordSet::Tagged(
    const std::vector<std::pair<const std::vector<std::string>*, uint8_t>>& lists) {
  WordSet set;
  for (const auto& [list, tag] : lists) {
    for (const std::string& w : *list) {
      if (w.empty()) continue;
      set.words_.push_back(w);
      set.replacements_.emplace_back();
      set.tags_.push_back(tag);
    }
  }
  for (const std::string& w : set.words_) set.first_char_[CodePointAt(w, 0) & 0xFFFF] = 1;
  set.by_first_ = set.Build([](const std::string& w) { return Bucket(w, 0); });
  set.by_last_ =
      set.Build([](const std::string& w) { return Bucket(w, LastCharStart(w, w.size())); });
  return set;
}

uint8_t WordSet::TagsIn(std::string_view text) const {
  uint8_t tags = 0;
  for (size_t at = 0; at < text.size();) {
    int word = WordAt(text, at);
    if (word >= 0) {
      tags |= tags_[word];
      at += words_[word].size();
    } else {
      at += CharBytes(text[at]);
    }
  }
  return tags;
}

bool WordSet::ContainedIn(std::string_view text) const {
  for (size_t at = 0; at < text.size(); at += CharBytes(text[at]))
    if (WordAt(text, at) >= 0) return true;
  return false;
}

std::string WordSet::RemovedFrom(std::string_view text) const {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (at < text.size()) {
    int word = WordAt(text, at);
    if (word >= 0) {
      out += replacements_[word];
      at += words_[word].size();
      continue;
    }
    const size_t next = std::min(text.size(), at + CharBytes(text[at]));
    out.append(text.substr(at, next - at));
    at = next;
  }
  return out;
}

IdentityReader::IdentityReader(const Lexicon& lexicon) : IdentityReader(lexicon.identity_words()) {
  for (const auto& indicator : lexicon.indicators()) {
    for (const std::string& alias : indicator->aliases) {
      std::string key = Normalize(alias);
      // A key two indicators share (both normalize to 投资) names neither.
      auto [it, inserted] = by_normalized_alias_.emplace(key, indicator.get());
      if (!inserted && it->second != indicator.get()) it->second = nullptr;
    }
  }
}

std::string_view IdentityReader::KeyOf(const Indicator* indicator, const std::string& noun) const {
  if (indicator != nullptr) return indicator->name;
  if (noun.empty()) return noun;
  auto it = by_normalized_alias_.find(noun);
  if (it != by_normalized_alias_.end() && it->second != nullptr) return it->second->name;
  return noun;
}

IdentityReader::IdentityReader(const IdentityWords& words)
    : words_(words),
      neutral_({&words.scope, &words.tiers, &words.actions, &words.states, &words.manner}),
      removed_({&kMarks, &words.scope, &words.actions, &words.states, &words.manner},
               words.synonyms),
      noun_end_({&words.noun_end}),
      actions_({&words.actions}),
      marks_(WordSet::Tagged({{&words.starts, 1},
                              {&words.stock, 2},
                              {&words.lower_is_better, 4},
                              {&words.finishes, 8}})) {}

IdentityReader::Marks IdentityReader::MarksIn(std::string_view before) const {
  const uint8_t tags = marks_.TagsIn(before);
  return Marks{(tags & 1) != 0, (tags & 2) != 0, (tags & 4) != 0, (tags & 8) != 0};
}

bool IdentityReader::NarrowsAlias(std::string_view before) const {
  // Take off, from the end, the longest run of words that leave an alias its
  // own meaning (去年末, 全省, 新建, 力争); whatever character then touches the
  // alias narrows it. Words may be read in more than one way (去年末 is 去年
  // + 末, not 去 + 年末), so every split is tried.
  // Only the words nearest the alias matter: a bounded tail keeps the cost
  // per alias constant in a long sentence.
  constexpr size_t kTail = 96;
  if (before.size() > kTail) {
    size_t cut = before.size() - kTail;
    cut = CharBoundaryAfter(before, cut);
    before.remove_prefix(cut);
  }
  std::string rest(before);
  RemoveYears(&rest);
  std::vector<bool> reachable(rest.size() + 1, false);
  reachable[rest.size()] = true;
  size_t earliest = rest.size();
  std::vector<size_t> lengths;
  for (size_t end = rest.size(); end > 0; --end) {
    if (!reachable[end]) continue;
    neutral_.EndingAt(rest, end, &lengths);
    for (size_t n : lengths) {
      reachable[end - n] = true;
      earliest = std::min(earliest, end - n);
    }
  }
  rest.resize(earliest);
  if (rest.empty() || EndsInMark(rest)) return false;
  // A count before the alias ("确保26个省市重点项目") ends a phrase of its own.
  const size_t last_char = CharStart(rest, rest.size() - 1);
  if (last_char > 0 && rest[last_char - 1] >= '0' && rest[last_char - 1] <= '9') return false;
  // ASCII before an alias is a label or a figure (2025年 was removed above).
  return static_cast<unsigned char>(rest.back()) >= 0x80;
}

bool KeysMatch(const std::string& key, const std::string& candidate, KeyMatch how) {
  constexpr size_t kShortest = 4;  // characters: shorter keys are too common to match by part
  if (CountCodePoints(key) < kShortest || CountCodePoints(candidate) < kShortest) return false;
  if (EndsWith(key, candidate)) return true;
  return how == KeyMatch::kEitherWay &&
         (EndsWith(candidate, key) || StartsWith(candidate, key) || StartsWith(key, candidate));
}

void MatchTargetKeys(std::vector<Fact>* facts) {
  std::set<std::string> results;
  for (const Fact& f : *facts)
    if (f.role == Role::kActual && f.indicator == nullptr && !f.key.empty()) results.insert(f.key);
  for (Fact& f : *facts) {
    if (f.role != Role::kTarget || f.indicator != nullptr || f.key.empty() || results.count(f.key))
      continue;
    std::string found = MatchingKey(f.key, results, KeyMatch::kMoreWordsInFront);
    if (!found.empty()) f.key = std::move(found);
  }
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
    if (StartsWith(rest, "。") || StartsWith(rest, "，") || StartsWith(rest, "；") ||
        noun_end_.MatchAt(after, end) > 0)
      break;
    NextCodePoint(after, &end);
  }
  if (end > limit) end = limit;
  end = CharStart(after, end);
  std::string noun(after.substr(0, end));
  // A trailing 、 or 和 joins the next item, not this noun.
  for (std::string_view tail : {"、", "和", "与", "及", "等"})
    if (EndsWith(noun, tail)) noun.resize(noun.size() - tail.size());
  return noun;
}

std::string_view IdentityReader::Category(std::string_view phrase) const {
  size_t cut = std::string_view::npos;
  for (const std::string& word : words_.examples_end) {
    for (size_t at = RFindText(phrase, word);
         at != std::string_view::npos && cut == std::string_view::npos;
         at = at == 0 ? std::string_view::npos : RFindText(phrase, word, at - 1)) {
      bool inside = false;
      for (const std::string& whole : words_.not_examples_end) {
        const size_t in = FindText(whole, word);
        inside = inside || (in != std::string::npos && at >= in && WordAt(phrase, at - in, whole));
      }
      if (!inside) cut = at + word.size();
    }
  }
  if (cut == std::string_view::npos || cut == phrase.size()) return phrase;
  return phrase.substr(cut);
}

std::string IdentityReader::Normalize(std::string_view subject) const {
  const std::string whole = Stripped(subject);
  const std::string_view category = Category(subject);
  if (category.size() == subject.size()) return whole;
  // A category of fewer than four characters once stripped (管网, 指标,
  // 产业值) is too general to be what the phrase counts.
  std::string named = Stripped(category);
  return CountCodePoints(named) >= 4 ? named : whole;
}

std::string IdentityReader::Stripped(std::string_view subject) const {
  std::string text(subject);
  RemoveYears(&text);
  text = removed_.RemovedFrom(text);
  // Punctuation left at the ends (—— 其中, a trailing 、) is no part of a name.
  while (!text.empty() && EndsInMark(text)) {
    text.resize(CharStart(text, text.size() - 1));
  }
  return text;
}

bool IdentityReader::IsGeneric(std::string_view key) const {
  if (key.size() < 6) return true;  // one or two characters name no indicator
  return std::find(words_.generic.begin(), words_.generic.end(), key) != words_.generic.end();
}

std::string IdentityReader::Key(std::string_view before, std::string_view noun_after) const {
  return Key(before, Normalize(before), noun_after);
}

std::string IdentityReader::Key(std::string_view before, const std::string& head,
                                std::string_view noun_after) const {
  std::string noun = noun_after.empty() ? std::string() : Normalize(noun_after);
  // "桥园里、和苑等6处易积水点位": the items are named before the number, the
  // category after it; the category is what is counted.
  std::string_view trimmed = before;
  while (!trimmed.empty() && trimmed.back() == ' ') trimmed.remove_suffix(1);
  bool listed = EndsWith(trimmed, "等") || ContainsText(before, "、");
  // Only a verb of one or two characters before the number (抓好1万名乡村医生):
  // the noun after it is what is counted.
  const bool verb_only = head.size() <= 6;
  std::string key = noun.empty() ? head : (verb_only || listed) ? noun : head + noun;
  return IsGeneric(key) ? std::string() : key;
}

}  // namespace plancheck
