#include "extract/fact_period.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "base/utf8.h"

namespace plancheck {
namespace {

// Words before a number that start a change from it: 由320元提高到380元.
constexpr std::string_view kChangeTo[] = {
    "提高到", "增加到", "上升到", "提升到", "调整到", "降低到", "下降到", "降到",   "增至",
    "提高至", "降至",   "增长到", "扩大到", "提升至", "增长至", "减少到", "缩小到", "压减到"};

// A year printed right before the number: 增长到2025年的5万亿元, 2030年底的.
std::optional<int> YearRightBefore(std::string_view narrow) {
  static const RE2 kYearBefore(R"(((?:19|20)\d\d)年(?:底|末)?(?:的)?$)");
  if (narrow.size() < 7) return std::nullopt;
  // The pattern ends within 年底的 of the end: look for 年 there first.
  if (!ContainsText(narrow.substr(narrow.size() - std::min<size_t>(narrow.size(), 12)), "年"))
    return std::nullopt;
  std::string year;
  re2::StringPiece s(narrow.data(), narrow.size());
  if (!RE2::PartialMatch(s, kYearBefore, &year)) return std::nullopt;
  return std::stoi(year);
}

// A year that opens the clause or sentence: 2024年底, 到2030年, 截至2025年末.
std::optional<int> LeadingYear(std::string_view scope) {
  static const RE2 kLeadingYear(R"(^(?:在|到|至|截至|截止)?((?:19|20)\d\d)年(?:底|末|全年)?)");
  if (scope.empty() ||
      !((scope[0] >= '0' && scope[0] <= '9') || StartsWith(scope, "在") ||
        StartsWith(scope, "到") || StartsWith(scope, "至") || StartsWith(scope, "截")))
    return std::nullopt;
  std::string year;
  re2::StringPiece s(scope.data(), scope.size());
  if (!RE2::PartialMatch(s, kLeadingYear, &year)) return std::nullopt;
  return std::stoi(year);
}

bool StartsChange(const QuantityPlace& place) {
  std::string_view tail =
      place.narrow.substr(place.narrow.size() > 18 ? place.narrow.size() - 18 : 0);
  if (!ContainsText(tail, "由") && !ContainsText(tail, "从")) return false;
  std::string_view after = place.text.substr(place.end);
  return std::any_of(std::begin(kChangeTo), std::end(kChangeTo),
                     [&](std::string_view w) { return StartsWith(after, w); });
}

// 年均增长, 平均每年新增 in the clause: an annual average over years. 年均浓度
// (PM2.5) is the mean over one year, a level of its own.
bool AverageOverYears(std::string_view clause) {
  static constexpr std::string_view kMeanOfOneYear[] = {"浓度", "气温", "降水", "降雨"};
  if (ContainsText(clause, "平均每年")) return true;
  for (size_t at = 0; (at = FindText(clause, "年均", at)) != std::string_view::npos; at += 6) {
    std::string_view rest = clause.substr(at + 6);
    if (std::none_of(std::begin(kMeanOfOneYear), std::end(kMeanOfOneYear),
                     [&](std::string_view w) { return StartsWith(rest, w); }))
      return true;
  }
  return false;
}

// The kind of a figure read over several years: growth over them is a
// change, anything else a total.
PeriodKind SpanKind(const Fact& f) {
  return f.measure == Measure::kGrowth || f.measure == Measure::kChange ? PeriodKind::kChange
                                                                        : PeriodKind::kTotal;
}

}  // namespace

void ReadPeriod(const Document& doc, const Paragraph& para, const QuantityPlace& place, Fact* f) {
  const PeriodCue cue = para.CueAt(place.begin);
  f->role = cue.role;
  f->period = cue.period;
  if (f->period.known() && f->period.from != f->period.to) f->period.kind = SpanKind(*f);

  std::string_view clause = place.text.substr(place.clause_start, place.begin - place.clause_start);
  std::string_view sentence_head = place.text.substr(
      place.sentence_start, std::min<size_t>(place.begin - place.sentence_start, 40));
  for (std::string_view scope : {clause, sentence_head}) {
    if (std::optional<int> y = LeadingYear(scope)) {
      f->period = Period::Year(*y);
      if (doc.target_year) f->role = *y < *doc.target_year ? Role::kActual : Role::kTarget;
      break;
    }
  }
  if (std::optional<int> y = YearRightBefore(place.narrow)) {
    f->period = Period::Year(*y);
    if (doc.target_year) f->role = *y < *doc.target_year ? Role::kActual : Role::kTarget;
  }
  // "由每人每年320元提高到380元", "从2020年的3.68万亿元增长到…": the number
  // after 由/从 is the level the change starts from — the year before the
  // period's first (or the year printed with it), a result either way.
  if (f->period.known() && f->role != Role::kOther && StartsChange(place)) {
    int year = YearRightBefore(place.narrow).value_or(f->period.from - 1);
    f->role = Role::kActual;
    f->period = Period{year, year, PeriodKind::kBaseline};
  }
  const bool own_year = f->period.single_year();
  if (place.five_years && own_year && doc.target_year) {
    int last = f->role == Role::kTarget ? *doc.target_year + 4 : *doc.target_year - 1;
    f->period = Period{last - 4, last, SpanKind(*f)};
  }
  if (place.cumulative) {
    f->cumulative = true;
    // 能耗强度累计下降17.3%: a change over the plan's years, not one year's.
    if (f->period.single_year() && SpanKind(*f) == PeriodKind::kChange)
      f->period = Period{f->period.to - 4, f->period.to, PeriodKind::kChange};
    else if (f->period.kind == PeriodKind::kYear)
      f->period.kind = PeriodKind::kTotal;
  }
  if (AverageOverYears(clause)) f->period.kind = PeriodKind::kAverage;
  if (f->role == Role::kOther) f->period = Period{};

  f->year.reset();
  const bool one_year = f->period.known() && f->period.from == f->period.to;
  if (one_year && f->period.kind != PeriodKind::kAverage) f->year = f->period.from;
  f->multi_year = (f->period.known() && f->period.from != f->period.to) ||
                  f->period.kind == PeriodKind::kAverage || place.five_years;
}

}  // namespace plancheck
