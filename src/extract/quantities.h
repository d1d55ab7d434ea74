// Quantities: the first stage of extraction. Finds every number of a
// paragraph with its unit, magnitude, range, sign and bound word
// (82.7亿元, 5-7%, 1000家左右, 两个, 6000万农村人口), fractions (三分之一, 1/3),
// the ranks (居全市第5), the numbers that
// words carry (words.toml [extract] implicit: 全覆盖, 持平, 出现下降), and bare
// numbers that
// share the unit of the quantity after them (4.2和0.6个百分点). Reads no
// words around a number beyond what decides whether it is one.
//
// Arabic quantities are matched with one RE2 pattern built from the unit
// table, tried only where a match can start; Chinese numerals are parsed
// with ICU's spell-out rules.
//
// Thread-safety: Scan() is const and may run on several paragraphs at once.
#pragma once

#include <re2/stringpiece.h>
#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/fact.h"
#include "extract/lexicon.h"
#include "extract/paragraph_text.h"

namespace re2 {
class RE2;
}

U_NAMESPACE_BEGIN
class RuleBasedNumberFormat;
U_NAMESPACE_END

namespace plancheck {

// ICU's Chinese spell-out number format, one per process (nullptr when ICU
// lacks it: Chinese numerals are then not read).
const icu::RuleBasedNumberFormat* SharedSpellout();
// Builds it and ICU's number parser behind it (about 2 ms on first use), so
// that a second thread can do that while the rules load.
void WarmUpNumberParsing();

// One number found in a paragraph, before the words around it are read: the
// fact holds its value, tolerance, unit, dimension, qualifier and sign.
struct RawQuantity {
  size_t begin = 0, end = 0;  // in the normalized paragraph text
  double scale = 1;           // base units of one printed unit (亿元 → 1e8)
  Fact fact;
  bool threshold = false;           // 以上/以下 inside a noun phrase (500万元以上项目)
  bool fixed_measure = false;       // read from a word (持平): its measure is known
  bool bare = false;                // no counting word: 6000万农村人口
  std::string_view direction_word;  // 增长, 减少 … right before the number (words.toml)
};

class QuantityScanner {
 public:
  explicit QuantityScanner(const Lexicon& lexicon);
  ~QuantityScanner();

  // The quantities of one paragraph, in text order.
  std::vector<RawQuantity> Scan(const ParagraphText& paragraph) const;

  // The next match of the quantity / Chinese-numeral pattern starting at or
  // after `pos`: what an unanchored search of quantity_pattern() /
  // chinese_pattern() finds (tests hold them to that), but tried only where
  // a match can start, so the DFA never walks plain Chinese text.
  bool NextQuantity(const std::string& t, size_t pos, re2::StringPiece* groups, int n) const;
  bool NextChineseNumeral(const std::string& t, size_t pos, re2::StringPiece* groups, int n) const;
  const re2::RE2& quantity_pattern() const { return *quantity_; }
  const re2::RE2& chinese_pattern() const { return *chinese_; }

 private:
  void ScanArabic(const std::string& t, std::vector<RawQuantity>* found) const;
  void ScanRanks(const std::string& t, std::vector<RawQuantity>* found) const;
  void ScanChinese(const ParagraphText& paragraph, std::vector<RawQuantity>* found) const;
  void ScanImplicit(const std::string& t, std::vector<RawQuantity>* found) const;
  // What the quantity pattern leaves: 4500余万人次 (余 before the magnitude),
  // and 6000万农村人口 (a number and magnitude right before the noun it counts).
  void ScanMagnitudes(const std::string& t, std::vector<RawQuantity>* found) const;
  // 三分之一, 1/3: a share, in percent.
  void ScanFractions(const std::string& t, std::vector<RawQuantity>* found) const;
  // The value of a run of Chinese numerals, or −1.
  double ParseChineseNumeral(const std::string& numeral) const;
  void ShareUnits(const std::string& t, std::vector<RawQuantity>* found) const;
  bool QuantityGroups(std::string_view m, re2::StringPiece* groups) const;

  const Lexicon& lexicon_;
  std::unique_ptr<re2::RE2> quantity_;
  std::unique_ptr<re2::RE2> rank_;
  std::unique_ptr<re2::RE2> chinese_;                     // 两个, 一千六百万元
  const icu::RuleBasedNumberFormat* spellout_ = nullptr;  // SharedSpellout()
  // Bytes a match can extend past its numeric head (magnitude, 余, unit,
  // 以上): bounds each anchored match.
  size_t max_tail_ = 0;
  std::vector<std::string> unit_order_;  // the pattern's unit alternatives, in order
  bool hand_groups_ = true;              // QuantityGroups may be used
};

}  // namespace plancheck
