#include "extract/extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "base/status.h"
#include "base/utf8.h"
#include "extract/enumeration.h"
#include "extract/fact_period.h"
#include "extract/links.h"
#include "text/guarded_regex.h"
#include "text/normalize.h"

namespace plancheck {

const char* MeasureName(Measure m) {
  switch (m) {
    case Measure::kLevel:
      return "level";
    case Measure::kRate:
      return "rate";
    case Measure::kGrowth:
      return "growth";
    case Measure::kChange:
      return "change";
    case Measure::kRank:
      return "rank";
    case Measure::kThreshold:
      return "threshold";
  }
  return "level";
}

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kEq:
      return "=";
    case Qualifier::kGe:
      return ">=";
    case Qualifier::kLe:
      return "<=";
    case Qualifier::kGt:
      return ">";
    case Qualifier::kLt:
      return "<";
    case Qualifier::kApprox:
      return "~";
  }
  return "=";
}

const char* ListKindName(ListKind k) {
  switch (k) {
    case ListKind::kNone:
      return "";
    case ListKind::kRespectively:
      return "respectively";
    case ListKind::kEach:
      return "each";
    case ListKind::kPairwise:
      return "pairwise";
  }
  return "";
}

namespace {

// Words that mark a whole sentence.
struct SentenceWords {
  bool claims_met = false;                   // 完成年度目标, and no 未完成
  size_t five_years_at = std::string::npos;  // the first 过去五年, 五年来, 这五年
};

// Whether the text has a match of `re` (null: no such list).
bool Says(const GuardedRegex* re, std::string_view text) {
  return re != nullptr && re->MayMatch(text) &&
         RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), re->re());
}

// What the sentence from `sentence_start` to `end` of `t` marks: a claim
// that targets were met (words.toml [claims] `met`, not `denied`), and the
// first word naming the years just ended (a [period] opener of more than
// one past year).
SentenceWords ReadSentenceWords(const std::string& t, size_t sentence_start, size_t end,
                                const Lexicon& lexicon) {
  const PeriodWords& period_words = lexicon.period_words();
  std::string_view whole(t.data() + sentence_start, end - sentence_start);
  SentenceWords info;
  info.claims_met = Says(lexicon.claim_words().Find("met"), whole) &&
                    !Says(lexicon.claim_words().Find("denied"), whole);
  for (const PeriodWords::Opener& opener : period_words.openers) {
    if (!(opener.from < opener.to && opener.to < 0)) continue;
    size_t at = FindText(whole, opener.words);
    if (at != std::string_view::npos)
      info.five_years_at = std::min(info.five_years_at, sentence_start + at);
  }
  return info;
}

