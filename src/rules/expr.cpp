#include "rules/expr.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "base/spell.h"
#include "base/utf8.h"
#include "rules/fact_tests.h"

namespace plancheck {

std::string Value::Format() const {
  switch (type) {
    case Type::kNull:
      return "";
    case Type::kString:
      return std::string(string);
    case Type::kBool:
      return number != 0 ? "true" : "false";
    case Type::kNumber: {
      if (std::fabs(number - std::round(number)) < 1e-9 && std::fabs(number) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", number);
        return buf;
      }
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4f", number);
      std::string s = buf;
      while (!s.empty() && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
      return s;
    }
  }
  return "";
}

namespace {

const char* PolarityName(Polarity p) {
  return p == Polarity::kLower ? "lower" : p == Polarity::kBand ? "band" : "higher";
}
const char* GrowthName(GrowthBasis g) {
  return g == GrowthBasis::kReal ? "real" : g == GrowthBasis::kNominal ? "nominal" : "none";
}
const char* KindName(IndicatorKind k) {
  return k == IndicatorKind::kRate ? "rate" : k == IndicatorKind::kIndex ? "index" : "level";
}

bool ContainsAny(const std::string& text, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (text.find(w) != std::string::npos) return true;
  return false;
}

Value Optional(const std::optional<double>& v) { return v ? Value::Number(*v) : Value::Null(); }
Value Optional(const std::optional<int>& v) { return v ? Value::Number(*v) : Value::Null(); }

// The values a field of an enumeration takes, from the names its owner gives.
template <typename E, size_t N>
std::vector<std::string> Names(const char* (*name)(E), const E (&all)[N]) {
  std::vector<std::string> out;
  for (E e : all) out.emplace_back(name(e));
  return out;
}

using Type = FieldInfo::Type;

// The figure itself: its value, unit, measure, role and words.
std::vector<FieldInfo> FigureFields() {
  const Measure kMeasures[] = {Measure::kLevel,  Measure::kRate, Measure::kGrowth,
                               Measure::kChange, Measure::kRank, Measure::kThreshold};
  const Qualifier kQualifiers[] = {Qualifier::kEq, Qualifier::kGe, Qualifier::kLe,
                                   Qualifier::kGt, Qualifier::kLt, Qualifier::kApprox};
  const Role kRoles[] = {Role::kActual, Role::kTarget, Role::kOther};
  using F = const Fact&;
  using E = const Environment&;
  return {
      {"value",
       Type::kNumber,
       {},
       "the number in base units (亿元 → 元)",
       [](F f, E) { return Value::Number(f.value); }},
      {"upper",
       Type::kNumber,
       {},
       "a range's upper end, else null",
       [](F f, E) { return Optional(f.upper); }},
      {"tolerance",
       Type::kNumber,
       {},
       "half a unit of the last printed digit",
       [](F f, E) { return Value::Number(f.tolerance); }},
      {"year",
       Type::kNumber,
       {},
       "the year the figure is for",
       [](F f, E) { return Optional(f.year); }},
      {"unit",
       Type::kString,
       {},
       "the base unit (元, %, 人, rank …)",
       [](F f, E) { return Value::String(f.unit); }},
      {"dimension",
       Type::kString,
       {},
       "money, count, percent …",
       [](F f, E) { return Value::String(f.dimension); }},
      {"measure", Type::kString, Names(&MeasureName, kMeasures), "what the number measures",
       [](F f, E) { return Value::String(MeasureName(f.measure)); }},
      {"role", Type::kString, Names(&RoleName, kRoles), "a result, a target or neither",
       [](F f, E) { return Value::String(RoleName(f.role)); }},
      {"qualifier", Type::kString, Names(&QualifierName, kQualifiers), "以上 >=, 以内 <=, 左右 ~ …",
       [](F f, E) { return Value::String(QualifierName(f.qualifier)); }},
      {"indicator",
       Type::kString,
       {},
       "the lexicon's indicator, else null",
       [](F f, E) { return f.indicator ? Value::String(f.indicator->name) : Value::Null(); }},
      {"has_indicator",
       Type::kBool,
       {},
       "whether the lexicon names it",
       [](F f, E) { return Value::Bool(f.indicator != nullptr); }},
      {"subject",
       Type::kString,
       {},
       "the words the figure is about",
       [](F f, E) { return Value::String(f.subject); }},
      {"tier",
       Type::kString,
       {},
       "国家级, 省级 … when the subject says",
       [](F f, E) { return Value::String(f.tier); }},
      {"text",
       Type::kString,
       {},
       "the figure as printed",
       [](F f, E) { return Value::String(f.text); }},
  };
}

// The list it belongs to and the lexicon's indicator.
std::vector<FieldInfo> ListAndIndicatorFields() {
  const ListKind kLists[] = {ListKind::kNone, ListKind::kRespectively, ListKind::kEach,
                             ListKind::kPairwise};
  const Polarity kPolarities[] = {Polarity::kHigher, Polarity::kLower, Polarity::kBand};
  const GrowthBasis kGrowths[] = {GrowthBasis::kReal, GrowthBasis::kNominal, GrowthBasis::kNone};
  const IndicatorKind kKinds[] = {IndicatorKind::kLevel, IndicatorKind::kRate,
                                  IndicatorKind::kIndex};
  using F = const Fact&;
  using E = const Environment&;
  return {
      {"list_kind", Type::kString, Names(&ListKindName, kLists),
       "the list the figure belongs to, else empty",
       [](F f, E) { return Value::String(ListKindName(f.list.kind)); }},
      {"list_items",
       Type::kNumber,
       {},
       "items of its list",
       [](F f, E) { return Value::Number(f.list.items); }},
      {"list_values",
       Type::kNumber,
       {},
       "values of its list",
       [](F f, E) { return Value::Number(f.list.values); }},
      {"list_index",
       Type::kNumber,
       {},
       "its place in the list",
       [](F f, E) { return Value::Number(f.list.index); }},
      {"list_id",
       Type::kNumber,
       {},
       "the list, else null",
       [](F f, E) { return f.list.id >= 0 ? Value::Number(f.list.id) : Value::Null(); }},
      {"enum_names",
       Type::kNumber,
       {},
       "items named before a count",
       [](F f, E) { return Value::Number(f.enumeration.names); }},
      {"enum_etc",
       Type::kBool,
       {},
       "the items end with 等",
       [](F f, E) { return Value::Bool(f.enumeration.etc); }},
      {"written_sign",
       Type::kString,
       {"+", "-", ""},
       "a sign printed before the number",
       [](F f, E) {
         return Value::String(f.written_sign == '+' ? "+" : f.written_sign == '-' ? "-" : "");
       }},
      {"direction",
       Type::kNumber,
       {},
       "+1 增长, -1 下降, 0 none",
       [](F f, E) { return Value::Number(f.direction); }},
      {"cumulative", Type::kBool, {}, "累计", [](F f, E) { return Value::Bool(f.cumulative); }},
      {"multi_year",
       Type::kBool,
       {},
       "over several years",
       [](F f, E) { return Value::Bool(f.multi_year); }},
      {"indicator_kind", Type::kString, Names(&KindName, kKinds), "the indicator's kind, else null",
       [](F f, E) {
         return f.indicator ? Value::String(KindName(f.indicator->kind)) : Value::Null();
       }},
      {"polarity", Type::kString, Names(&PolarityName, kPolarities),
       "whether more is better, else null",
       [](F f, E) {
         return f.indicator ? Value::String(PolarityName(f.indicator->polarity)) : Value::Null();
       }},
      {"growth_basis", Type::kString, Names(&GrowthName, kGrowths),
       "real or nominal growth, else null",
       [](F f, E) {
         return f.indicator ? Value::String(GrowthName(f.indicator->growth)) : Value::Null();
       }},
      {"indicator_dimension",
       Type::kString,
       {},
       "the indicator's dimension, else null",
       [](F f, E) { return f.indicator ? Value::String(f.indicator->dimension) : Value::Null(); }},
  };
}

// Where it stands, its period and what it counts.
std::vector<FieldInfo> PlaceAndIdentityFields() {
  const PeriodKind kPeriods[] = {PeriodKind::kYear, PeriodKind::kTotal, PeriodKind::kAverage,
                                 PeriodKind::kChange, PeriodKind::kBaseline};
  using F = const Fact&;
  using E = const Environment&;
  return {
      // A rank "居全市第N" is among the city's county-level units.
      {"peers",
       Type::kNumber,
       {},
       "units a rank is among (regions.toml), else null",
       [](F f, E env) {
         return env.peers > 0 && f.measure == Measure::kRank && env.peer_words != nullptr &&
                        ContainsAny(f.subject, *env.peer_words)
                    ? Value::Number(env.peers)
                    : Value::Null();
       }},
      {"sentence",
       Type::kNumber,
       {},
       "its sentence's number",
       [](F f, E) { return Value::Number(f.sentence); }},
      {"paragraph",
       Type::kNumber,
       {},
       "its paragraph's number",
       [](F f, E) { return Value::Number(f.paragraph); }},
      {"stage",
       Type::kNumber,
       {},
       "签约 0, 开工 1, 投产 2, else null",
       [](F f, E) { return f.stage >= 0 ? Value::Number(f.stage) : Value::Null(); }},
      {"flow",
       Type::kBool,
       {},
       "a flow over the year, not a stock",
       [](F f, E) { return Value::Bool(f.flow); }},
      {"report_year",
       Type::kNumber,
       {},
       "the year of the report",
       [](F f, E) { return Optional(f.report_year); }},
      {"claims_met",
       Type::kBool,
       {},
       "the text says the target was met",
       [](F f, E) { return Value::Bool(f.claims_met); }},
      {"stated_growth",
       Type::kNumber,
       {},
       "a growth printed beside a level, else null",
       [](F f, E) { return Optional(f.stated_growth); }},
      {"stated_growth_tolerance",
       Type::kNumber,
       {},
       "its printed precision",
       [](F f, E) { return Value::Number(f.stated_growth_tolerance); }},
      {"period", Type::kString, Names(&PeriodKindName, kPeriods),
       "what the figure is over its years, else null",
       [](F f, E) {
         return f.period.known() ? Value::String(PeriodKindName(f.period.kind)) : Value::Null();
       }},
      {"period_from",
       Type::kNumber,
       {},
       "the period's first year, else null",
       [](F f, E) { return f.period.known() ? Value::Number(f.period.from) : Value::Null(); }},
      {"period_to",
       Type::kNumber,
       {},
       "the period's last year, else null",
       [](F f, E) { return f.period.known() ? Value::Number(f.period.to) : Value::Null(); }},
      {"key",
       Type::kString,
       {},
       "the identity figures join on",
       [](F f, E) { return Value::String(f.key); }},
      {"indicator_dimension_label",
       Type::kString,
       {},
       "the dimension in Chinese, else null",
       [](F f, E) {
         return f.indicator ? Value::String(f.indicator->dimension_label) : Value::Null();
       }},
      {"indicator_adjacent",
       Type::kBool,
       {},
       "the indicator's name is next to the number",
       [](F f, E) { return Value::Bool(f.indicator_adjacent); }},
      {"noun",
       Type::kString,
       {},
       "the noun a count counts",
       [](F f, E) { return Value::String(f.noun); }},
      {"list_commas",
       Type::kNumber,
       {},
       "commas in its list",
       [](F f, E) { return Value::Number(f.list.commas); }},
      {"started",
       Type::kBool,
       {},
       "new starts (新开工)",
       [](F f, E) { return Value::Bool(f.started); }},
      {"finished",
       Type::kBool,
       {},
       "completions (建成, 竣工)",
       [](F f, E) { return Value::Bool(f.finished); }},
      {"stock", Type::kBool, {}, "a stock at a date", [](F f, E) { return Value::Bool(f.stock); }},
      {"cap",
       Type::kBool,
       {},
       "worded as a ceiling (控制在)",
       [](F f, E) { return Value::Bool(f.cap); }},
      {"name",
       Type::kString,
       {},
       "the indicator, else the subject",
       [](F f, E) {
         return Value::String(f.indicator ? std::string_view(f.indicator->name)
                                          : std::string_view(f.subject));
       }},
      {"generic_unit",
       Type::kBool,
       {},
       "a counting word that counts any noun (个, 项)",
       [](F f, E) { return Value::Bool(f.generic_unit); }},
      {"list_names",
       Type::kString,
       {},
       "the names of its 分别 list",
       [](F f, E) { return Value::String(f.list.names); }},
      {"enum_list",
       Type::kString,
       {},
       "the items named before a count",
       [](F f, E) { return Value::String(f.enumeration.text); }},
  };
}

std::vector<FieldInfo> MakeFields() {
  std::vector<FieldInfo> fields;
  for (auto part : {&FigureFields, &ListAndIndicatorFields, &PlaceAndIdentityFields})
    for (FieldInfo& f : part()) fields.push_back(std::move(f));
  return fields;
}

}  // namespace

const std::vector<std::string>* Vocabulary::NamesOf(std::string_view field) const {
  if (field == "indicator") return &indicators;
  if (field == "unit") return &units;
  if (field == "claims" || field == "after_claims") return &claims;
  return nullptr;
}

std::string Vocabulary::Unknown(std::string_view field, const std::string& value) const {
  const std::vector<std::string>* names = NamesOf(field);
  if (names == nullptr || std::find(names->begin(), names->end(), value) != names->end()) return "";
  return "unknown " + std::string(field) + " \"" + value + "\"" + DidYouMean(value, *names);
}

const std::vector<FieldInfo>& FieldTable() {
  static const std::vector<FieldInfo> kFields = MakeFields();
  return kFields;
}

const std::vector<std::string>& FactFields() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const FieldInfo& f : FieldTable()) names.push_back(f.name);
    return names;
  }();
  return kNames;
}

