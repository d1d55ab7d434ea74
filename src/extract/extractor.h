// Extractor: finds the quantitative statements of a segmented report.
//
// Works paragraph by paragraph on a normalized copy (full-width forms
// folded), matching numbers, magnitudes and units with one RE2 pattern built
// from the unit table, then reading the words before and after each number
// for qualifiers, direction (增长 下降), the indicator
// (nearest lexicon alias), tier, period and list structure (分别 均 、).
// Every Span maps back to the source through the normalization offset map.
//
// Thread-safety: Extract() is const and may run on several documents at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/fact.h"
#include "extract/identity.h"
#include "extract/lexicon.h"
#include "segment/document.h"

namespace re2 {
class RE2;
}
#include <re2/stringpiece.h>
#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class RuleBasedNumberFormat;
U_NAMESPACE_END

namespace plancheck {

class NormalizedText;

// ICU's Chinese spell-out number format, one per process (nullptr when ICU
// lacks it: Chinese numerals are then not read).
const icu::RuleBasedNumberFormat* SharedSpellout();
// Builds it and ICU's number parser behind it (about 2 ms on first use), so
// that a second thread can do that while the rules load.
void WarmUpNumberParsing();

class Extractor {
 public:
  explicit Extractor(const Lexicon& lexicon);
  ~Extractor();

  std::vector<Fact> Extract(const Document& doc) const;

  // The next match of the quantity / Chinese-numeral pattern starting at or
  // after `pos`: what an unanchored search of quantity_pattern() /
  // chinese_pattern() finds (tests hold them to that), but tried only where
  // a match can start, so the DFA never walks plain Chinese text.
  bool NextQuantity(const std::string& t, size_t pos, re2::StringPiece* groups, int n) const;
  bool NextChineseNumeral(const std::string& t, size_t pos, re2::StringPiece* groups,
                          int n) const;
  const re2::RE2& quantity_pattern() const { return *quantity_; }
  const re2::RE2& chinese_pattern() const { return *chinese_; }

 private:
  bool QuantityGroups(std::string_view m, re2::StringPiece* groups) const;
  void LinkGrowth(size_t first, std::vector<Fact>* facts) const;
  void LinkParts(const std::string& t, const NormalizedText& nt, size_t first,
                 std::vector<Fact>* facts) const;

  const Lexicon& lexicon_;
  std::unique_ptr<IdentityReader> identity_;  // what each number counts
  std::vector<std::string> enumeration_verbs_;  // verbs that are no names in a list
  std::unique_ptr<re2::RE2> quantity_;
  std::unique_ptr<re2::RE2> rank_;
  std::unique_ptr<re2::RE2> chinese_;   // 两个, 一千六百万元
  std::unique_ptr<re2::RE2> implicit_;  // 全覆盖 = 100%
  const icu::RuleBasedNumberFormat* spellout_ = nullptr;  // SharedSpellout()
  // Bytes a match can extend past its numeric head (magnitude, 余, unit,
  // 以上): bounds each anchored match.
  size_t max_tail_ = 0;
  std::vector<std::string> unit_order_;  // the pattern's unit alternatives, in order
  bool hand_groups_ = true;              // QuantityGroups may be used
};

}  // namespace plancheck