// The qualifier, direction and measure of `q` from the words right before
// it (`narrow`, and `subject`: those words without verbs and fillers) and
// right after it (7%左右的速度).
void ReadMeasure(const std::string& t, std::string_view narrow, const std::string& subject_words,
                 const ExtractWords& words, RawQuantity* raw) {
  RawQuantity& q = *raw;
  Fact& f = q.fact;
  // Qualifier and direction words right before the number.
  std::string_view before = narrow;
  if (f.measure != Measure::kRank) {
    for (const ExtractWords::Valued& w : words.qualifiers) {
      if (EndsWith(before, w.words)) {
        if (f.qualifier == Qualifier::kEq) f.qualifier = static_cast<Qualifier>(w.value);
        before.remove_suffix(w.words.size());
        break;
      }
    }
    bool stripped = true;
    while (stripped) {
      stripped = false;
      for (std::string_view filler : words.fillers) {
        if (EndsWith(before, filler)) {
          before.remove_suffix(filler.size());
          stripped = true;
        }
      }
    }
    // "提高到48.2%", "上升到50.5%": the level reached, not a change.
    bool reached = EndsWith(before, "到") || EndsWith(before, "至");
    for (const ExtractWords::Valued& w : words.directions) {
      // 新增 names a flow (新增城镇就业), it is no direction.
      if (EndsWith(before, "新增") || reached) break;
      if (EndsWith(before, w.words)) {
        f.direction = w.value > 0 ? 1 : -1;
        q.direction_word = w.words;
        if (w.value == 2 || w.value == -2) f.measure = Measure::kChange;
        break;
      }
    }
    if (ContainsText(narrow, "净增") || ContainsText(narrow, "净减")) f.measure = Measure::kChange;
  }

  // Measure.
  if (f.measure == Measure::kRank || q.fixed_measure) {
    // stays
  } else if (f.dimension == "points") {
    f.measure = Measure::kChange;
  } else if (f.dimension == "percent") {
    const std::string& subject = subject_words;
    bool names_a_rate = EndsWith(subject, "率") || EndsWith(subject, "比重") ||
                        EndsWith(subject, "比例") || EndsWith(subject, "占比") ||
                        EndsWith(subject, "之比");
    if (f.direction != 0 || EndsWith(subject, "增速") || EndsWith(subject, "增幅") ||
        EndsWith(subject, "涨幅") || EndsWith(subject, "增长率") ||
        (!names_a_rate && (ContainsText(subject, "增长") || ContainsText(subject, "增速"))))
      f.measure = Measure::kGrowth;
    else
      f.measure = Measure::kRate;
  } else if (f.dimension == "ratio" && f.direction != 0) {
    f.measure = Measure::kGrowth;
    f.value *= 100;
    f.tolerance *= 100;
    if (f.upper) *f.upper *= 100;
    f.unit = "%";
    f.dimension = "percent";
  } else if (f.direction != 0) {
    // A direction word directly before a level unit: 增加1000亿元.
    f.measure = Measure::kChange;
  }
  if (f.direction < 0 && (f.measure == Measure::kGrowth || f.measure == Measure::kChange)) {
    f.value = -f.value;
    if (f.upper) *f.upper = -*f.upper;
  }
  if (f.written_sign == '-' && f.direction == 0) {
    f.value = -f.value;
  }
  // "6.5%-7%的增速", "7%左右的速度": a growth named after the number.
  if (f.measure == Measure::kRate &&
      (t.compare(q.end, 9, "的增速") == 0 || t.compare(q.end, 9, "的速度") == 0 ||
       t.compare(q.end, 9, "的增长") == 0 || t.compare(q.end, 9, "的增幅") == 0))
    f.measure = Measure::kGrowth;
  if (q.threshold) f.measure = Measure::kThreshold;
}

}  // namespace

Extractor::Extractor(const Lexicon& lexicon)
    : lexicon_(lexicon),
      quantities_(std::make_unique<QuantityScanner>(lexicon)),
      identity_(std::make_unique<IdentityReader>(lexicon)),
      lists_(std::make_unique<ListReader>(lexicon, *identity_)) {
  for (const auto* list : {&lexicon.identity_words().actions, &lexicon.identity_words().states,
                           &lexicon.identity_words().starts})
    enumeration_verbs_.insert(enumeration_verbs_.end(), list->begin(), list->end());
}

Extractor::~Extractor() = default;

std::vector<Fact> Extractor::Extract(const Document& doc) const {
  std::vector<Fact> facts;
  facts.reserve(doc.file->text().size() / 200);
  int sentence_base = 0;
  int next_list_id = 0;
  for (size_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
    const Paragraph& para = doc.paragraphs[pi];
    if (para.span.size() == 0) continue;
    const ParagraphText p(*doc.file, para.normalized);
    std::vector<RawQuantity> found = quantities_->Scan(p);
    if (!found.empty()) {
      ReadWords(doc, pi, p, sentence_base, &found);
      std::vector<Fact> read = lists_->Read(p, &found, &next_list_id);
      const size_t first = facts.size();
      for (Fact& f : read) facts.push_back(std::move(f));
      LinkParts(p, lexicon_.extract_words(), first, &facts);
      LinkGrowth(first, &facts);
    }
    sentence_base += p.bounds.sentence_count() + 1;
  }
  for (Fact& f : facts) f.report_year = doc.target_year;
  MatchTargetKeys(&facts);
  return facts;
}

// The words around one quantity that the stages of ReadWords share.
struct Extractor::Around {
  size_t qi = 0;  // the quantity's index in the paragraph
  size_t sentence_start = 0, clause_start = 0, seg_start = 0;
  std::string_view narrow, clause, sentence;   // from seg/clause/window start to the number
  std::string narrow_subject;                  // narrow without verbs and fillers
  std::string normalized_subject, noun_after;  // ReadSubject's
  bool only_verbs = false;
  size_t alias_begin = 0, alias_end = 0;  // the indicator's name in the text, when found
};