int FindField(std::string_view name) {
  const std::vector<FieldInfo>& fields = FieldTable();
  for (size_t i = 0; i < fields.size(); ++i)
    if (name == fields[i].name) return static_cast<int>(i);
  return -1;
}

Value FieldValue(const Fact& f, int field, const Environment& env) {
  return FieldTable()[field].get(f, env);
}

namespace {

class Literal : public Expr {
 public:
  explicit Literal(Value v) : v_(v) {}
  explicit Literal(std::string s) : storage_(std::move(s)), v_(Value::String(storage_)) {}
  Literal(const Literal&) = delete;
  Literal& operator=(const Literal&) = delete;
  Value Eval(const Bindings&) const override { return v_; }
  Value::Type StaticType() const override { return v_.type; }
  const Value& value() const { return v_; }

 private:
  const std::string storage_;  // what a string literal's Value views
  const Value v_;
};

class FieldRef : public Expr {
 public:
  FieldRef(int variable, int field) : variable_(variable), field_(field) {}
  Value Eval(const Bindings& b) const override {
    const Fact* f = b.facts[variable_];
    static const Environment kNoEnv;
    return f ? FieldValue(*f, field_, b.env ? *b.env : kNoEnv) : Value::Null();
  }
  Value::Type StaticType() const override {
    switch (FieldTable()[field_].type) {
      case FieldInfo::Type::kNumber:
        return Value::Type::kNumber;
      case FieldInfo::Type::kString:
        return Value::Type::kString;
      case FieldInfo::Type::kBool:
        return Value::Type::kBool;
    }
    return Value::Type::kNull;
  }
  int variable() const { return variable_; }
  int field() const { return field_; }
  void References(int var, std::vector<int>* fields, bool*) const override {
    if (var == variable_) fields->push_back(field_);
  }

