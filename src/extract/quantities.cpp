#include "extract/quantities.h"

#include <re2/re2.h>
#include <unicode/fmtable.h>
#include <unicode/rbnf.h>

#include "base/simd.h"
#if PLANCHECK_SSE2
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "base/status.h"
#include "base/utf8.h"
#include "text/normalize.h"

namespace plancheck {

namespace {

// Parses "1,234.5" into a value and its number of decimals.
double ParseNumber(std::string_view digits, int* decimals) {
  std::string clean;
  *decimals = 0;
  bool after_point = false;
  for (char c : digits) {
    if (c == ',') continue;
    if (c == '.') {
      after_point = true;
      continue;
    }
    if (after_point) ++*decimals;
    clean.push_back(c);
  }
  // Exact integer arithmetic as far as a double allows, then one scaling.
  double mantissa = 0;
  for (char c : clean) mantissa = mantissa * 10 + (c - '0');
  return mantissa;  // caller divides by 10^decimals, combined with the magnitude
}

double Magnitude(std::string_view word) {
  static const std::pair<const char*, double> kTable[] = {
      {"万亿", 1e12}, {"千亿", 1e11}, {"百亿", 1e10}, {"亿", 1e8}, {"千万", 1e7},
      {"百万", 1e6},  {"十万", 1e5},  {"万", 1e4},    {"千", 1e3}, {"百", 1e2}};
  for (const auto& [w, v] : kTable)
    if (word == w) return v;
  return 1;
}

// value = mantissa * scale / 10^decimals, computed so that 82.7亿 is exactly
// 8270000000 rather than 8270000000.000001.
double Scale(double mantissa, int decimals, double scale) {
  double p = std::pow(10.0, decimals);
  if (scale >= p && std::fmod(scale, p) == 0) return mantissa * (scale / p);
  return mantissa * scale / p;
}

bool IsDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }

// The end of the numeric head of a quantity starting at `i`: the signs,
// digits, separators, % and range words (— － 至 到) that stand before its
// magnitude and unit.
size_t NumericHeadEnd(std::string_view t, size_t i) {
  while (i < t.size()) {
    char c = t[i];
    if (IsDigit(c) || c == ',' || c == '.' || c == '%' || c == '+' || c == '-' || c == '~') {
      ++i;
    } else if (WordAt(t, i, "—") || WordAt(t, i, "－") || WordAt(t, i, "至") ||
               WordAt(t, i, "到")) {
      i += 3;
    } else {
      break;
    }
  }
  return i;
}

// 零〇一二两三四五六七八九十百千万亿, all three bytes long in UTF-8: one bit
// per BMP code point.
bool IsChineseNumeralAt(std::string_view t, size_t i) {
  static const std::array<uint64_t, 1024> kBits = [] {
    std::array<uint64_t, 1024> bits{};
    for (char32_t c : std::u32string_view(U"零〇一二两三四五六七八九十百千万亿"))
      bits[c >> 6] |= uint64_t{1} << (c & 63);
    return bits;
  }();
  if (t.size() - i < 3) return false;
  unsigned char b0 = static_cast<unsigned char>(t[i]);
  if ((b0 & 0xF0) != 0xE0) return false;
  char32_t c = ((b0 & 0x0F) << 12) | ((static_cast<unsigned char>(t[i + 1]) & 0x3F) << 6) |
               (static_cast<unsigned char>(t[i + 2]) & 0x3F);
  return (kBits[c >> 6] >> (c & 63)) & 1;
}

// The words of the quantity pattern, in its order of preference.
constexpr std::string_view kRangeWords[] = {"-", "~", "—", "－", "至", "到"};
constexpr std::string_view kMagnitudeWords[] = {"万亿", "千亿", "百亿", "亿", "千万",
                                                "百万", "十万", "万",   "千", "百"};
constexpr std::string_view kApproxWords[] = {"余", "多"};
constexpr std::string_view kBoundWords[] = {"以上", "以下", "以内", "之内", "左右", "上下"};

}  // namespace

