#include "rules/filter.h"

#include "base/spell.h"

namespace plancheck {
namespace {

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// "(v.f == "x" || v.f == "y")"
std::string AnyOf(const std::string& var, const char* field, const std::vector<std::string>& values) {
  std::string out = "(";
  for (size_t i = 0; i < values.size(); ++i)
    out += (i ? " || " : "") + var + "." + field + " == " + Quote(values[i]);
  return out + ")";
}

}  // namespace

ExprPtr CompileExpression(TableReader& rule, const char* key, bool required,
                          const std::vector<std::string>& variables) {
  std::optional<std::string> source = rule.String(key, required);
  if (!source) return required ? nullptr : Expr::Parse("true", variables).value();
  Result<ExprPtr> e = Expr::Parse(*source, variables);
  if (!e.ok()) {
    rule.Error(rule.LineOfKey(key), std::string(key) + ": " + e.status().message());
    return nullptr;
  }
  return e.value();
}

ExprPtr CompileFilter(TableReader& rule, const char* key, const std::string& var,
                      const std::vector<std::string>& variables) {
  const toml::table* table = rule.Table(key);
  if (table == nullptr) return Expr::Parse("true", variables).value();
  TableReader f(*table, rule.path(), rule.errors(), std::string("[") + key + "]");
  std::vector<std::string> terms;
  struct EnumKey {
    const char* key;
    const char* field;
    std::vector<std::string> allowed;  // empty: free text
  };
  const EnumKey kKeys[] = {
      {"role", "role", {"actual", "target", "other"}},
      {"measure", "measure", {"level", "rate", "growth", "change", "rank", "threshold"}},
      {"qualifier", "qualifier", {"=", ">=", "<=", ">", "<", "~"}},
      {"polarity", "polarity", {"higher", "lower", "band"}},
      {"growth_basis", "growth_basis", {"real", "nominal", "none"}},
      {"indicator_kind", "indicator_kind", {"level", "rate", "index"}},
      {"list_kind", "list_kind", {"respectively", "each", "pairwise"}},
      {"dimension", "dimension", {}},
      {"unit", "unit", {}},
  };
  for (const EnumKey& k : kKeys) {
    std::vector<std::string> values = f.Strings(k.key);
    if (values.empty()) continue;
    for (const std::string& v : values) {
      if (k.allowed.empty()) continue;
      bool ok = false;
      for (const std::string& a : k.allowed) ok |= a == v;
      if (!ok) {
        std::string list;
        for (const std::string& a : k.allowed) list += (list.empty() ? "" : ", ") + a;
        f.Error(f.LineOfKey(k.key), std::string("[") + key + "]: " + k.key + " '" + v +
                                        "' is not one of " + list + DidYouMean(v, k.allowed));
      }
    }
    terms.push_back(AnyOf(var, k.field, values));
  }
  std::vector<std::string> indicators = f.Strings("indicator");
  if (indicators.size() == 1 && indicators[0] == "*") {
    terms.push_back(var + ".has_indicator");
  } else if (!indicators.empty()) {
    terms.push_back(AnyOf(var, "indicator", indicators));
  }
  if (std::optional<bool> b = f.Bool("cumulative")) terms.push_back((*b ? "" : "!") + var + ".cumulative");
  if (std::optional<bool> b = f.Bool("multi_year")) terms.push_back((*b ? "" : "!") + var + ".multi_year");
  std::optional<std::string> where = f.String("where");
  f.Finish();
  std::string source;
  for (const std::string& t : terms) source += (source.empty() ? "" : " && ") + t;
  if (where) {
    Result<ExprPtr> check = Expr::Parse(*where, variables);
    if (!check.ok()) {
      f.Error(f.LineOfKey("where"), std::string("[") + key + "].where: " + check.status().message());
      return nullptr;
    }
    source += (source.empty() ? "(" : " && (") + *where + ")";
  }
  if (source.empty()) source = "true";
  Result<ExprPtr> e = Expr::Parse(source, variables);
  PLANCHECK_CHECK(e.ok());
  return e.value();
}

}  // namespace plancheck