 private:
  int variable_, field_;
};

class Unary : public Expr {
 public:
  Unary(char op, ExprPtr e) : op_(op), e_(std::move(e)) {}
  Value Eval(const Bindings& b) const override {
    Value v = e_->Eval(b);
    if (op_ == '!') return Value::Bool(!v.truthy());
    if (v.type != Value::Type::kNumber) return Value::Null();
    return Value::Number(-v.number);
  }
  Value::Type StaticType() const override {
    return op_ == '!' ? Value::Type::kBool : Value::Type::kNumber;
  }
  void References(int var, std::vector<int>* fields, bool* opaque) const override {
    e_->References(var, fields, opaque);
  }

 private:
  char op_;
  ExprPtr e_;
};

enum class Op { kOr, kAnd, kEq, kNe, kLt, kLe, kGt, kGe, kAdd, kSub, kMul, kDiv };

class Binary : public Expr {
 public:
  Binary(Op op, ExprPtr l, ExprPtr r) : op_(op), l_(std::move(l)), r_(std::move(r)) {}
  Value Eval(const Bindings& b) const override {
    if (op_ == Op::kOr) return Value::Bool(l_->Test(b) || r_->Test(b));
    if (op_ == Op::kAnd) return Value::Bool(l_->Test(b) && r_->Test(b));
    Value l = l_->Eval(b), r = r_->Eval(b);
    if (op_ == Op::kEq || op_ == Op::kNe) {
      bool eq;
      if (l.type == Value::Type::kNull || r.type == Value::Type::kNull) {
        if (op_ == Op::kEq) return Value::Bool(false);
        return Value::Bool(l.type != r.type);
      }
      if (l.type == Value::Type::kString || r.type == Value::Type::kString)
        eq = l.type == r.type && l.string == r.string;
      else
        eq = l.number == r.number;
      return Value::Bool(op_ == Op::kEq ? eq : !eq);
    }
    if (l.type == Value::Type::kNull || r.type == Value::Type::kNull ||
        l.type == Value::Type::kString || r.type == Value::Type::kString) {
      return op_ >= Op::kAdd ? Value::Null() : Value::Bool(false);
    }
    double x = l.number, y = r.number;
    switch (op_) {
      case Op::kLt:
        return Value::Bool(x < y);
      case Op::kLe:
        return Value::Bool(x <= y);
      case Op::kGt:
        return Value::Bool(x > y);
      case Op::kGe:
        return Value::Bool(x >= y);
      case Op::kAdd:
        return Value::Number(x + y);
      case Op::kSub:
        return Value::Number(x - y);
      case Op::kMul:
        return Value::Number(x * y);
      case Op::kDiv:
        return y == 0 ? Value::Null() : Value::Number(x / y);
      default:
        return Value::Null();
    }
  }
  Value::Type StaticType() const override {
    return op_ >= Op::kAdd ? Value::Type::kNumber : Value::Type::kBool;
  }
  void EqualityJoins(std::vector<int>* fields) const override {
    if (op_ == Op::kAnd) {
      l_->EqualityJoins(fields);
      r_->EqualityJoins(fields);
      return;
    }
    if (op_ != Op::kEq) return;
    auto* l = dynamic_cast<const FieldRef*>(l_.get());
    auto* r = dynamic_cast<const FieldRef*>(r_.get());
    if (l && r && l->field() == r->field() && l->variable() != r->variable())
      fields->push_back(l->field());
  }
  void References(int var, std::vector<int>* fields, bool* opaque) const override {
    l_->References(var, fields, opaque);
    r_->References(var, fields, opaque);
  }
  void OrderingJoins(int var, std::vector<int>* fields) const override {
    if (op_ == Op::kAnd) {
      l_->OrderingJoins(var, fields);
      r_->OrderingJoins(var, fields);
      return;
    }
    if (op_ != Op::kLt && op_ != Op::kLe && op_ != Op::kGt && op_ != Op::kGe) return;
    auto* l = dynamic_cast<const FieldRef*>(l_.get());
    auto* r = dynamic_cast<const FieldRef*>(r_.get());
    if (!l || !r || l->field() != r->field() || l->variable() == r->variable()) return;
    const bool less = op_ == Op::kLt || op_ == Op::kLe;
    if ((less ? l : r)->variable() == var) fields->push_back(l->field());
  }

