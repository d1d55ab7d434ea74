#include "extract/lexicon.h"

#include <re2/re2.h>

#include <algorithm>

#include "base/status.h"

namespace plancheck {

void Lexicon::LoadUnits(std::string_view text, const std::string& path, ConfigErrors* errors) {
  std::optional<toml::table> doc = ParseToml(text, path, errors);
  if (!doc) return;
  TableReader top(*doc, path, errors, "units file");
  const toml::array* units = top.Array("unit");
  top.Finish();
  if (units == nullptr) return;
  for (const toml::node& node : *units) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      errors->Add(path, LineOf(node), "[[unit]] must be a table");
      continue;
    }
    TableReader r(*table, path, errors, "[[unit]]");
    std::vector<std::string> names = r.Strings("names");
    if (std::optional<std::string> name = r.String("name")) names.push_back(*name);
    std::optional<std::string> dimension = r.String("dimension", /*required=*/true);
    std::optional<std::string> base = r.String("base");
    double factor = r.Number("factor").value_or(1.0);
    r.Finish();
    if (names.empty()) r.Error(r.line(), "[[unit]]: needs 'name' or 'names'");
    if (factor <= 0) r.Error(r.LineOfKey("factor"), "[[unit]]: 'factor' must be positive");
    for (const std::string& name : names) {
      units_.push_back(Unit{name, base.value_or(name), dimension.value_or("count"), factor});
    }
  }
  // Longest first, so that 个百分点 wins over 个 and 平方公里 over 公里.
  std::stable_sort(units_.begin(), units_.end(),
                   [](const Unit& a, const Unit& b) { return a.name.size() > b.name.size(); });
}

void Lexicon::LoadIndicators(std::string_view text, const std::string& path,
                             ConfigErrors* errors) {
  std::optional<toml::table> doc = ParseToml(text, path, errors);
  if (!doc) return;
  TableReader top(*doc, path, errors, "indicators file");
  const toml::array* indicators = top.Array("indicator");
  const toml::array* compounds = top.Array("compound");
  top.Finish();
  if (indicators != nullptr) {
    for (const toml::node& node : *indicators) {
      const toml::table* table = node.as_table();
      if (table == nullptr) {
        errors->Add(path, LineOf(node), "[[indicator]] must be a table");
        continue;
      }
      TableReader r(*table, path, errors, "[[indicator]]");
      auto ind = std::make_unique<Indicator>();
      ind->name = r.String("name", /*required=*/true).value_or("");
      ind->aliases = r.Strings("aliases");
      if (!ind->name.empty() &&
          std::find(ind->aliases.begin(), ind->aliases.end(), ind->name) == ind->aliases.end())
        ind->aliases.push_back(ind->name);
      for (const std::string& pattern : r.Strings("patterns")) {
        RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_shared<RE2>(pattern, options);
        if (!re->ok()) {
          r.Error(r.LineOfKey("patterns"),
                  "[[indicator]] '" + ind->name + "': bad pattern '" + pattern + "': " + re->error());
          continue;
        }
        ind->patterns.push_back(re);
      }
      ind->dimension = r.String("dimension").value_or("any");
      ind->units = r.Strings("units");
      std::string polarity = *r.Enum("polarity", {"higher", "lower", "band"}, "higher");
      ind->polarity = polarity == "lower"  ? Polarity::kLower
                      : polarity == "band" ? Polarity::kBand
                                           : Polarity::kHigher;
      std::string growth = *r.Enum("growth", {"real", "nominal", "none"}, "none");
      ind->growth = growth == "real"      ? GrowthBasis::kReal
                    : growth == "nominal" ? GrowthBasis::kNominal
                                          : GrowthBasis::kNone;
      std::string kind = *r.Enum("kind", {"level", "rate", "index"}, "level");
      ind->kind = kind == "rate"    ? IndicatorKind::kRate
                  : kind == "index" ? IndicatorKind::kIndex
                                    : IndicatorKind::kLevel;
      r.Finish();
      if (FindByName(ind->name) != nullptr) {
        r.Error(r.LineOfKey("name"), "[[indicator]]: duplicate name '" + ind->name + "'");
        continue;
      }
      indicators_.push_back(std::move(ind));
    }
  }
  if (compounds != nullptr) {
    for (const toml::node& node : *compounds) {
      const toml::table* table = node.as_table();
      if (table == nullptr) continue;
      TableReader r(*table, path, errors, "[[compound]]");
      Compound c;
      c.word = r.String("word", true).value_or("");
      c.parts = r.Strings("parts");
      r.Finish();
      if (!c.word.empty() && c.parts.size() >= 2) compounds_.push_back(std::move(c));
    }
  }
}

const Unit* Lexicon::MatchUnit(std::string_view text) const {
  for (const Unit& unit : units_) {
    if (text.substr(0, unit.name.size()) == unit.name) return &unit;
  }
  return nullptr;
}

const Unit* Lexicon::FindUnit(std::string_view name) const {
  for (const Unit& unit : units_)
    if (unit.name == name) return &unit;
  return nullptr;
}

const Indicator* Lexicon::FindByName(std::string_view name) const {
  for (const auto& ind : indicators_)
    if (ind->name == name) return ind.get();
  return nullptr;
}

std::optional<IndicatorMatch> Lexicon::FindIndicator(std::string_view context,
                                                     std::string_view dimension,
                                                     std::string_view unit) const {
  std::optional<IndicatorMatch> best;
  auto consider = [&](const Indicator* ind, size_t begin, size_t end) {
    if (!best || end > best->end || (end == best->end && begin < best->begin)) {
      best = IndicatorMatch{ind, begin, end};
    }
  };
  for (const auto& ind : indicators_) {
    if (!dimension.empty() && ind->dimension != "any" && ind->dimension != dimension) continue;
    if (!unit.empty() && !ind->units.empty() &&
        std::find(ind->units.begin(), ind->units.end(), unit) == ind->units.end())
      continue;
    for (const std::string& alias : ind->aliases) {
      size_t at = context.rfind(alias);
      if (at != std::string_view::npos) consider(ind.get(), at, at + alias.size());
    }
    for (const auto& re : ind->patterns) {
      re2::StringPiece input(context.data(), context.size());
      re2::StringPiece match;
      size_t pos = 0;
      // The last match in the context.
      while (pos <= context.size() &&
             re->Match(input, pos, context.size(), RE2::UNANCHORED, &match, 1)) {
        size_t begin = static_cast<size_t>(match.data() - context.data());
        size_t end = begin + match.size();
        consider(ind.get(), begin, end);
        pos = end > begin ? end : begin + 1;
      }
    }
  }
  return best;
}

}  // namespace plancheck

#include "base/embedded.h"

namespace plancheck {

void LoadDefaultLexicon(Lexicon* lexicon, ConfigErrors* errors) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == "rules/units.toml") lexicon->LoadUnits(f.text, std::string(f.path), errors);
  }
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == "rules/indicators.toml")
      lexicon->LoadIndicators(f.text, std::string(f.path), errors);
  }
}

const Lexicon& DefaultLexicon() {
  static const Lexicon* lexicon = [] {
    auto* l = new Lexicon();
    ConfigErrors errors;
    LoadDefaultLexicon(l, &errors);
    PLANCHECK_CHECK(errors.empty());
    return l;
  }();
  return *lexicon;
}

}  // namespace plancheck
