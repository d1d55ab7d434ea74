#include "extract/extractor.h"
#include "extract/enumeration.h"
#include "extract/fact_period.h"
#include "extract/identity.h"

#include <re2/re2.h>
#include <unicode/fmtable.h>
#include <unicode/rbnf.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "base/status.h"
#include "base/utf8.h"
#include "text/guarded_regex.h"
#include "text/normalize.h"

namespace plancheck {

const char* MeasureName(Measure m) {
  switch (m) {
    case Measure::kLevel: return "level";
    case Measure::kRate: return "rate";
    case Measure::kGrowth: return "growth";
    case Measure::kChange: return "change";
    case Measure::kRank: return "rank";
    case Measure::kThreshold: return "threshold";
  }
  return "level";
}

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kEq: return "=";
    case Qualifier::kGe: return ">=";
    case Qualifier::kLe: return "<=";
    case Qualifier::kGt: return ">";
    case Qualifier::kLt: return "<";
    case Qualifier::kApprox: return "~";
  }
  return "=";
}

const char* ListKindName(ListKind k) {
  switch (k) {
    case ListKind::kNone: return "";
    case ListKind::kRespectively: return "respectively";
    case ListKind::kEach: return "each";
    case ListKind::kPairwise: return "pairwise";
  }
  return "";
}

namespace {

// Words are matched on the normalized text, so punctuation here is ASCII
// wherever a full-width form folds to ASCII.

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Sentence and clause boundaries of one paragraph: offsets just after each
// 。；;!? (sentence) and ，,：: (clause) in the normalized text, found on the
// first lookup (a paragraph without quantities needs only their count).
// Lookups are binary searches.
class Boundaries {
 public:
  explicit Boundaries(const std::string& t) : t_(t) {}
  // The start of the sentence holding `pos`.
  size_t SentenceStart(size_t pos) const { return Last(sentences(), 0, pos); }
  // The start of the clause holding `pos`, within its sentence.
  size_t ClauseStart(size_t sentence_start, size_t pos) const {
    Build();
    return Last(clause_, sentence_start, pos);
  }
  // The end of the sentence holding `pos` (before its closing mark).
  size_t SentenceEnd(size_t pos, size_t size) const {
    auto it = std::upper_bound(sentences().begin(), sentences().end(), pos);
    return it == sentences().end() ? size : *it;
  }
  int SentencesBefore(size_t pos) const {
    return static_cast<int>(std::upper_bound(sentences().begin(), sentences().end(), pos) -
                            sentences().begin());
  }
  int sentence_count() const {
    if (built_) return static_cast<int>(sentence_.size());
    // The same marks as Build(), counted in a loop the compiler vectorizes.
    const unsigned char* p = reinterpret_cast<const unsigned char*>(t_.data());
    const size_t n = t_.size();
    int count = 0;
    for (size_t i = 0; i < n; ++i) count += p[i] == ';' || p[i] == '!' || p[i] == '?';
    for (size_t i = 0; i + 2 < n; ++i) {
      count += (p[i] == 0xE3) & (p[i + 1] == 0x80) & (p[i + 2] == 0x82);
      count += (p[i] == 0xEF) & (p[i + 1] == 0xBC) &
               ((p[i + 2] == 0x9B) | (p[i + 2] == 0x81) | (p[i + 2] == 0x9F));
    }
    return count;
  }

 private:
  const std::vector<size_t>& sentences() const {
    Build();
    return sentence_;
  }
  void Build() const {
    if (built_) return;
    built_ = true;
    const std::string& t = t_;
    const size_t n = t.size();
    for (size_t i = 0; i < n; ++i) {
#if defined(__SSE2__)
      // Sixteen bytes at a time past blocks without a mark's first byte.
      while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i));
        auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
        __m128i any = _mm_or_si128(_mm_or_si128(_mm_or_si128(eq(','), eq(':')),
                                                _mm_or_si128(eq(';'), eq('!'))),
                                   _mm_or_si128(_mm_or_si128(eq('?'), eq('\xE3')), eq('\xEF')));
        int mask = _mm_movemask_epi8(any);
        if (mask != 0) {
          i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
          break;
        }
        i += 16;
      }
      if (i >= n) break;
#endif
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (c == ',' || c == ':') {
        clause_.push_back(i + 1);
      } else if (c == ';' || c == '!' || c == '?') {
        sentence_.push_back(i + 1);
      } else if (c == 0xE3 && i + 2 < n && t[i + 1] == '\x80' && t[i + 2] == '\x82') {
        sentence_.push_back(i + 3);  // 。
        i += 2;
      } else if (c == 0xEF && i + 2 < n && t[i + 1] == '\xBC') {
        unsigned char d = static_cast<unsigned char>(t[i + 2]);
        if (d == 0x8C || d == 0x9A) clause_.push_back(i + 3);  // ， ：
        else if (d == 0x9B || d == 0x81 || d == 0x9F) sentence_.push_back(i + 3);  // ；！？
        i += 2;
      }
    }
  }
  static size_t Last(const std::vector<size_t>& ends, size_t from, size_t pos) {
    auto it = std::upper_bound(ends.begin(), ends.end(), pos);
    if (it == ends.begin()) return from;
    return std::max(from, *(it - 1));
  }
  const std::string& t_;
  mutable bool built_ = false;
  mutable std::vector<size_t> sentence_, clause_;
};