 private:
  Op op_;
  ExprPtr l_, r_;
};

class Matches : public Expr {
 public:
  Matches(ExprPtr subject, std::shared_ptr<RE2> re)
      : subject_(std::move(subject)), re_(std::move(re)) {}
  Value Eval(const Bindings& b) const override {
    Value v = subject_->Eval(b);
    if (v.type != Value::Type::kString) return Value::Bool(false);
    return Value::Bool(RE2::PartialMatch(re2::StringPiece(v.string.data(), v.string.size()), *re_));
  }
  Value::Type StaticType() const override { return Value::Type::kBool; }
  void References(int var, std::vector<int>* fields, bool* opaque) const override {
    subject_->References(var, fields, opaque);
  }

 private:
  ExprPtr subject_;
  std::shared_ptr<RE2> re_;
};

class Known : public Expr {
 public:
  explicit Known(ExprPtr e) : e_(std::move(e)) {}
  Value Eval(const Bindings& b) const override {
    Value v = e_->Eval(b);
    return Value::Bool(v.type != Value::Type::kNull &&
                       !(v.type == Value::Type::kString && v.string.empty()));
  }
  Value::Type StaticType() const override { return Value::Type::kBool; }
  void References(int var, std::vector<int>* fields, bool* opaque) const override {
    e_->References(var, fields, opaque);
  }

