// Lexicon: units of measure and the indicator lexicon, loaded from TOML
// (rules/units.toml, rules/indicators.toml) so that users extend them
// without recompiling.
//
// Built once, then read-only: safe to share between threads.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/toml_reader.h"
#include "extract/measure.h"
#include "segment/period.h"
#include "text/guarded_regex.h"

namespace re2 {
class RE2;
}

namespace plancheck {

struct Unit {
  std::string name;       // as printed: 亿元 is magnitude 亿 + unit 元
  std::string base;       // unit values are reported in
  std::string dimension;  // money, count, mass, area, percent, points, ...
  double factor = 1.0;    // one `name` in `base` units
  bool generic = false;   // 个, 项: counts whatever noun follows
};

enum class Polarity { kHigher, kLower, kBand };
enum class GrowthBasis { kReal, kNominal, kNone };
enum class IndicatorKind { kLevel, kRate, kIndex };

struct Indicator {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::shared_ptr<GuardedRegex>> patterns;
  std::string dimension;           // of a level; "any" matches every dimension
  std::string dimension_label;     // what a message calls it: 金额, 面积
  std::vector<std::string> units;  // when not empty, the only base units a level may have
  Polarity polarity = Polarity::kHigher;
  GrowthBasis growth = GrowthBasis::kNone;
  IndicatorKind kind = IndicatorKind::kLevel;
  // For an index: the indicator its growth is (居民消费价格指数上涨2% is a
  // 居民消费价格涨幅 of 2%), so that the two wordings are one figure; null if none.
  const Indicator* growth_is = nullptr;
  std::string growth_is_name;  // as written, resolved once the file is read
  int growth_is_line = 0;
  bool builtin = false;  // from the built-in lexicon: a --rules indicators.toml may redefine it
};

struct Compound {
  std::string word;                // 城乡
  std::vector<std::string> parts;  // 城镇, 农村
};

// Words that decide what a number counts (rules/words.toml [identity]).
// Every list is sorted longest first, so that a search takes 新建改造 before
// 新建.
struct IdentityWords {
  std::vector<std::string> actions;  // 新建, 改造, 完成: verbs of doing (a flow)
  std::vector<std::string> states;   // 达到, 实现, 稳定在: verbs of being
  std::vector<std::string> manner;   // 持续, 力争, 重点: adverbs and hedges
  std::vector<std::string> scope;    // 全省, 全年: the report's own scope
  std::vector<std::string> tiers;    // 国家级, 省级, 中央: a level of government
  std::vector<std::pair<std::string, std::string>> synonyms;  // 规模以上 → 规上
  std::vector<std::string> noun_end;                          // where a noun after a number ends
  std::vector<std::string> generic;          // heads that name nothing on their own
  std::vector<std::string> stock;            // 累计, 总数: a stock, not a flow
  std::vector<std::string> starts;           // 启动, 开工: what was begun, not finished
  std::vector<std::string> finishes;         // 建成, 竣工: what was finished
  std::vector<std::string> lower_is_better;  // 控制在, 压减: a cap
  // The word that closes named examples (等: 小梁薄板房屋等旧住房), and the
  // words it is part of without closing any (高等, 等级).
  std::vector<std::string> examples_end;
  std::vector<std::string> not_examples_end;
};

// Words the quantity reader takes around a number (rules/words.toml
// [extract]). Every list is sorted longest first: 将近 before 近, 净增长
// before 增长.
struct ExtractWords {
  struct Valued {
    std::string words;
    int value = 0;
  };
  std::vector<Valued> qualifiers;  // value: a Qualifier
  std::vector<Valued> directions;  // value: +1 / −1, ±2 for net forms (a change)
  std::vector<std::string> fillers;
  std::vector<std::string> leading_noise;
  std::vector<std::string> trailing_noise;
  std::vector<Valued> stages;  // value: 0 签约, 1 开工, 2 投产
  // Words that state a figure without a number: 全覆盖 (a rate of 100%),
  // 持平 (a growth of 0), 出现下降 (a growth below 0).
  struct Implicit {
    std::string words;
    Measure measure = Measure::kRate;
    double value = 0;
    Qualifier qualifier = Qualifier::kEq;
  };
  std::vector<Implicit> implicit;  // longest first
};

// `s` without the words at its ends that are no part of what it names
// (leading_noise, trailing_noise): one word at a time, the longest that
// fits, so that 年均增长 goes whole rather than as 增长 then 均.
std::string TrimNoise(std::string_view s, const ExtractWords& words);

// Wording about targets, as named lists of RE2 patterns (words.toml
// [claims]): `met` and `denied` decide a fact's claims_met (a sentence that
// says its targets were met and does not say they were not); rules of the
// pattern kind name lists with `claims` and `after_claims`. Each list is
// searched as one alternation, in the order written.
class ClaimWords {
 public:
  // Adds `patterns` to the list `name`. Returns RE2's complaint about the
  // list, or "".
  std::string Add(const std::string& name, const std::vector<std::string>& patterns);
  // The list as one pattern; null if there is no such list.
  const GuardedRegex* Find(std::string_view name) const;
  std::vector<std::string> Names() const;