QuantityScanner::QuantityScanner(const Lexicon& lexicon) : lexicon_(lexicon) {
  auto alternation = [](const auto& words) {
    std::string out;
    for (std::string_view w : words) out += (out.empty() ? "" : "|") + RE2::QuoteMeta(w);
    return out;
  };
  // The lexicon keeps its units longest first (个百分点 before 个).
  for (const Unit& unit : lexicon.units()) unit_order_.push_back(unit.name);
  std::string units = alternation(unit_order_);
  if (units.empty()) units = "%";
  std::string pattern =
      R"(([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))"  // 1 sign, 2 number
      "(?:(%)?(?:" +
      alternation(kRangeWords) +
      R"()(\d+(?:\.\d+)?))?)"  // 3 %, 4 upper
      "(" +
      alternation(kMagnitudeWords) +
      ")?"  // 5 magnitude
      "(" +
      alternation(kApproxWords) +
      ")?"  // 6
      "(" +
      units +
      ")"  // 7 unit
      "(" +
      alternation(kApproxWords) +
      ")?"  // 8
      "(" +
      alternation(kBoundWords) + ")?";  // 9
  // After the numeric head: magnitude (6 bytes), 余/多 (3), unit, 余/多,
  // 以上 (6).
  size_t longest_unit = 0;
  for (const Unit& unit : lexicon.units()) {
    longest_unit = std::max(longest_unit, unit.name.size());
    // NextQuantity relies on no unit starting with a digit, QuantityGroups
    // also on none starting with , or . (units.toml has none; a lexicon
    // with one gets RE2's own group search).
    PLANCHECK_CHECK(unit.name.empty() || !IsDigit(unit.name[0]));
    if (unit.name.empty() || unit.name[0] == ',' || unit.name[0] == '.') hand_groups_ = false;
  }
  max_tail_ = 6 + 3 + longest_unit + 3 + 6;
  RE2::Options options;
  options.set_log_errors(false);
  quantity_ = std::make_unique<RE2>(pattern, options);
  PLANCHECK_CHECK(quantity_->ok());
  rank_ = std::make_unique<RE2>(R"((居|排|列|位居|位列|排名|排位)([^,;。\d]{0,8}?)第(\d+)(位|名)?)",
                                options);
  PLANCHECK_CHECK(rank_->ok());

  // Chinese numerals before a counting word or amount. Units that mostly
  // make names with a numeral (三次产业, 第一批, 三级) are left out, and so is
  // a bare 一 (一批, 一个): idiom far more often than a count.
  static const std::string_view kSkip[] = {"次", "批", "批次", "级", "%",  "个百分点", "百分点",
                                           "倍", "天", "度",   "位", "类", "层",       "片",
                                           "块", "门", "口",   "对", "种", "款",       "支"};
  std::vector<std::string> numeral_units;
  for (const std::string& n : unit_order_)
    if (std::find(std::begin(kSkip), std::end(kSkip), n) == std::end(kSkip))
      numeral_units.push_back(n);
  const std::string cn_units = alternation(numeral_units);
  chinese_ = std::make_unique<RE2>(
      "([零〇二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿]*|"
      "一[零〇一二两三四五六七八九十百千万亿]+)(余|多)?(" +
          cn_units + ")(以上|以下|以内|左右)?",
      options);
  PLANCHECK_CHECK(chinese_->ok());
  spellout_ = SharedSpellout();
}

QuantityScanner::~QuantityScanner() = default;

// ICU's Chinese spell-out rules, made once per process (const use is safe
// from several threads; the object lives as long as the process).
const icu::RuleBasedNumberFormat* SharedSpellout() {
  static const icu::RuleBasedNumberFormat* const spellout = [] {
    UErrorCode code = U_ZERO_ERROR;
    auto* f = new icu::RuleBasedNumberFormat(icu::URBNF_SPELLOUT, icu::Locale("zh"), code);
    if (U_FAILURE(code)) {
      delete f;
      return static_cast<icu::RuleBasedNumberFormat*>(nullptr);
    }
    return f;
  }();
  return spellout;
}

void WarmUpNumberParsing() {
  const icu::RuleBasedNumberFormat* f = SharedSpellout();
  if (f == nullptr) return;
  icu::Formattable parsed;
  icu::ParsePosition pp(0);
  f->parse(icu::UnicodeString::fromUTF8("两"), parsed, pp);
}

namespace {

// An anchored match of `re` at t[start..limit) with its groups. Most tries
// fail within a few bytes: the DFA says so first (RE2 would otherwise run a
// backtracker with a bitmap over the whole window), and the groups are
// found on the match alone.
bool MatchAt(const RE2& re, const std::string& t, size_t start, size_t limit,
             re2::StringPiece* groups, int n) {
  re2::StringPiece window(t.data() + start, limit - start);
  re2::StringPiece whole;
  if (!re.Match(window, 0, window.size(), RE2::ANCHOR_START, &whole, 1)) return false;
  return re.Match(whole, 0, whole.size(), RE2::ANCHOR_BOTH, groups, n);
}

}  // namespace