 private:
  ExprPtr e_;
};

class Call : public Expr {
 public:
  Call(std::string fn, std::vector<ExprPtr> args) : fn_(std::move(fn)), args_(std::move(args)) {}
  Value Eval(const Bindings& b) const override {
    double xs[2] = {0, 0};
    for (size_t i = 0; i < args_.size() && i < 2; ++i) {
      Value v = args_[i]->Eval(b);
      if (v.type != Value::Type::kNumber) return Value::Null();
      xs[i] = v.number;
    }
    if (fn_ == "abs") return Value::Number(std::fabs(xs[0]));
    if (fn_ == "min") return Value::Number(std::min(xs[0], xs[1]));
    return Value::Number(std::max(xs[0], xs[1]));
  }
  Value::Type StaticType() const override { return Value::Type::kNumber; }
  void References(int var, std::vector<int>* fields, bool* opaque) const override {
    for (const ExprPtr& a : args_) a->References(var, fields, opaque);
  }

 private:
  std::string fn_;
  std::vector<ExprPtr> args_;
};

// A test over two whole facts (rules/fact_tests.h): met(T, A),
// same_value(X, Y) … Null when a variable is unbound.
class FactTestCall : public Expr {
 public:
  FactTestCall(const FactTest& test, int first, int second)
      : test_(test), first_(first), second_(second) {
    for (const char* name : test.reads) reads_.push_back(FindField(name));
  }
  Value Eval(const Bindings& b) const override {
    const Fact* x = b.facts[first_];
    const Fact* y = b.facts[second_];
    if (x == nullptr || y == nullptr) return Value::Null();
    return Value::Bool(test_.test(*x, *y));
  }
  Value::Type StaticType() const override { return Value::Type::kBool; }
  void References(int var, std::vector<int>* fields, bool* opaque) const override {
    if (var != first_ && var != second_) return;
    if (reads_.empty()) *opaque = true;
    fields->insert(fields->end(), reads_.begin(), reads_.end());
  }

 private:
  const FactTest& test_;
  int first_, second_;
  std::vector<int> reads_;
};

class Parser {
 public:
  Parser(std::string_view s, const std::vector<std::string>& vars,
         const Vocabulary* vocabulary = nullptr)
      : s_(s), vars_(vars), vocabulary_(vocabulary) {}

  Result<ExprPtr> ParseAll() {
    ExprPtr e = Or();
    Skip();
    if (error_.empty() && pos_ < s_.size()) Fail("unexpected '" + std::string(1, s_[pos_]) + "'");
    if (!error_.empty()) return Status::Error(error_);
    return e;
  }