// Where one quantity stands: its sentence, clause and the words since the
// previous quantity of its clause (prev_end).
Extractor::Around Extractor::Place(const ParagraphText& p, const RawQuantity& q, size_t qi,
                                   size_t prev_end) const {
  const std::string& t = p.text;
  Around a;
  a.qi = qi;
  a.sentence_start = p.bounds.SentenceStart(q.begin);
  a.clause_start = p.bounds.ClauseStart(a.sentence_start, q.begin);
  a.seg_start = std::max(a.clause_start, prev_end > q.begin ? a.clause_start : prev_end);
  a.narrow = std::string_view(t.data() + a.seg_start, q.begin - a.seg_start);
  a.narrow_subject = TrimNoise(a.narrow, lexicon_.extract_words());  // without verbs and fillers
  a.clause = std::string_view(t.data() + a.clause_start, q.begin - a.clause_start);
  // A sentence may be a whole paragraph of commas: look back a bounded
  // window, so that work per quantity stays constant.
  constexpr size_t kWindow = 600;
  size_t window_start = q.begin - a.sentence_start > kWindow ? q.begin - kWindow : a.sentence_start;
  window_start = std::min(CharBoundaryAfter(t, window_start), q.begin);
  a.sentence = std::string_view(t.data() + window_start, q.begin - window_start);
  return a;
}

void Extractor::ReadWords(const Document& doc, size_t pi, const ParagraphText& p, int sentence_base,
                          std::vector<RawQuantity>* in) const {
  std::vector<RawQuantity>& found = *in;
  const std::string& t = p.text;
  std::unordered_map<size_t, SentenceWords> sentence_info;
  size_t prev_end = 0;
  // Where indicators were named in this paragraph: a verb inside one
  // (新增 in 新增城镇就业) governs no other item of its clause.
  std::vector<std::pair<size_t, size_t>> aliases;
  for (size_t qi = 0; qi < found.size(); ++qi) {
    RawQuantity& q = found[qi];
    Fact& f = q.fact;
    Around a = Place(p, q, qi, prev_end);
    prev_end = q.end;
    // Words that mark the whole sentence, found once per sentence.
    auto info_it = sentence_info.find(a.sentence_start);
    if (info_it == sentence_info.end()) {
      const size_t end = p.bounds.SentenceEnd(q.begin, t.size());
      info_it =
          sentence_info
              .emplace(a.sentence_start, ReadSentenceWords(t, a.sentence_start, end, lexicon_))
              .first;
    }
    const SentenceWords& sentence_words = info_it->second;

    f.span = p.SourceSpan(q.begin, q.end);
    f.text = std::string(p.file.Slice(f.span));
    f.paragraph = static_cast<int>(pi);
    f.sentence = sentence_base + p.bounds.SentencesBefore(q.begin);
    ReadMeasure(t, a.narrow, a.narrow_subject, lexicon_.extract_words(), &q);

    QuantityPlace place;
    place.text = t;
    place.sentence_start = a.sentence_start;
    place.clause_start = a.clause_start;
    place.begin = q.begin;
    place.end = q.end;
    place.narrow = a.narrow;
    // 累计 governs its own clause ("累计突破5000亿元，认定…8家" counts 8 in the year).
    place.cumulative = ContainsText(a.clause, "累计");
    place.five_years = sentence_words.five_years_at < q.begin;
    ReadPeriod(doc, doc.paragraphs[pi], place, &f);
    f.claims_met = sentence_words.claims_met;

    ReadSubject(p, &a, &q);
    ReadIndicator(p, found, &a, &aliases, &q);
    ReadTier(p.file, &f);
    ReadIdentity(p, a, aliases, &q);
    InheritBaseline(found, a, &f);
    ReadEnumerationOf(p, a, q, &f);
  }
}