// The groups of a quantity match `m` (the whole of it matches the pattern),
// found by walking the pattern's choices in its own order of preference:
// the parse RE2's leftmost-first search reports, without its backtracker
// (which cost 5,000 instructions a match). Numbers are read greedily: no
// later part of the pattern starts with a digit , or . so a shorter number
// can never be completed. False (never for a real match) leaves the groups
// to RE2. The property test in scan_test.cpp holds this to RE2's groups.
bool QuantityScanner::QuantityGroups(std::string_view m, re2::StringPiece* g) const {
  if (!hand_groups_) return false;
  const size_t n = m.size();
  auto piece = [&](size_t b, size_t e) { return re2::StringPiece(m.data() + b, e - b); };
  auto digits_end = [&](size_t k) {
    while (k < n && IsDigit(m[k])) ++k;
    return k;
  };
  auto decimals_end = [&](size_t k) {  // (?:\.\d+)? taken when it can be
    return k + 1 < n && m[k] == '.' && IsDigit(m[k + 1]) ? digits_end(k + 1) : k;
  };
  auto word_at = [&](size_t k, std::string_view w) { return WordAt(m, k, w); };
  const size_t sign_end = n > 0 && (m[0] == '+' || m[0] == '-') ? 1 : 0;
  // 2: the thousands form first, then plain digits.
  size_t numbers[2];
  int number_count = 0;
  {
    size_t lead = digits_end(sign_end);
    if (lead > sign_end && lead - sign_end <= 3) {
      size_t k = lead;
      while (k + 3 < n && m[k] == ',' && IsDigit(m[k + 1]) && IsDigit(m[k + 2]) &&
             IsDigit(m[k + 3]) && !(k + 4 < n && IsDigit(m[k + 4])))
        k += 4;
      if (k > lead) numbers[number_count++] = decimals_end(k);
    }
    if (lead > sign_end) numbers[number_count++] = decimals_end(lead);
  }
  // The tail from `k`: magnitude? 余多? unit 余多? bound?, to the end.
  auto tail = [&](size_t k) {
    auto optional_word = [&](size_t at, const auto& words, auto then) {
      for (std::string_view w : words)
        if (word_at(at, w) && then(at + w.size(), piece(at, at + w.size()))) return true;
      return then(at, re2::StringPiece());
    };
    return optional_word(k, kMagnitudeWords, [&](size_t a, re2::StringPiece mag) {
      return optional_word(a, kApproxWords, [&](size_t b, re2::StringPiece approx) {
        for (const std::string& unit : unit_order_) {
          if (!word_at(b, unit)) continue;
          size_t c = b + unit.size();
          bool done = optional_word(c, kApproxWords, [&](size_t d, re2::StringPiece approx2) {
            return optional_word(d, kBoundWords, [&](size_t e, re2::StringPiece bound) {
              if (e != n) return false;
              g[5] = mag;
              g[6] = approx;
              g[7] = piece(b, c);
              g[8] = approx2;
              g[9] = bound;
              return true;
            });
          });
          if (done) return true;
        }
        return false;
      });
    });
  };
  for (int i = 0; i < number_count; ++i) {
    const size_t k = numbers[i];
    g[0] = piece(0, n);
    g[1] = piece(0, sign_end);
    g[2] = piece(sign_end, k);
    // 3, 4: a range (with % first, then without), then none.
    for (int with_percent = 1; with_percent >= 0; --with_percent) {
      size_t r = k;
      if (with_percent) {
        if (!word_at(r, "%")) continue;
        ++r;
      }
      for (std::string_view sep : kRangeWords) {
        if (!word_at(r, sep)) continue;
        size_t upper = r + sep.size();
        size_t upper_end = digits_end(upper);
        if (upper_end == upper) continue;
        upper_end = decimals_end(upper_end);
        if (tail(upper_end)) {
          g[3] = with_percent ? piece(k, k + 1) : re2::StringPiece();
          g[4] = piece(upper, upper_end);
          return true;
        }
      }
    }
    if (tail(k)) {
      g[3] = g[4] = re2::StringPiece();
      return true;
    }
  }
  return false;
}

