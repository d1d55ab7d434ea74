// Document: the structure of one report — title, region, publication date,
// the years it reports on, its part headings with the period each speaks
// of, and its paragraphs.
//
// Plan reports (一、2022年…执行情况 / 二、2023年…计划) and government work
// reports (一、2014年工作回顾 / 二、2015年工作总体部署) both map to parts
// whose role is "actual" (last year) or "target" (this year). A Document
// points into its SourceFile, which must outlive it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/span.h"
#include "segment/period.h"
#include "text/normalize.h"
#include "text/source_file.h"

namespace plancheck {

struct Section {
  int level = 1;      // 1: 一、  2: (一)
  Span heading;       // the heading line (or its first sentence when inline)
  std::string title;  // heading text
  Role role = Role::kOther;
  std::optional<int> year;
};

struct Paragraph {
  Span span;                  // one line of the file, without its terminator
  NormalizedText normalized;  // the line with full-width forms folded, mapped to the file
  int line = 0;               // 1-based
  int section = -1;           // index into Document::sections, or -1 before the first part
  // Result or plan, and of which years: set by the enclosing part heading
  // and by the opening words of this or an earlier paragraph (过去一年，…
  // 这五年，… 今年…).
  Role role = Role::kOther;
  Period period;
  // period.from when the period is one year.
  std::optional<int> year() const {
    return period.single_year() ? std::optional<int>(period.from) : std::nullopt;
  }
  // Sentences inside the paragraph that open a new period ("2015年是…。过去
  // 五年，…"): from the byte offset (in `normalized`) on, `cue` holds.
  struct PeriodChange {
    size_t at = 0;
    PeriodCue cue;
  };
  std::vector<PeriodChange> period_changes;
  // The role and period at byte offset `at` of `normalized`.
  PeriodCue CueAt(size_t at) const;
  bool is_heading = false;
};

struct Document {
  const SourceFile* file = nullptr;
  std::string title;
  std::string region;
  std::optional<int> actual_year;  // the year whose execution is reported
  std::optional<int> target_year;  // the year whose plan is proposed
  std::vector<Section> sections;
  std::vector<Paragraph> paragraphs;
};

// Segments a decoded report, reading periods with `words` (the lexicon's
// rules/words.toml [period]). Never fails: a text with no recognizable
// structure is one part with role "other".
Document Segment(const SourceFile& file, const PeriodWords& words);

}  // namespace plancheck