  // {var.field} inside templates.
  bool ParseFieldName(std::string_view name, int* var, int* field) {
    size_t dot = name.find('.');
    if (dot == std::string_view::npos) {
      Fail("'" + std::string(name) + "' is not VAR.FIELD");
      return false;
    }
    return Resolve(name.substr(0, dot), name.substr(dot + 1), var, field);
  }
  const std::string& error() const { return error_; }

 private:
  // Columns count characters, as an editor shows them.
  void Fail(const std::string& message) {
    if (error_.empty())
      error_ = message + " at column " + std::to_string(CountCodePoints(s_.substr(0, pos_)) + 1);
  }
  void Skip() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n')) ++pos_;
  }
  bool Eat(std::string_view token) {
    Skip();
    if (s_.substr(pos_, token.size()) == token) {
      pos_ += token.size();
      return true;
    }
    return false;
  }
  ExprPtr Error() { return std::make_shared<Literal>(Value::Null()); }

  bool ResolveVariable(std::string_view var, int* v) {
    *v = -1;
    for (size_t i = 0; i < vars_.size(); ++i)
      if (vars_[i] == var) *v = static_cast<int>(i);
    if (*v >= 0) return true;
    std::string list;
    for (const auto& x : vars_) list += (list.empty() ? "" : ", ") + x;
    Fail("unknown variable '" + std::string(var) + "' (this rule kind binds " + list + ")" +
         DidYouMean(var, vars_));
    return false;
  }

  bool Resolve(std::string_view var, std::string_view field, int* v, int* f) {
    if (!ResolveVariable(var, v)) return false;
    const auto& fields = FactFields();
    for (size_t i = 0; i < fields.size(); ++i) {
      if (fields[i] == field) {
        *f = static_cast<int>(i);
        return true;
      }
    }
    Fail("unknown field '" + std::string(field) + "'" + DidYouMean(field, fields));
    return false;
  }

  // How a message names an operand: "t.role", "\"5\"", or its type.
  std::string Describe(const ExprPtr& e) const {
    if (auto* f = dynamic_cast<const FieldRef*>(e.get()))
      return vars_[f->variable()] + "." + FieldTable()[f->field()].name;
    if (auto* l = dynamic_cast<const Literal*>(e.get()))
      return l->value().type == Value::Type::kString ? "\"" + std::string(l->value().string) + "\""
                                                     : l->value().Format();
    return "an expression";
  }
  static const char* TypeName(Value::Type t) {
    return t == Value::Type::kNumber   ? "a number"
           : t == Value::Type::kString ? "a string"
                                       : "true/false";
  }
  // A string literal compared with a field of fixed values must be one of them.
  void CheckValue(const ExprPtr& field, const ExprPtr& literal) {
    auto* f = dynamic_cast<const FieldRef*>(field.get());
    auto* l = dynamic_cast<const Literal*>(literal.get());
    if (f == nullptr || l == nullptr || l->value().type != Value::Type::kString) return;
    const FieldInfo& info = FieldTable()[f->field()];
    if (vocabulary_ != nullptr && vocabulary_->NamesOf(info.name) != nullptr) {
      const std::string unknown = vocabulary_->Unknown(info.name, std::string(l->value().string));
      if (!unknown.empty()) Fail(unknown);
      return;
    }
    if (info.values.empty()) return;
    for (const std::string& v : info.values)
      if (v == l->value().string) return;
    std::string list;
    for (const std::string& v : info.values)
      list += (list.empty() ? "" : ", ") + (v.empty() ? "\"\"" : v);
    Fail("unknown " + std::string(info.name) + " \"" + std::string(l->value().string) + "\" (" +
         Describe(field) + " is one of " + list + ")" + DidYouMean(l->value().string, info.values));
  }
  // The operands' types must fit the operator: numbers for < and +, like
  // with like for == (true/false and numbers count as alike).
  ExprPtr Checked(Op op, ExprPtr l, ExprPtr r, size_t at) {
    if (!error_.empty()) return Error();
    const size_t end = pos_;
    pos_ = at;  // errors point at the comparison's start
    const Value::Type tl = l->StaticType(), tr = r->StaticType();
    const bool known = tl != Value::Type::kNull && tr != Value::Type::kNull;
    if (op == Op::kEq || op == Op::kNe) {
      if (known && (tl == Value::Type::kString) != (tr == Value::Type::kString))
        Fail(Describe(l) + " is " + TypeName(tl) + " and " + Describe(r) + " is " + TypeName(tr) +
             ": they are never equal");
      CheckValue(l, r);
      CheckValue(r, l);
    } else if (op != Op::kAnd && op != Op::kOr) {
      for (const ExprPtr& e : {l, r})
        if (e->StaticType() == Value::Type::kString)
          Fail(Describe(e) + " is a string; arithmetic and ordering take numbers");
    }
    pos_ = end;
    return std::make_shared<Binary>(op, l, r);
  }