// A match starts at a digit or at a sign before one. Within a run of digits
// only the run's first digit can start a match, except for the thousands
// form: "1234,567" matches from "234,567" (and is then rejected as a number
// inside another). So: the run's start, and when a comma follows the run,
// its last three digits. Each try is anchored and bounded by the numeric
// head plus the longest tail, so no byte of Chinese text goes through the
// DFA.
bool QuantityScanner::NextQuantity(const std::string& t, size_t pos, re2::StringPiece* groups,
                                   int n) const {
  auto try_at = [&](size_t start) {
    size_t limit = std::min(t.size(), NumericHeadEnd(t, start) + max_tail_);
    re2::StringPiece window(t.data() + start, limit - start), whole;
    if (!quantity_->Match(window, 0, window.size(), RE2::ANCHOR_START, &whole, 1)) return false;
    if (n == 10 && QuantityGroups(std::string_view(whole.data(), whole.size()), groups))
      return true;
    return quantity_->Match(whole, 0, whole.size(), RE2::ANCHOR_BOTH, groups, n);
  };
  while (pos < t.size()) {
    size_t digit = FindDigit(t, pos);
    if (digit == std::string::npos) return false;
    size_t run_end = digit;
    while (run_end < t.size() && IsDigit(t[run_end])) ++run_end;
    size_t start = digit > pos && (t[digit - 1] == '+' || t[digit - 1] == '-') ? digit - 1 : digit;
    if (try_at(start)) return true;
    if (run_end < t.size() && t[run_end] == ',') {
      for (size_t s = std::max(digit + 1, run_end >= 3 ? run_end - 3 : 0); s < run_end; ++s)
        if (try_at(s)) return true;
    }
    pos = run_end;
  }
  return false;
}

// A match starts at a Chinese numeral; within a run of numerals only the
// first can start one (a later start allows a subset of the same endings),
// and a lone 一 never does (the pattern wants 一 and another numeral).
bool QuantityScanner::NextChineseNumeral(const std::string& t, size_t pos, re2::StringPiece* groups,
                                         int n) const {
  size_t i = pos;
  while (i < t.size()) {
#if PLANCHECK_SSE2
    // Sixteen bytes at a time past blocks where no byte is a numeral's lead
    // byte (E3 E4 E5 E7 E9) followed by one of their second bytes. A lead
    // byte is never inside a character, so a hit is a character start.
    while (i + 17 <= t.size()) {
      auto load = [&](size_t at) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + at));
      };
      const __m128i v = load(i), w = load(i + 1);
      auto eq = [](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
      __m128i lead =
          _mm_or_si128(_mm_or_si128(eq(v, '\xE3'), eq(v, '\xE4')),
                       _mm_or_si128(_mm_or_si128(eq(v, '\xE5'), eq(v, '\xE7')), eq(v, '\xE9')));
      __m128i second = _mm_or_si128(_mm_or_si128(_mm_or_si128(eq(w, '\x80'), eq(w, '\x85')),
                                                 _mm_or_si128(eq(w, '\x8D'), eq(w, '\x99'))),
                                    _mm_or_si128(_mm_or_si128(eq(w, '\x9B'), eq(w, '\xB8')),
                                                 _mm_or_si128(eq(w, '\xB9'), eq(w, '\xBA'))));
      int mask = _mm_movemask_epi8(_mm_and_si128(lead, second));
      if (mask != 0) {
        i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        break;
      }
      i += 16;
    }
    // Sixteen bytes on may be inside a character: step to the next start.
    i = CharBoundaryAfter(t, i);
    if (i >= t.size()) break;
#endif
    if (!IsChineseNumeralAt(t, i)) {
      i += CharBytes(t[i]);
      continue;
    }
    size_t run_end = i;
    while (IsChineseNumeralAt(t, run_end)) run_end += 3;
    if (!(run_end - i == 3 && WordAt(t, i, "一"))) {
      size_t limit = std::min(t.size(), run_end + 3 + max_tail_);
      if (MatchAt(*chinese_, t, i, limit, groups, n)) return true;
    }
    i = run_end;
  }
  return false;
}

std::vector<RawQuantity> QuantityScanner::Scan(const ParagraphText& p) const {
  std::vector<RawQuantity> found;
  const std::string& t = p.text;
  // Each pattern scans the paragraph only when a cheap test says it can
  // match: Arabic quantities need a digit, ranks 第, 全覆盖 itself.
  const bool has_digit = FindDigit(t) != std::string::npos;
  if (has_digit) ScanArabic(t, &found);
  if (has_digit && ContainsText(t, "第")) ScanRanks(t, &found);
  std::sort(found.begin(), found.end(),
            [](const RawQuantity& a, const RawQuantity& b) { return a.begin < b.begin; });
  if (spellout_ != nullptr) ScanChinese(p, &found);
  if (has_digit) ScanMagnitudes(t, &found);
  if (ContainsText(t, "分之") || ContainsText(t, "/")) ScanFractions(t, &found);
  ScanImplicit(t, &found);
  std::sort(found.begin(), found.end(),
            [](const RawQuantity& a, const RawQuantity& b) { return a.begin < b.begin; });
  ShareUnits(t, &found);
  return found;
}

