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
#include <vector>

#include "base/toml_reader.h"
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
};

enum class Polarity { kHigher, kLower, kBand };
enum class GrowthBasis { kReal, kNominal, kNone };
enum class IndicatorKind { kLevel, kRate, kIndex };

struct Indicator {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::shared_ptr<GuardedRegex>> patterns;
  std::string dimension;  // of a level; "any" matches every dimension
  std::vector<std::string> units;  // when not empty, the only base units a level may have
  Polarity polarity = Polarity::kHigher;
  GrowthBasis growth = GrowthBasis::kNone;
  IndicatorKind kind = IndicatorKind::kLevel;
};

struct Compound {
  std::string word;                // 城乡
  std::vector<std::string> parts;  // 城镇, 农村
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

  const std::vector<Compound>& compounds() const { return compounds_; }
  const std::vector<Unit>& units() const { return units_; }
  size_t indicator_count() const { return indicators_.size(); }

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
};

// Loads the built-in units and indicators compiled into the binary.
void LoadDefaultLexicon(Lexicon* lexicon, ConfigErrors* errors);

// The built-in lexicon, loaded once.
const Lexicon& DefaultLexicon();

}  // namespace plancheck