// Subject: the words before the number, and the noun after it when those
// are only a verb.
void Extractor::ReadSubject(const ParagraphText& p, Around* around, RawQuantity* q_) const {
  Around& a = *around;
  RawQuantity& q = *q_;
  Fact& f = q.fact;
  const std::string& t = p.text;
  const IdentityReader& identity = *identity_;
  // Subject: the words before the number, and the noun after it when
  // those are only a verb ("新建20个区域养老服务中心", "33个省市重点项目").
  if (f.measure == Measure::kLevel || f.measure == Measure::kThreshold)
    a.noun_after = identity.NounAfter(std::string_view(t).substr(q.end));
  // "新建提升310公里农村公路", "减少30个审批事项": a direction word with its
  // object after the number is a verb of doing; the figure counts that
  // object, it is no change of the words before.
  if (f.measure == Measure::kChange && f.direction != 0 && f.dimension != "points" &&
      f.dimension != "percent" && !ContainsText(a.narrow, "净")) {
    a.noun_after = identity.NounAfter(std::string_view(t).substr(q.end));
    if (!a.noun_after.empty()) {
      f.measure = Measure::kLevel;
      f.direction = 0;
      f.value = std::fabs(f.value);
      if (f.upper) *f.upper = std::fabs(*f.upper);
    }
  }
  a.normalized_subject = identity.Normalize(a.narrow_subject);
  // Nothing but a verb before the number (新建, 抓好, 设立 — a word of one
  // or two characters): the noun after it is what is counted.
  a.only_verbs = a.normalized_subject.size() <= 6 && !a.noun_after.empty();
  std::string subject = a.only_verbs ? a.noun_after : a.narrow_subject;
  if (f.measure != Measure::kRank) f.subject = subject;
}

// Indicator: the lexicon's name nearest the number.
void Extractor::ReadIndicator(const ParagraphText& p, const std::vector<RawQuantity>& found,
                              Around* around, std::vector<std::pair<size_t, size_t>>* names,
                              RawQuantity* q_) const {
  Around& a = *around;
  RawQuantity& q = *q_;
  Fact& f = q.fact;
  std::vector<std::pair<size_t, size_t>>& aliases = *names;
  const size_t qi = a.qi;
  const Boundaries& bounds = p.bounds;
  auto source_span = [&p](size_t b, size_t e) { return p.SourceSpan(b, e); };
  const IdentityReader& identity = *identity_;
  // Indicator: the nearest mention in the narrow context, then the
  // clause, then (for rates, growth and ranks that continue a sentence)
  // the sentence.
  // An alias found but narrowed (人均地区生产总值) ends the search: a wider
  // context would only find an alias further away, of another phrase.
  bool narrowed = false;
  auto find = [&](std::string_view context, size_t context_begin, bool strict) {
    if (narrowed) return false;
    std::string_view dim = f.measure == Measure::kLevel || f.measure == Measure::kRate ||
                                   f.measure == Measure::kThreshold
                               ? std::string_view(f.dimension)
                               : std::string_view();
    std::string_view unit = dim.empty() ? std::string_view() : std::string_view(f.unit);
    // Only a level may name an indicator of another dimension right
    // beside it (unit-dimension-mismatch reads that); a rate never
    // belongs to an amount (服务业在国内生产总值中的比重).
    bool loose = !strict && f.measure == Measure::kLevel;
    std::optional<IndicatorMatch> m = loose ? lexicon_.FindIndicator(context, "", unit)
                                            : lexicon_.FindIndicator(context, dim, unit);
    if (m && loose && !dim.empty()) {
      // Prefer a compatible indicator named at the same place.
      std::optional<IndicatorMatch> c = lexicon_.FindIndicator(context, dim, unit);
      if (c && c->end == m->end) m = c;
    }
    if (!m) return false;
    // 人均地区生产总值, 海洋生产总值, 对东盟进出口: words in front of the
    // alias make it another indicator.
    if (identity.NarrowsAlias(context.substr(0, m->begin))) {
      narrowed = true;
      return false;
    }
    f.indicator = m->indicator;
    f.indicator_span = source_span(context_begin + m->begin, context_begin + m->end);
    a.alias_begin = context_begin + m->begin;
    a.alias_end = context_begin + m->end;
    const auto range = std::make_pair(a.alias_begin, a.alias_end);
    auto at = std::lower_bound(aliases.begin(), aliases.end(), range);
    if (at == aliases.end() || *at != range) aliases.insert(at, range);
    return true;
  };
  // A clause that continues the sentence's subject: "…实现82.7亿元,增速居全市
  // 第5", "…,同比增长7%". An empty one ("7%左右的速度可以实现") does not.
  bool continues = StartsWith(a.narrow, "增速") || StartsWith(a.narrow, "增幅") ||
                   StartsWith(a.narrow, "同比") || StartsWith(a.narrow, "比上年") ||
                   StartsWith(a.narrow, "较上年");
  // Reach back past an earlier quantity of the clause only when this
  // one's own words are a generic head (总投资, 增速), not a noun
  // phrase of its own (公路投资 after 铁路投资…).
  bool generic_head = a.narrow_subject.size() <= 9 || StartsWith(a.narrow_subject, "总") ||
                      StartsWith(a.narrow_subject, "其中") || continues || a.narrow_subject.empty();
  if (!find(a.narrow, a.seg_start, false) &&
      !(generic_head || a.seg_start == a.clause_start ? find(a.clause, a.clause_start, true)
                                                      : false)) {
    if (continues && f.measure != Measure::kLevel) find(a.sentence, a.sentence_start, true);
  }
  if (f.indicator == nullptr && f.measure != Measure::kRank && a.only_verbs)
    find(a.noun_after, q.end, true);
  // "国内生产总值达到67.7万亿元，增长6.9%": a growth with no words of its own
  // right after a level of its sentence is that level's growth.
  if (f.indicator == nullptr && f.measure == Measure::kGrowth && a.narrow_subject.empty() &&
      qi > 0 && found[qi - 1].fact.measure == Measure::kLevel &&
      found[qi - 1].fact.indicator != nullptr &&
      bounds.SentenceStart(found[qi - 1].begin) == a.sentence_start)
    f.indicator = found[qi - 1].fact.indicator;
  // "居民消费价格指数上涨2%": an index's growth is the figure of another
  // indicator (its 涨幅), the one the targets name.
  if (f.indicator != nullptr && f.measure == Measure::kGrowth && f.indicator->growth_is != nullptr)
    f.indicator = f.indicator->growth_is;
  // "农村贫困人口减少1232万人": a direction word that ends the indicator's own
  // name (农村贫困人口减少) names it; the figure is its level.
  if (f.indicator != nullptr && f.measure == Measure::kChange && !q.direction_word.empty() &&
      EndsWith(f.indicator->name, q.direction_word)) {
    f.measure = Measure::kLevel;
    f.direction = 0;
    f.value = std::fabs(f.value);
    if (f.upper) *f.upper = std::fabs(*f.upper);
  }
}

