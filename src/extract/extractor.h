// Extractor: finds the quantitative statements of a segmented report.
//
// Works paragraph by paragraph on a normalized copy (full-width forms
// folded), in stages: the numbers (quantities.h), the words around each
// (here: measure, qualifier, direction; the period, fact_period.h; what it
// counts, identity.h; named items, enumeration.h), lists (lists.h) and
// links between facts (links.h). Stages work on offsets of the normalized
// text; ParagraphText::SourceSpan maps them back to the source.
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
#include "extract/lists.h"
#include "extract/paragraph_text.h"
#include "extract/quantities.h"
#include "segment/document.h"

namespace plancheck {

class Extractor {
 public:
  explicit Extractor(const Lexicon& lexicon);
  ~Extractor();

  std::vector<Fact> Extract(const Document& doc) const;

 private:
  // Reads the words around each quantity of paragraph `pi`: measure,
  // qualifier, direction, period, subject, indicator, identity, the items a
  // count names.
  void ReadWords(const Document& doc, size_t pi, const ParagraphText& paragraph, int sentence_base,
                 std::vector<RawQuantity>* found) const;
  // The stages of ReadWords for one quantity, in order; `Around` holds the
  // words around it that they share (extractor.cpp).
  struct Around;
  Around Place(const ParagraphText& p, const RawQuantity& q, size_t qi, size_t prev_end) const;
  void ReadSubject(const ParagraphText& p, Around* a, RawQuantity* q) const;
  void ReadIndicator(const ParagraphText& p, const std::vector<RawQuantity>& found, Around* a,
                     std::vector<std::pair<size_t, size_t>>* aliases, RawQuantity* q) const;
  void ReadTier(const SourceFile& file, Fact* f) const;
  void ReadIdentity(const ParagraphText& p, const Around& a,
                    const std::vector<std::pair<size_t, size_t>>& aliases, RawQuantity* q) const;
  void InheritBaseline(const std::vector<RawQuantity>& found, const Around& a, Fact* f) const;
  void ReadEnumerationOf(const ParagraphText& p, const Around& a, const RawQuantity& q,
                         Fact* f) const;

  const Lexicon& lexicon_;
  std::unique_ptr<QuantityScanner> quantities_;  // the numbers of a paragraph
  std::unique_ptr<IdentityReader> identity_;     // what each number counts
  std::unique_ptr<ListReader> lists_;            // 分别, 均, paired values
  std::vector<std::string> enumeration_verbs_;   // verbs that are no names in a list
};

}  // namespace plancheck