void QuantityScanner::ScanArabic(const std::string& t, std::vector<RawQuantity>* out) const {
  std::vector<RawQuantity>& found = *out;
  re2::StringPiece groups[10];
  size_t pos = 0;
  while (pos < t.size() && NextQuantity(t, pos, groups, 10)) {
    size_t begin = static_cast<size_t>(groups[0].data() - t.data());
    size_t end = begin + groups[0].size();
    pos = end;
    size_t num_begin = static_cast<size_t>(groups[2].data() - t.data());
    // Labels: 5G, G212, 4S; numbers inside other numbers (dates, versions).
    if (num_begin > 0 && (IsAsciiAlnum(t[num_begin - 1]) || t[num_begin - 1] == '.')) continue;
    if (!groups[1].empty() && num_begin >= 2 && IsAsciiAlnum(t[num_begin - 2])) continue;
    // An ordinal (第一批, 第4批) is no quantity; ranks are read below.
    if (num_begin >= 3 && t.compare(num_begin - 3, 3, "第") == 0) continue;
    const Unit* unit = lexicon_.FindUnit(std::string(groups[7].data(), groups[7].size()));
    if (unit == nullptr) continue;
    // A count unit followed by an ASCII letter or digit is a label (3D, 4K).
    if (end < t.size() && IsAsciiAlnum(t[end]) && groups[9].empty()) continue;

    RawQuantity q;
    q.begin = groups[1].empty() ? num_begin : num_begin - 1;
    q.end = end;
    Fact& f = q.fact;
    int decimals = 0;
    double mantissa = ParseNumber(std::string(groups[2].data(), groups[2].size()), &decimals);
    double magnitude = Magnitude(std::string(groups[5].data(), groups[5].size()));
    double scale = magnitude * unit->factor;
    f.value = Scale(mantissa, decimals, scale);
    q.scale = scale;
    f.tolerance = 0.5 * scale / std::pow(10.0, decimals);
    if (!groups[4].empty()) {
      int upper_decimals = 0;
      double upper = ParseNumber(std::string(groups[4].data(), groups[4].size()), &upper_decimals);
      f.upper = Scale(upper, upper_decimals, scale);
    }
    f.unit = unit->base;
    f.dimension = unit->dimension;
    f.generic_unit = unit->generic;
    if (!groups[1].empty()) f.written_sign = groups[1][0];
    std::string_view approx(groups[6].empty() ? groups[8].data() : groups[6].data(),
                            groups[6].empty() ? groups[8].size() : groups[6].size());
    std::string_view post(groups[9].data(), groups[9].size());
    if (post == "以上")
      f.qualifier = Qualifier::kGe;
    else if (post == "以下" || post == "以内" || post == "之内")
      f.qualifier = Qualifier::kLe;
    else if (post == "左右" || post == "上下")
      f.qualifier = Qualifier::kApprox;
    else if (!approx.empty())
      f.qualifier = Qualifier::kGt;
    else if (f.upper)
      f.qualifier = Qualifier::kGe;
    // 以上 inside a noun phrase ("500万元以上项目") defines a scope.
    if ((post == "以上" || post == "以下") && end < t.size()) {
      q.threshold = !AnyWordAt(t, end,
                               {",", ";", ":", "。", "、", ")", "”", "\"", "!", "?", "和", "与",
                                "及", "或", "，", "；", "）"});
    }
    found.push_back(std::move(q));
  }
}

void QuantityScanner::ScanRanks(const std::string& t, std::vector<RawQuantity>* out) const {
  std::vector<RawQuantity>& found = *out;
  re2::StringPiece rg[5];
  size_t pos = 0;
  while (pos < t.size() && rank_->Match(t, pos, t.size(), RE2::UNANCHORED, rg, 5)) {
    size_t begin = static_cast<size_t>(rg[3].data() - t.data()) - 3;  // 第
    size_t end = static_cast<size_t>(rg[0].data() - t.data()) + rg[0].size();
    pos = end;
    RawQuantity q;
    q.begin = begin;
    q.end = end;
    int decimals = 0;
    q.fact.value = ParseNumber(std::string(rg[3].data(), rg[3].size()), &decimals);
    q.fact.unit = "rank";
    q.fact.dimension = "rank";
    q.fact.measure = Measure::kRank;
    q.fact.subject = std::string(rg[2].data(), rg[2].size());  // the peer set: 全市, 全省
    found.push_back(std::move(q));
  }
}