void Extractor::ReadTier(const SourceFile& file, Fact* fact) const {
  Fact& f = *fact;
  // Tier (国家级, 中央) and flow (新建, 新增) words are part of a fact's
  // identity, read outside the words that name the indicator (新增 in
  // 城镇新增就业 is the indicator's own).
  std::string scope = f.subject;
  if (f.indicator_span.valid()) {
    std::string alias = NormalizedText(file.Slice(f.indicator_span)).text();
    size_t at = RFindText(scope, alias);
    if (at != std::string::npos) scope.erase(at, alias.size());
  }
  // Every tier word holds 级, 国, 中央 or 地方, every flow word 新 or
  // 改建: those few searches rule most subjects out.
  if (ContainsText(scope, "级") || ContainsText(scope, "国") || ContainsText(scope, "中央") ||
      ContainsText(scope, "地方")) {
    for (const std::string& tier : lexicon_.identity_words().tiers) {
      if (ContainsText(scope, tier)) {
        f.tier = tier;
        break;
      }
    }
  }
}

// Identity: the indicator named beside the number, what it counts, flow or
// stock, begun or finished, a ceiling.
void Extractor::ReadIdentity(const ParagraphText& p, const Around& a,
                             const std::vector<std::pair<size_t, size_t>>& aliases,
                             RawQuantity* q_) const {
  const RawQuantity& q = *q_;
  Fact& f = q_->fact;
  const ExtractWords& words = lexicon_.extract_words();
  const std::string& t = p.text;
  const IdentityReader& identity = *identity_;
  // The indicator named right before the number: only verbs of being,
  // direction words, qualifiers and scope words between (实现, 增长, 约,
  // 全年); "规上工业单位增加值能耗" names 能耗, not 增加值.
  if (a.alias_end > a.alias_begin && a.alias_end <= q.begin && a.alias_begin >= a.seg_start &&
      a.noun_after.empty())
    f.indicator_adjacent =
        identity
            .Normalize(
                TrimNoise(std::string_view(t).substr(a.alias_end, q.begin - a.alias_end), words))
            .empty();

  // Identity: what it counts, flow or stock, and whether less is better.
  // A verb of doing governs every item of its clause ("新增科技型中小企业
  // 7227家、专精特新企业1565家"), except inside the indicator's own name
  // (新增 in 城镇新增就业).
  if (f.measure != Measure::kRank) {
    // The lexicon's name is the key where it names the subject; the noun is
    // read out only where it is needed.
    if (f.indicator != nullptr) {
      f.key = f.indicator->name;
      f.noun = a.normalized_subject;
    } else {
      f.noun = identity.Key(a.narrow_subject, a.normalized_subject, a.noun_after);
      f.key = identity.KeyOf(nullptr, f.noun);
    }
    if (f.measure == Measure::kLevel || f.measure == Measure::kThreshold) {
      // The clause's words outside every indicator name in it.
      size_t from = a.clause_start;
      for (const auto& [b, e] : aliases) {
        if (e <= from || b >= q.begin) continue;
        if (b > from && identity.NamesAction(std::string_view(t).substr(from, b - from)))
          f.flow = true;
        from = std::max(from, e);
      }
      if (from < q.begin && identity.NamesAction(std::string_view(t).substr(from, q.begin - from)))
        f.flow = true;
    }
    const IdentityReader::Marks marks = identity.MarksIn(a.narrow);
    if (f.measure == Measure::kLevel || f.measure == Measure::kThreshold) {
      f.started = marks.start;
      f.finished = marks.finish;
    }
    f.stock = !f.flow && marks.stock;
    f.cap = f.qualifier == Qualifier::kLe || marks.cap;
  }
}