 private:
  struct List {
    std::vector<std::string> patterns;
    std::shared_ptr<const GuardedRegex> re;
  };
  std::vector<std::pair<std::string, List>> lists_;
};

struct IndicatorMatch {
  const Indicator* indicator = nullptr;
  size_t begin = 0;  // byte range of the alias within the searched context
  size_t end = 0;
};

class Lexicon {
 public:
  // Adds the definitions in a units or indicators file. Problems go to
  // `errors` with the file's path and line.
  void LoadUnits(std::string_view text, const std::string& path, ConfigErrors* errors);
  void LoadIndicators(std::string_view text, const std::string& path, ConfigErrors* errors);
  // The same, for a file already parsed.
  void LoadIndicatorsTable(const toml::table& doc, const std::string& path, ConfigErrors* errors);

  // Adds the word lists of a words file (rules/words.toml).
  void LoadWords(std::string_view text, const std::string& path, ConfigErrors* errors);
  const IdentityWords& identity_words() const { return identity_; }
  const PeriodWords& period_words() const { return period_; }
  const ExtractWords& extract_words() const { return extract_; }
  const ClaimWords& claim_words() const { return claims_; }

  // The longest unit that `text` starts with, or nullptr.
  const Unit* MatchUnit(std::string_view text) const;
  const Unit* FindUnit(std::string_view name) const;

  // The indicator named in `context` whose mention ends nearest its end.
  // `dimension`, when not empty, keeps only indicators of that dimension
  // (or "any"). `unit`, when not empty, drops indicators whose `units` list
  // does not have it (a count of 繁育场 is no 肉牛羊出栏).
  std::optional<IndicatorMatch> FindIndicator(std::string_view context, std::string_view dimension,
                                              std::string_view unit = {}) const;
  const Indicator* FindByName(std::string_view name) const;
  // A dimension's name for messages (units.toml [dimensions]): money → 金额.
  std::string DimensionLabel(const std::string& dimension) const;

  const std::vector<Compound>& compounds() const { return compounds_; }
  // Marks every indicator loaded so far as built in: a later definition of
  // the same name then redefines it instead of being a duplicate.
  void MarkBuiltin();
  const std::vector<Unit>& units() const { return units_; }
  const std::vector<std::unique_ptr<Indicator>>& indicators() const { return indicators_; }

 private:
  // A trie of every alias read backwards: walking it from a position in a
  // context towards its start finds every alias that ends there, so the
  // alias nearest the end is found without searching for each alias.
  struct TrieNode {
    std::vector<std::pair<unsigned char, int>> next;  // sorted by byte
    std::vector<const Indicator*> ends;               // aliases that start here
  };
  void AddToTrie(const std::string& alias, const Indicator* indicator);

  std::vector<Unit> units_;
  std::vector<std::unique_ptr<Indicator>> indicators_;
  std::vector<TrieNode> trie_ = std::vector<TrieNode>(1);
  std::array<int, 256> root_{};  // trie_[0]'s children by byte (0: none)
  std::vector<Compound> compounds_;
  void LoadPeriodWords(const toml::table& table, const std::string& path, ConfigErrors* errors);
  void LoadExtractWords(const toml::table& table, const std::string& path, ConfigErrors* errors);
  void LoadIdentityWords(const toml::table& table, const std::string& path, ConfigErrors* errors);
  void LoadClaimWords(const toml::table& table, const std::string& path, ConfigErrors* errors);
  // Points each index's growth_is at the indicator it names.
  void ResolveGrowthIs(const std::string& path, ConfigErrors* errors);

  IdentityWords identity_;
  ClaimWords claims_;
  PeriodWords period_;
  ExtractWords extract_;
  std::unordered_map<std::string, std::string> dimension_labels_;
};

// Loads the built-in units and indicators compiled into the binary.
void LoadDefaultLexicon(Lexicon* lexicon, ConfigErrors* errors);

// The built-in lexicon, loaded once.
const Lexicon& DefaultLexicon();

}  // namespace plancheck