// `s` without the words at its ends that are no part of what it names
// (words.toml leading_noise, trailing_noise): one word at a time, the
// longest that fits, so that 年均增长 goes whole rather than as 增长 then 均.
std::string Trim(std::string_view s, const ExtractWords& words) {
  auto strip_one = [&s](const std::vector<std::string>& list, bool front) {
    for (std::string_view w : list) {
      if (front ? StartsWith(s, w) : EndsWith(s, w)) {
        if (front) s.remove_prefix(w.size());
        else s.remove_suffix(w.size());
        return true;
      }
    }
    return false;
  };
  while (!s.empty() && (strip_one(words.leading_noise, true) || strip_one(words.trailing_noise, false))) {
  }
  return std::string(s);
}

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

bool At(std::string_view t, size_t i, std::string_view word) {
  return i <= t.size() && t.size() - i >= word.size() &&
         std::memcmp(t.data() + i, word.data(), word.size()) == 0;
}

// Whether one of `words` starts at t[i].
bool AtAny(std::string_view t, size_t i, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (At(t, i, w)) return true;
  return false;
}

// The end of the numeric head of a quantity starting at `i`: the signs,
// digits, separators, % and range words (— － 至 到) that stand before its
// magnitude and unit.
size_t NumericHeadEnd(std::string_view t, size_t i) {
  while (i < t.size()) {
    char c = t[i];
    if (IsDigit(c) || c == ',' || c == '.' || c == '%' || c == '+' || c == '-' || c == '~') {
      ++i;
    } else if (At(t, i, "—") || At(t, i, "－") || At(t, i, "至") || At(t, i, "到")) {
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

struct RawQuantity {
  size_t begin = 0, end = 0;  // in normalized paragraph text
  double scale = 1;           // base units of one printed unit (亿元 → 1e8)
  Fact fact;
  bool threshold = false;
  bool fixed_measure = false;  // read from a word (持平): its measure is known
};

}  // namespace

Extractor::Extractor(const Lexicon& lexicon)
    : lexicon_(lexicon), identity_(std::make_unique<IdentityReader>(lexicon)) {
  for (const auto* list : {&lexicon.identity_words().actions, &lexicon.identity_words().states,
                           &lexicon.identity_words().starts})
    enumeration_verbs_.insert(enumeration_verbs_.end(), list->begin(), list->end());
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
      R"(([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))"            // 1 sign, 2 number
      "(?:(%)?(?:" + alternation(kRangeWords) + R"()(\d+(?:\.\d+)?))?)"  // 3 %, 4 upper
      "(" + alternation(kMagnitudeWords) + ")?"                          // 5 magnitude
      "(" + alternation(kApproxWords) + ")?"                             // 6
      "(" + units + ")"                                                  // 7 unit
      "(" + alternation(kApproxWords) + ")?"                             // 8
      "(" + alternation(kBoundWords) + ")?";                             // 9
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
  static const std::string_view kSkip[] = {"次", "批", "批次", "级", "%", "个百分点", "百分点",
                                           "倍", "天", "度", "位", "类", "层", "片", "块", "门",
                                           "口", "对", "种", "款", "支"};
  std::vector<std::string> numeral_units;
  for (const std::string& n : unit_order_)
    if (std::find(std::begin(kSkip), std::end(kSkip), n) == std::end(kSkip))
      numeral_units.push_back(n);
  const std::string cn_units = alternation(numeral_units);
  chinese_ = std::make_unique<RE2>(
      "([零〇二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿]*|"
      "一[零〇一二两三四五六七八九十百千万亿]+)(余|多)?(" + cn_units + ")(以上|以下|以内|左右)?",
      options);
  PLANCHECK_CHECK(chinese_->ok());
  implicit_ = std::make_unique<RE2>("(全覆盖|持平)", options);
  PLANCHECK_CHECK(implicit_->ok());
  spellout_ = SharedSpellout();
}

Extractor::~Extractor() = default;

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
bool Extractor::QuantityGroups(std::string_view m, re2::StringPiece* g) const {
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
  auto word_at = [&](size_t k, std::string_view w) { return At(m, k, w); };
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
bool Extractor::NextQuantity(const std::string& t, size_t pos, re2::StringPiece* groups,
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
bool Extractor::NextChineseNumeral(const std::string& t, size_t pos, re2::StringPiece* groups,
                                   int n) const {
  size_t i = pos;
  while (i < t.size()) {
#if defined(__SSE2__)
    // Sixteen bytes at a time past blocks where no byte is a numeral's lead
    // byte (E3 E4 E5 E7 E9) followed by one of their second bytes. A lead
    // byte is never inside a character, so a hit is a character start.
    while (i + 17 <= t.size()) {
      auto load = [&](size_t at) {
        return _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + at));
      };
      const __m128i v = load(i), w = load(i + 1);
      auto eq = [](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
      __m128i lead = _mm_or_si128(_mm_or_si128(eq(v, '\xE3'), eq(v, '\xE4')),
                                  _mm_or_si128(_mm_or_si128(eq(v, '\xE5'), eq(v, '\xE7')), eq(v, '\xE9')));
      __m128i second = _mm_or_si128(
          _mm_or_si128(_mm_or_si128(eq(w, '\x80'), eq(w, '\x85')), _mm_or_si128(eq(w, '\x8D'), eq(w, '\x99'))),
          _mm_or_si128(_mm_or_si128(eq(w, '\x9B'), eq(w, '\xB8')), _mm_or_si128(eq(w, '\xB9'), eq(w, '\xBA'))));
      int mask = _mm_movemask_epi8(_mm_and_si128(lead, second));
      if (mask != 0) {
        i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        break;
      }
      i += 16;
    }
    // Sixteen bytes on may be inside a character: step to the next start.
    while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
    if (i >= t.size()) break;
#endif
    if (!IsChineseNumeralAt(t, i)) {
      unsigned char b = static_cast<unsigned char>(t[i]);
      i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      continue;
    }
    size_t run_end = i;
    while (IsChineseNumeralAt(t, run_end)) run_end += 3;
    if (!(run_end - i == 3 && At(t, i, "一"))) {
      size_t limit = std::min(t.size(), run_end + 3 + max_tail_);
      if (MatchAt(*chinese_, t, i, limit, groups, n)) return true;
    }
    i = run_end;
  }
  return false;
}

std::vector<Fact> Extractor::Extract(const Document& doc) const {
  std::vector<Fact> facts;
  facts.reserve(doc.file->text().size() / 200);
  const SourceFile& file = *doc.file;
  const IdentityReader& identity = *identity_;
  const ExtractWords& words = lexicon_.extract_words();
  int sentence_base = 0;
  int next_list_id = 0;

  for (size_t pi = 0; pi < doc.paragraphs.size(); ++pi) {
    const Paragraph& para = doc.paragraphs[pi];
    if (para.span.size() == 0) continue;
    const NormalizedText& nt = para.normalized;
    const std::string& t = nt.text();
    const Boundaries bounds(t);
    struct SentenceInfo {
      bool claims_met = false;
      size_t five_years_at = std::string::npos;  // first 过去五年, 五年来
    };
    std::unordered_map<size_t, SentenceInfo> sentence_info;
    auto source_span = [&](size_t b, size_t e) {
      return file.MakeSpan(nt.ToSource(b), nt.ToSource(e));
    };

    // 1. Quantities in text order.
    std::vector<RawQuantity> found;
    re2::StringPiece groups[10];
    size_t pos = 0;
    // Each pattern scans the paragraph only when a cheap test says it can
    // match: Arabic quantities need a digit, ranks 第, 全覆盖 itself.
    const bool has_digit = FindDigit(t) != std::string::npos;
    if (!has_digit) pos = t.size();
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
      if (post == "以上") f.qualifier = Qualifier::kGe;
      else if (post == "以下" || post == "以内" || post == "之内") f.qualifier = Qualifier::kLe;
      else if (post == "左右" || post == "上下") f.qualifier = Qualifier::kApprox;
      else if (!approx.empty()) f.qualifier = Qualifier::kGt;
      else if (f.upper) f.qualifier = Qualifier::kGe;
      // 以上 inside a noun phrase ("500万元以上项目") defines a scope.
      if ((post == "以上" || post == "以下") && end < t.size()) {
        q.threshold = !AtAny(t, end, {",", ";", ":", "。", "、", ")", "”", "\"", "!", "?", "和",
                                      "与", "及", "或", "，", "；", "）"});
      }
      found.push_back(std::move(q));
    }
    // Ranks: 居全市第5, 排全省第13位.
    pos = 0;
    re2::StringPiece rg[5];
    if (!has_digit || !ContainsText(t, "第")) pos = t.size();
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
    // Chinese numerals: 两个管理办法, 一千六百万元. Not inside quotes (“三个十大”
    // names a programme), not after 第.
    std::sort(found.begin(), found.end(),
              [](const RawQuantity& a, const RawQuantity& b) { return a.begin < b.begin; });
    std::vector<size_t> opening_quotes, closing_quotes;
    for (size_t at = 0; (at = FindText(t, "“", at)) != std::string::npos; at += 3) opening_quotes.push_back(at);
    for (size_t at = 0; (at = FindText(t, "”", at)) != std::string::npos; at += 3) closing_quotes.push_back(at);
    auto count_before = [](const std::vector<size_t>& v, size_t pos) {
      return static_cast<size_t>(std::lower_bound(v.begin(), v.end(), pos) - v.begin());
    };
    const size_t arabic_count = found.size();
    pos = 0;
    re2::StringPiece cg[5];
    while (spellout_ && pos < t.size() && NextChineseNumeral(t, pos, cg, 5)) {
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
      double number = cached->second;
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
      if (post == "以上") q.fact.qualifier = Qualifier::kGe;
      else if (post == "以下" || post == "以内") q.fact.qualifier = Qualifier::kLe;
      else if (post == "左右") q.fact.qualifier = Qualifier::kApprox;
      else if (!cg[2].empty()) q.fact.qualifier = Qualifier::kGt;
      found.push_back(std::move(q));
    }
    // Numbers carried by words: 全覆盖 is a coverage of 100%; 持平 (与上年持平)
    // a growth of 0.
    pos = 0;
    re2::StringPiece ig[2];
    if (!ContainsText(t, "全覆盖") && !ContainsText(t, "持平")) pos = t.size();
    while (pos < t.size() && implicit_->Match(t, pos, t.size(), RE2::UNANCHORED, ig, 2)) {
      size_t begin = static_cast<size_t>(ig[0].data() - t.data());
      size_t end = begin + ig[0].size();
      pos = end;
      // "完成全区6.3万农户全覆盖排查": the word qualifies an action there.
      if (end < t.size() && !(t.compare(end, 1, ",") == 0 || t.compare(end, 1, ";") == 0 ||
                              t.compare(end, 3, "。") == 0 || t.compare(end, 3, "、") == 0))
        continue;
      const bool level = ig[1] == "持平";
      // 支持平台: 持平 inside another word.
      if (level && begin >= 3 && t.compare(begin - 3, 3, "支") == 0) continue;
      RawQuantity q;
      q.begin = begin;
      q.end = end;
      q.fact.unit = "%";
      q.fact.dimension = "percent";
      if (level) {
        q.fact.value = 0;
        q.fact.measure = Measure::kGrowth;
        q.fixed_measure = true;
        if (begin >= 6 && t.compare(begin - 6, 6, "基本") == 0) q.fact.qualifier = Qualifier::kApprox;
      } else {
        q.fact.value = 100;
        q.fact.measure = Measure::kRate;
      }
      found.push_back(std::move(q));
    }
    std::sort(found.begin(), found.end(),
              [](const RawQuantity& a, const RawQuantity& b) { return a.begin < b.begin; });

    // Bare numbers joined to a quantity by 和 、 与 及 share its unit:
    // "分别高4.2和0.6个百分点", "分别增长8.5、9%".
    {
      static const RE2 kBare(R"((\d+(?:\.\d+)?)(和|、|与|及)$)");
      std::vector<RawQuantity> shared;
      for (const RawQuantity& q : found) {
        if (q.fact.measure == Measure::kRank) continue;
        size_t end = q.begin;
        const RawQuantity* next = &q;
        while (true) {
          size_t from = end >= 24 ? end - 24 : 0;
          while (from > 0 && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
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

    // 2. Context of each quantity.
    size_t prev_end = 0;
    // Where indicators were named in this paragraph: a verb inside one
    // (新增 in 新增城镇就业) governs no other item of its clause.
    std::vector<std::pair<size_t, size_t>> aliases;
    for (size_t qi = 0; qi < found.size(); ++qi) {
      RawQuantity& q = found[qi];
      Fact& f = q.fact;
      size_t sentence_start = bounds.SentenceStart(q.begin);
      size_t clause_start = bounds.ClauseStart(sentence_start, q.begin);
      size_t seg_start = std::max(clause_start, prev_end > q.begin ? clause_start : prev_end);
      if (seg_start < clause_start) seg_start = clause_start;
      prev_end = q.end;
      std::string_view narrow(t.data() + seg_start, q.begin - seg_start);
      const std::string narrow_subject = Trim(narrow, words);  // without verbs and fillers
      std::string_view clause(t.data() + clause_start, q.begin - clause_start);
      // A sentence may be a whole paragraph of commas: look back a bounded
      // window, so that work per quantity stays constant.
      constexpr size_t kWindow = 600;
      size_t window_start = q.begin - sentence_start > kWindow ? q.begin - kWindow : sentence_start;
      while (window_start < q.begin && (static_cast<unsigned char>(t[window_start]) & 0xC0) == 0x80)
        ++window_start;
      std::string_view sentence(t.data() + window_start, q.begin - window_start);
      // Words that mark the whole sentence, found once per sentence.
      auto info_it = sentence_info.find(sentence_start);
      if (info_it == sentence_info.end()) {
        static const GuardedRegex kClaim(
            "(超额|圆满|全面|顺利)?完成(了)?(年度|全年|预期)?(目标|计划)|实现(了)?(年度|全年|预期)目标",
            RE2::Options());
        static const GuardedRegex kDenial("未能?完成|未实现|未达到|差距", RE2::Options());
        size_t end = bounds.SentenceEnd(q.begin, t.size());
        std::string_view whole(t.data() + sentence_start, end - sentence_start);
        SentenceInfo info;
        re2::StringPiece piece(whole.data(), whole.size());
        info.claims_met = kClaim.MayMatch(whole) && RE2::PartialMatch(piece, kClaim.re()) &&
                          !(kDenial.MayMatch(whole) && RE2::PartialMatch(piece, kDenial.re()));
        auto first = [&](const char* w) {
          size_t at = FindText(whole, w);
          return at == std::string_view::npos ? std::string::npos : sentence_start + at;
        };

        info.five_years_at = std::min({first("过去五年"), first("五年来"), first("这五年")});
        info_it = sentence_info.emplace(sentence_start, info).first;
      }
      const SentenceInfo& sentence_words = info_it->second;

      f.span = source_span(q.begin, q.end);
      f.text = std::string(file.Slice(f.span));
      f.paragraph = static_cast<int>(pi);
      f.sentence = sentence_base + bounds.SentencesBefore(q.begin);

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
            if (w.value == 2 || w.value == -2) f.measure = Measure::kChange;
            break;
          }
        }
        if (ContainsText(narrow, "净增") || ContainsText(narrow, "净减"))
          f.measure = Measure::kChange;
      }

      // Measure.
      if (f.measure == Measure::kRank || q.fixed_measure) {
        // stays
      } else if (f.dimension == "points") {
        f.measure = Measure::kChange;
      } else if (f.dimension == "percent") {
        const std::string& subject = narrow_subject;
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

      // Period.
      {
        QuantityPlace place;
        place.text = t;
        place.sentence_start = sentence_start;
        place.clause_start = clause_start;
        place.begin = q.begin;
        place.end = q.end;
        place.narrow = narrow;
        // 累计 governs its own clause ("累计突破5000亿元，认定…8家" counts 8 in the year).
        place.cumulative = ContainsText(clause, "累计");
        place.five_years = sentence_words.five_years_at < q.begin;
        ReadPeriod(doc, para, place, &f);
      }
      f.claims_met = sentence_words.claims_met;

      // Subject: the words before the number, and the noun after it when
      // those are only a verb ("新建20个区域养老服务中心", "33个省市重点项目").
      std::string noun_after;
      if (f.measure == Measure::kLevel || f.measure == Measure::kThreshold)
        noun_after = identity.NounAfter(std::string_view(t).substr(q.end));
      // "新建提升310公里农村公路", "减少30个审批事项": a direction word with its
      // object after the number is a verb of doing; the figure counts that
      // object, it is no change of the words before.
      if (f.measure == Measure::kChange && f.direction != 0 && f.dimension != "points" &&
          f.dimension != "percent" && !ContainsText(narrow, "净")) {
        noun_after = identity.NounAfter(std::string_view(t).substr(q.end));
        if (!noun_after.empty()) {
          f.measure = Measure::kLevel;
          f.direction = 0;
          f.value = std::fabs(f.value);
          if (f.upper) *f.upper = std::fabs(*f.upper);
        }
      }
      const std::string normalized_subject = identity.Normalize(narrow_subject);
      // Nothing but a verb before the number (新建, 抓好, 设立 — a word of one
      // or two characters): the noun after it is what is counted.
      const bool only_verbs = normalized_subject.size() <= 6 && !noun_after.empty();
      std::string subject = only_verbs ? noun_after : narrow_subject;
      if (f.measure != Measure::kRank) f.subject = subject;

      // Indicator: the nearest mention in the narrow context, then the
      // clause, then (for rates, growth and ranks that continue a sentence)
      // the sentence.
      size_t alias_begin = 0, alias_end = 0;  // the indicator's name in `t`, when found
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
        alias_begin = context_begin + m->begin;
        alias_end = context_begin + m->end;
        const auto range = std::make_pair(alias_begin, alias_end);
        auto at = std::lower_bound(aliases.begin(), aliases.end(), range);
        if (at == aliases.end() || *at != range) aliases.insert(at, range);
        return true;
      };
      // A clause that continues the sentence's subject: "…实现82.7亿元,增速居全市
      // 第5", "…,同比增长7%". An empty one ("7%左右的速度可以实现") does not.
      bool continues = StartsWith(narrow, "增速") || StartsWith(narrow, "增幅") ||
                       StartsWith(narrow, "同比") || StartsWith(narrow, "比上年") ||
                       StartsWith(narrow, "较上年");
      // Reach back past an earlier quantity of the clause only when this
      // one's own words are a generic head (总投资, 增速), not a noun
      // phrase of its own (公路投资 after 铁路投资…).
      bool generic_head = narrow_subject.size() <= 9 || StartsWith(narrow_subject, "总") ||
                          StartsWith(narrow_subject, "其中") || continues ||
                          narrow_subject.empty();
      if (!find(narrow, seg_start, false) &&
          !(generic_head || seg_start == clause_start ? find(clause, clause_start, true) : false)) {
        if (continues && f.measure != Measure::kLevel) find(sentence, sentence_start, true);
      }
      if (f.indicator == nullptr && f.measure != Measure::kRank && only_verbs)
        find(noun_after, q.end, true);
      // "国内生产总值达到67.7万亿元，增长6.9%": a growth with no words of its own
      // right after a level of its sentence is that level's growth.
      if (f.indicator == nullptr && f.measure == Measure::kGrowth && narrow_subject.empty() && qi > 0 &&
          found[qi - 1].fact.measure == Measure::kLevel && found[qi - 1].fact.indicator != nullptr &&
          bounds.SentenceStart(found[qi - 1].begin) == sentence_start)
        f.indicator = found[qi - 1].fact.indicator;

      // Tier (国家级, 中央) and flow (新建, 新增) words are part of a fact's
      // identity, read outside the words that name the indicator (新增 in
      // 城镇新增就业 is the indicator's own).
      {
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

      // The indicator named right before the number: only verbs of being,
      // direction words, qualifiers and scope words between (实现, 增长, 约,
      // 全年); "规上工业单位增加值能耗" names 能耗, not 增加值.
      if (alias_end > alias_begin && alias_end <= q.begin && alias_begin >= seg_start &&
          noun_after.empty())
        f.indicator_adjacent =
            identity.Normalize(Trim(std::string_view(t).substr(alias_end, q.begin - alias_end), words)).empty();

      // Identity: what it counts, flow or stock, and whether less is better.
      // A verb of doing governs every item of its clause ("新增科技型中小企业
      // 7227家、专精特新企业1565家"), except inside the indicator's own name
      // (新增 in 城镇新增就业).
      if (f.measure != Measure::kRank) {
        // The lexicon's name is the key where it names the subject; the noun is
        // read out only where it is needed.
        if (f.indicator != nullptr) {
          f.key = f.indicator->name;
          f.noun = normalized_subject;
        } else {
          f.noun = identity.Key(narrow_subject, normalized_subject, noun_after);
          f.key = identity.KeyOf(nullptr, f.noun);
        }
        if (f.measure == Measure::kLevel || f.measure == Measure::kThreshold) {
          // The clause's words outside every indicator name in it.
          size_t from = clause_start;
          for (const auto& [b, e] : aliases) {
            if (e <= from || b >= q.begin) continue;
            if (b > from && identity.NamesAction(std::string_view(t).substr(from, b - from))) f.flow = true;
            from = std::max(from, e);
          }
          if (from < q.begin && identity.NamesAction(std::string_view(t).substr(from, q.begin - from)))
            f.flow = true;

        }
        const IdentityReader::Marks marks = identity.MarksIn(narrow);
        if (f.measure == Measure::kLevel || f.measure == Measure::kThreshold) f.started = marks.start;
        f.stock = !f.flow && marks.stock;
        f.cap = f.qualifier == Qualifier::kLe || marks.cap;
      }

      // Named items right before a count: "东城、葭萌2所", "虎跳、清水等4个".
      // Only the form "names N个 noun" counts: "国家级、省级龙头企业5家。" names
      // no items, it qualifies a noun.
      bool noun_follows =
          q.end < t.size() &&
          !AtAny(t, q.end, {",", ";", ":", "。", "、", ")", "”", "，", "；", "和", "与", "及"});
      // Only a clause whose first quantity this is: "42个示范村、22个示范片区"
      // is two counts, not a list counted as 22.
      if (f.dimension == "count" && narrow.size() > 0 && noun_follows && seg_start == clause_start) {
        if (std::optional<Enumeration> e =
                ReadEnumeration(narrow, std::string_view(t).substr(q.begin, q.end - q.begin),
                                std::string_view(t).substr(q.end), enumeration_verbs_)) {
          f.enum_names = e->names;
          f.enum_etc = e->etc;
          f.enum_span = source_span(seg_start, q.end);
        }
      }
    }

    // 3. Lists: 分别, 均, and values paired with items without 分别.
    std::vector<Fact> out;
    for (size_t qi = 0; qi < found.size(); ++qi) {
      RawQuantity& q = found[qi];
      // A run of values separated only by 、 和 与 及 (and the same verb).
      size_t last = qi;
      while (last + 1 < found.size()) {
        std::string_view gap(t.data() + found[last].end, found[last + 1].begin - found[last].end);
        if (gap == "、" || gap == "和" || gap == "与" || gap == "及" || gap == "," ||
            gap == "，" || gap == "、增长" || gap == "、下降")
          ++last;
        else
          break;
        if (gap == "," && !(found[qi].fact.unit == found[last].fact.unit)) {
          --last;
          break;
        }
      }
      size_t values = last - qi + 1;
      size_t sentence_start = bounds.SentenceStart(q.begin);
      size_t clause_start = bounds.ClauseStart(sentence_start, q.begin);
      std::string head(t.data() + clause_start, q.begin - clause_start);
      size_t fenbie = RFindText(head, "分别");
      // 均 distributes a value over the items before it ("A、B均增长5%"); in
      // 年均, 平均, 人均 it is part of another word.
      size_t jun = RFindText(head, "均");
      while (jun != std::string::npos && jun >= 3 &&
             (head.compare(jun - 3, 3, "年") == 0 || head.compare(jun - 3, 3, "平") == 0 ||
              head.compare(jun - 3, 3, "人") == 0 || head.compare(jun - 3, 3, "户") == 0))
        jun = RFindText(head, "均", jun - 3);
      ListKind kind = ListKind::kNone;
      std::string items_text;
      if (fenbie != std::string::npos && values == 1) {
        kind = ListKind::kEach;
        items_text = head.substr(0, fenbie);
      } else if (fenbie != std::string::npos) {
        kind = ListKind::kRespectively;
        items_text = head.substr(0, fenbie);
      } else if (values == 1 && jun != std::string::npos && jun + 3 >= head.size() - 9) {
        kind = ListKind::kEach;
        items_text = head.substr(0, jun);
      } else if (values >= 2) {
        kind = ListKind::kPairwise;
        items_text = head;
      }
      if (kind == ListKind::kNone || (kind != ListKind::kRespectively && values == 1 &&
                                      kind != ListKind::kEach)) {
        for (size_t k = qi; k <= last; ++k) out.push_back(std::move(found[k].fact));
        qi = last;
        continue;
      }
      // Items: split on 、 和 与 及; a compound word (城乡) may stand for two.
      std::string trimmed = Trim(items_text, words);
      // Drop the verb phrase before the first item: keep from the last
      // verb-like break. Items are what 、 separates.
      std::vector<std::string> items;
      {
        size_t start = 0;
        for (size_t p = 0; p <= trimmed.size();) {
          bool sep = p == trimmed.size();
          size_t len = 0;
          for (std::string_view s : {"、", "和", "与", "及"}) {
            if (!sep && At(trimmed, p, s)) {
              sep = true;
              len = s.size();
            }
          }
          if (sep) {
            if (p > start) items.push_back(trimmed.substr(start, p - start));
            if (p == trimmed.size()) break;
            p += len;
            start = p;
          } else {
            NextCodePoint(trimmed, &p);
          }
        }
      }
      if (items.size() == 1) {
        for (const Compound& c : lexicon_.compounds()) {
          size_t at = FindText(items[0], c.word);
          if (at != std::string::npos && (c.parts.size() == values || kind == ListKind::kEach)) {
            std::vector<std::string> expanded;
            for (const std::string& part : c.parts) {
              std::string item = items[0];
              item.replace(at, c.word.size(), part);
              expanded.push_back(item);
            }
            items = expanded;
            break;
          }
        }
      }
      // Items as 、 alone separates them: 和 may be part of a name (软件和信息服务业).
      int commas = 1;
      for (size_t at = 0; (at = FindText(trimmed, "、", at)) != std::string::npos; at += 3) ++commas;
      // The last item usually carries the shared head noun: 一本、本科上线人数.
      if (items.size() >= 2) {
        size_t shortest = items[0].size();
        for (size_t k = 0; k + 1 < items.size(); ++k) shortest = std::min(shortest, items[k].size());
        std::string& tail_item = items.back();
        if (tail_item.size() > shortest + 6) {
          size_t cut = shortest;
          while (cut < tail_item.size() && (static_cast<unsigned char>(tail_item[cut]) & 0xC0) == 0x80)
            ++cut;
          std::string shared = tail_item.substr(cut);
          for (size_t k = 0; k + 1 < items.size(); ++k)
            if (!EndsWith(items[k], shared)) items[k] += shared;
        }
      }
      if (kind == ListKind::kPairwise && items.size() != values) {
        // Not a list after all: values that merely follow each other.
        for (size_t k = qi; k <= last; ++k) out.push_back(std::move(found[k].fact));
        qi = last;
        continue;
      }
      int id = next_list_id++;
      Span list_span = source_span(clause_start, found[last].end);
      auto assign = [&](Fact& f, const std::string& item) {
        f.subject = item;
        bool level = f.measure == Measure::kRate || f.measure == Measure::kLevel;
        std::optional<IndicatorMatch> m =
            lexicon_.FindIndicator(item, level ? f.dimension : "", level ? f.unit : "");
        if (m) f.indicator = m->indicator;
        // Each item is its own thing: 游客人次、旅游花费均增长10%.
        f.noun = identity.Key(item, "");
        f.key = identity.KeyOf(m ? m->indicator : nullptr, f.noun);
      };
      if (kind == ListKind::kEach) {
        Fact base = std::move(found[qi].fact);
        for (size_t k = 0; k < std::max<size_t>(items.size(), 1); ++k) {
          Fact f = base;
          f.list_id = id;
          f.list_kind = kind;
          f.list_items = static_cast<int>(items.size());
          f.list_commas = commas;
          f.list_values = 1;
          f.list_index = static_cast<int>(k);
          f.list_span = list_span;
          if (k < items.size()) assign(f, items[k]);
          out.push_back(std::move(f));
        }
      } else {
        for (size_t k = qi; k <= last; ++k) {
          Fact& f = found[k].fact;
          f.list_id = id;
          f.list_kind = kind;
          f.list_items = static_cast<int>(items.size());
          f.list_commas = commas;
          f.list_values = static_cast<int>(values);
          f.list_index = static_cast<int>(k - qi);
          f.list_span = list_span;
          // Values after the first share the first one's direction word.
          if (k > qi && f.direction == 0 && found[qi].fact.direction != 0) {
            f.direction = found[qi].fact.direction;
            if (f.measure == Measure::kRate) f.measure = found[qi].fact.measure;
            if (f.direction < 0 && f.value > 0) f.value = -f.value;
          }
          if (items.size() == values) assign(f, items[k - qi]);
          out.push_back(std::move(f));
        }
      }
      qi = last;
    }
    sentence_base += bounds.sentence_count() + 1;
    size_t first = facts.size();
    for (Fact& f : out) facts.push_back(std::move(f));
    LinkParts(t, nt, first, &facts);
    LinkGrowth(first, &facts);
  }
  for (Fact& f : facts) f.report_year = doc.target_year;
  return facts;
}

// Within one paragraph (facts[first..]): a level followed in its sentence
// by a growth of the same indicator, or of none named ("实现32.2亿元,同比下降
// 1.6%"), gets that growth as its stated growth.
void Extractor::LinkGrowth(size_t first, std::vector<Fact>* facts) const {
  for (size_t i = first; i + 1 < facts->size(); ++i) {
    Fact& f = (*facts)[i];
    const Fact& g = (*facts)[i + 1];
    if (f.measure != Measure::kLevel || g.measure != Measure::kGrowth || f.sentence != g.sentence)
      continue;
    if (g.indicator != nullptr && g.indicator != f.indicator) continue;
    f.stated_growth = g.value;
    f.stated_growth_tolerance = g.tolerance;
  }
}

// Marks wholes and parts within one paragraph (facts[first..]): the facts
// after 其中 (up to the end of the sentence that 。 closes) are parts of the
// last fact before it of the same measure and unit; in a run of counts
// 签约 … 开工 … 投产, each stage is a part of the one before.
void Extractor::LinkParts(const std::string& t, const NormalizedText& nt, size_t first,
                          std::vector<Fact>* facts) const {
  auto offset_of = [&](const Fact& f) {
    // Normalized offset of a fact: search the map (monotonic) for its begin.
    size_t lo = 0, hi = t.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (nt.ToSource(mid) < f.span.begin) lo = mid + 1; else hi = mid;
    }
    return lo;
  };
  std::vector<size_t> at;
  for (size_t i = first; i < facts->size(); ++i) at.push_back(offset_of((*facts)[i]));
  size_t pos = 0;
  while ((pos = FindText(t, "其中", pos)) != std::string::npos) {
    // The parts run to the end of the sentence when 其中 stands alone
    // ("其中：A…；B…"), else to the end of 其中's own clause
    // ("其中南北山绿化工程43万亩，修复治理退化草原517万亩" names one part).
    size_t end = FindText(t, "。", pos);
    if (end == std::string::npos) end = t.size();
    const bool alone = At(t, pos + 6, ",") || At(t, pos + 6, ":");
    if (!alone) end = std::min({end, FindText(t, ",", pos), FindText(t, ";", pos)});
    // The whole: the last fact before 其中 (offsets are in text order).
    size_t split = static_cast<size_t>(std::lower_bound(at.begin(), at.end(), pos) - at.begin());
    if (split > 0) {
      int whole = static_cast<int>(first + split - 1);
      const Fact& w = (*facts)[whole];
      for (size_t k = split; k < at.size() && at[k] < end; ++k) {
        Fact& part = (*facts)[first + k];
        if (part.measure == w.measure && part.unit == w.unit && part.list_kind != ListKind::kEach)
          part.part_of = whole;
      }
    }
    pos += 6;
  }
  // Funnels: stage words at the start of each fact's own words.
  for (size_t i = first; i < facts->size(); ++i) {
    Fact& f = (*facts)[i];
    if (f.dimension != "count" || f.measure != Measure::kLevel) continue;
    std::string subject = f.subject;
    for (std::string_view prefix : {"累计", "新", "已"})
      if (StartsWith(subject, prefix)) subject.erase(0, prefix.size());
    for (const ExtractWords::Valued& stage : lexicon_.extract_words().stages) {
      if (StartsWith(subject, stage.words)) {
        f.stage = stage.value;
        break;
      }
    }
  }
  for (size_t i = first + 1; i < facts->size(); ++i) {
    Fact& f = (*facts)[i];
    const Fact& prev = (*facts)[i - 1];
    if (f.stage > 0 && prev.stage >= 0 && prev.stage < f.stage && prev.sentence == f.sentence &&
        prev.unit == f.unit && f.part_of < 0)
      f.part_of = static_cast<int>(i - 1);
  }
}

}  // namespace plancheck
