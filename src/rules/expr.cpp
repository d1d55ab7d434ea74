#include "rules/expr.h"

#include <cmath>
#include <cstdio>
#include <functional>

#include <re2/re2.h>

#include "base/spell.h"
#include "rules/outcome.h"

namespace plancheck {

std::string Value::Format() const {
  switch (type) {
    case Type::kNull: return "";
    case Type::kString: return std::string(string);
    case Type::kBool: return number != 0 ? "true" : "false";
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

enum Field {
  kValue, kUpper, kTolerance, kYear, kUnit, kDimension, kMeasure, kRole, kQualifier, kIndicator,
  kHasIndicator, kSubject, kTier, kText, kListKind, kListItems, kListValues, kListIndex, kListId,
  kEnumNames, kEnumEtc, kWrittenSign, kDirection, kCumulative, kMultiYear, kIndicatorKind,
  kPolarity, kGrowthBasis, kIndicatorDimension, kPeers, kSentence, kParagraph, kStage, kFlow, kReportYear, kClaimsMet, kStatedGrowth, kStatedGrowthTolerance, kPeriod, kPeriodFrom, kPeriodTo, kKey, kIndicatorDimensionLabel, kIndicatorAdjacent, kNoun, kListCommas, kStarted, kFinished, kStock, kCap, kName, kGenericUnit, kListNames, kEnumList, kFieldCount
};

const char* PolarityName(Polarity p) {
  return p == Polarity::kLower ? "lower" : p == Polarity::kBand ? "band" : "higher";
}
const char* GrowthName(GrowthBasis g) {
  return g == GrowthBasis::kReal ? "real" : g == GrowthBasis::kNominal ? "nominal" : "none";
}
const char* KindName(IndicatorKind k) {
  return k == IndicatorKind::kRate ? "rate" : k == IndicatorKind::kIndex ? "index" : "level";
}

}  // namespace

const std::vector<std::string>& FactFields() {
  static const std::vector<std::string> kNames = {
      "value", "upper", "tolerance", "year", "unit", "dimension", "measure", "role", "qualifier",
      "indicator", "has_indicator", "subject", "tier", "text", "list_kind", "list_items",
      "list_values", "list_index", "list_id", "enum_names", "enum_etc", "written_sign",
      "direction", "cumulative", "multi_year", "indicator_kind", "polarity", "growth_basis",
      "indicator_dimension", "peers", "sentence", "paragraph", "stage", "flow", "report_year", "claims_met", "stated_growth",
      "stated_growth_tolerance", "period", "period_from", "period_to", "key", "indicator_dimension_label", "indicator_adjacent", "noun", "list_commas", "started", "finished", "stock", "cap", "name", "generic_unit", "list_names", "enum_list"};
  return kNames;
}

Value FieldValue(const Fact& f, int field, const Environment& env) {
  const Indicator* ind = f.indicator;
  switch (field) {
    case kValue: return Value::Number(f.value);
    case kUpper: return f.upper ? Value::Number(*f.upper) : Value::Null();
    case kTolerance: return Value::Number(f.tolerance);
    case kYear: return f.year ? Value::Number(*f.year) : Value::Null();
    case kUnit: return Value::String(f.unit);
    case kDimension: return Value::String(f.dimension);
    case kMeasure: return Value::String(MeasureName(f.measure));
    case kRole: return Value::String(RoleName(f.role));
    case kQualifier: return Value::String(QualifierName(f.qualifier));
    case kIndicator: return ind ? Value::String(ind->name) : Value::Null();
    case kHasIndicator: return Value::Bool(ind != nullptr);
    case kSubject: return Value::String(f.subject);
    case kTier: return Value::String(f.tier);
    case kText: return Value::String(f.text);
    case kListKind: return Value::String(ListKindName(f.list_kind));
    case kListItems: return Value::Number(f.list_items);
    case kListValues: return Value::Number(f.list_values);
    case kListIndex: return Value::Number(f.list_index);
    case kListId: return f.list_id >= 0 ? Value::Number(f.list_id) : Value::Null();
    case kEnumNames: return Value::Number(f.enum_names);
    case kEnumEtc: return Value::Bool(f.enum_etc);
    case kWrittenSign:
      return Value::String(f.written_sign == '+' ? "+" : f.written_sign == '-' ? "-" : "");
    case kDirection: return Value::Number(f.direction);
    case kCumulative: return Value::Bool(f.cumulative);
    case kMultiYear: return Value::Bool(f.multi_year);
    case kIndicatorKind: return ind ? Value::String(KindName(ind->kind)) : Value::Null();
    case kPolarity: return ind ? Value::String(PolarityName(ind->polarity)) : Value::Null();
    case kGrowthBasis: return ind ? Value::String(GrowthName(ind->growth)) : Value::Null();
    case kIndicatorDimension: return ind ? Value::String(ind->dimension) : Value::Null();
    case kPeers:
      // A rank "居全市第N" is among the city's county-level units.
      return env.peers > 0 && f.measure == Measure::kRank &&
                     (f.subject.find("市") != std::string::npos ||
                      f.subject.find("州") != std::string::npos)
                 ? Value::Number(env.peers)
                 : Value::Null();
    case kSentence: return Value::Number(f.sentence);
    case kParagraph: return Value::Number(f.paragraph);
    case kStage: return f.stage >= 0 ? Value::Number(f.stage) : Value::Null();
    case kFlow: return Value::Bool(f.flow);
    case kReportYear: return f.report_year ? Value::Number(*f.report_year) : Value::Null();
    case kClaimsMet: return Value::Bool(f.claims_met);
    case kStatedGrowth: return f.stated_growth ? Value::Number(*f.stated_growth) : Value::Null();
    case kStatedGrowthTolerance: return Value::Number(f.stated_growth_tolerance);
    case kPeriod: return f.period.known() ? Value::String(PeriodKindName(f.period.kind)) : Value::Null();
    case kPeriodFrom: return f.period.known() ? Value::Number(f.period.from) : Value::Null();
    case kPeriodTo: return f.period.known() ? Value::Number(f.period.to) : Value::Null();
    case kKey: return Value::String(f.key);
    case kNoun: return Value::String(f.noun);
    case kIndicatorDimensionLabel: return ind ? Value::String(ind->dimension_label) : Value::Null();
    case kIndicatorAdjacent: return Value::Bool(f.indicator_adjacent);
    case kStarted: return Value::Bool(f.started);
    case kFinished: return Value::Bool(f.finished);
    case kListCommas: return Value::Number(f.list_commas);
    case kStock: return Value::Bool(f.stock);
    case kCap: return Value::Bool(f.cap);
    case kName: return Value::String(ind ? std::string_view(ind->name) : std::string_view(f.subject));
    case kGenericUnit: return Value::Bool(f.generic_unit);
    case kListNames: return Value::String(f.list_names);
    case kEnumList: return Value::String(f.enum_list);
  }
  return Value::Null();
}

namespace {

class Literal : public Expr {
 public:
  explicit Literal(Value v) : v_(v) {}
  explicit Literal(std::string s) : storage_(std::move(s)), v_(Value::String(storage_)) {}
  Literal(const Literal&) = delete;
  Literal& operator=(const Literal&) = delete;
  Value Eval(const Bindings&) const override { return v_; }
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
      case Op::kLt: return Value::Bool(x < y);
      case Op::kLe: return Value::Bool(x <= y);
      case Op::kGt: return Value::Bool(x > y);
      case Op::kGe: return Value::Bool(x >= y);
      case Op::kAdd: return Value::Number(x + y);
      case Op::kSub: return Value::Number(x - y);
      case Op::kMul: return Value::Number(x * y);
      case Op::kDiv: return y == 0 ? Value::Null() : Value::Number(x / y);
      default: return Value::Null();
    }
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
  Matches(ExprPtr subject, std::shared_ptr<RE2> re) : subject_(std::move(subject)), re_(std::move(re)) {}
  Value Eval(const Bindings& b) const override {
    Value v = subject_->Eval(b);
    if (v.type != Value::Type::kString) return Value::Bool(false);
    return Value::Bool(RE2::PartialMatch(re2::StringPiece(v.string.data(), v.string.size()), *re_));
  }
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
    return Value::Bool(v.type != Value::Type::kNull && !(v.type == Value::Type::kString && v.string.empty()));
  }
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
  void References(int var, std::vector<int>* fields, bool* opaque) const override {
    for (const ExprPtr& a : args_) a->References(var, fields, opaque);
  }
 private:
  std::string fn_;
  std::vector<ExprPtr> args_;
};

// met(TARGET, ACTUAL): whether the actual meets the target (outcome.h);
// true also when that cannot be told, so that an assertion fires only on a
// miss.
class Met : public Expr {
 public:
  Met(int target, int actual) : target_(target), actual_(actual) {}
  Value Eval(const Bindings& b) const override {
    const Fact* t = b.facts[target_];
    const Fact* a = b.facts[actual_];
    if (t == nullptr || a == nullptr) return Value::Null();
    return Value::Bool(TargetOutcome(*t, *a) != Outcome::kMissed);
  }
  void References(int var, std::vector<int>*, bool* opaque) const override {
    if (var == target_ || var == actual_) *opaque = true;
  }
 private:
  int target_, actual_;
};

class Parser {
 public:
  Parser(std::string_view s, const std::vector<std::string>& vars) : s_(s), vars_(vars) {}

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
  void Fail(const std::string& message) {
    if (error_.empty()) error_ = message + " at column " + std::to_string(pos_ + 1);
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

  ExprPtr Or() {
    ExprPtr l = And();
    while (error_.empty() && Eat("||")) l = std::make_shared<Binary>(Op::kOr, l, And());
    return l;
  }
  ExprPtr And() {
    ExprPtr l = Cmp();
    while (error_.empty() && Eat("&&")) l = std::make_shared<Binary>(Op::kAnd, l, Cmp());
    return l;
  }
  ExprPtr Cmp() {
    ExprPtr l = Add();
    static const std::pair<const char*, Op> kOps[] = {{"==", Op::kEq}, {"!=", Op::kNe},
                                                      {"<=", Op::kLe}, {">=", Op::kGe},
                                                      {"<", Op::kLt},  {">", Op::kGt}};
    for (const auto& [tok, op] : kOps) {
      if (Eat(tok)) return std::make_shared<Binary>(op, l, Add());
    }
    return l;
  }
  ExprPtr Add() {
    ExprPtr l = Mul();
    while (error_.empty()) {
      if (Eat("+")) l = std::make_shared<Binary>(Op::kAdd, l, Mul());
      else if (Eat("-")) l = std::make_shared<Binary>(Op::kSub, l, Mul());
      else break;
    }
    return l;
  }
  ExprPtr Mul() {
    ExprPtr l = UnaryExpr();
    while (error_.empty()) {
      if (Eat("*")) l = std::make_shared<Binary>(Op::kMul, l, UnaryExpr());
      else if (Eat("/")) l = std::make_shared<Binary>(Op::kDiv, l, UnaryExpr());
      else break;
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
      while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
                                  s_[pos_] == '_'))
        ++pos_;
      std::string name(s_.substr(start, pos_ - start));
      if (name == "true" || name == "false") return std::make_shared<Literal>(Value::Bool(name == "true"));
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
      if (name == "met") {
        int vars[2] = {-1, -1};
        if (!Eat("(")) {
          Fail("met(TARGET, ACTUAL) needs two variables in parentheses");
          return Error();
        }
        for (int k = 0; k < 2; ++k) {
          if (k == 1 && !Eat(",")) {
            Fail("met(TARGET, ACTUAL) takes two variables");
            return Error();
          }
          Skip();
          size_t vstart = pos_;
          while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_'))
            ++pos_;
          if (!ResolveVariable(s_.substr(vstart, pos_ - vstart), &vars[k])) return Error();
        }
        if (!Eat(")")) Fail("missing ')'");
        return std::make_shared<Met>(vars[0], vars[1]);
      }
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
        Fail("unknown name '" + name + "'");
        return Error();
      }
      ++pos_;
      size_t fstart = pos_;
      while (pos_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[pos_])) ||
                                  s_[pos_] == '_'))
        ++pos_;
      int v = 0, f = 0;
      if (!Resolve(name, s_.substr(fstart, pos_ - fstart), &v, &f)) return Error();
      return std::make_shared<FieldRef>(v, f);
    }
    Fail("unexpected '" + std::string(1, c) + "'");
    return Error();
  }

  std::string_view s_;
  const std::vector<std::string>& vars_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

Result<ExprPtr> Expr::Parse(std::string_view source, const std::vector<std::string>& variables) {
  Parser p(source, variables);
  return p.ParseAll();
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