void Extractor::InheritBaseline(const std::vector<RawQuantity>& found, const Around& a,
                                Fact* fact) const {
  Fact& f = *fact;
  const size_t qi = a.qi;
  const IdentityReader& identity = *identity_;
  // "由每人每年320元提高到380元": the level a change reaches counts what its
  // baseline counts.
  if (qi > 0 && found[qi - 1].fact.period.kind == PeriodKind::kBaseline &&
      a.seg_start == found[qi - 1].end && a.seg_start > a.clause_start &&
      identity.Normalize(a.narrow_subject).empty()) {
    const Fact& baseline = found[qi - 1].fact;
    f.indicator = baseline.indicator;
    f.subject = baseline.subject;
    f.noun = baseline.noun;
    f.key = baseline.key;
  }
}

void Extractor::ReadEnumerationOf(const ParagraphText& p, const Around& a, const RawQuantity& q,
                                  Fact* fact) const {
  Fact& f = *fact;
  auto source_span = [&p](size_t b, size_t e) { return p.SourceSpan(b, e); };
  const std::string& t = p.text;
  // Named items right before a count: "东城、葭萌2所", "虎跳、清水等4个".
  // Only the form "names N个 noun" counts: "国家级、省级龙头企业5家。" names
  // no items, it qualifies a noun.
  bool noun_follows =
      q.end < t.size() &&
      !AnyWordAt(t, q.end, {",", ";", ":", "。", "、", ")", "”", "，", "；", "和", "与", "及"});
  // Only a clause whose first quantity this is: "42个示范村、22个示范片区"
  // is two counts, not a list counted as 22.
  if (f.dimension == "count" && !q.bare && a.narrow.size() > 0 && noun_follows &&
      a.seg_start == a.clause_start) {
    if (std::optional<Enumeration> e =
            ReadEnumeration(a.narrow, std::string_view(t).substr(q.begin, q.end - q.begin),
                            std::string_view(t).substr(q.end), enumeration_verbs_)) {
      f.enumeration = std::move(*e);
      f.enumeration.span = source_span(a.seg_start, q.end);
    }
  }
}

}  // namespace plancheck
