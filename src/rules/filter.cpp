#include "rules/filter.h"

#include <algorithm>

#include "base/spell.h"
#include "rules/identities.h"

namespace plancheck {
namespace {

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// "(v.f == "x" || v.f == "y")"
std::string AnyOf(const std::string& var, const char* field,
                  const std::vector<std::string>& values) {
  std::string out = "(";
  for (size_t i = 0; i < values.size(); ++i)
    out += (i ? " || " : "") + var + "." + field + " == " + Quote(values[i]);
  return out + ")";
}

}  // namespace

ExprPtr CompileExpression(TableReader& rule, const char* key, bool required,
                          const ParseContext& context) {
  const std::vector<std::string>& variables = context.variables;
  std::optional<std::string> source = rule.String(key, required);
  if (!source) return required ? nullptr : Expr::Parse("true", variables).value();
  Result<ExprPtr> e = Expr::Parse(*source, variables, context.vocabulary);
  if (!e.ok()) {
    rule.Error(rule.LineOfKey(key), std::string(key) + ": " + e.status().message());
    return nullptr;
  }
  return e.value();
}

namespace {

// Whether `e` reads no field of any fact: a constant ("false").
bool ReadsNoFact(const Expr& e, const ParseContext& context) {
  for (size_t v = 0; v < context.variables.size(); ++v) {
    std::vector<int> fields;
    bool opaque = false;
    e.References(static_cast<int>(v), &fields, &opaque);
    if (opaque || !fields.empty()) return false;
  }
  return true;
}

}  // namespace

ExprPtr CompileJoin(TableReader& rule, const ParseContext& context) {
  ExprPtr join = CompileExpression(rule, "join", false, context);
  const std::vector<std::string> same = rule.Strings("same");
  if (same.empty() || !join) return join;
  static const Identities kNone;
  Result<std::vector<int>> fields =
      (context.identities ? context.identities : &kNone)->Resolve(same);
  if (!fields.ok()) {
    rule.Error(rule.LineOfKey("same"), "same: " + fields.status().message());
    return nullptr;
  }
  return Expr::Conjunction(Expr::Same(*fields, 0, 1), join);
}

ExprPtr CompileAssertion(TableReader& rule, const std::string& fire, const ParseContext& context) {
  if (fire == "match") {
    if (rule.String("assert")) {
      rule.Error(rule.LineOfKey("assert"),
                 "assert: with fire = \"match\" every selected fact fires; drop the assertion");
      return nullptr;
    }
    return Expr::Parse("false", context.variables).value();
  }
  ExprPtr e = CompileExpression(rule, "assert", fire == "assert-fails", context);
  if (e && fire == "assert-fails" && ReadsNoFact(*e, context)) {
    rule.Error(rule.LineOfKey("assert"),
               "assert: reads no fact, so it decides nothing; to flag every fact the filters "
               "select, write fire = \"match\" instead");
    return nullptr;
  }
  return e;
}

ExprPtr CompileFilter(TableReader& rule, const char* key, const std::string& var,
                      const ParseContext& context) {
  const std::vector<std::string>& variables = context.variables;
  const toml::table* table = rule.Table(key);
  if (table == nullptr) return Expr::Parse("true", variables).value();
  TableReader f(*table, rule.path(), rule.errors(), std::string("[") + key + "]");
  std::vector<std::string> terms;
  // Keys naming a field; the values a field takes are the field table's.
  const char* kKeys[] = {"role",           "measure",   "qualifier", "polarity", "growth_basis",
                         "indicator_kind", "list_kind", "dimension", "unit"};
  bool bad = false;
  for (const char* k : kKeys) {
    std::vector<std::string> values = f.Strings(k);
    if (values.empty()) continue;
    const std::vector<std::string>& allowed = FieldTable()[FindField(k)].values;
    for (const std::string& v : values) {
      if (allowed.empty() || std::find(allowed.begin(), allowed.end(), v) != allowed.end())
        continue;
      std::string list;
      for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
      f.Error(f.LineOfKey(k), std::string("[") + key + "]: " + k + " '" + v + "' is not one of " +
                                  list + DidYouMean(v, allowed));
      bad = true;
    }
    terms.push_back(AnyOf(var, k, values));
  }
  // Indicator and unit names the lexicon must know, checked where written.
  if (const Vocabulary* names = context.vocabulary) {
    for (const char* k : {"indicator", "unit"}) {
      for (const std::string& v : f.Strings(k)) {
        const std::string unknown = v == "*" ? "" : names->Unknown(k, v);
        if (unknown.empty()) continue;
        f.Error(f.LineOfKey(k), std::string("[") + key + "]: " + unknown);
        bad = true;
      }
    }
  }
  std::vector<std::string> indicators = f.Strings("indicator");
  if (indicators.size() == 1 && indicators[0] == "*") {
    terms.push_back(var + ".has_indicator");
  } else if (!indicators.empty()) {
    terms.push_back(AnyOf(var, "indicator", indicators));
  }
  if (std::optional<bool> b = f.Bool("cumulative"))
    terms.push_back((*b ? "" : "!") + var + ".cumulative");
  if (std::optional<bool> b = f.Bool("multi_year"))
    terms.push_back((*b ? "" : "!") + var + ".multi_year");
  std::optional<std::string> where = f.String("where");
  f.Finish();
  std::string source;
  for (const std::string& t : terms) source += (source.empty() ? "" : " && ") + t;
  if (where) {
    Result<ExprPtr> check = Expr::Parse(*where, variables, context.vocabulary);
    if (!check.ok()) {
      f.Error(f.LineOfKey("where"),
              std::string("[") + key + "].where: " + check.status().message());
      return nullptr;
    }
    source += (source.empty() ? "(" : " && (") + *where + ")";
  }
  if (bad) return nullptr;
  if (source.empty()) source = "true";
  Result<ExprPtr> e = Expr::Parse(source, variables);
  PLANCHECK_CHECK(e.ok());
  return e.value();
}

}  // namespace plancheck
