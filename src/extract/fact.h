// Fact: one quantitative statement of a report — a quantity with what it
// measures (indicator, subject), how (measure, qualifier), and of which
// period (role, year). Facts carry their source Span from the moment they
// are made; the SourceFile must outlive them.
#pragma once

#include <optional>
#include <string>

#include "base/span.h"
#include "extract/enumeration.h"
#include "extract/lexicon.h"
#include "extract/measure.h"
#include "segment/document.h"
#include "segment/period.h"

namespace plancheck {

enum class ListKind { kNone, kRespectively, kEach, kPairwise };

const char* ListKindName(ListKind k);

// Where a fact stands in a list of values (分别, 均, or values paired
// without 分别): "城镇和农村居民人均可支配收入分别增长5.8%、6.9%".
struct ListPlace {
  int id = -1;  // the list's number within the report; -1: in no list
  ListKind kind = ListKind::kNone;
  int items = 0;      // the items named before the values
  int commas = 0;     // the items as 、 alone separates them (和 may belong to a name)
  std::string names;  // the items as read, joined by 、 (for messages)
  int values = 0;
  int index = 0;  // this value's place among them
  Span span;      // the items and values
};

struct Fact {
  Span span;                    // the quantity as printed: 1600人以上, 第5, 8.5%
  std::string text;             // the source text under `span`
  double value = 0;             // in the base unit; 下降 makes growth negative
  std::optional<double> upper;  // the upper end of a range (6%-6.5%)
  double tolerance = 0;         // half a unit of the last printed digit, in base units
  std::string unit;             // base unit: 元 吨 亩 人 % 百分点 rank ...
  std::string dimension;        // money count mass area percent points rank ...
  bool generic_unit = false;    // 个, 项: a count of whatever noun follows
  Measure measure = Measure::kLevel;
  Qualifier qualifier = Qualifier::kEq;
  Role role = Role::kOther;
  Period period;            // the years it is about, and how (one year, total, average…)
  std::optional<int> year;  // period.from when the period is one year
  const Indicator* indicator = nullptr;
  Span indicator_span;  // where the indicator is named, when it is
  // The indicator's name stands right before the number, with only verbs of
  // being between (地区生产总值实现82.7亿元), and no noun follows the number.
  bool indicator_adjacent = false;
  std::string subject;   // the normalized noun phrase the number belongs to
  std::string tier;      // 国家级, 省级以上, 中央 ...: part of identity
  bool flow = false;     // a verb of doing (新建, 改造, 完成): what was done, not what exists
  bool started = false;  // 启动, 开工: counts what was begun, not finished
  bool finished = false;  // 建成, 竣工: counts what was finished
  bool stock = false;     // 累计, 总数 ... without a verb of doing: what exists
  bool cap = false;       // 控制在, 以内: a ceiling, where less is better
  // What it counts, for matching figures of one thing across paragraphs: the
  // lexicon's canonical name, else the subject read on both sides of the
  // number and normalized (see extract/identity.h); "" when nothing specific.
  std::string key;
  std::string noun;         // the normalized subject alone, even where the lexicon names it
  bool cumulative = false;  // 累计
  bool multi_year = false;  // 年均, 过去五年: not a single year's figure
  char written_sign = 0;    // '-' or '+' printed before the number
  int direction = 0;        // +1 增长…, -1 下降…, 0 none
  ListPlace list;           // the 分别 / 均 / pairwise list it came from, if any
  Enumeration enumeration;  // named items right before a count
  // Whole and parts: the index (in the report's fact list) of the fact this
  // one is a part of — after 其中, or a later stage of 签约 → 开工 → 投产 —
  // or -1.
  int part_of = -1;
  int stage = -1;  // 0 签约, 1 开工, 2 投产/竣工 within a funnel, or -1
  // The year the report was published for (its target year): report N
  // states year N−1 actuals and year N targets.
  std::optional<int> report_year;
  // Its sentence claims a target was met (圆满完成年度计划, 超额完成, 实现预期目标).
  bool claims_met = false;
  // For a level: the growth stated beside it ("实现32.2亿元,同比下降1.6%").
  std::optional<double> stated_growth;
  double stated_growth_tolerance = 0;
  int paragraph = 0;  // index into Document::paragraphs
  int sentence = 0;   // sentence number within the document

  std::string indicator_name() const { return indicator ? indicator->name : std::string(); }
};

}  // namespace plancheck