  size_t Start() {
    Skip();
    return pos_;
  }
  ExprPtr Or() {
    const size_t at = Start();
    ExprPtr l = And();
    while (error_.empty() && Eat("||")) l = Checked(Op::kOr, l, And(), at);
    return l;
  }
  ExprPtr And() {
    const size_t at = Start();
    ExprPtr l = Cmp();
    while (error_.empty() && Eat("&&")) l = Checked(Op::kAnd, l, Cmp(), at);
    return l;
  }
  ExprPtr Cmp() {
    const size_t at = Start();
    ExprPtr l = Add();
    static const std::pair<const char*, Op> kOps[] = {{"==", Op::kEq}, {"!=", Op::kNe},
                                                      {"<=", Op::kLe}, {">=", Op::kGe},
                                                      {"<", Op::kLt},  {">", Op::kGt}};
    for (const auto& [tok, op] : kOps) {
      if (Eat(tok)) return Checked(op, l, Add(), at);
    }
    return l;
  }
  ExprPtr Add() {
    const size_t at = Start();
    ExprPtr l = Mul();
    while (error_.empty()) {
      if (Eat("+"))
        l = Checked(Op::kAdd, l, Mul(), at);
      else if (Eat("-"))
        l = Checked(Op::kSub, l, Mul(), at);
      else
        break;
    }
    return l;
  }
  ExprPtr Mul() {
    const size_t at = Start();
    ExprPtr l = UnaryExpr();
    while (error_.empty()) {
      if (Eat("*"))
        l = Checked(Op::kMul, l, UnaryExpr(), at);
      else if (Eat("/"))
        l = Checked(Op::kDiv, l, UnaryExpr(), at);
      else
        break;
    }
    return l;
  }
  ExprPtr UnaryExpr() {
    if (Eat("!")) return std::make_shared<Unary>('!', UnaryExpr());
    if (Eat("-")) return std::make_shared<Unary>('-', UnaryExpr());
    return Primary();
  }
  ExprPtr Primary() {
    Skip();
    if (pos_ >= s_.size()) {
      Fail("unexpected end of expression");
      return Error();
    }
    char c = s_[pos_];
    if (c == '(') {
      ++pos_;
      ExprPtr e = Or();
      if (!Eat(")")) Fail("missing ')'");
      return e;
    }
    if (c == '"') {
      size_t end = s_.find('"', pos_ + 1);
      if (end == std::string_view::npos) {
        Fail("unterminated string");
        return Error();
      }
      std::string text(s_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
      return std::make_shared<Literal>(std::move(text));
    }
    if ((c >= '0' && c <= '9') || c == '.') {
      size_t start = pos_;
      while (pos_ < s_.size() && ((s_[pos_] >= '0' && s_[pos_] <= '9') || s_[pos_] == '.' ||
                                  s_[pos_] == 'e' || s_[pos_] == 'E'))
        ++pos_;
      std::string num(s_.substr(start, pos_ - start));
      char* end = nullptr;
      double d = std::strtod(num.c_str(), &end);
      if (end == nullptr || *end != '\0') {
        Fail("bad number '" + num + "'");
        return Error();
      }
      return std::make_shared<Literal>(Value::Number(d));
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = pos_;
      while (pos_ < s_.size() &&
             (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'))
        ++pos_;
      std::string name(s_.substr(start, pos_ - start));
      if (name == "true" || name == "false")
        return std::make_shared<Literal>(Value::Bool(name == "true"));
      if (name == "matches") {
        // matches(STRING-EXPR, "RE2 pattern"): the pattern is compiled now,
        // so a bad one is a load error.
        if (!Eat("(")) {
          Fail("'matches' needs arguments in parentheses");
          return Error();
        }
        ExprPtr subject = Or();
        if (!Eat(",")) {
          Fail("matches(text, \"pattern\") takes two arguments");
          return Error();
        }
        Skip();
        if (pos_ >= s_.size() || s_[pos_] != '"') {
          Fail("the pattern of matches() must be a string literal");
          return Error();
        }
        size_t end = s_.find('"', pos_ + 1);
        if (end == std::string_view::npos) {
          Fail("unterminated string");
          return Error();
        }
        std::string pattern(s_.substr(pos_ + 1, end - pos_ - 1));
        RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_shared<RE2>(pattern, options);
        if (!re->ok()) {
          Fail("RE2 rejects the pattern '" + pattern + "': " + re->error());
          return Error();
        }
        pos_ = end + 1;
        if (!Eat(")")) Fail("missing ')'");
        return std::make_shared<Matches>(subject, re);
      }
      if (const FactTest* test = FindFactTest(name)) return CallFactTest(*test);
      if (name == "known") {
        if (!Eat("(")) {
          Fail("'known' needs an argument in parentheses");
          return Error();
        }
        ExprPtr e = Or();
        if (!Eat(")")) Fail("missing ')'");
        return std::make_shared<Known>(e);
      }
      if (name == "abs" || name == "min" || name == "max") {
        if (!Eat("(")) {
          Fail("'" + name + "' needs arguments in parentheses");
          return Error();
        }
        std::vector<ExprPtr> args;
        args.push_back(Or());
        while (Eat(",")) args.push_back(Or());
        if (!Eat(")")) Fail("missing ')'");
        size_t want = name == "abs" ? 1 : 2;
        if (args.size() != want) Fail(name + " takes " + std::to_string(want) + " argument(s)");
        return std::make_shared<Call>(name, args);
      }
      if (pos_ >= s_.size() || s_[pos_] != '.') {
        std::vector<std::string> names = {"true", "false", "matches", "known", "abs", "min", "max"};
        for (const FactTest& t : FactTests()) names.emplace_back(t.name);
        Fail("unknown name '" + name + "'" + DidYouMean(name, names));
        return Error();
      }
      ++pos_;
      size_t fstart = pos_;
      while (pos_ < s_.size() &&
             (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'))
        ++pos_;
      int v = 0, f = 0;
      if (!Resolve(name, s_.substr(fstart, pos_ - fstart), &v, &f)) return Error();
      return std::make_shared<FieldRef>(v, f);
    }
    Fail("unexpected '" + std::string(1, c) + "'");
    return Error();
  }

  // NAME(VAR, VAR): a test over two whole facts.
  ExprPtr CallFactTest(const FactTest& test) {
    const std::string usage = std::string(test.name) + "(" + test.params + ")";
    int vars[2] = {-1, -1};
    if (!Eat("(")) {
      Fail(usage + " needs two variables in parentheses");
      return Error();
    }
    for (int k = 0; k < 2; ++k) {
      if (k == 1 && !Eat(",")) {
        Fail(usage + " takes two variables");
        return Error();
      }
      Skip();
      size_t vstart = pos_;
      while (pos_ < s_.size() &&
             (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'))
        ++pos_;
      if (!ResolveVariable(s_.substr(vstart, pos_ - vstart), &vars[k])) return Error();
    }
    if (!Eat(")")) Fail("missing ')'");
    return std::make_shared<FactTestCall>(test, vars[0], vars[1]);
  }

  std::string_view s_;
  const std::vector<std::string>& vars_;
  const Vocabulary* vocabulary_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

Result<ExprPtr> Expr::Parse(std::string_view source, const std::vector<std::string>& variables,
                            const Vocabulary* vocabulary) {
  Parser p(source, variables, vocabulary);
  return p.ParseAll();
}

ExprPtr Expr::Same(const std::vector<int>& fields, int var0, int var1) {
  ExprPtr out = std::make_shared<Literal>(Value::Bool(true));
  for (size_t i = 0; i < fields.size(); ++i) {
    ExprPtr eq = std::make_shared<Binary>(Op::kEq, std::make_shared<FieldRef>(var1, fields[i]),
                                          std::make_shared<FieldRef>(var0, fields[i]));
    out = i == 0 ? eq : std::make_shared<Binary>(Op::kAnd, out, eq);
  }
  return out;
}

ExprPtr Expr::Conjunction(ExprPtr l, ExprPtr r) {
  return std::make_shared<Binary>(Op::kAnd, std::move(l), std::move(r));
}

Result<Template> Template::Parse(std::string_view source,
                                 const std::vector<std::string>& variables) {
  Template t;
  size_t pos = 0;
  while (pos < source.size()) {
    size_t open = source.find('{', pos);
    if (open == std::string_view::npos) {
      t.pieces_.push_back(Piece{std::string(source.substr(pos)), -1, -1});
      break;
    }
    if (open > pos) t.pieces_.push_back(Piece{std::string(source.substr(pos, open - pos)), -1, -1});
    size_t close = source.find('}', open);
    if (close == std::string_view::npos) return Status::Error("unclosed '{' in message");
    std::string_view name = source.substr(open + 1, close - open - 1);
    Parser p(name, variables);
    Piece piece;
    if (!p.ParseFieldName(name, &piece.variable, &piece.field)) {
      std::string message = p.error();
      size_t at = message.rfind(" at column");
      if (at != std::string::npos) message.erase(at);
      return Status::Error("placeholder {" + std::string(name) + "}: " + message);
    }
    t.pieces_.push_back(piece);
    pos = close + 1;
  }
  return t;
}

std::string Template::Render(const Bindings& b) const {
  static const Environment kNoEnv;
  std::string out;
  for (const Piece& p : pieces_) {
    if (p.variable < 0) {
      out += p.literal;
    } else if (const Fact* f = b.facts[p.variable]) {
      out += FieldValue(*f, p.field, b.env ? *b.env : kNoEnv).Format();
    }
  }
  return out;
}

}  // namespace plancheck