void QuantityScanner::ScanChinese(const ParagraphText& p, std::vector<RawQuantity>* out) const {
  std::vector<RawQuantity>& found = *out;
  const std::string& t = p.text;
  const Boundaries& bounds = p.bounds;
  // Not inside quotes (“三个十大” names a programme), not after 第.
  std::vector<size_t> opening_quotes, closing_quotes;
  for (size_t at = 0; (at = FindText(t, "“", at)) != std::string::npos; at += 3)
    opening_quotes.push_back(at);
  for (size_t at = 0; (at = FindText(t, "”", at)) != std::string::npos; at += 3)
    closing_quotes.push_back(at);
  auto count_before = [](const std::vector<size_t>& v, size_t pos) {
    return static_cast<size_t>(std::lower_bound(v.begin(), v.end(), pos) - v.begin());
  };
  const size_t arabic_count = found.size();
  size_t pos = 0;
  re2::StringPiece cg[5];
  while (pos < t.size() && NextChineseNumeral(t, pos, cg, 5)) {
    size_t begin = static_cast<size_t>(cg[0].data() - t.data());
    size_t end = begin + cg[0].size();
    pos = end;
    std::string numeral(cg[1].data(), cg[1].size());
    if (numeral == "一" || numeral == "〇" || numeral == "零") continue;
    if (begin >= 3 && t.compare(begin - 3, 3, "第") == 0) continue;
    if (count_before(opening_quotes, begin) > count_before(closing_quotes, begin)) continue;
    // A numeral run right after another numeral or a digit is part of a name.
    if (begin > 0 && IsAsciiAlnum(t[begin - 1])) continue;
    const Unit* unit = lexicon_.FindUnit(std::string(cg[3].data(), cg[3].size()));
    if (unit == nullptr) continue;
    // "八项规定", "以下八个方面", "两个大局": a spelt-out 个/项 is rhetoric
    // unless it counts items just listed ("涉农整合资金、衔接资金两个管理办法").
    if (unit->name == "个" || unit->name == "项") {
      size_t clause = bounds.ClauseStart(bounds.SentenceStart(begin), begin);
      if (!ContainsText(std::string_view(t).substr(clause, begin - clause), "、")) continue;
    }
    const double number = ParseChineseNumeral(numeral);
    if (number < 0) continue;
    // Overlap with an Arabic quantity (those are sorted by begin).
    auto after = std::lower_bound(found.begin(), found.begin() + arabic_count, end,
                                  [](const RawQuantity& q, size_t e) { return q.begin < e; });
    bool overlaps = after != found.begin() && std::prev(after)->end > begin;
    if (overlaps) continue;
    RawQuantity q;
    q.begin = begin;
    q.end = end;
    q.fact.value = number * unit->factor;
    q.fact.tolerance = 0.5 * unit->factor;
    q.fact.unit = unit->base;
    q.fact.dimension = unit->dimension;
    q.fact.generic_unit = unit->generic;
    std::string_view post(cg[4].data(), cg[4].size());
    if (post == "以上")
      q.fact.qualifier = Qualifier::kGe;
    else if (post == "以下" || post == "以内")
      q.fact.qualifier = Qualifier::kLe;
    else if (post == "左右")
      q.fact.qualifier = Qualifier::kApprox;
    else if (!cg[2].empty())
      q.fact.qualifier = Qualifier::kGt;
    found.push_back(std::move(q));
  }
}

double QuantityScanner::ParseChineseNumeral(const std::string& numeral) const {
  // The same few numerals recur (两, 万, 三): parse each once per thread.
  thread_local std::unordered_map<std::string, double> parsed_numerals;
  auto cached = parsed_numerals.find(numeral);
  if (cached == parsed_numerals.end()) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(numeral);
    icu::Formattable parsed;
    icu::ParsePosition pp(0);
    spellout_->parse(text, parsed, pp);
    UErrorCode code = U_ZERO_ERROR;
    double value = parsed.getDouble(code);
    if (U_FAILURE(code) || pp.getIndex() != text.length()) value = -1;
    if (parsed_numerals.size() > 4096) parsed_numerals.clear();
    cached = parsed_numerals.emplace(numeral, value).first;
  }
  return cached->second;
}

