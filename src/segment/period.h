// Period: which years a statement of a report is about, and whether it
// reports a result or states a plan.
//
// A report speaks of several periods: last year's results (过去一年, 2025年是…),
// the five years just ended (过去五年, 这五年, “十四五”时期), the five years
// ahead (今后五年, “十五五”时期) and this year's plan (今年). A part heading
// or a paragraph's opening words set the period of what follows until the
// next heading or opener; a clause may still name its own (2024年底, 年均,
// 累计). This file reads those cues; the segmenter and the extractor apply
// them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

enum class Role { kActual, kTarget, kOther };
const char* RoleName(Role role);

// What a figure is over its years: one year's figure, a total over the
// years (累计, 五年来新增…), an annual average (年均), a change over the
// years (五年增长50%), or the level a change starts from (由X提高到Y).
enum class PeriodKind { kYear, kTotal, kAverage, kChange, kBaseline };
const char* PeriodKindName(PeriodKind kind);

struct Period {
  int from = 0;  // first year, 0 when unknown
  int to = 0;    // last year
  PeriodKind kind = PeriodKind::kYear;

  bool known() const { return from != 0; }
  // One year's own figure: the only kind rules compare year on year.
  bool single_year() const { return known() && from == to && kind == PeriodKind::kYear; }
  static Period Year(int year) { return Period{year, year, PeriodKind::kYear}; }
};

// The words that set a period (rules/words.toml [period]): openers relative
// to the report's year T, and what may stand before an opener.
struct PeriodWords {
  struct Opener {
    std::string words;  // 过去一年, 这五年, 今年
    int from = 0;       // first year, as an offset from T (过去五年: −5)
    int to = 0;         // last year (过去五年: −1)
  };
  std::vector<Opener> openers;
  std::vector<std::string> leaders;  // 各位代表, ——, punctuation
  // The first characters of every opener and leader (and of “ and 刚, which
  // open a plan's name and 刚刚过去的): a sentence starting otherwise opens
  // nothing. Filled by Index().
  std::vector<std::string> starts;
  void Index();
};

// A role with its period: what a heading or an opener establishes.
struct PeriodCue {
  Role role = Role::kOther;
  Period period;
};

// The years named in `text` (2025年), in order, with their byte offsets.
struct YearMention {
  int year = 0;
  size_t at = 0;
};
std::vector<YearMention> YearsIn(std::string_view text);

// The years of the five-year plan named first in `text` (“十四五” →
// 2021–2025, 第十五个五年规划 → 2026–2030), with the byte offset of the
// name, or nullopt.
struct PlanYears {
  int from = 0;
  int to = 0;
  size_t at = 0;
};
std::optional<PlanYears> FindPlan(std::string_view text);

// The period a part heading names: the first of a year (2025年工作回顾), a
// plan period (“十五五”时期主要目标) or a review word (过去五年) in it.
// `target_year` is the year the report plans for.
std::optional<PeriodCue> HeadingPeriod(std::string_view title, int target_year,
                                       const PeriodWords& words);

// The period the opening words of a sentence set for what follows (过去一年，…
// / 这五年，… / 今年是… / “十五五”时期是… / 2025年是…), or nullopt when it
// opens with none.
std::optional<PeriodCue> OpenerPeriod(std::string_view sentence, int target_year,
                                      const PeriodWords& words);

// A past or future period of `from`..`to` seen from a report for
// `target_year`: years before it are results, the rest plans.
PeriodCue CueFor(int from, int to, int target_year);

}  // namespace plancheck
