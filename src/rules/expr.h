// Expressions of the rule language: filters, joins and assertions over the
// fields of facts ("t.value >= a.value", "t.role == \"target\"").
//
// Grammar (usual precedence): || && ! == != < <= > >= + - * / unary -,
// parentheses, numbers, "strings", true/false, functions abs min max,
// known(x) (not null or empty), matches(text, "RE2 pattern"), the tests
// over two whole facts of rules/fact_tests.h (met(T, A), same_value(X, Y),
// at_most(X, Y), growth_fits(A, T)), and fields VAR.FIELD where VAR is one the rule kind binds (t,
// a) and FIELD is in FactFields(). Parsing checks every variable and field, so an expression that
// parsed cannot fail while evaluating. A missing value (a fact with no year) is null: arithmetic
// with null is null, comparisons with null are false.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/fact.h"

namespace plancheck {

// A string Value views text that outlives the evaluation: a fact's field, a
// lexicon entry, a literal of the expression, a static name. Evaluating an
// expression allocates nothing.
struct Value {
  enum class Type { kNull, kNumber, kString, kBool };
  Type type = Type::kNull;
  double number = 0;
  std::string_view string;

  static Value Null() { return Value(); }
  static Value Number(double d) {
    Value v;
    v.type = Type::kNumber;
    v.number = d;
    return v;
  }
  static Value String(std::string_view s) {
    Value v;
    v.type = Type::kString;
    v.string = s;
    return v;
  }
  static Value Bool(bool b) {
    Value v;
    v.type = Type::kBool;
    v.number = b ? 1 : 0;
    return v;
  }
  bool truthy() const {
    return (type == Type::kBool || type == Type::kNumber)
               ? number != 0
               : type == Type::kString && !string.empty();
  }
  std::string Format() const;
};

// What an expression can read besides fact fields.
struct Environment {
  // The number of county-level units of the report's city (regions.toml),
  // 0 if unknown, and the words before 第N that put a rank among them
  // (居全市第3; regions.toml `peer_words`).
  int peers = 0;
  const std::vector<std::string>* peer_words = nullptr;
};

// Up to three facts bound to the variables of a rule kind, in order.
struct Bindings {
  const Fact* facts[3] = {nullptr, nullptr, nullptr};
  const Environment* env = nullptr;
};

// The fields of a fact an expression can read: the one table that the
// parser checks names, types and literals against, evaluation reads, and
// rules/README.md's field list follows (a unit test holds it to that).
struct FieldInfo {
  enum class Type { kNumber, kString, kBool };
  const char* name;
  Type type;
  std::vector<std::string> values;  // a string field's only values, else empty
  const char* doc;
  Value (*get)(const Fact& fact, const Environment& env);
};
const std::vector<FieldInfo>& FieldTable();
const std::vector<std::string>& FactFields();  // the table's names, in order
int FindField(std::string_view name);          // index into the table, or -1
Value FieldValue(const Fact& fact, int field, const Environment& env);

// The lexicon's names, for checking a rule's literals when it loads: a
// string compared with `indicator` must name an indicator, with `unit` a unit.
struct Vocabulary {
  std::vector<std::string> indicators;
  std::vector<std::string> units;
  std::vector<std::string> claims;  // the lists of words.toml [claims]
  // The names `field` must take ("indicator", "unit", "claims"), or null: any.
  const std::vector<std::string>* NamesOf(std::string_view field) const;
  // "unknown indicator \"X\" (did you mean …)" when `value` is not one of
  // them; "" when it is, or when the field takes any name.
  std::string Unknown(std::string_view field, const std::string& value) const;
};

// What a rule's expressions are parsed against: the variables its kind binds
// ("t", "a": what Bindings::facts[0], [1] are called) and, when given, the
// lexicon's names.
struct ParseContext {
  std::vector<std::string> variables;
  const Vocabulary* vocabulary = nullptr;
  const class Identities* identities = nullptr;  // for `same`; null: fields only
};

class Expr {
 public:
  // On error the message says where in `source` (1-based column).
  static Result<std::shared_ptr<const Expr>> Parse(std::string_view source,
                                                   const std::vector<std::string>& variables,
                                                   const Vocabulary* vocabulary = nullptr);
  // VAR1.F == VAR0.F for each of `fields`, as one conjunction the join
  // index reads like written equalities.
  static std::shared_ptr<const Expr> Same(const std::vector<int>& fields, int var0, int var1);
  // l && r.
  static std::shared_ptr<const Expr> Conjunction(std::shared_ptr<const Expr> l,
                                                 std::shared_ptr<const Expr> r);
  virtual ~Expr() = default;
  virtual Value Eval(const Bindings& b) const = 0;
  bool Test(const Bindings& b) const { return Eval(b).truthy(); }
  // What the expression yields as far as the parser can tell; kNull when
  // it cannot (a null literal).
  virtual Value::Type StaticType() const = 0;

  // For indexing joins: the fields F for which the expression is a
  // conjunction containing "VAR0.F == VAR1.F" (either order).
  virtual void EqualityJoins(std::vector<int>* fields) const { (void)fields; }
  // The fields of variable `var` the expression reads; *opaque when it reads
  // the whole fact (met()).
  virtual void References(int var, std::vector<int>* fields, bool* opaque) const {
    (void)var, (void)fields, (void)opaque;
  }
  // The fields F for which the expression is a conjunction containing
  // "VAR.F < OTHER.F" or "VAR.F <= OTHER.F" (either way round): VAR's
  // fact comes before OTHER's by F.
  virtual void OrderingJoins(int var, std::vector<int>* fields) const { (void)var, (void)fields; }
};

using ExprPtr = std::shared_ptr<const Expr>;

// A message template with {var.field} placeholders, checked at load.
class Template {
 public:
  static Result<Template> Parse(std::string_view source, const std::vector<std::string>& variables);
  std::string Render(const Bindings& b) const;
  bool empty() const { return pieces_.empty(); }

 private:
  struct Piece {
    std::string literal;
    int variable = -1;
    int field = -1;
  };
  std::vector<Piece> pieces_;
};

}  // namespace plancheck
