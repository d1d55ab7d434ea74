#include "segment/period.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "base/utf8.h"
#include "text/normalize.h"

namespace plancheck {
namespace {

std::string_view SkipLeaders(std::string_view text, const PeriodWords& words) {
  bool skipped = true;
  while (skipped) {
    skipped = false;
    size_t lead = text.find_first_not_of(" \t");
    if (lead == std::string_view::npos) return {};
    text.remove_prefix(lead);
    for (const std::string& leader : words.leaders) {
      if (StartsWith(text, leader)) {
        text.remove_prefix(leader.size());
        skipped = true;
      }
    }
  }
  return text;
}

int ChineseDigit(std::string_view d) {
  static constexpr std::array<std::string_view, 9> kDigits = {"一", "二", "三", "四", "五",
                                                              "六", "七", "八", "九"};
  for (size_t i = 0; i < kDigits.size(); ++i)
    if (d == kDigits[i]) return static_cast<int>(i) + 1;
  return 0;
}

// 十四 → 14, 九 → 9, 十 → 10.
int PlanNumber(std::string_view numeral) {
  if (StartsWith(numeral, "十")) {
    numeral.remove_prefix(3);
    return 10 + (numeral.empty() ? 0 : ChineseDigit(numeral));
  }
  return ChineseDigit(numeral);
}

// Whether `text` may open a period: it starts with a digit (2025年是…) or
// with a character some opener or leader starts with (PeriodWords::starts).
bool MayOpen(std::string_view text, const PeriodWords& words) {
  if (text.empty()) return false;
  if (text[0] >= '0' && text[0] <= '9') return true;
  return std::any_of(words.starts.begin(), words.starts.end(),
                     [&](const std::string& s) { return StartsWith(text, s); });
}

const RE2& YearOpener() {
  // 2025年是…, 2025年，…, 刚刚过去的2025年…, 2025年以来…
  static const RE2 re(
      R"(^(?:刚刚过去的)?((?:19|20)\d\d)年(?:是|,|，|以来|全年|全省|全市|全区|全国|我省|我市|我区|我们|，))");
  return re;
}

}  // namespace

std::vector<YearMention> YearsIn(std::string_view text) {
  static const RE2 kYearWord(R"(((?:19|20)\d\d)年)");
  std::vector<YearMention> years;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece year;
  while (RE2::FindAndConsume(&input, kYearWord, &year))
    years.push_back({std::stoi(std::string(year.data(), year.size())),
                     static_cast<size_t>(year.data() - text.data())});
  return years;
}

const char* RoleName(Role role) {
  switch (role) {
    case Role::kActual:
      return "actual";
    case Role::kTarget:
      return "target";
    case Role::kOther:
      return "other";
  }
  return "other";
}

const char* PeriodKindName(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kYear:
      return "year";
    case PeriodKind::kTotal:
      return "total";
    case PeriodKind::kAverage:
      return "average";
    case PeriodKind::kChange:
      return "change";
    case PeriodKind::kBaseline:
      return "baseline";
  }
  return "year";
}

void PeriodWords::Index() {
  starts = {"“", "刚"};
  auto first_char = [](const std::string& w) {
    size_t at = 0;
    NextCodePoint(w, &at);
    return w.substr(0, at);
  };
  for (const Opener& o : openers) starts.push_back(first_char(o.words));
  for (const std::string& l : leaders) starts.push_back(first_char(l));
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
}

std::optional<PlanYears> FindPlan(std::string_view text) {
  // “十四五”, “十五五”, “九五”; 第十五个五年规划.
  static const RE2 quoted(R"(“(十[一二三四五六七八九]?|[一二三四五六七八九])五”)");
  static const RE2 spelt(R"(第(十[一二三四五六七八九]?|[一二三四五六七八九])个五年规划)");
  std::optional<PlanYears> best;
  for (const RE2* re : {&quoted, &spelt}) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece whole, numeral;
    if (!re->Match(input, 0, input.size(), RE2::UNANCHORED, &whole, 1)) continue;
    RE2::PartialMatch(whole, *re, &numeral);
    int n = PlanNumber(std::string_view(numeral.data(), numeral.size()));
    if (n < 1) continue;
    // The first plan ran 1953–1957; the third began in 1966 after a pause,
    // and every plan since has run five years.
    int from = n >= 3 ? 1966 + 5 * (n - 3) : 1953 + 5 * (n - 1);
    size_t at = static_cast<size_t>(whole.data() - text.data());
    if (!best || at < best->at) best = PlanYears{from, from + 4, at};
  }
  return best;
}

PeriodCue CueFor(int from, int to, int target_year) {
  PeriodCue cue;
  cue.role = to < target_year ? Role::kActual : Role::kTarget;
  cue.period = Period{from, to, PeriodKind::kYear};
  return cue;
}

std::optional<PeriodCue> HeadingPeriod(std::string_view title, int target_year,
                                       const PeriodWords& words) {
  std::optional<PeriodCue> cue;
  size_t best = std::string_view::npos;
  if (std::vector<YearMention> years = YearsIn(title); !years.empty()) {
    best = years.front().at;
    cue = CueFor(years.front().year, years.front().year, target_year);
  }
  if (std::optional<PlanYears> plan = FindPlan(title); plan && plan->at < best) {
    best = plan->at;
    cue = CueFor(plan->from, plan->to, target_year);
  }
  for (const PeriodWords::Opener& o : words.openers) {
    size_t at = FindText(title, o.words);
    if (at != std::string_view::npos && at < best) {
      best = at;
      cue = CueFor(target_year + o.from, target_year + o.to, target_year);
    }
  }
  return cue;
}

std::optional<PeriodCue> OpenerPeriod(std::string_view sentence, int target_year,
                                      const PeriodWords& words) {
  // Most sentences start with a character no opener or leader starts with.
  if (sentence.empty() || !(sentence[0] == ' ' || sentence[0] == '\t' || MayOpen(sentence, words)))
    return std::nullopt;
  // Openers are short: a bounded head keeps the cost per sentence constant.
  std::string_view text = SkipLeaders(sentence.substr(0, 96), words);
  if (text.empty() || !MayOpen(text, words)) return std::nullopt;
  re2::StringPiece input(text.data(), text.size());
  std::string year;
  if ((std::isdigit(static_cast<unsigned char>(text[0])) || StartsWith(text, "刚刚")) &&
      RE2::PartialMatch(input, YearOpener(), &year)) {
    int y = std::stoi(year);
    return CueFor(y, y, target_year);
  }
  // “十四五”时期是…, “十四五”以来…: the plan's name opens the paragraph.
  std::optional<PlanYears> plan;
  if (StartsWith(text, "“") && (plan = FindPlan(text)) && plan->at == 0) {
    std::string_view rest = text.substr(FindText(text, "”") + 3);
    if (StartsWith(rest, "以来")) return CueFor(plan->from, target_year - 1, target_year);
    if (StartsWith(rest, "时期") || StartsWith(rest, "期间") || StartsWith(rest, "规划"))
      return CueFor(plan->from, plan->to, target_year);
  }
  for (const PeriodWords::Opener& o : words.openers) {
    if (StartsWith(text, o.words))
      return CueFor(target_year + o.from, target_year + o.to, target_year);
  }
  return std::nullopt;
}

}  // namespace plancheck
