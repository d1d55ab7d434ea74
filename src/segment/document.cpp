#include "segment/document.h"

#include <re2/re2.h>

#include <algorithm>

#include "base/utf8.h"
#include "text/normalize.h"

namespace plancheck {
namespace {

// The title after 、 is cut to 120 characters by the caller: ".{0,120}"
// here would compile to 120 copies of the UTF-8 automaton (4M instructions
// at every start).
const RE2& PartHeading() {
  static const RE2 re(R"(^\s*([一二三四五六七八九十]{1,3})、(.*))");
  return re;
}

// The first `n` characters of `s`.
std::string FirstChars(const std::string& s, size_t n) {
  size_t at = 0;
  while (at < s.size() && n > 0) {
    NextCodePoint(s, &at);
    --n;
  }
  return s.substr(0, std::min(at, s.size()));
}
const RE2& SubHeading() {
  static const RE2 re(R"(^\s*\(([一二三四五六七八九十]{1,3})\)(.*))");
  return re;
}
// The years a title names, in order.
std::vector<int> YearNumbers(std::string_view text) {
  std::vector<int> years;
  for (const YearMention& m : YearsIn(text)) years.push_back(m.year);
  return years;
}

bool Contains(const std::string& text, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (ContainsText(text, w)) return true;
  return false;
}

// The role a heading gives to the part under it.
Role HeadingRole(const std::string& title) {
  if (Contains(title, {"执行情况", "回顾", "完成情况", "工作总结", "过去一年", "过去五年",
                       "发展情况", "运行情况", "主要成绩", "工作成效", "主要成效"}))
    return Role::kActual;
  if (Contains(title, {"计划", "目标", "任务", "部署", "建议", "安排", "重点工作", "展望",
                       "工作要求", "总体要求"}))
    return Role::kTarget;
  return Role::kOther;
}

// A heading run into its paragraph ("一、2022年工作回顾 过去一年，…") ends at
// the first 。 or at the space after it.
std::string FirstSentence(const std::string& text) {
  size_t end = FindText(text, "。");
  for (const char* gap : {" ", "\t"}) {
    size_t at = FindText(text, gap);
    if (at != std::string::npos && at > 0 && at < end) end = at;
  }
  return end == std::string::npos ? text : text.substr(0, end);
}

// A short title line without a numeral ("“十四五”时期发展成就和2025年工作回顾")
// heads a part as 一、 would: no sentence punctuation, a period or work word.
bool IsUnnumberedHeading(const std::string& text) {
  if (text.empty() || text.size() > 120) return false;
  for (const char* mark :
       {"。", "，", ",", "；", ";", "：", ":", "！", "!", "？", "?", "(", "报告"})
    if (ContainsText(text, mark)) return false;
  return Contains(text, {"回顾", "目标", "任务", "工作", "成就", "部署", "安排"});
}

// The period a part heading sets: the one it names, else its role's year,
// else the genre's habit — a report's first part reviews the past year, and
// a part with no period word after a plan part carries on that plan.
PeriodCue PartCue(const Section& section, bool first_part, const PeriodCue& previous, int target,
                  const PeriodWords& words) {
  if (std::optional<PeriodCue> cue = HeadingPeriod(section.title, target, words)) return *cue;
  if (section.role == Role::kActual) return CueFor(target - 1, target - 1, target);
  if (section.role == Role::kTarget) return CueFor(target, target, target);
  if (first_part) return CueFor(target - 1, target - 1, target);
  if (previous.role == Role::kTarget) return previous;
  return PeriodCue{};
}

// Where each sentence after the first begins: after 。 ! ? (the normalized
// text has folded ！ and ？ to ASCII).
std::vector<size_t> SentenceStarts(std::string_view text) {
  std::vector<size_t> starts;
  for (size_t at = 0; (at = FindText(text, "。", at)) != std::string_view::npos;) {
    at += 3;
    if (at < text.size()) starts.push_back(at);
  }
  for (char mark : {'!', '?'}) {
    for (size_t at = 0; (at = text.find(mark, at)) != std::string_view::npos;) {
      ++at;
      if (at < text.size()) starts.push_back(at);
    }
  }
  std::sort(starts.begin(), starts.end());
  return starts;
}

void Apply(const PeriodCue& cue, Paragraph* para) {
  para->role = cue.role;
  para->period = cue.period;
}

// Pass 2: the role and period of every paragraph, from part headings,
// subsection headings that name a period, and paragraph openers; each holds
// until the next heading of its level or the next opener.
void AssignPeriods(const PeriodWords& words, Document* doc) {
  if (!doc->target_year) return;
  const int target = *doc->target_year;
  PeriodCue part;
  std::optional<PeriodCue> sub;
  int parts_seen = 0;
  for (Paragraph& para : doc->paragraphs) {
    const Section* section = para.section >= 0 ? &doc->sections[para.section] : nullptr;
    if (para.is_heading && section && section->heading.begin == para.span.begin) {
      if (section->level == 1) {
        part = PartCue(*section, parts_seen == 0, part, target, words);
        ++parts_seen;
        sub.reset();
      } else {
        sub = HeadingPeriod(section->title, target, words);
      }
      Apply(sub ? *sub : part, &para);
      continue;
    }
    PeriodCue& current = sub ? *sub : part;
    const std::string& text = para.normalized.text();
    if (std::optional<PeriodCue> opened = OpenerPeriod(text, target, words)) current = *opened;
    Apply(current, &para);
    for (size_t at : SentenceStarts(text)) {
      if (std::optional<PeriodCue> opened =
              OpenerPeriod(std::string_view(text).substr(at), target, words)) {
        current = *opened;
        para.period_changes.push_back({at, current});
      }
    }
  }
}
}  // namespace

PeriodCue Paragraph::CueAt(size_t at) const {
  PeriodCue cue{role, period};
  for (const PeriodChange& change : period_changes) {
    if (change.at > at) break;
    cue = change.cue;
  }
  return cue;
}

Document Segment(const SourceFile& file, const PeriodWords& words) {
  Document doc;
  doc.file = &file;

  // Title: the first line near the top that names the report.
  for (int line = 1; line <= std::min(file.line_count(), 12); ++line) {
    std::string text(file.LineText(line));
    if (doc.title.empty() &&
        (text.find("报告") != std::string::npos || text.find("政府工作") != std::string::npos) &&
        text.size() < 300) {
      doc.title = text;
      std::vector<int> years = YearNumbers(text);
      if (years.size() >= 2) {
        doc.actual_year = years.front();
        doc.target_year = years.back();
      } else if (years.size() == 1) {
        if (HeadingRole(text) == Role::kActual && text.find("计划草案") == std::string::npos) {
          doc.actual_year = years[0];
        } else {
          doc.target_year = years[0];
        }
      }
      static const RE2 region(R"(关于(.+?[省市县区州旗盟])\d{4}年)");
      std::string r;
      if (RE2::PartialMatch(text, region, &r)) doc.region = r;
    }
  }

  // Pass 1: headings and paragraphs, and the years the report is about.
  Role part_role = Role::kOther;
  std::optional<int> part_year;
  bool body_started = false;  // past the address to the deputies or a first part
  for (int line = 1; line <= file.line_count(); ++line) {
    std::string_view raw = file.LineText(line);
    size_t start = file.LineStart(line);
    Paragraph para;
    para.span = file.MakeSpan(start, start + raw.size());
    para.line = line;
    para.normalized = NormalizedText(raw, static_cast<uint32_t>(start));
    const std::string& text = para.normalized.text();
    std::string numeral, rest;
    // Headings start with a Chinese numeral or "(": test that before the regexes.
    size_t lead = text.find_first_not_of(" \t");
    bool maybe = lead != std::string::npos &&
                 (text[lead] == '(' || text.compare(lead, 3, "一") == 0 ||
                  text.compare(lead, 3, "二") == 0 || text.compare(lead, 3, "三") == 0 ||
                  text.compare(lead, 3, "四") == 0 || text.compare(lead, 3, "五") == 0 ||
                  text.compare(lead, 3, "六") == 0 || text.compare(lead, 3, "七") == 0 ||
                  text.compare(lead, 3, "八") == 0 || text.compare(lead, 3, "九") == 0 ||
                  text.compare(lead, 3, "十") == 0);
    bool part = maybe && RE2::PartialMatch(text, PartHeading(), &numeral, &rest);
    if (part) rest = FirstChars(rest, 120);
    if (!part && body_started && lead != std::string::npos &&
        IsUnnumberedHeading(text.substr(lead))) {
      part = true;
      rest = text.substr(lead);
    }
    bool sub = maybe && !part && RE2::PartialMatch(text, SubHeading(), &numeral, &rest);
    if (ContainsText(text, "各位代表")) body_started = true;
    if (part || sub) {
      Section section;
      section.level = part ? 1 : 2;
      section.title = FirstSentence(rest);
      section.heading = para.span;
      Role role = HeadingRole(section.title);
      std::vector<int> years = YearNumbers(section.title);
      if (!years.empty()) section.year = years.front();
      if (part) {
        // A part heading in the body ("一、" starting a long paragraph of
        // prose) is only a heading when it is short.
        // A short line is a heading; so is a long one whose first sentence is
        // a short title naming a period ("一、2022年工作回顾 过去一年，…").
        if ((section.title.size() <= 120 && text.size() <= 150) ||
            (section.title.size() <= 90 && role != Role::kOther && section.year)) {
          section.role = role;
          part_role = role;
          part_year = section.year;
          doc.sections.push_back(section);
          para.is_heading = true;
          body_started = true;
          if (part_role == Role::kActual && part_year && !doc.actual_year)
            doc.actual_year = part_year;
          if (part_role == Role::kTarget && part_year && !doc.target_year)
            doc.target_year = part_year;
        }
      } else {
        section.role = section.year ? role : Role::kOther;
        doc.sections.push_back(section);
        para.is_heading = text.size() <= 150;
      }
    }
    para.section = doc.sections.empty() ? -1 : static_cast<int>(doc.sections.size()) - 1;
    doc.paragraphs.push_back(std::move(para));
  }

  if (doc.actual_year && !doc.target_year) doc.target_year = *doc.actual_year + 1;
  if (doc.target_year && !doc.actual_year) doc.actual_year = *doc.target_year - 1;
  if (doc.region.empty()) {
    std::string head(file.text().substr(0, 4096));
    if (head.find("国务院") != std::string::npos) doc.region = "全国";
  }
  AssignPeriods(words, &doc);
  return doc;
}

}  // namespace plancheck