namespace {

// The qualifier of a bound word at t[end] (以上, 以内, 左右), and its length.
Qualifier BoundAt(const std::string& t, size_t end, size_t* length) {
  for (std::string_view w : kBoundWords) {
    if (!WordAt(t, end, w)) continue;
    *length = w.size();
    if (w == "以上") return Qualifier::kGe;
    if (w == "左右" || w == "上下") return Qualifier::kApprox;
    return Qualifier::kLe;
  }
  *length = 0;
  return Qualifier::kEq;
}

bool Overlaps(const std::vector<RawQuantity>& found, size_t begin, size_t end) {
  return std::any_of(found.begin(), found.end(),
                     [&](const RawQuantity& q) { return q.begin < end && begin < q.end; });
}

}  // namespace

void QuantityScanner::ScanFractions(const std::string& t, std::vector<RawQuantity>* out) const {
  auto add = [&](size_t begin, size_t end, double numerator, double denominator) {
    if (denominator <= 0 || numerator <= 0 || numerator > denominator || Overlaps(*out, begin, end))
      return;
    RawQuantity q;
    size_t bound = 0;
    q.fact.qualifier = BoundAt(t, end, &bound);
    q.begin = begin;
    q.end = end + bound;
    q.fact.value = 100 * numerator / denominator;
    q.fact.tolerance = 0.05;  // a fraction is exact; its percent is printed to a tenth
    q.fact.unit = "%";
    q.fact.dimension = "percent";
    out->push_back(std::move(q));
  };
  // 三分之一, 百分之五十.
  if (spellout_ != nullptr) {
    for (size_t at = 0; (at = FindText(t, "分之", at)) != std::string::npos; at += 6) {
      size_t begin = at, end = at + 6;
      while (begin >= 3 && IsChineseNumeralAt(t, begin - 3)) begin -= 3;
      while (IsChineseNumeralAt(t, end)) end += 3;
      if (begin == at || end == at + 6) continue;
      add(begin, end, ParseChineseNumeral(t.substr(at + 6, end - at - 6)),
          ParseChineseNumeral(t.substr(begin, at - begin)));
    }
  }
  // 1/3, 2/5: a small denominator, so that dates (2015/3) and labels are no fractions.
  for (size_t at = 0; (at = t.find('/', at)) != std::string::npos; ++at) {
    if (at == 0 || at + 1 >= t.size() || !IsDigit(t[at - 1]) || !IsDigit(t[at + 1])) continue;
    size_t begin = at - 1, end = at + 2;
    if (begin > 0 && (IsAsciiAlnum(t[begin - 1]) || t[begin - 1] == '.' || t[begin - 1] == '/'))
      continue;
    if (end < t.size() && (IsAsciiAlnum(t[end]) || t[end] == '.' || t[end] == '/')) continue;
    add(begin, end, t[at - 1] - '0', t[at + 1] - '0');
  }
}

void QuantityScanner::ScanMagnitudes(const std::string& t, std::vector<RawQuantity>* out) const {
  const Unit* count = lexicon_.FindUnit("个");
  static const RE2 kMagnitude(R"((\d+(?:\.\d+)?)(多|余)?(万亿|亿|万)(多|余)?)");
  re2::StringPiece input(t), number, approx_before, magnitude, approx;
  while (RE2::FindAndConsume(&input, kMagnitude, &number, &approx_before, &magnitude, &approx)) {
    const size_t begin = static_cast<size_t>(number.data() - t.data());
    size_t end = static_cast<size_t>(input.data() - t.data());
    if (begin > 0 && (IsAsciiAlnum(t[begin - 1]) || t[begin - 1] == '.')) continue;
    if (Overlaps(*out, begin, end)) continue;
    double scale = Magnitude(std::string(magnitude.data(), magnitude.size()));
    // 4万多亿元: 万 … 亿 multiply.
    if (magnitude == "万" && !approx.empty() && WordAt(t, end, "亿")) {
      scale *= 1e8;
      end += 3;
      input.remove_prefix(std::min<size_t>(3, input.size()));
    }
    // 4500余万人次: a unit after all. Else a noun right after: a CJK
    // character that is no bound, joiner or particle (6000万农村人口).
    const Unit* unit = lexicon_.MatchUnit(std::string_view(t).substr(end));
    const bool bare = unit == nullptr;
    if (bare) {
      if (count == nullptr || end + 3 > t.size() || static_cast<unsigned char>(t[end]) < 0xE4 ||
          AnyWordAt(t, end,
                    {"以", "左", "上", "之", "的", "和", "与", "及", "或", "至", "到", "、"}))
        continue;
      unit = count;
    } else {
      end += unit->name.size();
    }
    RawQuantity q;
    size_t bound = 0;
    q.fact.qualifier = BoundAt(t, end, &bound);
    if (q.fact.qualifier == Qualifier::kEq && !(approx.empty() && approx_before.empty()))
      q.fact.qualifier = Qualifier::kGt;
    q.begin = begin;
    q.end = end + bound;
    q.bare = bare;
    int decimals = 0;
    scale *= unit->factor;
    q.fact.value =
        Scale(ParseNumber(std::string(number.data(), number.size()), &decimals), decimals, scale);
    q.scale = scale;
    q.fact.tolerance = 0.5 * scale / std::pow(10.0, decimals);
    q.fact.unit = unit->base;
    q.fact.dimension = unit->dimension;
    q.fact.generic_unit = unit->generic;
    out->push_back(std::move(q));
  }
}

void QuantityScanner::ScanImplicit(const std::string& t, std::vector<RawQuantity>* out) const {
  for (const ExtractWords::Implicit& word : lexicon_.extract_words().implicit) {
    for (size_t at = 0; (at = FindText(t, word.words, at)) != std::string::npos;
         at += word.words.size()) {
      const size_t end = at + word.words.size();
      // "完成全区6.3万农户全覆盖排查", "支持平台": the words qualify an action
      // or are part of another word there; a figure ends its clause.
      if (end < t.size() && !AnyWordAt(t, end, {",", ";", "。", "、", "!", "?"})) continue;
      // The longer word of two at one place (基本持平, 持平) was read first.
      if (Overlaps(*out, at, end)) continue;
      RawQuantity q;
      q.begin = at;
      q.end = end;
      q.fact.unit = "%";
      q.fact.dimension = "percent";
      q.fact.value = word.value;
      q.fact.measure = word.measure;
      q.fact.qualifier = word.qualifier;
      q.fixed_measure = word.measure == Measure::kGrowth;
      out->push_back(std::move(q));
    }
  }
}

void QuantityScanner::ShareUnits(const std::string& t, std::vector<RawQuantity>* out) const {
  std::vector<RawQuantity>& found = *out;
  // Bare numbers joined to a quantity by 和 、 与 及 share its unit:
  // "分别高4.2和0.6个百分点", "分别增长8.5、9%".
  static const RE2 kBare(R"((\d+(?:\.\d+)?)(和|、|与|及)$)");
  std::vector<RawQuantity> shared;
  for (const RawQuantity& q : found) {
    if (q.fact.measure == Measure::kRank) continue;
    size_t end = q.begin;
    const RawQuantity* next = &q;
    while (true) {
      size_t from = end >= 24 ? end - 24 : 0;
      if (from > 0) from = CharBoundaryAfter(t, from);
      std::string_view head(t.data() + from, end - from);
      if (!(EndsWith(head, "和") || EndsWith(head, "、") || EndsWith(head, "与") ||
            EndsWith(head, "及")))
        break;
      re2::StringPiece window(t.data() + from, end - from);
      re2::StringPiece number, joiner;
      if (!RE2::PartialMatch(window, kBare, &number, &joiner)) break;
      size_t begin = static_cast<size_t>(number.data() - t.data());
      if (begin > 0 && (IsAsciiAlnum(t[begin - 1]) || t[begin - 1] == '.')) break;
      RawQuantity b;
      b.begin = begin;
      b.end = begin + number.size();
      b.fact = next->fact;
      b.fact.upper.reset();
      int decimals = 0;
      double mantissa = ParseNumber(std::string(number.data(), number.size()), &decimals);
      double scale = next->scale;
      b.fact.value = Scale(mantissa, decimals, scale);
      b.fact.tolerance = 0.5 * scale / std::pow(10.0, decimals);
      b.fact.qualifier = Qualifier::kEq;
      b.scale = scale;
      shared.push_back(b);
      next = &shared.back();
      end = begin;
      if (shared.size() > 64) break;
    }
  }
  for (RawQuantity& b : shared) found.push_back(std::move(b));
  std::sort(found.begin(), found.end(),
            [](const RawQuantity& a, const RawQuantity& b) { return a.begin < b.begin; });
}

}  // namespace plancheck
